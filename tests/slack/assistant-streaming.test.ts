import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import { examplesDir } from '../helpers/corpus.js';
import { FakeOpenAi, messagesOf, type RecordedRequest, type ScriptedReply } from '../helpers/fake-openai.js';
import { eventCallback, FAKE_TEAM, postToApp } from '../helpers/fake-slack.js';
import { buildIndex, tempDir } from '../helpers/index.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/**
 * The AI-app container over a real index, answered by the answering thread `serve` uses: suggested
 * prompts from what the index holds, and a model's answer streamed, then replaced by the checked one.
 */

const DM = 'D0ASSIST';
const USER = 'U0ASKER';
const THREAD = '1700006000.000100';
const COMMITTEE = 'Children and Young People Scrutiny Committee';

/** A sentence the minutes bear out, one they do not (its figures are nowhere), and another they do. */
const KEPT_FIRST = 'Spending on home to school transport rose from £6.1m in 2021/22 to a forecast £8.4m in 2023/24';
const DROPPED = 'The council bought 14 electric minibuses for £2.9m in 2022';
const KEPT_LAST = 'Transport for children with an EHCP accounted for 71% of the cost';

/** The number the answerer gave the passage that holds `words`, read from the request as the model would. */
function passageNumber(request: RecordedRequest, words: string): number {
  const user = messagesOf(request)[1]?.content ?? '';
  for (const block of user.matchAll(/\[(\d+)\] [^\n]*\n<<<([\s\S]*?)>>>/g)) {
    if ((block[2] ?? '').replace(/\s+/g, ' ').includes(words)) return Number(block[1]);
  }
  throw new Error(`no passage with "${words}" was given to the model`);
}

/** Replies slowly, a few words at a time, citing the passage on school transport. */
function slowReply(request: RecordedRequest): ScriptedReply {
  const n = passageNumber(request, '£6.1m in 2021/22');
  const text = `${KEPT_FIRST} [${n}]. ${DROPPED} [${n}]. ${KEPT_LAST} [${n}].`;
  const words = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += 3) chunks.push(words.slice(i, i + 3).join(''));
  return { kind: 'slow', chunks, delayMs: 40 };
}

function assistantMessage(ts: string, text: string, eventId: string): Record<string, unknown> {
  const event = {
    type: 'message',
    channel: DM,
    channel_type: 'im',
    user: USER,
    team: FAKE_TEAM,
    text,
    ts,
    thread_ts: THREAD,
    event_ts: ts,
  };
  return eventCallback(event, eventId);
}

