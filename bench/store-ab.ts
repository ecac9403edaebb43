/**
 * A PostgreSQL store change measured against a git revision in one process: the working tree's
 * store and the revision's store open the same built index (bench/store-compare.ts's `bench_<n>`
 * schema) side by side, and each query runs on both, alternately first, so machine load falls on
 * both alike. Per kind of search: hybrid p50/p95 of each (the real retriever, as store-compare
 * runs it), the vector half's p50/p95 inside it, and recall@10 of each store's vector search
 * against exact answers (computed in SQL, kept in bench/.data). Prints the load average too.
 *
 *   npx tsx bench/store-ab.ts --database postgres://… [--size 1000000] [--base HEAD]
 *       [--cases committee,date,unscoped,council,council+filter] [--queries 200]
 *       [--variants 'name:KEY=value,…;name2:…']   more working-tree sides, each with its environment
 *   npx tsx bench/store-ab.ts --truth-only …   the exact answers alone (e.g. while the graph builds;
 *       --schema names the schema to read them from, such as a rebuild's)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createLogger } from '../src/logger.js';
import type { HybridRetriever } from '../src/retrieve/retriever.js';
import type { SearchFilters } from '../src/types.js';
import { arg, percentile } from './options.js';
import { BENCH_COUNCILS, DIMS, vectorSource } from './store-data.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(repo, 'bench', '.data');
const K = 10;
const logger = createLogger({ level: 'warn' });

const size = Number(arg('--size', '1000000'));
const base = arg('--base', 'HEAD');
const queries = Number(arg('--queries', '200'));
const database = arg('--database', process.env.MINUTEBOOK_TEST_DATABASE_URL ?? '');
if (!database) throw new Error('give --database postgres://… or set MINUTEBOOK_TEST_DATABASE_URL');
const schema = arg('--schema', `bench_${size}`);
const url = new URL(database);
url.searchParams.set('schema', schema);

const council = (i: number) => BENCH_COUNCILS[i % BENCH_COUNCILS.length] ?? '';
/** The kinds of search, as store-compare.ts's (its "filtered" split into its two filters). */
const CASES: Record<string, (i: number) => SearchFilters> = {
  committee: () => ({ committee: 'planning' }),
  date: () => ({ after: '2018-01-01' }),
  unscoped: () => ({}),
  council: (i) => ({ council: council(i) }),
  'council+filter': (i) => ({ council: council(i), ...(i % 2 ? { committee: 'planning' } : { after: '2018-01-01' }) }),
};
const cases = arg('--cases', Object.keys(CASES).join(',')).split(',');

/** The same query vectors and questions as store-compare.ts (isotropic, seed 7; 20 passages a topic). */
const topics = Math.max(50, Math.round(size / 20));
const source = vectorSource('isotropic', 7, topics);
const vectors = Array.from({ length: queries }, () => source.next().vector);
const words = ['housing allocation policy', 'school transport ehcp', 'budget savings', 'audit risk reserves'];
const question = (i: number) => `what was said about topic${(i * 37) % topics} ${words[i % words.length]}`;

/** The base revision's src/ in a temporary folder (node_modules linked), to import its store from. */
function checkout(revision: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-ab-'));
  const tar = execFileSync('git', ['archive', revision, 'src', 'package.json', 'tsconfig.json'], {
    cwd: repo,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

interface Side {
  name: string;
  retriever: HybridRetriever;
  store: {
    vectorSearch: (
      v: Float32Array,
      o: { limit: number; filters: SearchFilters },
    ) => Promise<Array<{ passageId: number }>>;
    close: () => Promise<void>;
  };
  /** Time of the last vectorSearch call, set by the proxy. */
  lastVector: number;
}

async function openSide(name: string, root: string): Promise<Side> {
  const open = (await import(
    path.join(root, 'src/store/open-store.ts')
  )) as typeof import('../src/store/open-store.js');
  const retrieve = (await import(
    path.join(root, 'src/retrieve/retriever.ts')
  )) as typeof import('../src/retrieve/retriever.js');
  const store = await open.openIndexReader(
    { kind: 'postgres', url: url.toString() },
    { logger, model: { id: 'bench/synthetic', dimensions: DIMS } },
  );
  const side = { name, lastVector: 0 } as Side;
  const timed = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'vectorSearch' || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          side.lastVector = performance.now() - started;
        }
      };
    },
  });
  let next = 0;
  const embedder = {
    modelId: 'bench/synthetic',
    dimensions: DIMS,
    embedDocuments: async () => [],
    embedQuery: async () => vectors[next++ % vectors.length] ?? new Float32Array(DIMS),
    setNext: (i: number) => {
      next = i;
    },
  };
  side.retriever = new retrieve.HybridRetriever({ store: timed, embedder, logger }) as unknown as HybridRetriever;
  (side as unknown as { setNext: (i: number) => void }).setNext = embedder.setNext;
  side.store = timed as unknown as Side['store'];
  await side.retriever.search('council budget topic1', { k: 5 });
  return side;
}

/** store-compare.ts's exact answers (\`truth postgres <n>\`), for the kinds of search it has them for. */
const COMPARE_TRUTH: Record<string, string> = {
  unscoped: 'truth',
  committee: 'filteredTruth',
  council: 'councilTruth',
};

