/**
 * Synthetic passages for the store benchmarks, from seeded generators so every run measures the
 * same data: minutes-like text, and vectors of one of two kinds (see `VectorKind`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meeting } from '../src/types.js';

export const DIMS = 384;

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

function randomUnit(random: () => number): Float32Array {
  return unit(Float32Array.from({ length: DIMS }, () => gaussian(random)));
}

/** Hands out one passage's vector (unit length) and the topic it was drawn around. */
export interface VectorGenerator {
  next(): { topic: number; vector: Float32Array };
}

/**
 * - `isotropic`: topic centres drawn uniformly on the 384-d sphere and per-passage noise uniform
 *   in all 384 directions. Cosines match a sentence model's on average, but nothing else does: there
 *   is no structure between topics and none inside one, so the ten nearest neighbours are near-ties
 *   decided by random noise and no graph can route to them. Recall of any HNSW collapses with size
 *   on it (a pathological case; kept so older numbers stay comparable).
 * - `calibrated`: drawn from the covariance of real all-MiniLM-L6-v2 embeddings of minutes
 *   (bench/store-calibrate.ts writes the profile), as topic centres plus within-topic spread in the
 *   same low-dimensional shape: what real use looks like.
 */
export type VectorKind = 'isotropic' | 'calibrated';

/** The vector source of `kind` for `topics` topics; `calibrated` needs the profile file. */
export function vectorSource(kind: VectorKind, seed: number, topics: number): VectorGenerator {
  return kind === 'calibrated'
    ? new CalibratedVectorSource(seed, topics, readProfile())
    : new VectorSource(seed, topics);
}

/**
 * The `isotropic` kind: vectors around `topics` centres uniform on the sphere, plus a common
 * direction and isotropic noise. The weights give unrelated passages cosine ≈ 0.25 and same-topic
 * ones ≈ 0.7.
 */
export class VectorSource implements VectorGenerator {
  private readonly random: () => number;
  private readonly common: Float32Array;
  private readonly centres: Float32Array[];

  constructor(seed: number, topics = 2000) {
    this.random = rng(seed);
    const shared = rng(42);
    this.common = randomUnit(shared);
    this.centres = Array.from({ length: topics }, () => randomUnit(shared));
  }

  next(): { topic: number; vector: Float32Array } {
    const topic = Math.floor(this.random() * this.centres.length);
    const centre = this.centres[topic] ?? this.common;
    const noise = randomUnit(this.random);
    const vector = new Float32Array(DIMS);
    for (let i = 0; i < DIMS; i++) {
      vector[i] = 0.55 * (this.common[i] ?? 0) + 0.75 * (centre[i] ?? 0) + 0.6 * (noise[i] ?? 0);
    }
    return { topic, vector: unit(vector) };
  }
}

/**
 * The shape of real embeddings, measured by bench/store-calibrate.ts: their mean, the Cholesky
 * factor of their covariance (row-major, DIMS × DIMS, lower triangle), and the share of that
 * variance a topic's passages have in common (fitted so nearest-neighbour cosines match the real ones).
 */
export interface EmbeddingProfile {
  model: string;
  /** What was embedded, and how many passages. */
  source: string;
  passages: number;
  mean: number[];
  cholesky: number[];
  topicShare: number;
  /** The real passages' mean cosine to their nearest other passage, and to any other passage. */
  realNearest: number;
  realMean: number;
}

export const PROFILE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '.data', 'embedding-profile.json');

/** The calibrated profile, or a one-line error saying how to make it. */
export function readProfile(file = PROFILE_FILE): EmbeddingProfile {
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: run \`npx tsx bench/store-calibrate.ts [folder of minutes]\` (the repo's examples/ by default)`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddingProfile;
}

/**
 * The `calibrated` kind: a topic's centre is a draw from the real embeddings' covariance scaled by
 * `topicShare`; each passage adds its own draw scaled by the rest, so the whole corpus has the real
 * covariance (its few dominant directions, its low intrinsic dimension) and a topic's passages sit
 * as close together as real neighbouring passages do.
 */
export class CalibratedVectorSource implements VectorGenerator {
  private readonly random: () => number;
  private readonly mean: Float64Array;
  private readonly factor: Float64Array;
  private readonly spread: number;
  private readonly centres: Float32Array[];

  constructor(seed: number, topics: number, profile: EmbeddingProfile) {
    this.random = rng(seed);
    this.mean = Float64Array.from(profile.mean);
    this.factor = Float64Array.from(profile.cholesky);
    this.spread = Math.sqrt(1 - profile.topicShare);
    const shared = rng(42);
    const share = Math.sqrt(profile.topicShare);
    this.centres = Array.from({ length: topics }, () => this.draw(shared, share));
  }

