import type { RowValues } from '../row-values.js';

export { PASSAGE_COLUMNS } from '../passage-columns.js';
export { str, strOrNull } from '../row-values.js';

/** How the pg driver hands back values: bigint ids and counts as strings, booleans, jsonb parsed. */
export const PG_VALUES: RowValues = {
  int: num,
  flag: (value) => value === true,
  list: strings,
};

/**
 * A vector as pgvector's text input, `[0.1,0.2,…]`. Nine significant digits give back every float32
 * exactly, in a third of the text (and time) of JavaScript's own 17-digit doubles.
 */
export function vectorLiteral(vector: Float32Array): string {
  const parts = new Array<string>(vector.length);
  for (let i = 0; i < vector.length; i++) parts[i] = (vector[i] ?? 0).toPrecision(9);
  return `[${parts.join(',')}]`;
}

/** pgvector's text output back as floats, or null. */
export function parseVector(value: unknown): Float32Array | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? Float32Array.from(parsed.map(Number)) : null;
  } catch {
    return null;
  }
}

export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  return 0;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}
