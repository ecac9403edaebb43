/**
 * SQLite and PostgreSQL side by side, on the same synthetic passages (bench/store-data.ts): build
 * time, incremental write throughput, open/connect time, hybrid search p50/p95 (the real retriever
 * with filters on two queries in three; query vectors synthetic, so no model time), vector and
 * keyword p50/p95, recall@10 of each store's vector search against exact search, and the app
 * process's peak RSS. Prints a table; asserts nothing.
 *
 *   npx tsx bench/store-compare.ts [--sizes 100000,1000000] [--stores sqlite,postgres]
 *       [--database postgres://…] [--reuse] [--ef 40,100,200]
 *
 * PostgreSQL: --database, else MINUTEBOOK_TEST_DATABASE_URL (scripts/pg-test-server.sh start prints
 * one; at 1M give it MINUTEBOOK_PG_MAINTENANCE_WORK_MEM=4GB). Each step runs in a child process, so
 * peak RSS is the measured step's alone. --reuse measures indexes an earlier run built (same seeds).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createLogger } from '../src/logger.js';
import { HybridRetriever } from '../src/retrieve/retriever.js';
import { openIndexReader, openIndexWriter, type StoreTarget } from '../src/store/open-store.js';
import { PG_HNSW } from '../src/store/postgres/store.js';
import type { IndexWriter } from '../src/store/types.js';
import type { Embedder, SearchFilters } from '../src/types.js';
import { DIMS, exactTopK, rng, syntheticMeeting, VectorSource } from './store-data.js';

const K = 10;
const QUERIES = 200;
const PER_MEETING = 100;
/** Extra meetings written (and removed again) to measure writes into a built index. */
const EXTRA_MEETINGS = 20;
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');
const MODEL = { id: 'bench/synthetic', dimensions: DIMS };
const logger = createLogger({ level: 'warn' });

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** 20 passages a topic, as bench/store-hnsw.ts: the ten nearest are close paraphrases, not ties. */
const topicsFor = (n: number) => Math.max(50, Math.round(n / 20));

function target(kind: string, n: number): StoreTarget {
  if (kind === 'sqlite') return { kind: 'sqlite', dir: path.join(DATA_DIR, `compare-sqlite-${n}`) };
  const base = arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? '');
  if (!base) throw new Error('give --database postgres://… or set MINUTEBOOK_TEST_DATABASE_URL');
  const url = new URL(base);
  url.searchParams.set('schema', `bench_${n}`);
  return { kind: 'postgres', url: url.toString() };
}

/** The synthetic corpus, meeting by meeting, always the same for the same n. */
function* corpus(n: number): Generator<ReturnType<typeof syntheticMeeting>> {
  const source = new VectorSource(1, topicsFor(n));
  const random = rng(3);
  for (let i = 0; i * PER_MEETING < n; i++)
    yield syntheticMeeting(i, Math.min(PER_MEETING, n - i * PER_MEETING), source, random);
}

/** Builds the index of n passages (PostgreSQL as a rebuild: its HNSW index is built once at the end). */
async function build(kind: string, n: number): Promise<void> {
  const where = target(kind, n);
  if (where.kind === 'sqlite') fs.rmSync(where.dir, { recursive: true, force: true });
  const started = performance.now();
  const writer = await openIndexWriter(where, {
    purpose: 'bench build',
    rebuild: true,
    model: MODEL,
    logger,
    wait: { waitMs: 0 },
  });
  for (const { meeting, vectors } of corpus(n)) await writer.replaceMeeting(meeting, `hash-${meeting.source}`, vectors);
  const written = performance.now();
  await writer.close();
  const done = performance.now();
  console.log(
    JSON.stringify({
      buildS: (done - started) / 1000,
      rowsS: (written - started) / 1000,
      closeS: (done - written) / 1000,
    }),
  );
}

