import type { MinuteItem } from '../../types.js';
import type { StoredPassage } from '../types.js';

/**
 * Rows as read back from PostgreSQL, narrowed from the driver's `unknown`s: bigint ids and counts
 * arrive as strings, jsonb as parsed values, vectors as pgvector's text form.
 */

export const PASSAGE_COLUMNS = `
  p.id AS passage_id, p.text AS passage_text, p.points AS passage_points, p.header AS header,
  i.id AS item_id, i.position AS item_position, i.minute, i.minute_number, i.number_source, i.title,
  i.title_derived, i.agenda_item, i.procedural, i.text AS item_text, i.resolutions, i.points AS item_points,
  i.url AS item_url, i.restricted,
  m.id AS meeting_id, m.source, m.council, m.committee, m.date, m.start_time, m.venue, m.chair, m.url AS meeting_url`;

export function toStoredPassage(row: Record<string, unknown>): StoredPassage {
  return {
    passageId: num(row.passage_id),
    text: str(row.passage_text),
    points: strings(row.passage_points),
    header: str(row.header),
    item: {
      id: num(row.item_id),
      position: num(row.item_position),
      ...itemFields(row, 'item_text', 'item_points', 'item_url'),
    },
    meeting: {
      id: num(row.meeting_id),
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

/** An item's own fields from a row; the text, points and url columns are named by the caller's query. */
export function itemFields(
  row: Record<string, unknown>,
  text: string,
  points: string,
  url: string,
): Omit<MinuteItem, 'passages'> {
  return {
    minute: strOrNull(row.minute),
    minuteNumber: typeof row.minute_number === 'number' ? row.minute_number : null,
    numberSource: row.number_source === 'printed' || row.number_source === 'recovered' ? row.number_source : null,
    title: str(row.title),
    titleDerived: row.title_derived === true,
    agendaItem: typeof row.agenda_item === 'number' ? row.agenda_item : null,
    procedural: row.procedural === true,
    text: str(row[text]),
    resolutions: strings(row.resolutions),
    points: strings(row[points]),
    url: strOrNull(row[url]),
    restricted: row.restricted === true,
  };
}

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

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}
