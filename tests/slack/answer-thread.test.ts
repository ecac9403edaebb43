import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import { copyIndex } from '../../src/store/copy-index.js';
import { openIndexReader } from '../../src/store/open-store.js';
import { examplesDir } from '../helpers/corpus.js';
import { FakeOpenAi, messagesOf, type RecordedRequest, type ScriptedReply } from '../helpers/fake-openai.js';
import { eventCallback, FAKE_BOT_USER, FAKE_TEAM, postToApp } from '../helpers/fake-slack.js';
import { buildIndex, silentLogger } from '../helpers/index.js';
import { postgresKit, postgresSkipReason, type StoreKit } from '../helpers/stores.js';
import { directMessage, type Harness, SIGNING_SECRET, startHarness, workerAnswerer } from './harness.js';

function mention(i: number, text: string): { ts: string; body: Record<string, unknown> } {
  const ts = `1700009000.${String(i).padStart(6, '0')}`;
  const event = {
    type: 'app_mention',
    user: `U${String(i).padStart(6, '0')}`,
    text: `<@${FAKE_BOT_USER}> ${text}`,
    ts,
    channel: 'C0BURST',
    event_ts: ts,
  };
  return { ts, body: eventCallback(event, `EvBurst${i}`) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

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
function slowReply(request: RecordedRequest, delayMs = 40): ScriptedReply {
  const n = passageNumber(request, '£6.1m in 2021/22');
  const text = `${KEPT_FIRST} [${n}]. ${DROPPED} [${n}]. ${KEPT_LAST} [${n}].`;
  const words = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += 3) chunks.push(words.slice(i, i + 3).join(''));
  return { kind: 'slow', chunks, delayMs };
}

function assistantMessage(ts: string, text: string, eventId: string): Record<string, unknown> {
  return eventCallback(directMessage({ channel: DM, user: USER, threadTs: THREAD }, ts, text), eventId);
}

/** The real Bolt app answering from a real index through the answering thread `serve` uses. */
describe('answering off the acking thread', () => {
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
  afterAll(() => {});

  const startAnswerer = (env: Record<string, string>) => workerAnswerer({ kind: 'sqlite', dir: indexDir }, env);

  it('acks a burst of 40 mentions and gives every one an answer or a polite busy reply (issue 16 case 8)', async () => {
    answerer = startAnswerer({});
    await answerer.start();
    h = await startHarness('http', { answerer, maxQuestionsInFlight: 5, rateLimit: 100 });
    const harness = h;
    const burst = Array.from({ length: 40 }, (_, i) => mention(i + 1, 'What was said about school transport?'));
    const statuses = await Promise.all(
      burst.map(async ({ body }) => (await postToApp(harness.eventsUrl, body, { secret: SIGNING_SECRET })).status),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length >= 40);
    const byThread = new Map<string, string[]>();
    for (const call of harness.fake.callsTo('chat.postMessage')) {
      const list = byThread.get(String(call.args.thread_ts)) ?? [];
      list.push(JSON.stringify(call.args.blocks));
      byThread.set(String(call.args.thread_ts), list);
    }
    expect(burst.every(({ ts }) => byThread.get(ts)?.length === 1)).toBe(true);
    const replies = burst.map(({ ts }) => byThread.get(ts)?.[0] ?? '');
    const answered = replies.filter((r) => r.includes('Home to School Transport')).length;
    const busy = replies.filter((r) => r.includes('try again in a minute')).length;
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(answered + busy).toBe(40);
  });

  it('lets a hung LLM hold only its own question: 12 questions wait on it at once, and all are answered (case 9)', async () => {
    llm = await FakeOpenAi.start(...Array.from({ length: 12 }, () => ({ kind: 'hang' as const })));
    answerer = startAnswerer({ OPENAI_BASE_URL: llm.baseUrl, MINUTEBOOK_LLM_TIMEOUT_MS: '2000' });
    await answerer.start();
    h = await startHarness('http', { answerer, rateLimit: 100 });
    const harness = h;
    const fakeLlm = llm;
    const questions = Array.from({ length: 12 }, (_, i) => mention(100 + i, 'What was said about school transport?'));
    for (const { body } of questions) await postToApp(harness.eventsUrl, body, { secret: SIGNING_SECRET });
    // Before any LLM call has given up, every question has its own call in flight: none waits behind another.
    await until(() => fakeLlm.requests.length === 12);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 12);
    for (const post of harness.fake.callsTo('chat.postMessage')) {
      const blocks = JSON.stringify(post.args.blocks);
      expect(blocks).toContain('Home to School Transport');
      expect(blocks).toContain('AI summary unavailable');
    }
  });

  /**
   * Slack's AI-app surfaces over the real index: suggested prompts from what the index holds, and a
   * model's answer streamed, then replaced by the checked one.
   */
  describe('as an AI app', () => {
    async function start(env: Record<string, string> = {}, askTimeoutMs?: number): Promise<Harness> {
      const worker = workerAnswerer({ kind: 'sqlite', dir: indexDir }, env);
      answerer = worker;
      await worker.start();
      h = await startHarness('http', {
        answerer: worker,
        stats: () => worker.stats(),
        coverage: () => worker.coverage(),
        streamIntervalMs: 100,
        ...(askTimeoutMs ? { askTimeoutMs } : {}),
      });
      return h;
    }

    it('suggests the latest meeting and a subject the minutes define, and each suggestion is answered from the minutes', async () => {
      const harness = await start();
      const assistant_thread = { user_id: USER, context: {}, channel_id: DM, thread_ts: THREAD };
      const started = eventCallback(
        { type: 'assistant_thread_started', assistant_thread, event_ts: THREAD },
        'EvStart',
      );
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
      expect(prompts.map((p) => p.message)).toContain(
        'What has been said about Education Health and Care Plan (EHCP)?',
      );

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

    it('replaces the draft with the failure when the answer is abandoned mid-stream', async () => {
      llm = await FakeOpenAi.start((request) => slowReply(request, 400));
      const harness = await start({ OPENAI_BASE_URL: llm.baseUrl }, 1500);
      await postToApp(
        harness.eventsUrl,
        assistantMessage('1700006000.000500', 'What was said about home to school transport?', 'EvSlow'),
        { secret: SIGNING_SECRET },
      );
      await harness.fake.waitFor((f) => f.callsTo('chat.update').length === 1);
      expect(harness.fake.callsTo('chat.startStream')).toHaveLength(1);
      const update = harness.fake.callsTo('chat.update')[0]?.args;
      expect(String(update?.text)).toContain('That took too long to answer');
      // Nothing of the unchecked draft is left, and no second message says the same.
      const shown = harness.fake.message(DM, String(update?.ts));
      expect(shown?.text).not.toContain('home to school transport');
      expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
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
});

/** `serve` with the index in PostgreSQL: the answering thread opens it there, not a folder. */
describe.skipIf(postgresSkipReason !== null)('answering off the acking thread from a PostgreSQL index', () => {
  let postgres: StoreKit;
  let answerer: WorkerAnswerer | undefined;
  let h: Harness | undefined;
  beforeAll(async () => {
    const { indexDir } = await buildIndex([examplesDir], {
      embedder: null,
      manifest: path.join(examplesDir, 'meetings.json'),
    });
    postgres = postgresKit();
    const from = await openIndexReader({ kind: 'sqlite', dir: indexDir }, { logger: silentLogger });
    const to = await postgres.writer();
    try {
      await copyIndex(from, to);
    } finally {
      await from.close();
      await to.close();
    }
  });
  afterEach(async () => {
    await h?.close();
    await answerer?.close();
    h = answerer = undefined;
  });
  afterAll(async () => {
    await postgres.cleanup();
  });

  it('answers a mention and reports what is indexed from the database', async () => {
    answerer = workerAnswerer(postgres.target);
    await answerer.start();
    expect(answerer.status.indexOpen).toBe(true);
    expect(await answerer.stats()).toMatchObject({ meetings: 3 });
    h = await startHarness('http', { answerer, rateLimit: 100 });
    const harness = h;
    const { body, ts } = mention(1, 'What was said about school transport?');
    expect((await postToApp(harness.eventsUrl, body, { secret: SIGNING_SECRET })).status).toBe(200);
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    const [post] = harness.fake.callsTo('chat.postMessage');
    expect(post?.args.thread_ts).toBe(ts);
    expect(JSON.stringify(post?.args.blocks)).toContain('Home to School Transport');
  });
});