/** Writes EXTRA_MEETINGS more meetings into the built index, one transaction each, then removes them. */
async function writes(kind: string, n: number): Promise<void> {
  const writer: IndexWriter = await openIndexWriter(target(kind, n), {
    purpose: 'bench writes',
    model: MODEL,
    logger,
    wait: { waitMs: 0 },
  });
  const source = new VectorSource(99, topicsFor(n));
  const random = rng(99);
  const extra = Array.from({ length: EXTRA_MEETINGS }, (_, i) =>
    syntheticMeeting(1_000_000 + i, PER_MEETING, source, random),
  );
  const started = performance.now();
  for (const { meeting, vectors } of extra) await writer.replaceMeeting(meeting, 'extra', vectors);
  const seconds = (performance.now() - started) / 1000;
  for (const { meeting } of extra) await writer.removeMeeting(meeting.source);
  await writer.close();
  console.log(JSON.stringify({ writePerS: (EXTRA_MEETINGS * PER_MEETING) / seconds }));
}

/** An embedder that hands out the bench's query vectors in turn: the retriever's work without a model's. */
function queryVectors(n: number): Embedder & { vectors: Float32Array[] } {
  const source = new VectorSource(7, topicsFor(n));
  const vectors = Array.from({ length: QUERIES }, () => source.next().vector);
  let next = 0;
  return {
    modelId: MODEL.id,
    dimensions: DIMS,
    vectors,
    embedDocuments: async () => [],
    embedQuery: async () => vectors[next++ % vectors.length] ?? new Float32Array(DIMS),
  };
}

const FILTERS: SearchFilters[] = [{}, { after: '2018-01-01' }, { committee: 'planning' }];

/** Open time, searches, memory; then recall (its exact search needs every vector in memory, so it comes last). */
async function measure(kind: string, n: number): Promise<void> {
  const where = target(kind, n);
  let started = performance.now();
  const store = await openIndexReader(where, { logger, model: MODEL });
  const openMs = performance.now() - started;
  const embedder = queryVectors(n);
  const retriever = new HybridRetriever({ store, embedder, logger });
  await retriever.search('council budget topic1', { k: 5 }); // builds (or loads) the corpus statistics
  const time = async (fn: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await fn(i);
      times.push(performance.now() - t);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const words = ['housing allocation policy', 'school transport ehcp', 'budget savings', 'audit risk reserves'];
  const question = (i: number) => `what was said about topic${(i * 37) % topicsFor(n)} ${words[i % words.length]}`;
  const hybrid = await time((i) => retriever.search(question(i), { k: 5, filters: FILTERS[i % 3] ?? {} }));
  const vector = await time((i) =>
    store.vectorSearch(embedder.vectors[i] ?? new Float32Array(DIMS), { limit: 80, filters: FILTERS[i % 3] ?? {} }),
  );
  const keyword = await time((i) =>
    store.keywordSearch(`topic${(i * 37) % topicsFor(n)}`, { limit: 80, filters: FILTERS[i % 3] ?? {} }),
  );
  const found: number[][] = [];
  started = performance.now();
  for (const q of embedder.vectors) found.push((await store.vectorSearch(q, { limit: K })).map((h) => h.passageId));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await store.close();

  // Passage ids are handed out from 1 in insertion order, so corpus vector i is passage i + 1.
  const all: Float32Array[] = [];
  for (const { vectors } of corpus(n)) all.push(...vectors);
  const truth = embedder.vectors.map((q) => exactTopK(all, q, K).map((i) => i + 1));
  const recall = (lists: number[][]) =>
    truth.reduce((hits, t, q) => hits + t.filter((id) => (lists[q] ?? []).includes(id)).length, 0) / (truth.length * K);
  const efSweep: Record<string, number> = {};
  if (where.kind === 'postgres') {
    // pgvector's recall at other ef_search values, straight through SQL on the same index.
    const client = new pg.Client({ connectionString: where.url.replace(/[?&]schema=[^&]*/, '') });
    await client.connect();
    await client.query(`SET hnsw.iterative_scan = relaxed_order`);
    for (const ef of arg('--ef', '40,100,200').split(',').map(Number)) {
      await client.query(`SET hnsw.ef_search = ${ef}`);
      const lists: number[][] = [];
      for (const q of embedder.vectors) {
        const r = await client.query(
          `SELECT id FROM bench_${n}.passages ORDER BY embedding <=> $1::vector LIMIT ${K}`,
          [`[${Array.from(q).join(',')}]`],
        );
        lists.push(r.rows.map((row: { id: string }) => Number(row.id)));
      }
      efSweep[String(ef)] = recall(lists);
    }
    await client.end();
  }
  console.log(JSON.stringify({ openMs, hybrid, vector, keyword, recall: recall(found), peakRssMb, efSweep }));
}

function child(step: string, kind: string, n: number): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const extra = [
    '--database',
    arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? ''),
    '--ef',
    arg('--ef', '40,100,200'),
  ];
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, step, kind, String(n), ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { failed: `${step} exited ${run.status}` };
  }
}

