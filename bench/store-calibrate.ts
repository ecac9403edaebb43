/**
 * Measures the shape of real embeddings for the `calibrated` synthetic vectors (bench/store-data.ts):
 * reads every vector of a folder index built with the real model, and writes their mean, the
 * Cholesky factor of their covariance and the topic share that makes synthetic nearest-neighbour
 * cosines match the real ones, to bench/.data/embedding-profile.json (git-ignored: it is derived
 * from real minutes). Prints what it measured.
 *
 * Given a folder of minutes (its meetings.json, if any, as the manifest), it first indexes them into
 * bench/.data/calib-index-<folder name> with the real model (`minutebook ingest --rebuild`);
 * given none, the repo's own sample minutes (examples/), so it runs on a fresh checkout. `--index`
 * reads a folder index already built instead.
 *
 *   npx tsx bench/store-calibrate.ts                         # examples/
 *   npx tsx bench/store-calibrate.ts /work/shared/corpus     # another folder of minutes
 *   npx tsx bench/store-calibrate.ts --index bench/.data/calib-index
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../src/logger.js';
import { openIndexReader } from '../src/store/open-store.js';
import { arg } from './options.js';
import { CalibratedVectorSource, DIMS, type EmbeddingProfile, PROFILE_FILE } from './store-data.js';

/** Passages a topic has in the store benches (bench/store-compare.ts), so the fit is made at that density. */
const PER_TOPIC = 20;

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < DIMS; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Mean cosine of each vector to its nearest other one, and of all pairs. */
function cosines(vectors: Float32Array[]): { nearest: number; mean: number } {
  let nearest = 0;
  let sum = 0;
  let pairs = 0;
  for (const [i, a] of vectors.entries()) {
    let best = -1;
    for (const [j, b] of vectors.entries()) {
      if (i === j) continue;
      const c = dot(a, b);
      if (c > best) best = c;
      sum += c;
      pairs++;
    }
    nearest += best;
  }
  return { nearest: nearest / vectors.length, mean: sum / pairs };
}

/** Lower Cholesky factor of a symmetric positive definite matrix (row-major). */
function cholesky(matrix: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0);
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (l[j * n + j] ?? 1);
    }
  }
  return l;
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Indexes a folder of minutes with the real model, through the CLI, into a bench folder of its own. */
function indexMinutes(folder: string): string {
  const dir = path.join(REPO, 'bench', '.data', `calib-index-${path.basename(folder)}`);
  const manifest = path.join(folder, 'meetings.json');
  // The sources through tsx, as `npm run dev` does: a fresh checkout may not be built yet.
  const cli = ['--import', 'tsx', path.join(REPO, 'src', 'cli', 'main.ts')];
  const args = [...cli, 'ingest', folder, '--index', dir, '--rebuild'];
  if (fs.existsSync(manifest)) args.push('--manifest', manifest);
  console.log(`indexing ${folder} into ${dir}`);
  execFileSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const minutes = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--index');
const index = arg('--index') ?? indexMinutes(path.resolve(minutes ?? path.join(REPO, 'examples')));
const store = await openIndexReader(
  { kind: 'sqlite', dir: path.resolve(index) },
  { logger: createLogger({ level: 'warn' }) },
);
const model = store.model;
if (!model || model.dimensions !== DIMS)
  throw new Error(`${index}: needs an index embedded with a ${DIMS}-dimension model`);
const real: Float32Array[] = [];
for await (const exported of store.exportMeetings()) real.push(...(exported.vectors ?? []));
await store.close();

const mean = new Float64Array(DIMS);
for (const v of real) for (let i = 0; i < DIMS; i++) mean[i] = (mean[i] ?? 0) + (v[i] ?? 0) / real.length;
const covariance = new Float64Array(DIMS * DIMS);
for (const v of real) {
  for (let i = 0; i < DIMS; i++) {
    const di = (v[i] ?? 0) - (mean[i] ?? 0);
    for (let j = 0; j <= i; j++)
      covariance[i * DIMS + j] = (covariance[i * DIMS + j] ?? 0) + di * ((v[j] ?? 0) - (mean[j] ?? 0));
  }
}
let trace = 0;
for (let i = 0; i < DIMS; i++) {
  for (let j = 0; j <= i; j++) {
    const c = (covariance[i * DIMS + j] ?? 0) / (real.length - 1);
    covariance[i * DIMS + j] = c;
    covariance[j * DIMS + i] = c;
  }
  trace += covariance[i * DIMS + i] ?? 0;
}
// Fewer passages than dimensions leave the covariance singular: a little isotropic variance (1% of
// the total) stands in for the directions the sample could not see.
for (let i = 0; i < DIMS; i++) covariance[i * DIMS + i] = (covariance[i * DIMS + i] ?? 0) + (0.01 * trace) / DIMS;
const factor = cholesky(covariance, DIMS);

const measured = cosines(real);
const base: EmbeddingProfile = {
  model: model.id,
  source: path.resolve(index),
  passages: real.length,
  mean: Array.from(mean),
  cholesky: Array.from(factor),
  topicShare: 0,
  realNearest: measured.nearest,
  realMean: measured.mean,
};
console.log(
  `${real.length} real vectors of ${model.id}: nearest-neighbour cosine ${measured.nearest.toFixed(3)}, any pair ${measured.mean.toFixed(3)}`,
);
console.log('| topic share | synthetic nearest cosine | any pair |');
console.log('|---|---|---|');
let best = { share: 0, error: Number.POSITIVE_INFINITY };
for (let share = 0.05; share < 0.96; share += 0.05) {
  const source = new CalibratedVectorSource(5, Math.max(1, Math.round(real.length / PER_TOPIC)), {
    ...base,
    topicShare: share,
  });
  const synthetic = cosines(Array.from({ length: real.length }, () => source.next().vector));
  console.log(`| ${share.toFixed(2)} | ${synthetic.nearest.toFixed(3)} | ${synthetic.mean.toFixed(3)} |`);
  const error = Math.abs(synthetic.nearest - measured.nearest);
  if (error < best.error) best = { share, error };
}
fs.mkdirSync(path.dirname(PROFILE_FILE), { recursive: true });
fs.writeFileSync(PROFILE_FILE, JSON.stringify({ ...base, topicShare: Number(best.share.toFixed(2)) }));
console.log(`topic share ${best.share.toFixed(2)} written to ${PROFILE_FILE}`);
