/**
 * Slack load: N mentions arrive at once (default 50, from N different people). Checks every one is
 * answered exactly once in its own thread, and reports ack latency (Slack retries after 3 s, so the
 * bot must ack first and work after), time until all are answered, and peak memory. Runs the real
 * Bolt app against the fake Slack on 127.0.0.1, in HTTP mode and in Socket Mode. Prints numbers;
 * asserts nothing but exits 1 if an answer is missing or duplicated.
 *
 *   npx tsx bench/slack-load.ts [--n 50] [--mode http|socket|both] [--answer-ms 400] [--index <dir>]
 *
 * Without --index the answerer is scripted and takes --answer-ms per question (a stand-in for
 * retrieval plus an LLM); with --index it is the real answerer over that index. RSS includes the fake
 * Slack, which runs in the same process.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createSlackApp, EVENTS_PATH } from '../src/slack/app.js';
import type { Answerer, IndexStats } from '../src/types.js';
import { eventCallback, FAKE_BOT_USER, FakeSlack, postToApp } from '../tests/helpers/fake-slack.js';
import { sampleAnswer, sampleStats } from '../tests/helpers/scripted-answerer.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

const N = Number(arg('--n', '50'));
const MODE = arg('--mode', 'both');
const ANSWER_MS = Number(arg('--answer-ms', '400'));
const INDEX = arg('--index', '');
const SECRET = 'bench-signing-secret-0123456789';

async function openAnswerer(): Promise<{
  answerer: Answerer;
  stats: () => Promise<IndexStats>;
  close: () => Promise<void>;
}> {
  if (!INDEX) {
    const answerer: Answerer = {
      async ask(question) {
        await new Promise((resolve) => setTimeout(resolve, ANSWER_MS));
        return sampleAnswer(question);
      },
    };
    return { answerer, stats: async () => sampleStats(), close: async () => {} };
  }
  const { openRetriever } = await import('../src/retrieve/open.js');
  const { createAnswerer } = await import('../src/answer/create.js');
  const logger = createLogger({ level: 'warn' });
  const config = loadConfig();
  const retriever = await openRetriever({ config, logger }, { indexDir: INDEX });
  return {
    answerer: createAnswerer({ config, logger, retriever }),
    stats: () => retriever.stats(),
    close: async () => retriever.close?.(),
  };
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Result {
  mode: string;
  acks: number[];
  allAnsweredMs: number;
  ownThread: number;
  duplicates: number;
  peakRssMb: number;
}

async function run(mode: 'http' | 'socket'): Promise<Result> {
  const fake = await new FakeSlack().start();
  const socket = mode === 'socket' ? await fake.startSocketMode() : undefined;
  const { answerer, stats, close } = await openAnswerer();
  peakRss = process.memoryUsage().rss;
  const bot = createSlackApp({
    config: {
      botToken: 'xoxb-bench-token',
      appToken: mode === 'socket' ? 'xapp-bench-token' : null,
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      port: 0,
    },
    answerer,
    stats,
    logger: createLogger({ level: 'warn' }),
    host: '127.0.0.1',
    webApiRetries: 0,
  });
  const started = await bot.start();
  const url = `http://127.0.0.1:${started.port ?? 0}${EVENTS_PATH}`;

  const mentions = Array.from({ length: N }, (_, i) => {
    const ts = `1700001000.${String(i + 1).padStart(6, '0')}`;
    const event = {
      type: 'app_mention',
      user: `U${String(i + 1).padStart(6, '0')}`,
      text: `<@${FAKE_BOT_USER}> what was decided about item ${i + 1}?`,
      ts,
      channel: 'C0LOAD',
      event_ts: ts,
    };
    return { ts, body: eventCallback(event, `EvLoad${i + 1}`) };
  });

  const t0 = performance.now();
  // Ack latency as Slack sees it: from the request reaching the bot to the bot's response (HTTP), or
  // from the envelope being sent to its ack arriving (Socket Mode).
  let acks: number[];
  if (mode === 'http') {
    const serverAcks: number[] = [];
    started.server?.on('request', (_req, res) => {
      const arrived = performance.now();
      res.on('finish', () => serverAcks.push(performance.now() - arrived));
    });
    await Promise.all(
      mentions.map(async ({ body }) => {
        const res = await postToApp(url, body, { secret: SECRET });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      }),
    );
    acks = serverAcks;
  } else {
    const sentAt = new Map<string, number>();
    for (const { body } of mentions) sentAt.set(socket?.sendEvent(body) ?? '', performance.now());
    await socket?.waitFor((s) => s.acks.length >= N);
    acks = (socket?.acks ?? []).map((a) => a.at - (sentAt.get(a.envelope_id) ?? a.at));
  }
  await fake.waitFor((f) => f.callsTo('reactions.remove').length >= N);
  const allAnsweredMs = performance.now() - t0;

  const threads = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const thread = String(call.args.thread_ts);
    threads.set(thread, (threads.get(thread) ?? 0) + 1);
  }
  const ownThread = mentions.filter(({ ts }) => threads.get(ts) === 1).length;
  const duplicates = [...threads.values()].filter((count) => count > 1).length;
  await bot.stop();
  await fake.stop();
  await close();
  return { mode, acks, allAnsweredMs, ownThread, duplicates, peakRssMb: peakRss / 1024 / 1024 };
}

const modes: Array<'http' | 'socket'> = MODE === 'both' ? ['http', 'socket'] : [MODE as 'http' | 'socket'];
process.stdout.write(
  `${N} mentions at once; answerer: ${INDEX ? `real index ${INDEX}` : `scripted, ${ANSWER_MS} ms per answer`}; 4 answered at a time\n`,
);
process.stdout.write(
  '| mode | answered in own thread | duplicates | ack p50 ms | ack p95 ms | ack max ms | all answered s | peak RSS MB |\n|---|---|---|---|---|---|---|---|\n',
);
let failed = false;
for (const mode of modes) {
  const r = await run(mode);
  failed ||= r.ownThread !== N || r.duplicates > 0 || Math.max(...r.acks) >= 3000;
  process.stdout.write(
    `| ${r.mode} | ${r.ownThread}/${N} | ${r.duplicates} | ${percentile(r.acks, 50).toFixed(0)} | ${percentile(r.acks, 95).toFixed(0)} | ${Math.max(...r.acks).toFixed(0)} | ${(r.allAnsweredMs / 1000).toFixed(1)} | ${r.peakRssMb.toFixed(0)} |\n`,
  );
}
clearInterval(sampler);
if (failed) process.exitCode = 1;
