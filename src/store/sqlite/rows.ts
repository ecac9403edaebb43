import type { MinuteItem } from '../../types.js';
import type { StoredPassage } from '../types.js';

/**
 * Rows as read back from the index, narrowed from SQLite's `unknown`s. JSON columns were written by
 * this module, but a hand-edited or damaged database must still not hand out the wrong types.
 */

export const PASSAGE_COLUMNS = `
  p.id AS passage_id, p.text AS passage_text, p.points AS passage_points, p.header AS header,
  i.id AS item_id, i.position AS item_position, i.minute, i.minute_number, i.number_source, i.title,
  i.title_derived, i.agenda_item, i.procedural, i.text AS item_text, i.resolutions, i.points AS item_points,
  i.url AS item_url, i.restricted,
  m.id AS meeting_id, m.source, m.council, m.committee, m.date, m.start_time, m.venue, m.chair, m.url AS meeting_url`;

export function toStoredPassage(row: Record<string, unknown>): StoredPassage {
  return {
    passageId: int(row.passage_id),
    text: str(row.passage_text),
    points: stringArray(row.passage_points),
    header: str(row.header),
    item: {
      id: int(row.item_id),
      position: int(row.item_position),
      minute: strOrNull(row.minute),
      minuteNumber: intOrNull(row.minute_number),
      numberSource: row.number_source === 'printed' || row.number_source === 'recovered' ? row.number_source : null,
      title: str(row.title),
      titleDerived: row.title_derived === 1,
      agendaItem: intOrNull(row.agenda_item),
      procedural: row.procedural === 1,
      text: str(row.item_text),
      resolutions: stringArray(row.resolutions),
      points: stringArray(row.item_points),
      url: strOrNull(row.item_url),
      restricted: row.restricted === 1,
    },
    meeting: {
      id: int(row.meeting_id),
      source: str(row.source),
      council: strOrNull(row.council),
      committee: strOrNull(row.committee),
      date: strOrNull(row.date),
      startTime: strOrNull(row.start_time),
      venue: strOrNull(row.venue),
      chair: strOrNull(row.chair),
      url: strOrNull(row.meeting_url),
    },
  };
}

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

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function int(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
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