describe('the AI-app container over a real index', () => {
  let indexDir: string;
  let h: Harness | undefined;
  let answerer: WorkerAnswerer | undefined;
  let llm: FakeOpenAi | undefined;
  beforeAll(async () => {
    ({ indexDir } = await buildIndex([examplesDir], {
      embedder: null,
      manifest: path.join(examplesDir, 'meetings.json'),
    }));
  });
  afterEach(async () => {
    await h?.close();
    await answerer?.close();
    await llm?.close();
    h = answerer = llm = undefined;
  });

  async function start(env: Record<string, string> = {}): Promise<Harness> {
    const config = loadConfig(
      { MINUTEBOOK_MODEL_DIR: tempDir('minutebook-no-model-'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false', ...env },
      process.cwd(),
    );
    const worker = new WorkerAnswerer({
      config,
      target: { kind: 'sqlite', dir: indexDir },
      logger: createLogger({ level: 'silent' }),
      logLevel: 'silent',
      timeoutMs: 60_000,
    });
    answerer = worker;
    await worker.start();
    h = await startHarness('http', {
      answerer: worker,
      stats: () => worker.stats(),
      coverage: () => worker.coverage(),
      streamIntervalMs: 100,
    });
    return h;
  }

  it('suggests the latest meeting and a subject the minutes define, and each suggestion is answered from the minutes', async () => {
    const harness = await start();
    const assistant_thread = { user_id: USER, context: {}, channel_id: DM, thread_ts: THREAD };
    const started = eventCallback({ type: 'assistant_thread_started', assistant_thread, event_ts: THREAD }, 'EvStart');
    await postToApp(harness.eventsUrl, started, { secret: SIGNING_SECRET });
    await harness.fake.waitFor((f) => f.callsTo('assistant.threads.setSuggestedPrompts').length === 1);
    const args = harness.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]?.args;
    expect(args?.title).toBe('Ask about 3 meetings, for example:');
    const prompts = args?.prompts as Array<{ title: string; message: string }>;
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.length).toBeLessThanOrEqual(4);
    expect(prompts[0]).toEqual({
      title: `${COMMITTEE}, 18 June 2024`,
      message: `What was decided at the ${COMMITTEE} meeting on 18 June 2024?`,
    });
    expect(prompts.map((p) => p.message)).toContain('What has been said about Education Health and Care Plan (EHCP)?');

    // Each suggestion, sent as the user would, gets an answer with citations, not "not in the minutes".
    for (const [i, prompt] of prompts.entries()) {
      const ts = `1700006000.00020${i}`;
      await postToApp(harness.eventsUrl, assistantMessage(ts, prompt.message, `EvPrompt${i}`), {
        secret: SIGNING_SECRET,
      });
      await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === i + 1);
      const blocks = JSON.stringify(harness.fake.callsTo('chat.postMessage')[i]?.args.blocks);
      expect(blocks, prompt.message).toContain('ieListDocuments.aspx?CId=12');
    }
  });

  it('streams the model draft with honest status, then replaces it with the checked answer', async () => {
    llm = await FakeOpenAi.start(slowReply);
    const harness = await start({ OPENAI_BASE_URL: llm.baseUrl });
    const ts = '1700006000.000300';
    await postToApp(harness.eventsUrl, assistantMessage(ts, 'What was said about home to school transport?', 'EvS'), {
      secret: SIGNING_SECRET,
    });
    await harness.fake.waitFor((f) => f.callsTo('chat.update').length === 1);
    await harness.fake.waitFor((f) => f.callsTo('assistant.threads.setStatus').length === 3);

    expect(harness.fake.callsTo('assistant.threads.setStatus').map((c) => c.args.status)).toEqual([
      'Searching 3 meetings of 1 committee…',
      'Writing the answer…',
      '',
    ]);
    const [opened] = harness.fake.callsTo('chat.startStream');
    expect(opened?.args).toMatchObject({
      channel: DM,
      thread_ts: THREAD,
      recipient_user_id: USER,
      recipient_team_id: FAKE_TEAM,
    });
    const appends = harness.fake.callsTo('chat.appendStream');
    expect(appends.length).toBeGreaterThanOrEqual(1);
    expect(harness.fake.callsTo('chat.stopStream')).toHaveLength(1);
    const streamedTs = harness.fake.message(DM, String(harness.fake.callsTo('chat.stopStream')[0]?.args.ts));
    expect(streamedTs).toBeDefined();

    // The draft showed the sentence the checker drops; the message as it stands now does not.
    const streamed = [opened, ...appends].map((c) => String(c?.args.markdown_text)).join('');
    expect(streamed.replace(/\\/g, '')).toContain('The council bought 14 electric minibuses');
    const update = harness.fake.callsTo('chat.update')[0]?.args;
    expect(update?.ts).toBe(streamedTs?.ts);
    const final = JSON.stringify(update?.blocks);
    expect(final).toContain('Spending on home to school transport rose from £6.1m');
    expect(final).toContain('accounted for 71% of the cost');
    expect(final).not.toContain('minibuses');
    expect(final).toContain('"type":"feedback_buttons"');
    expect(final).toContain('summarised by AI');
    expect(streamedTs?.text).not.toContain('minibuses');
    expect(streamedTs?.streaming).toBe(false);
    // One message in the thread: the streamed one, now the answer.
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.fake.callsTo('reactions.add')).toHaveLength(0);
  });

  it('still answers, whole, where Slack refuses to stream', async () => {
    llm = await FakeOpenAi.start(slowReply);
    const harness = await start({ OPENAI_BASE_URL: llm.baseUrl });
    harness.fake.fail('chat.startStream', 'not_allowed');
    await postToApp(
      harness.eventsUrl,
      assistantMessage('1700006000.000400', 'What was said about home to school transport?', 'EvNoStream'),
      { secret: SIGNING_SECRET },
    );
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    const final = JSON.stringify(harness.fake.callsTo('chat.postMessage')[0]?.args.blocks);
    expect(final).toContain('accounted for 71% of the cost');
    expect(final).not.toContain('minibuses');
    expect(harness.fake.callsTo('chat.appendStream')).toHaveLength(0);
    expect(harness.fake.callsTo('chat.update')).toHaveLength(0);
  });
});
