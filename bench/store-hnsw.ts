/**
 * Measures the index store: HNSW parameters (recall against exact search) and the store's own
 * costs at 1k / 10k / 100k passages of dimension 384. Prints numbers; asserts nothing.
 *
 *   npx tsx bench/store-hnsw.ts sweep [--n 100000]          recall / latency per (M, efConstruction, efSearch)
 *   npx tsx bench/store-hnsw.ts store [--sizes 1000,10000] [--reuse]  ingest, open, search p50/p95, recall, peak RSS
 *   npx tsx bench/store-hnsw.ts                             both
 *
 * Vectors are synthetic but shaped like sentence embeddings (bench/store-data.ts); query embedding
 * time is not included (the embedder's benchmark measures it). Each store size runs in its own
 * process so peak RSS is that size's alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import hnswlib from 'hnswlib-node';
import { createLogger } from '../src/logger.js';
import { HNSW_PARAMS } from '../src/store/sqlite/hnsw-cache.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { arg, percentile } from './options.js';
import { DIMS, exactTopK, rng, syntheticMeeting, VectorSource } from './store-data.js';

const K = 10;
const QUERIES = 200;
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');

/**
 * Topics for `n` passages: `--per-topic` passages each (default 20). How many share a topic decides
 * how hard exact recall is. With 50 per topic the ten nearest neighbours all share the query's topic
 * and stand out, and every setting finds them (recall 1.0 at efSearch 32). With 5 per topic the
 * last few of the ten are near-ties drawn from the whole corpus, a worst case real minutes (which
 * repeat their subjects meeting after meeting) do not reach. 20 sits between: the ten are the
 * closest paraphrases among a topic's passages, separated by small differences.
 */
function topicsFor(n: number): number {
  return Math.max(50, Math.round(n / Number(arg('--per-topic', '20'))));
}

function recall(found: number[][], truth: number[][]): number {
  let hit = 0;
  truth.forEach((t, q) => {
    const f = new Set(found[q] ?? []);
    for (const id of t) if (f.has(id)) hit++;
  });
  return hit / (truth.length * K);
}

function ms(start: number): number {
  return performance.now() - start;
}

const fmt = (n: number | null, digits = 1) =>
  typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'reused';

/** Recall and latency of raw hnswlib over a grid of parameters, on one data set. */
function sweep(n: number): void {
  const source = new VectorSource(1, topicsFor(n));
  const data = Array.from({ length: n }, () => source.next().vector);
  const querySource = new VectorSource(7, topicsFor(n));
  const queries = Array.from({ length: QUERIES }, () => querySource.next().vector);
  let start = performance.now();
  const truth = queries.map((q) => exactTopK(data, q, K));
  const exactMs = ms(start) / QUERIES;
  console.log(
    `\nHNSW sweep: ${n} vectors, dim ${DIMS}, ${arg('--per-topic', '20')} per topic, ${QUERIES} queries, recall@${K} vs exact`,
  );
  console.log(`exact search in JS: ${fmt(exactMs)} ms/query`);
  console.log('| M | efConstruction | build s | efSearch | recall@10 | p50 ms | p95 ms |');
  console.log('|---|---|---|---|---|---|---|');
  const grid = (arg('--grid', '12:100,16:100,16:200,24:200') ?? '')
    .split(',')
    .map((pair) => pair.split(':').map(Number));
  for (const [m = 16, efConstruction = 200] of grid) {
    const graph = new hnswlib.HierarchicalNSW('cosine', DIMS);
    graph.initIndex({ maxElements: n, m, efConstruction, allowReplaceDeleted: true });
    start = performance.now();
    data.forEach((v, i) => {
      graph.addPoint(Array.from(v), i);
    });
    const buildS = ms(start) / 1000;
    for (const ef of [32, 64, 128, 256, 512]) {
      graph.setEf(ef);
      const times: number[] = [];
      const found = queries.map((q) => {
        const t = performance.now();
        const result = graph.searchKnn(Array.from(q), K);
        times.push(ms(t));
        return result.neighbors;
      });
      console.log(
        `| ${m} | ${efConstruction} | ${fmt(buildS)} | ${ef} | ${fmt(recall(found, truth), 4)} | ${fmt(percentile(times, 50), 2)} | ${fmt(percentile(times, 95), 2)} |`,
      );
    }
  }
}

