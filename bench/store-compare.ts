/**
 * SQLite and PostgreSQL side by side, on the same synthetic passages (bench/store-data.ts, isotropic
 * or calibrated vectors, five councils in equal shares): build time, incremental write throughput,
 * open/connect time, hybrid search p50/p95 (the real retriever: unscoped, with a date or committee
 * filter, scoped to one council, and scoped to one council plus a date or committee; query vectors
 * synthetic, so no model time) with the p50/p95 of each store call inside it (keyword half, vector
 * half, the rest), vector (the same four) and keyword p50/p95, recall@10 of each store's vector
 * search against exact search (unscoped, committee-filtered, council-scoped, council + committee),
 * the app process's peak RSS and, for PostgreSQL, the database size and recall by ef_search.
 * Prints tables; asserts nothing.
 *
 *   npx tsx bench/store-compare.ts [--sizes 100000,1000000] [--stores sqlite,postgres]
 *       [--vectors isotropic|calibrated] [--database postgres://…] [--reuse] [--no-writes] [--ef 40,100,200]
 *   npx tsx bench/store-compare.ts sweep postgres 100000 [--vectors …] [--grid 16:64,24:128] [--ef 40,100]
 *
 *   npx tsx bench/store-compare.ts truth postgres 1000000 [--vectors …]   exact answers, ahead of a run
 *
 * PostgreSQL: --database, else MINUTEBOOK_TEST_DATABASE_URL (scripts/pg-test-server.sh start prints
 * one; give the server shared_buffers of at least the HNSW index's size). Each step runs in a child
 * process, so peak RSS is the measured step's alone. --reuse measures indexes an earlier run built
 * (same seeds); the exact answers are kept in bench/.data, as they take minutes at 1M.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createLogger } from '../src/logger.js';
import { HybridRetriever } from '../src/retrieve/retriever.js';
import { openIndexReader, openIndexWriter, type StoreTarget } from '../src/store/open-store.js';
import { createVectorIndex, PG_HNSW } from '../src/store/postgres/store.js';
import type { IndexWriter } from '../src/store/types.js';
import type { Embedder, SearchFilters } from '../src/types.js';
import { arg, percentile } from './options.js';
import { BENCH_COUNCILS, DIMS, rng, syntheticMeeting, type VectorKind, vectorSource } from './store-data.js';

const K = 10;
const QUERIES = 200;
const PER_MEETING = 100;
/** Extra meetings written (and removed again) to measure writes into a built index. */
const EXTRA_MEETINGS = 20;
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data');
const MODEL = { id: 'bench/synthetic', dimensions: DIMS };
const logger = createLogger({ level: 'warn' });

/** 20 passages a topic, as bench/store-hnsw.ts: the ten nearest are close paraphrases, not ties. */
const topicsFor = (n: number) => Math.max(50, Math.round(n / 20));

/** Which synthetic vectors (bench/store-data.ts): `calibrated` is what real use looks like. */
const VECTORS = arg('--vectors', 'isotropic') as VectorKind;
if (VECTORS !== 'isotropic' && VECTORS !== 'calibrated') throw new Error('--vectors must be isotropic or calibrated');
const vectorsOf = (seed: number, n: number) => vectorSource(VECTORS, seed, topicsFor(n));
/** One schema (or folder) per size and kind of vectors, so both kinds can stay built side by side. */
const nameOf = (n: number) => (VECTORS === 'isotropic' ? String(n) : `${n}_${VECTORS}`);

function target(kind: string, n: number): StoreTarget {
  if (kind === 'sqlite') return { kind: 'sqlite', dir: path.join(DATA_DIR, `compare-sqlite-${nameOf(n)}`) };
  const base = arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? '');
  if (!base) throw new Error('give --database postgres://… or set MINUTEBOOK_TEST_DATABASE_URL');
  const url = new URL(base);
  url.searchParams.set('schema', `bench_${nameOf(n)}`);
  return { kind: 'postgres', url: url.toString() };
}

