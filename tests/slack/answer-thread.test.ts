import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import { copyIndex } from '../../src/store/copy-index.js';
import { openIndexReader, type StoreTarget } from '../../src/store/open-store.js';
import { examplesDir } from '../helpers/corpus.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { eventCallback, FAKE_BOT_USER, postToApp } from '../helpers/fake-slack.js';
import { buildIndex, silentLogger, tempDir } from '../helpers/index.js';
import { postgresKit, postgresSkipReason, type StoreKit } from '../helpers/stores.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

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

  function startAnswerer(env: Record<string, string>, target: StoreTarget = { kind: 'sqlite', dir: indexDir }) {
    const config = loadConfig(
      { MINUTEBOOK_MODEL_DIR: tempDir('minutebook-no-model-'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false', ...env },
      process.cwd(),
    );
    return new WorkerAnswerer({
      config,
      target,
      logger: createLogger({ level: 'silent' }),
      logLevel: 'silent',
      timeoutMs: 60_000,
    });
  }

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
    const config = loadConfig(
      { MINUTEBOOK_MODEL_DIR: tempDir('minutebook-no-model-'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' },
      process.cwd(),
    );
    answerer = new WorkerAnswerer({
      config,
      target: postgres.target,
      logger: createLogger({ level: 'silent' }),
      logLevel: 'silent',
      timeoutMs: 60_000,
    });
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
