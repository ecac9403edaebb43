import type { MinuteItem } from '../../types.js';
import type { RowValues } from '../row-values.js';

export { PASSAGE_COLUMNS } from '../passage-columns.js';
export { str, strOrNull } from '../row-values.js';

/** How SQLite hands back values: integers (or bigints), 0/1 flags, JSON arrays as text. */
export const SQLITE_VALUES: RowValues = {
  int,
  flag: (value) => value === 1,
  list: stringArray,
};

/** The values of an item row, in the column order of the insert statement. */
export function itemValues(meetingId: number, position: number, item: MinuteItem): unknown[] {
  return [
    meetingId,
    position,
    item.minute,
    item.minuteNumber,
    item.numberSource,
    item.title,
    Number(item.titleDerived),
    item.agendaItem,
    Number(item.procedural),
    item.text,
    JSON.stringify(item.resolutions),
    JSON.stringify(item.points),
    item.url,
    Number(item.restricted),
    item.kind ?? 'item',
  ];
}

/** A stored vector BLOB as floats (copied: SQLite's buffers need not be 4-byte aligned). */
export function blobToVector(blob: unknown, dimensions: number): Float32Array | null {
  if (!(blob instanceof Uint8Array) || blob.byteLength !== dimensions * 4) return null;
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

export function vectorToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

export function int(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
}

export function stringArray(json: unknown): string[] {
  if (typeof json !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
