/**
 * Slack load, as issue 16 measured it: 200 mentions in 10 s from 50 people against a 1,500-meeting
 * index, answered by the real Bolt app with the real answerer in its answering thread (as `serve`
 * runs it), against the fake Slack on 127.0.0.1. Prints ack latency p50/p95/max (Slack retries
 * after 3 s), how many were answered and how many told to try again, answer latency, and peak RSS.
 * Exits 1 if a mention got no reply or two, or an ack took 3 s or more.
 *
 *   npx tsx bench/slack-load.ts [--meetings 1500] [--mentions 200] [--seconds 10] [--users 50]
 *     [--mode http|socket] [--max-questions 50] [--corpus ../shared/corpus] [--index <dir>]
 *
 * The index is built in a temp folder from copies of the corpus meetings (each copy's date shifted
 * a week further back) and removed afterwards; with the model in `models/`, the copies' passages
 * are embedded once per distinct text. Questions are `bench/extra-questions.jsonl`'s, in turn.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadMinutesFiles } from '../ingest/load.js';
import { loadManifest } from '../ingest/manifest.js';
import { ingestMeetings } from '../ingest/pipeline.js';
import { loadConfig } from '../src/config.js';
import { openEmbedder } from '../src/embed/open.js';
import { createLogger } from '../src/logger.js';
import { corpusStatsFor } from '../src/retrieve/corpus-stats.js';
import { createSlackApp, EVENTS_PATH } from '../src/slack/app.js';
import { WorkerAnswerer } from '../src/slack/worker-answerer.js';
import { openIndexWriter, type StoreTarget } from '../src/store/open-store.js';
import type { Embedder, Meeting } from '../src/types.js';
import { eventCallback, FAKE_BOT_USER, FakeSlack, postToApp } from '../support/fake-slack.js';
import { arg, percentile } from './options.js';

const MEETINGS = Number(arg('--meetings', '1500'));
const MENTIONS = Number(arg('--mentions', '200'));
const SECONDS = Number(arg('--seconds', '10'));
const USERS = Number(arg('--users', '50'));
const MODE = arg('--mode', 'http') as 'http' | 'socket';
const MAX_QUESTIONS = Number(arg('--max-questions', '50'));
const CORPUS = path.resolve(arg('--corpus', '../shared/corpus'));
const GIVEN_INDEX = arg('--index', '');
const SECRET = 'bench-signing-secret-0123456789';
const BUSY = 'try again in a minute';

const logger = createLogger({ level: 'error' });
const config = loadConfig();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

/** Embeds each distinct text once: the copies share their passages' text, so the vectors are the same. */
function memoised(inner: Embedder): Embedder {
  const cache = new Map<string, Float32Array>();
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embedDocuments(texts) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      const vectors = missing.length ? await inner.embedDocuments(missing) : [];
      for (const [i, text] of missing.entries()) cache.set(text, vectors[i] as Float32Array);
      return texts.map((t) => cache.get(t) as Float32Array);
    },
    embedQuery: (text) => inner.embedQuery(text),
  };
}

function shiftDays(iso: string | null, days: number): string | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A 1,500-meeting index from copies of the corpus meetings, in `dir`. */
async function buildIndex(dir: string): Promise<{ model: string | null }> {
  const manifest = loadManifest(path.join(CORPUS, 'meetings.json'));
  const originals: Meeting[] = [];
  for await (const loaded of loadMinutesFiles([CORPUS], { manifest })) {
    if (loaded.meeting) originals.push(loaded.meeting);
  }
  if (originals.length === 0) throw new Error(`no meetings read from ${CORPUS}`);
  const opened = await openEmbedder(config, logger);
  const embedder = opened.embedder ? memoised(opened.embedder) : null;
  const model = embedder ? { id: embedder.modelId, dimensions: embedder.dimensions } : null;
  const store = await openIndexWriter(
    { kind: 'sqlite', dir },
    { logger, model, purpose: 'bench', wait: { waitMs: 0 } },
  );
  try {
    function* copies(): Generator<Meeting> {
      for (let i = 0; i < MEETINGS; i++) {
        const original = originals[i % originals.length] as Meeting;
        const weeks = Math.floor(i / originals.length);
        yield { ...original, source: `${original.source}#copy-${i}`, date: shiftDays(original.date, weeks * 7) };
      }
    }
    const summary = await ingestMeetings(copies(), { store, embedder });
    await corpusStatsFor(store, logger);
    process.stdout.write(
      `index: ${summary.meetings} meetings, ${summary.passages} passages, built in ${summary.seconds.toFixed(0)} s (${model ? model.id : 'keyword only'})\n`,
    );
  } finally {
    await store.close();
  }
  return { model: model?.id ?? null };
}