function exists(kind: string, n: number): boolean {
  const where = target(kind, n);
  if (where.kind === 'sqlite') return fs.existsSync(path.join(where.dir, 'CURRENT'));
  const check = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      'exists',
      kind,
      String(n),
      '--database',
      arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? ''),
    ],
    { encoding: 'utf8' },
  );
  return check.stdout.trim() === 'yes';
}

const fmt = (x: unknown, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '–');
const pair = (x: unknown) => {
  const p = x as { p50?: number; p95?: number } | undefined;
  return `${fmt(p?.p50)} / ${fmt(p?.p95)}`;
};

const [step, kind = '', nRaw = '0'] = process.argv.slice(2);
const n = Number(nRaw);
if (step === 'build') await build(kind, n);
else if (step === 'writes') await writes(kind, n);
else if (step === 'measure') await measure(kind, n);
else if (step === 'exists') {
  try {
    const store = await openIndexReader(target(kind, n), { logger });
    const { passages } = await store.stats();
    await store.close();
    console.log(passages === n ? 'yes' : 'no');
  } catch {
    console.log('no');
  }
} else {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const sizes = arg('--sizes', '100000,1000000').split(',').map(Number);
  const stores = arg('--stores', 'sqlite,postgres').split(',');
  console.log(
    `\nStores side by side: synthetic passages of dimension ${DIMS} (20 per topic), k=${K}, ${QUERIES} queries, filters (date, committee) on 2 in 3; PostgreSQL HNSW m=${PG_HNSW.m}, ef_construction=${PG_HNSW.efConstruction}, ef_search=${PG_HNSW.efSearch}`,
  );
  console.log(
    '| passages | store | build s | writes passages/s | open ms | hybrid p50/p95 ms | vector p50/p95 ms | keyword p50/p95 ms | recall@10 | peak RSS MB | pgvector recall by ef_search |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const size of sizes) {
    for (const store of stores) {
      const built =
        process.argv.includes('--reuse') && exists(store, size) ? { buildS: Number.NaN } : child('build', store, size);
      const written = child('writes', store, size);
      const m = child('measure', store, size);
      const sweep = Object.entries((m.efSweep as Record<string, number> | undefined) ?? {})
        .map(([ef, r]) => `${ef}: ${fmt(r, 3)}`)
        .join(', ');
      console.log(
        `| ${size} | ${store} | ${built.failed ?? fmt(built.buildS)} | ${written.failed ?? fmt(written.writePerS, 0)} | ${m.failed ?? fmt(m.openMs, 0)} | ${pair(m.hybrid)} | ${pair(m.vector)} | ${pair(m.keyword)} | ${fmt(m.recall, 3)} | ${fmt(m.peakRssMb, 0)} | ${sweep || '–'} |`,
      );
    }
  }
}