/** The synthetic corpus, meeting by meeting, always the same for the same n. */
function* corpus(n: number): Generator<ReturnType<typeof syntheticMeeting>> {
  const source = vectorsOf(1, n);
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
  const source = vectorsOf(99, n);
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
  const source = vectorsOf(7, n);
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

const FILTERS: SearchFilters[] = [{ after: '2018-01-01' }, { committee: 'planning' }];
/** Query i scoped to its council (most searches of a database shared by councils are). */
const councilScope = (i: number): SearchFilters => ({ council: councilOfQuery(i) });
/** Query i scoped to its council and, in turn, a date or a committee. */
const councilFiltered = (i: number): SearchFilters => ({ ...councilScope(i), ...FILTERS[i % FILTERS.length] });

interface Latency {
  p50: number;
  p95: number;
}

function latency(times: number[]): Latency {
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The store with every call timed: how long each of the hybrid search's store calls took, one
 * list per method, so the halves (keyword, vector) and the rest can be told apart.
 */
function timedStore<T extends object>(store: T): { store: T; calls: Map<string, number[]>; reset: () => void } {
  const calls = new Map<string, number[]>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        const started = performance.now();
        return result.finally(() => calls.set(key, [...(calls.get(key) ?? []), performance.now() - started]));
      };
    },
  });
  return { store: wrapped, calls, reset: () => calls.clear() };
}

/** Which council query `i` is scoped to in council-scoped searches (store-data.ts's councils, in turn). */
const councilOfQuery = (i: number) => BENCH_COUNCILS[i % BENCH_COUNCILS.length] ?? '';

/** The exact answers recall is measured against: one list of passage ids a query, per kind of search. */
interface Truth {
  /** Over the whole corpus. */
  truth: number[][];
  /** Over the Planning Committee's meetings (the filtered searches' committee), of every council. */
  filteredTruth: number[][];
  /** Over query i's council (councilOfQuery). */
  councilTruth: number[][];
  /** Over query i's council's Planning Committee. */
  councilFilteredTruth: number[][];
}

/**
 * The exact ten nearest passages of each query vector, per kind of search (Truth), streamed
 * through the corpus once. At 1M this takes minutes, so it is kept in DATA_DIR (`truth` computes
 * it ahead, e.g. while an index builds).
 */
