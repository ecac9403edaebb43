/**
 * `npm run bench`: the end-to-end numbers the retrieval issue sets targets for, on this machine.
 * Prints tables; asserts nothing.
 *
 * 1. Ingest throughput with the real embedding model, and the pipeline's overhead over the model's
 *    own embedding time (target ≤ 20%).
 * 2. For synthetic indexes of 1k, 10k and 100k passages (minutes-like text, vectors shaped like
 *    sentence embeddings: bench/store-data.ts), each measured in a fresh process: index open time
 *    (target ≤ 1 s at 100k), first search (builds the glossary), warm search latency p50/p95
 *    including query embedding with the real model (target p95 ≤ 50 ms at 100k), and peak RSS
 *    (target ≤ 1.5 GB at 100k).
 *
 *   npm run bench [-- --sizes 1000,10000,100000] [--model <id>]
 *
 * Building the 100k index writes ~200 MB under bench/.data (git-ignored) and takes a few minutes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { indexMeeting } from '../ingest/pipeline.js';
import { loadConfig } from '../src/config.js';
import { probeModel } from '../src/embed/model-files.js';
import { TransformersEmbedder } from '../src/embed/transformers-embedder.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { arg } from './options.js';
import { rng, syntheticMeeting, VectorSource } from './store-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(here, '.data');
const logger = pino({ level: 'silent' });

const config = loadConfig();
const sizes = arg('--sizes', '1000,10000,100000').split(',').map(Number);
const modelId = pickModel(arg('--model', ''));

/** The configured model if it is on disk, else any known model that is. */
function pickModel(requested: string): string | null {
  const candidates = [requested, config.embed.model, 'Xenova/bge-small-en-v1.5', 'Xenova/all-MiniLM-L6-v2'].filter(
    Boolean,
  );
  return candidates.find((id) => probeModel({ modelId: id, modelDir: config.embed.modelDir }).present) ?? null;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `minutebook bench — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (!modelId) {
  out(`No embedding model in ${config.embed.modelDir}: fetch one with \`npx minutebook model fetch\` to measure.`);
  process.exit(0);
}
out(`model: ${modelId}\n`);

await ingestOverhead(modelId);
out('');
out('| passages | build s | open ms | first search ms | warm p50 ms | warm p95 ms | peak RSS MB |');
out('|---|---|---|---|---|---|---|');
for (const n of sizes) out(await scaleRow(n, modelId));

/** Embeds ~1k minutes-like passages once raw and once through the pipeline, and compares. */
async function ingestOverhead(model: string): Promise<void> {
  const embedder = await TransformersEmbedder.create({
    modelId: model,
    modelDir: config.embed.modelDir,
    allowRemote: false,
  });
  const random = rng(7);
  const source = new VectorSource(7);
  const meetings = Array.from({ length: 10 }, (_, n) => syntheticMeeting(n, 100, source, random).meeting);
  const texts = meetings.flatMap((m) => m.items.flatMap((i) => i.passages.map((p) => `${i.title}\n${p.text}`)));
  await embedder.embedDocuments(texts.slice(0, 32)); // warm-up

  const raw0 = performance.now();
  await embedder.embedDocuments(texts);
  const rawSeconds = (performance.now() - raw0) / 1000;

  const dir = path.join(dataDir, 'ingest');
  rmSync(dir, { recursive: true, force: true });
  const store = await SqliteStore.openWriter(dir, {
    purpose: 'bench',
    wait: { waitMs: 0 },
    model: { id: model, dimensions: embedder.dimensions },
    logger,
  });
  const full0 = performance.now();
  for (const meeting of meetings) await indexMeeting(store, embedder, meeting, `hash-${meeting.source}`);
  await store.close();
  const fullSeconds = (performance.now() - full0) / 1000;
  out('| ingest | passages | model only s | pipeline s | passages/s | overhead |');
  out('|---|---|---|---|---|---|');
  out(
    `| ${model} | ${texts.length} | ${rawSeconds.toFixed(1)} | ${fullSeconds.toFixed(1)} | ${(texts.length / fullSeconds).toFixed(1)} | ${(((fullSeconds - rawSeconds) / rawSeconds) * 100).toFixed(1)}% |`,
  );
}

/** Builds (or reuses) an index of n synthetic passages, then measures it from a fresh process. */
async function scaleRow(n: number, model: string): Promise<string> {
  const dir = path.join(dataDir, `scale-${n}`);
  let buildSeconds = Number.NaN;
  if (!existsSync(path.join(dir, 'CURRENT'))) {
    mkdirSync(dataDir, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    const started = performance.now();
    const store = await SqliteStore.openWriter(dir, {
      purpose: 'bench',
      wait: { waitMs: 0 },
      model: { id: model, dimensions: 384 },
      logger,
      vectorSaveIntervalMs: 60_000,
    });
    const random = rng(n);
    const source = new VectorSource(n);
    const perMeeting = 200;
    for (let m = 0; m * perMeeting < n; m++) {
      const { meeting, vectors } = syntheticMeeting(m, Math.min(perMeeting, n - m * perMeeting), source, random);
      await store.replaceMeeting(meeting, `hash-${m}`, vectors);
    }
    await store.close();
    buildSeconds = (performance.now() - started) / 1000;
  }
  const probe = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'search-probe.ts'), dir, model], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(probe) as { openMs: number; firstMs: number; p50: number; p95: number; rssMb: number };
  const build = Number.isNaN(buildSeconds) ? 'reused' : buildSeconds.toFixed(0);
  return `| ${n.toLocaleString('en-GB')} | ${build} | ${r.openMs.toFixed(0)} | ${r.firstMs.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rssMb.toFixed(0)} |`;
}
