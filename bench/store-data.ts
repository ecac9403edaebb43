/**
 * Synthetic passages for the store benchmarks: vectors shaped like sentence embeddings (a shared
 * direction, topic clusters, per-passage noise; unit length) and minutes-like text, from a seeded
 * generator so every run measures the same data.
 */
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

/**
 * A source of embedding-like vectors: `topics` cluster centres around a common direction. The
 * weights give unrelated passages cosine ≈ 0.3 and same-topic ones ≈ 0.6–0.8, as small English
 * sentence-embedding models do.
 */
export class VectorSource {
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

/** A meeting of `passages` passages (10 per item) with vectors from `source`. */
export function syntheticMeeting(
  n: number,
  passages: number,
  source: VectorSource,
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
      council: 'Bench Borough Council',
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