  next(): { topic: number; vector: Float32Array } {
    const topic = Math.floor(this.random() * this.centres.length);
    const vector = this.draw(this.random, this.spread);
    const centre = this.centres[topic];
    for (let i = 0; i < DIMS; i++) vector[i] = (vector[i] ?? 0) + (centre?.[i] ?? 0) + (this.mean[i] ?? 0);
    return { topic, vector: unit(vector) };
  }

  /** scale × L·z for z standard normal: a draw from the covariance, centred on zero. */
  private draw(random: () => number, scale: number): Float32Array {
    const z = new Float64Array(DIMS);
    for (let j = 0; j < DIMS; j++) z[j] = gaussian(random);
    const factor = this.factor;
    const out = new Float32Array(DIMS);
    for (let i = 0; i < DIMS; i++) {
      let sum = 0;
      const row = i * DIMS;
      // Casts, not `?? 0`: this loop runs 74k times a vector, and every index is in range.
      for (let j = 0; j <= i; j++) sum += (factor[row + j] as number) * (z[j] as number);
      out[i] = scale * sum;
    }
    return out;
  }
}

const WORDS = (
  'council committee report officer members resolved agreed budget housing planning application transport school ' +
  'children adult social care highways parking waste recycling library leisure contract procurement audit risk ' +
  'scrutiny cabinet portfolio holder consultation policy strategy funding grant capital revenue reserves savings ' +
  'performance climate carbon flood drainage licensing taxi premises enforcement tenancy homelessness allocation ' +
  'education health care plan ehcp send pupils transport travel bus route road safety footpath cycle lane'
).split(' ');

/** Minutes-like text for a passage of topic `topic`: shared vocabulary plus topic-specific tokens. */
export function passageText(random: () => number, topic: number, words = 60): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(random() < 0.15 ? `topic${topic}` : (WORDS[Math.floor(random() * WORDS.length)] ?? 'council'));
  }
  return out.join(' ');
}

/**
 * The councils sharing one synthetic database, in equal shares: runs of 7 meetings each, so every
 * council has every committee and year (committee and date follow the meeting number modulo 5, 12, 15).
 */
export const BENCH_COUNCILS = [
  'Ashbourne Borough Council',
  'Brackenfield District Council',
  'Caldermoor County Council',
  'Dunholme City Council',
  'Eastwick Borough Council',
];

export function councilOfMeeting(n: number): string {
  return BENCH_COUNCILS[Math.floor(n / 7) % BENCH_COUNCILS.length] ?? 'Ashbourne Borough Council';
}

/** A meeting of `passages` passages (10 per item) with vectors from `source`. */
export function syntheticMeeting(
  n: number,
  passages: number,
  source: VectorGenerator,
  random: () => number,
): { meeting: Meeting; vectors: Float32Array[] } {
  const vectors: Float32Array[] = [];
  const items: Meeting['items'] = [];
  for (let i = 0; i * 10 < passages; i++) {
    const texts: string[] = [];
    for (let p = 0; p < Math.min(10, passages - i * 10); p++) {
      const { topic, vector } = source.next();
      vectors.push(vector);
      texts.push(passageText(random, topic));
    }
    items.push({
      minute: String(i + 1),
      minuteNumber: i + 1,
      numberSource: 'printed',
      title: `Item ${i + 1} of meeting ${n}`,
      titleDerived: false,
      agendaItem: null,
      procedural: false,
      text: texts.join(' '),
      resolutions: [],
      points: [],
      url: null,
      restricted: false,
      passages: texts.map((text) => ({ text, points: [] })),
    });
  }
  const committees = ['Cabinet', 'Planning Committee', 'Audit Committee', 'Children Scrutiny', 'Licensing'];
  return {
    meeting: {
      council: councilOfMeeting(n),
      committee: committees[n % committees.length] ?? 'Cabinet',
      date: `${2010 + (n % 15)}-${String(1 + (n % 12)).padStart(2, '0')}-10`,
      startTime: null,
      venue: null,
      chair: null,
      attendees: [],
      source: `bench/meeting-${n}.pdf`,
      url: null,
      items,
      warnings: [],
    },
    vectors,
  };
}

/** Exact top-k by inner product (vectors are unit length), the ground truth for recall. */
export function exactTopK(data: Float32Array[], query: Float32Array, k: number): number[] {
  const best: Array<{ i: number; s: number }> = [];
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!v) continue;
    let s = 0;
    for (let d = 0; d < DIMS; d++) s += (v[d] ?? 0) * (query[d] ?? 0);
    if (best.length < k || s > (best[best.length - 1]?.s ?? -2)) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}
