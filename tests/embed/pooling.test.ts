import { describe, expect, it } from 'vitest';
import { normalize, poolAndNormalize } from '../../src/embed/pooling.js';

const norm = (v: Float32Array) => Math.hypot(...v);

describe('pooling', () => {
  // Two texts, three positions, two dims; the second text has one padded position.
  const hidden = {
    data: new Float32Array([1, 0, 3, 4, 0, 2, /* text 2 */ 0, 5, 0, 1, 100, 100]),
    batch: 2,
    seq: 3,
    dim: 2,
  };
  const mask = [1n, 1n, 1n, 1n, 1n, 0n];

  it('mean-pools real tokens only, so padding never moves a vector', () => {
    const [first, second] = poolAndNormalize(hidden, mask, 'mean');
    // text 1: mean (4/3, 6/3) -> (2, 3)/|.|; text 2: mean (0, 3) -> (0, 1)
    expect(Array.from(first ?? [])).toEqual(Array.from(normalize(new Float32Array([4 / 3, 2]))));
    expect(Array.from(second ?? [])).toEqual([0, 1]);
  });

  it('CLS-pools the first token', () => {
    const [first, second] = poolAndNormalize(hidden, mask, 'cls');
    expect(Array.from(first ?? [])).toEqual([1, 0]);
    expect(Array.from(second ?? [])).toEqual([0, 1]);
  });

  it('returns unit vectors, and leaves a zero vector at zero instead of NaN', () => {
    const [v] = poolAndNormalize({ data: new Float32Array([3, 4]), batch: 1, seq: 1, dim: 2 }, [1], 'mean');
    expect(norm(v ?? new Float32Array())).toBeCloseTo(1, 6);
    expect(Array.from(normalize(new Float32Array([0, 0])))).toEqual([0, 0]);
  });
});
