import { IndexMismatchError } from '../errors.js';
import type { IndexModel } from './types.js';

/**
 * Checks the vectors a writer was given for a meeting against the index's model: exactly one per
 * passage when the index has a model, none for a keyword-only index. Both stores refuse the same way.
 */
export function checkVectors(
  source: string,
  model: IndexModel | null,
  passageCount: number,
  vectors: Float32Array[] | null,
): void {
  if (model === null) {
    if (vectors !== null && vectors.length > 0) {
      throw new IndexMismatchError(
        `${source}: this index is keyword-only and cannot take vectors; rebuild it with a model: \`npx minutebook ingest --rebuild <files>\``,
      );
    }
    return;
  }
  if (vectors === null) {
    throw new IndexMismatchError(
      `${source}: this index holds ${model.id} vectors and every passage needs one; fetch the model (\`npx minutebook model fetch\`) or rebuild keyword-only with \`npx minutebook ingest --rebuild <files>\``,
    );
  }
  if (vectors.length !== passageCount) {
    throw new Error(`${source}: ${vectors.length} vectors for ${passageCount} passages`);
  }
  for (const vector of vectors) {
    if (vector.length !== model.dimensions || !vector.every(Number.isFinite)) {
      throw new Error(`${source}: a vector is not ${model.dimensions} finite numbers`);
    }
  }
}
