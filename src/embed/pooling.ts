import type { Pooling } from './models.js';

/** Token vectors of a batch as the model returns them: `[batch, seq, dim]`, row-major. */
export interface HiddenStates {
  data: Float32Array;
  batch: number;
  seq: number;
  dim: number;
}

/**
 * Pools each text's token vectors into one vector and L2-normalises it. Mean pooling averages over
 * real tokens only (the attention mask), so padding added to fit a batch never changes a vector:
 * that is what makes batched and single embeddings equal.
 */
export function poolAndNormalize(
  hidden: HiddenStates,
  attentionMask: ArrayLike<number | bigint>,
  pooling: Pooling,
): Float32Array[] {
  const { data, batch, seq, dim } = hidden;
  const vectors: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const vector = new Float32Array(dim);
    if (pooling === 'cls') {
      vector.set(data.subarray(b * seq * dim, b * seq * dim + dim));
    } else {
      let count = 0;
      for (let t = 0; t < seq; t++) {
        if (Number(attentionMask[b * seq + t] ?? 0) === 0) continue;
        count++;
        const offset = (b * seq + t) * dim;
        for (let d = 0; d < dim; d++) vector[d] = (vector[d] ?? 0) + (data[offset + d] ?? 0);
      }
      if (count > 0) for (let d = 0; d < dim; d++) vector[d] = (vector[d] ?? 0) / count;
    }
    vectors.push(normalize(vector));
  }
  return vectors;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] ?? 0) / norm;
  return vector;
}