const questions = readFileSync(new URL('./extra-questions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { q: string }).q);

const indexDir = GIVEN_INDEX || mkdtempSync(path.join(tmpdir(), 'minutebook-load-'));
try {
  if (!GIVEN_INDEX) await buildIndex(indexDir);
  const fake = await new FakeSlack().start();
  const socket = MODE === 'socket' ? await fake.startSocketMode() : undefined;
  const target: StoreTarget = { kind: 'sqlite', dir: indexDir };
  const answerer = new WorkerAnswerer({ config, target, logger, logLevel: 'error', timeoutMs: 120_000 });
  const startedAt = performance.now();
  await answerer.start();
  process.stdout.write(`answering thread ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
  const bot = createSlackApp({
    config: {
      botToken: 'xoxb-bench-token',
      appToken: MODE === 'socket' ? 'xapp-bench-token' : null,
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      healthPort: null,
      alertsIntervalMs: 60_000,
    },
    answerer,
    stats: () => answerer.stats(),
    logger,
    webApiRetries: 0,
    maxQuestionsInFlight: MAX_QUESTIONS,
  });
  const started = await bot.start();
  const url = `http://127.0.0.1:${started.port ?? 0}${EVENTS_PATH}`;

  const mentions = Array.from({ length: MENTIONS }, (_, i) => {
    const ts = `1700001000.${String(i + 1).padStart(6, '0')}`;
    const event = {
      type: 'app_mention',
      user: `U${String((i % USERS) + 1).padStart(6, '0')}`,
      text: `<@${FAKE_BOT_USER}> ${questions[i % questions.length]}`,
      ts,
      channel: 'C0LOAD',
      event_ts: ts,
    };
    return { ts, body: eventCallback(event, `EvLoad${i + 1}`) };
  });
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  const gap = (SECONDS * 1000) / MENTIONS;
  const t0 = performance.now();
  const sends: Array<Promise<void>> = [];
  for (const [i, { ts, body }] of mentions.entries()) {
    const due = t0 + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    sentAt.set(ts, sent);
    if (socket) {
      const envelope = socket.sendEvent(body);
      sends.push(
        socket
          .waitFor((s) => s.acks.some((a) => a.envelope_id === envelope))
          .then(() => {
            acks.push(performance.now() - sent);
          }),
      );
    } else {
      sends.push(
        postToApp(url, body, { secret: SECRET }).then(async (res) => {
          await res.arrayBuffer();
          acks.push(performance.now() - sent);
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        }),
      );
    }
  }
  await Promise.all(sends);
  const replyAt = new Map<string, number>();
  const replies = new Map<string, string[]>();
  await fake.waitFor((f) => {
    for (const call of f.callsTo('chat.postMessage')) {
      const thread = String(call.args.thread_ts);
      if (!replyAt.has(thread)) replyAt.set(thread, performance.now());
    }
    return replyAt.size >= MENTIONS;
  });
  const allDoneS = (performance.now() - t0) / 1000;
  for (const call of fake.callsTo('chat.postMessage')) {
    const thread = String(call.args.thread_ts);
    replies.set(thread, [...(replies.get(thread) ?? []), String(call.args.text)]);
  }
  const busy = mentions.filter(({ ts }) => replies.get(ts)?.[0]?.includes(BUSY)).length;
  const twice = mentions.filter(({ ts }) => (replies.get(ts)?.length ?? 0) > 1).length;
  const answerLatency = mentions
    .filter(({ ts }) => !replies.get(ts)?.[0]?.includes(BUSY))
    .map(({ ts }) => ((replyAt.get(ts) ?? 0) - (sentAt.get(ts) ?? 0)) / 1000);
  await bot.stop();
  await answerer.close();
  await fake.stop();
  clearInterval(sampler);

  process.stdout.write(
    `${MENTIONS} mentions in ${SECONDS} s from ${USERS} users, ${MODE} mode, ${MAX_QUESTIONS} question slots\n\n` +
      '| ack p50 ms | ack p95 ms | ack max ms | answered | told busy | replied twice | answer p50 s | answer p95 s | all replied s | peak RSS MB |\n' +
      '|---|---|---|---|---|---|---|---|---|---|\n' +
      `| ${percentile(acks, 50).toFixed(0)} | ${percentile(acks, 95).toFixed(0)} | ${Math.max(...acks).toFixed(0)} | ` +
      `${MENTIONS - busy} | ${busy} | ${twice} | ${percentile(answerLatency, 50).toFixed(1)} | ${percentile(answerLatency, 95).toFixed(1)} | ` +
      `${allDoneS.toFixed(1)} | ${(peakRss / 1024 / 1024).toFixed(0)} |\n`,
  );
  if (twice > 0 || Math.max(...acks) >= 3000) process.exitCode = 1;
} finally {
  if (!GIVEN_INDEX) rmSync(indexDir, { recursive: true, force: true });
}