function groundTruth(n: number, queries: Float32Array[]): Truth {
  const file = path.join(DATA_DIR, `truth-${nameOf(n)}-${QUERIES}-councils.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Truth;
  const best = (): Array<{ id: number; score: number }> => [];
  const lists = {
    all: queries.map(best),
    planning: queries.map(best),
    council: queries.map(best),
    both: queries.map(best),
  };
  const keep = (list: Array<{ id: number; score: number }>, id: number, score: number) => {
    if (list.length === K && score <= (list[K - 1]?.score ?? -2)) return;
    list.push({ id, score });
    list.sort((a, b) => b.score - a.score);
    if (list.length > K) list.pop();
  };
  // Passage ids are handed out from 1 in insertion order, so corpus vector i is passage i + 1.
  let id = 0;
  for (const { meeting, vectors } of corpus(n)) {
    const inPlanning = /planning/i.test(meeting.committee ?? '');
    const ours = queries.map((_, i) => councilOfQuery(i) === meeting.council);
    for (const v of vectors) {
      id++;
      queries.forEach((q, i) => {
        let score = 0;
        for (let d = 0; d < DIMS; d++) score += (v[d] as number) * (q[d] as number);
        keep(lists.all[i] ?? [], id, score);
        if (inPlanning) keep(lists.planning[i] ?? [], id, score);
        if (ours[i]) keep(lists.council[i] ?? [], id, score);
        if (ours[i] && inPlanning) keep(lists.both[i] ?? [], id, score);
      });
    }
  }
  const ids = (found: Array<Array<{ id: number }>>) => found.map((list) => list.map((hit) => hit.id));
  const result: Truth = {
    truth: ids(lists.all),
    filteredTruth: ids(lists.planning),
    councilTruth: ids(lists.council),
    councilFilteredTruth: ids(lists.both),
  };
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result));
  return result;
}

/** Open time, searches, memory; then recall (its exact search needs every vector in memory, so it comes last). */
async function measure(kind: string, n: number): Promise<void> {
  const where = target(kind, n);
  const started = performance.now();
  const opened = await openIndexReader(where, { logger, model: MODEL });
  const openMs = performance.now() - started;
  const timed = timedStore(opened);
  const store = timed.store;
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
    return latency(times);
  };
  const words = ['housing allocation policy', 'school transport ehcp', 'budget savings', 'audit risk reserves'];
  const question = (i: number) => `what was said about topic${(i * 37) % topicsFor(n)} ${words[i % words.length]}`;
  /** Hybrid searches, and the p50/p95 of each store call inside them. */
  const hybridWith = async (filtersOf: (i: number) => SearchFilters) => {
    timed.reset();
    const total = await time((i) => retriever.search(question(i), { k: 5, filters: filtersOf(i) }));
    const parts = Object.fromEntries([...timed.calls].map(([method, times]) => [method, latency(times)]));
    return { ...total, parts };
  };
  const hybrid = await hybridWith(() => ({}));
  const hybridFiltered = await hybridWith((i) => FILTERS[i % FILTERS.length] ?? {});
  const hybridCouncil = await hybridWith(councilScope);
  const hybridCouncilFiltered = await hybridWith(councilFiltered);
  const vectorOf = (i: number) => embedder.vectors[i] ?? new Float32Array(DIMS);
  const vector = await time((i) => store.vectorSearch(vectorOf(i), { limit: 80 }));
  const vectorFiltered = await time((i) =>
    store.vectorSearch(vectorOf(i), { limit: 80, filters: FILTERS[i % 2] ?? {} }),
  );
  const vectorCouncil = await time((i) => store.vectorSearch(vectorOf(i), { limit: 80, filters: councilScope(i) }));
  const vectorCouncilFiltered = await time((i) =>
    store.vectorSearch(vectorOf(i), { limit: 80, filters: councilFiltered(i) }),
  );
  const keyword = await time((i) =>
    store.keywordSearch(`topic${(i * 37) % topicsFor(n)}`, { limit: 80, filters: FILTERS[i % 2] ?? {} }),
  );
  const found: number[][] = [];
  const filteredFound: number[][] = [];
  const councilFound: number[][] = [];
  const councilFilteredFound: number[][] = [];
  const planning = FILTERS[1] ?? {};
  for (const [i, q] of embedder.vectors.entries()) {
    const ids = async (filters: SearchFilters) =>
      (await store.vectorSearch(q, { limit: K, filters })).map((h) => h.passageId);
    found.push(await ids({}));
    filteredFound.push(await ids(planning));
    councilFound.push(await ids(councilScope(i)));
    councilFilteredFound.push(await ids({ ...councilScope(i), ...planning }));
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await store.close();

  const { truth, filteredTruth, councilTruth, councilFilteredTruth } = groundTruth(n, embedder.vectors);
  const recallOf = (lists: number[][], against = truth) =>
    against.reduce((hits, t, q) => hits + t.filter((id) => (lists[q] ?? []).includes(id)).length, 0) /
    (against.length * K);
  const extra: Record<string, unknown> = {};
  if (where.kind === 'postgres') {
    const client = new pg.Client({ connectionString: where.url.replace(/[?&]schema=[^&]*/, '') });
    await client.connect();
    const schema = `bench_${nameOf(n)}`;
    const against = { all: truth, filtered: filteredTruth, council: councilTruth };
    extra.efSweep = await storeEfSweep(where.url, embedder.vectors, (lists, kind) => recallOf(lists, against[kind]));
    const single = await oneStatement(client, schema, embedder.vectors);
    extra.vectorOneStatement = single.latency;
    extra.recallOneStatement = recallOf(single.found);
    // Tables and indexes, partitions included (their HNSW indexes are the partitioned one's parts).
    const size = await client.query(
      `SELECT sum(pg_relation_size(c.oid)) AS total,
         sum(pg_relation_size(c.oid)) FILTER (WHERE a.amname = 'hnsw') AS hnsw
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace LEFT JOIN pg_am a ON a.oid = c.relam
       WHERE s.nspname = $1 AND c.relkind IN ('r', 'i', 't', 'm')`,
      [schema],
    );
    extra.dbMb = Number(size.rows[0]?.total ?? 0) / 2 ** 20;
    extra.hnswMb = Number(size.rows[0]?.hnsw ?? 0) / 2 ** 20;
    await client.end();
  }
  console.log(
    JSON.stringify({
      openMs,
      hybrid,
      hybridFiltered,
      hybridCouncil,
      hybridCouncilFiltered,
      vector,
      vectorFiltered,
      vectorCouncil,
      vectorCouncilFiltered,
      keyword,
      recall: recallOf(found),
      filteredRecall: recallOf(filteredFound, filteredTruth),
      councilRecall: recallOf(councilFound, councilTruth),
      councilFilteredRecall: recallOf(councilFilteredFound, councilFilteredTruth),
      peakRssMb,
      ...extra,
    }),
  );
}

/**
 * The store's vector search at other ef_search values (set through the URL, as an operator would):
 * recall and latency unscoped, committee-filtered and council-scoped.
 */
async function storeEfSweep(
  url: string,
  queries: Float32Array[],
  recall: (lists: number[][], kind: 'all' | 'filtered' | 'council') => number,
): Promise<Record<string, Record<string, number>>> {
  const sweep: Record<string, Record<string, number>> = {};
  const kinds = {
    all: () => ({}),
    filtered: () => FILTERS[1] ?? {},
    council: councilScope,
  } satisfies Record<string, (i: number) => SearchFilters>;
  for (const ef of arg('--ef', '40,100,200').split(',').map(Number)) {
    const withEf = new URL(url);
    withEf.searchParams.set('options', `-c hnsw.ef_search=${ef}`);
    const store = await openIndexReader({ kind: 'postgres', url: withEf.toString() }, { logger, model: MODEL });
    const row: Record<string, number> = {};
    for (const [kind, filtersOf] of Object.entries(kinds) as Array<
      [keyof typeof kinds, (i: number) => SearchFilters]
    >) {
      const lists: number[][] = [];
      const times: number[] = [];
      for (const [i, q] of queries.entries()) {
        const t = performance.now();
        const hits = await store.vectorSearch(q, { limit: K, filters: filtersOf(i) });
        times.push(performance.now() - t);
        lists.push(hits.map((h) => h.passageId));
      }
      const { p50, p95 } = latency(times);
      const prefix = kind === 'all' ? '' : kind;
      row[prefix ? `${prefix}Recall` : 'recall'] = recall(lists, kind);
      row[prefix ? `${prefix}P50` : 'p50'] = p50;
      row[prefix ? `${prefix}P95` : 'p95'] = p95;
    }
    await store.close();
    sweep[String(ef)] = row;
  }
  return sweep;
}

/**
 * Unscoped vector search as the store ran it before it searched councils at once: one statement over
 * every council's partition (a Merge Append of one HNSW scan each, walked one after another in one
 * backend), with the store's session settings. Latency at 80 results, as the other vector columns;
 * the ten nearest of each query, for recall.
 */
async function oneStatement(
  client: pg.Client,
  schema: string,
  queries: Float32Array[],
): Promise<{ latency: Latency; found: number[][] }> {
  await client.query(`SET hnsw.ef_search = ${PG_HNSW.efSearch}`);
  await client.query('SET hnsw.iterative_scan = relaxed_order');
  const search = async (q: Float32Array, limit: number) =>
    client.query(
      `WITH nearest AS MATERIALIZED (
         SELECT p.id, p.embedding <=> $1::halfvec AS distance FROM ${schema}.passages p
         WHERE p.embedding IS NOT NULL ORDER BY p.embedding <=> $1::halfvec LIMIT $2)
       SELECT id, 1 - distance AS score FROM nearest ORDER BY distance, id`,
      [`[${Array.from(q).join(',')}]`, limit],
    );
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await search(q, 80);
    times.push(performance.now() - t);
  }
  const found: number[][] = [];
  for (const q of queries) found.push((await search(q, K)).rows.map((row: { id: string }) => Number(row.id)));
  return { latency: latency(times), found };
}

/** pgvector's recall and latency at other ef_search values, straight through SQL on the same index. */
async function efSweep(
  client: pg.Client,
  schema: string,
  queries: Float32Array[],
  recall: (lists: number[][]) => number,
): Promise<Record<string, { recall: number } & Latency>> {
  const type = await client.query(
    `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'embedding'`,
    [`${schema}.passages`],
  );
  const cast = String(type.rows[0]?.type ?? 'vector');
  await client.query('SET hnsw.iterative_scan = relaxed_order');
  const sweep: Record<string, { recall: number } & Latency> = {};
  for (const ef of arg('--ef', '40,100,200').split(',').map(Number)) {
    await client.query(`SET hnsw.ef_search = ${ef}`);
    const lists: number[][] = [];
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const r = await client.query(`SELECT id FROM ${schema}.passages ORDER BY embedding <=> $1::${cast} LIMIT ${K}`, [
        `[${Array.from(q).join(',')}]`,
      ]);
      times.push(performance.now() - t);
      lists.push(r.rows.map((row: { id: string }) => Number(row.id)));
    }
    sweep[String(ef)] = { recall: recall(lists), ...latency(times) };
  }
  return sweep;
}

/**
 * HNSW parameters compared on one built PostgreSQL index: for each `--grid m:ef_construction`, the
 * index is built again (timed) and searched at each `--ef`; the store's own index is put back after.
 */
async function hnswSweep(n: number): Promise<void> {
  const where = target('postgres', n);
  if (where.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: where.url.replace(/[?&]schema=[^&]*/, '') });
  await client.connect();
  const schema = `bench_${nameOf(n)}`;
  const queries = queryVectors(n).vectors;
  const { truth } = groundTruth(n, queries);
  const recall = (lists: number[][]) =>
    truth.reduce((hits, t, q) => hits + t.filter((id) => (lists[q] ?? []).includes(id)).length, 0) / (truth.length * K);
  const grid = arg('--grid', '16:64,16:128,24:128,16:200')
    .split(',')
    .map((pair) => pair.split(':').map(Number));
  console.log(
    `\nHNSW parameters on ${n} ${VECTORS} vectors (${schema}), recall@${K} of ${QUERIES} queries against exact search`,
  );
  console.log('| m | ef_construction | build s | HNSW MB | ef_search | recall@10 | p50 / p95 ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [m = 16, efConstruction = 64] of grid) {
    await client.query(`DROP INDEX IF EXISTS ${schema}.passages_embedding`);
    const started = performance.now();
    await createVectorIndex(client, schema, { m, efConstruction });
    const buildS = (performance.now() - started) / 1000;
    const size = await client.query(`SELECT pg_relation_size($1::regclass) AS bytes`, [`${schema}.passages_embedding`]);
    const mb = Number(size.rows[0]?.bytes ?? 0) / 2 ** 20;
    for (const [ef, r] of Object.entries(await efSweep(client, schema, queries, recall))) {
      console.log(
        `| ${m} | ${efConstruction} | ${fmt(buildS)} | ${fmt(mb, 0)} | ${ef} | ${fmt(r.recall, 3)} | ${pair(r)} |`,
      );
    }
  }
  await client.query(`DROP INDEX IF EXISTS ${schema}.passages_embedding`);
  await createVectorIndex(client, schema);
  await client.end();
}

function child(step: string, kind: string, n: number): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const extra = [
    '--database',
    arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? ''),
    '--ef',
    arg('--ef', '40,100,200'),
    '--vectors',
    VECTORS,
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
      '--vectors',
      VECTORS,
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
else if (step === 'sweep') await hnswSweep(n);
else if (step === 'truth') groundTruth(n, queryVectors(n).vectors);
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
    `\nStores side by side: ${VECTORS} synthetic vectors of dimension ${DIMS} (20 passages per topic), k=${K}, ${QUERIES} queries; filtered = a date or a committee; PostgreSQL HNSW m=${PG_HNSW.m}, ef_construction=${PG_HNSW.efConstruction}, ef_search=${PG_HNSW.efSearch}`,
  );
  console.log(
    '| passages | vectors | store | build s | writes passages/s | open ms | hybrid p50/p95 ms | hybrid filtered p50/p95 ms | hybrid council p50/p95 ms | hybrid council+filter p50/p95 ms | vector p50/p95 ms | vector filtered p50/p95 ms | vector council p50/p95 ms | vector council+filter p50/p95 ms | keyword p50/p95 ms | recall@10 | committee recall@10 | council recall@10 | council+committee recall@10 | app peak RSS MB | DB MB (HNSW) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const details: string[] = [];
  for (const size of sizes) {
    for (const store of stores) {
      const built =
        process.argv.includes('--reuse') && exists(store, size) ? { buildS: Number.NaN } : child('build', store, size);
      const written = process.argv.includes('--no-writes') ? {} : child('writes', store, size);
      const m = child('measure', store, size);
      const db = m.dbMb === undefined ? '–' : `${fmt(m.dbMb, 0)} (${fmt(m.hnswMb, 0)})`;
      console.log(
        `| ${size} | ${VECTORS} | ${store} | ${built.failed ?? fmt(built.buildS)} | ${written.failed ?? fmt(written.writePerS, 0)} | ${m.failed ?? fmt(m.openMs, 0)} | ${pair(m.hybrid)} | ${pair(m.hybridFiltered)} | ${pair(m.hybridCouncil)} | ${pair(m.hybridCouncilFiltered)} | ${pair(m.vector)} | ${pair(m.vectorFiltered)} | ${pair(m.vectorCouncil)} | ${pair(m.vectorCouncilFiltered)} | ${pair(m.keyword)} | ${fmt(m.recall, 3)} | ${fmt(m.filteredRecall, 3)} | ${fmt(m.councilRecall, 3)} | ${fmt(m.councilFilteredRecall, 3)} | ${fmt(m.peakRssMb, 0)} | ${db} |`,
      );
      const parts = (x: unknown) =>
        Object.entries((x as { parts?: Record<string, unknown> } | undefined)?.parts ?? {})
          .map(([method, p]) => `${method} ${pair(p)}`)
          .join(', ');
      const sweep = Object.entries((m.efSweep as Record<string, Record<string, number>> | undefined) ?? {})
        .map(
          ([ef, r]) =>
            `ef ${ef}: recall ${fmt(r.recall, 3)} (${pair(r)} ms), committee-filtered ${fmt(r.filteredRecall, 3)} (${pair({ p50: r.filteredP50, p95: r.filteredP95 })} ms), council-scoped ${fmt(r.councilRecall, 3)} (${pair({ p50: r.councilP50, p95: r.councilP95 })} ms)`,
        )
        .join('; ');
      const single = m.vectorOneStatement
        ? `; unscoped vector search as one statement over every partition: ${pair(m.vectorOneStatement)} ms, recall ${fmt(m.recallOneStatement, 3)} (the store, a search per council at once: ${pair(m.vector)} ms, recall ${fmt(m.recall, 3)})`
        : '';
      details.push(
        `- ${size} ${store}: build ${JSON.stringify(built)}${single}; inside hybrid: ${parts(m.hybrid)}; inside filtered hybrid: ${parts(m.hybridFiltered)}; inside council hybrid: ${parts(m.hybridCouncil)}; inside council+filter hybrid: ${parts(m.hybridCouncilFiltered)}${sweep ? `; pgvector by ef_search: ${sweep}` : ''}`,
      );
    }
  }
  console.log(`\n${details.join('\n')}`);
}