/** Exact ten nearest per query for a kind of search: store-compare's, else from SQL (the graph bypassed), cached. */
async function exactAnswers(kind: string, filtersOf: (i: number) => SearchFilters): Promise<number[][]> {
  const compare = path.join(DATA_DIR, `truth-${size}-200-councils.json`);
  const key = COMPARE_TRUTH[kind];
  if (key && queries <= 200 && fs.existsSync(compare)) {
    return (JSON.parse(fs.readFileSync(compare, 'utf8')) as Record<string, number[][]>)[key] ?? [];
  }
  const file = path.join(DATA_DIR, `ab-truth-${size}-${kind}-${queries}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as number[][];
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  await client.query('SET enable_indexscan = off');
  await client.query('SET max_parallel_workers_per_gather = 2');
  const answers: number[][] = [];
  for (const [i, v] of vectors.entries()) {
    const f = filtersOf(i);
    const where: string[] = [];
    const params: unknown[] = [`[${Array.from(v).join(',')}]`];
    if (f.committee) where.push(`strpos(lower(m.committee), lower($${params.push(f.committee)})) > 0`);
    if (f.council) where.push(`strpos(lower(m.council), lower($${params.push(f.council)})) > 0`);
    if (f.after) where.push(`m.date >= $${params.push(f.after)}`);
    const r = await client.query(
      `SELECT p.id FROM ${schema}.passages p JOIN ${schema}.meetings m ON m.id = p.meeting_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (p.embedding <=> $1::halfvec) + 0, p.id LIMIT ${K}`,
      params,
    );
    answers.push(r.rows.map((row: { id: string }) => Number(row.id)));
  }
  await client.end();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(answers));
  return answers;
}

const fmt = (x: number) => x.toFixed(1);
const pair = (t: number[]) => `${fmt(percentile(t, 50))} / ${fmt(percentile(t, 95))}`;

if (process.argv.includes('--truth-only')) {
  for (const kind of cases) await exactAnswers(kind, CASES[kind] ?? (() => ({})));
  process.exit(0);
}
/**
 * `--variants 'name:KEY=value,KEY2=value;name2:…'`: more working-tree sides, each run with these
 * environment variables set (for knobs a change under test reads from the environment at call time).
 */
const variants = (arg('--variants') ?? '')
  .split(';')
  .filter(Boolean)
  .map((spec) => {
    const [name = '', settings = ''] = spec.split(':');
    return {
      name,
      env: Object.fromEntries(
        settings
          .split(',')
          .filter(Boolean)
          .map((kv) => kv.split('=') as [string, string]),
      ),
    };
  });
const baseRoot = checkout(base);
const sides = [await openSide(`base ${base}`, baseRoot), await openSide('working tree', repo)];
for (const v of variants) sides.push(Object.assign(await openSide(`working tree, ${v.name}`, repo), { env: v.env }));
/** Runs `fn` with `side`'s environment variables set, and puts the environment back after. */
async function withEnv<T>(side: Side, fn: () => Promise<T>): Promise<T> {
  const env = (side as Side & { env?: Record<string, string> }).env ?? {};
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
console.log(
  `\nA/B at ${size} passages, ${queries} queries a case, base ${base} against the working tree; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('| case | store | hybrid p50 / p95 ms | vector half p50 / p95 ms | recall@10 |');
console.log('|---|---|---|---|---|');
for (const kind of cases) {
  const filtersOf = CASES[kind];
  if (!filtersOf) throw new Error(`unknown case ${kind}`);
  const hybrid = sides.map((): number[] => []);
  const half = sides.map((): number[] => []);
  for (let i = 0; i < queries; i++) {
    // Each side first in turn: none is always measured straight after another's work.
    const order = sides.map((_, j) => (i + j) % sides.length);
    for (const s of order) {
      const side = sides[s] as Side;
      (side as unknown as { setNext: (i: number) => void }).setNext(i);
      const t = performance.now();
      await withEnv(side, () => side.retriever.search(question(i), { k: 5, filters: filtersOf(i) }));
      hybrid[s]?.push(performance.now() - t);
      half[s]?.push(side.lastVector);
    }
  }
  const truth = await exactAnswers(kind, filtersOf);
  for (const [s, side] of sides.entries()) {
    let hits = 0;
    let wanted = 0;
    for (let i = 0; i < queries; i++) {
      const found = (
        await withEnv(side, () =>
          side.store.vectorSearch(vectors[i] as Float32Array, { limit: K, filters: filtersOf(i) }),
        )
      ).map((h) => h.passageId);
      hits += (truth[i] ?? []).filter((id) => found.includes(id)).length;
      wanted += (truth[i] ?? []).length;
    }
    console.log(
      `| ${kind} | ${side.name} | ${pair(hybrid[s] ?? [])} | ${pair(half[s] ?? [])} | ${(hits / Math.max(1, wanted)).toFixed(3)} |`,
    );
  }
}
console.log(
  `load after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const side of sides) await side.store.close();
fs.rmSync(baseRoot, { recursive: true, force: true });