/** One store size, measured in this process; prints one JSON line. */
async function storeRun(n: number): Promise<void> {
  const dir = path.join(DATA_DIR, `store-${n}`);
  // --reuse measures an index built by an earlier run (same seeds, same data) without re-ingesting.
  const reuse = process.argv.includes('--reuse') && fs.existsSync(path.join(dir, 'CURRENT'));
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
  const logger = createLogger({ level: 'warn' });
  const source = new VectorSource(1, topicsFor(n));
  const random = rng(3);
  const perMeeting = 100;
  const all: Float32Array[] = [];
  const meetings = Array.from({ length: Math.ceil(n / perMeeting) }, (_, i) => {
    const built = syntheticMeeting(i, Math.min(perMeeting, n - i * perMeeting), source, random);
    all.push(...built.vectors);
    return built;
  });

  let start = performance.now();
  if (!reuse) {
    const writer = await SqliteStore.openWriter(dir, {
      purpose: 'bench',
      wait: { waitMs: 0 },
      model: { id: 'bench/synthetic', dimensions: DIMS },
      logger,
    });
    for (const { meeting, vectors } of meetings)
      await writer.replaceMeeting(meeting, `hash-${meeting.source}`, vectors);
    await writer.close();
  }
  const ingestS = reuse ? Number.NaN : ms(start) / 1000;

  start = performance.now();
  const store = await SqliteStore.openReader(dir, { logger });
  const openMs = ms(start);

  const querySource = new VectorSource(7, topicsFor(n));
  const queries = Array.from({ length: QUERIES }, () => querySource.next().vector);
  // Passage ids are handed out from 1 in insertion order, so vector i is passage i + 1.
  const truth = queries.map((q) => exactTopK(all, q, K).map((i) => i + 1));
  const time = async (fn: (q: Float32Array, i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      await fn(q, i);
      times.push(ms(t));
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const found: number[][] = [];
  await time((q) => store.vectorSearch(q, { limit: K })); // warm-up
  const vector = await time(async (q) =>
    found.push((await store.vectorSearch(q, { limit: K })).map((h) => h.passageId)),
  );
  const filtered = await time((q) => store.vectorSearch(q, { limit: K, filters: { committee: 'planning' } }));
  const dated = await time((q) => store.vectorSearch(q, { limit: K, filters: { after: '2023-01-01' } }));
  const words = ['housing allocation policy', 'school transport ehcp', 'topic17 budget', 'audit risk reserves'];
  const keyword = await time((_, i) => store.keywordSearch(words[i % words.length] ?? 'council', { limit: 50 }));
  const hydrate = await time(async (q) =>
    store.passages((await store.vectorSearch(q, { limit: 50 })).map((h) => h.passageId)),
  );
  const sizes = fs.readdirSync(dir).map((name) => ({ name, bytes: fs.statSync(path.join(dir, name)).size }));
  await store.close();
  console.log(
    JSON.stringify({
      n,
      ingestS,
      passagesPerS: n / ingestS,
      openMs,
      recall: recall(found, truth),
      vector,
      filtered,
      dated,
      keyword,
      hydrate,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      dbMb: sizes.filter((s) => s.name.includes('.db')).reduce((sum, s) => sum + s.bytes, 0) / 2 ** 20,
      hnswMb: sizes.filter((s) => s.name.endsWith('.hnsw')).reduce((sum, s) => sum + s.bytes, 0) / 2 ** 20,
    }),
  );
}

interface Latency {
  p50: number;
  p95: number;
}

/** One line of `storeRun`'s output (our own JSON, from our own child process). */
interface StoreRun {
  n: number;
  ingestS: number;
  passagesPerS: number;
  openMs: number;
  recall: number;
  vector: Latency;
  filtered: Latency;
  dated: Latency;
  keyword: Latency;
  hydrate: Latency;
  peakRssMb: number;
  dbMb: number;
  hnswMb: number;
}

function storeTable(sizes: number[]): void {
  console.log(
    `\nIndex store (${arg('--per-topic', '20')} passages per topic; HNSW M=${HNSW_PARAMS.m}, efConstruction=${HNSW_PARAMS.efConstruction}, efSearch=${HNSW_PARAMS.efSearch}), dim ${DIMS}, k=${K}, warm page cache, no query embedding`,
  );
  console.log(
    '| passages | ingest s (passages/s) | open ms | recall@10 | vector p50/p95 ms | vector+committee p50/p95 | vector+date p50/p95 | keyword p50/p95 | 50 hits hydrated p50/p95 | peak RSS MB | db MB | hnsw MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const self = fileURLToPath(import.meta.url);
  for (const n of sizes) {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        self,
        'store-one',
        String(n),
        '--per-topic',
        arg('--per-topic', '20'),
        ...(process.argv.includes('--reuse') ? ['--reuse'] : []),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    let r: StoreRun;
    try {
      r = JSON.parse(line) as StoreRun;
    } catch {
      console.log(`| ${n} | failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const pair = (x: { p50: number; p95: number }) => `${fmt(x.p50, 2)} / ${fmt(x.p95, 2)}`;
    console.log(
      `| ${n} | ${fmt(r.ingestS)} (${fmt(r.passagesPerS, 0)}) | ${fmt(r.openMs, 0)} | ${fmt(r.recall, 4)} | ${pair(r.vector)} | ${pair(r.filtered)} | ${pair(r.dated)} | ${pair(r.keyword)} | ${pair(r.hydrate)} | ${fmt(r.peakRssMb, 0)} | ${fmt(r.dbMb, 0)} | ${fmt(r.hnswMb, 0)} |`,
    );
  }
}

const mode = process.argv[2] ?? 'all';
if (mode === 'store-one') {
  await storeRun(Number(process.argv[3]));
} else {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (mode === 'sweep' || mode === 'all') sweep(Number(arg('--n', '100000')));
  if (mode === 'store' || mode === 'all') storeTable(arg('--sizes', '1000,10000,100000').split(',').map(Number));
}
