import type { Meeting, MinuteItem } from '../types.js';
import type { StoredPassage } from './types.js';

/**
 * Rows read back from either store, narrowed from the driver's `unknown`s. What differs between the
 * drivers is how a few kinds of value arrive (SQLite: 0/1 flags and JSON text; PostgreSQL: booleans,
 * jsonb already parsed and bigint ids as strings), so each store passes its own `RowValues` and the
 * shape of a row is read here once. A hand-edited or damaged row still never hands out wrong types.
 */
export interface RowValues {
  int(value: unknown): number;
  flag(value: unknown): boolean;
  list(value: unknown): string[];
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** An item's own fields from a row; the text, points and url columns are named by the caller's query. */
export function itemFields(
  row: Record<string, unknown>,
  columns: { text: string; points: string; url: string },
  values: RowValues,
): Omit<MinuteItem, 'passages'> {
  return {
    minute: strOrNull(row.minute),
    minuteNumber: intOrNull(row.minute_number),
    numberSource:
      row.number_source === 'printed' || row.number_source === 'recovered' || row.number_source === 'none'
        ? row.number_source
        : null,
    kind: row.kind === 'preamble' || row.kind === 'attendance' || row.kind === 'closing' ? row.kind : 'item',
    title: str(row.title),
    titleDerived: values.flag(row.title_derived),
    agendaItem: intOrNull(row.agenda_item),
    procedural: values.flag(row.procedural),
    text: str(row[columns.text]),
    resolutions: values.list(row.resolutions),
    points: values.list(row[columns.points]),
    url: strOrNull(row[columns.url]),
    restricted: values.flag(row.restricted),
  };
}

/** A row of PASSAGE_COLUMNS as a search hit's passage. */
export function toStoredPassage(row: Record<string, unknown>, values: RowValues): StoredPassage {
  return {
    passageId: values.int(row.passage_id),
    text: str(row.passage_text),
    points: values.list(row.passage_points),
    header: str(row.header),
    item: {
      id: values.int(row.item_id),
      position: values.int(row.item_position),
      ...itemFields(row, { text: 'item_text', points: 'item_points', url: 'item_url' }, values),
    },
    meeting: {
      id: values.int(row.meeting_id),
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

/** A whole meetings-table row, with its items, as the Meeting it was written from. */
export function meetingFromRow(row: Record<string, unknown>, items: MinuteItem[], values: RowValues): Meeting {
  return {
    council: strOrNull(row.council),
    committee: strOrNull(row.committee),
    date: strOrNull(row.date),
    startTime: strOrNull(row.start_time),
    venue: strOrNull(row.venue),
    chair: strOrNull(row.chair),
    attendees: values.list(row.attendees),
    source: str(row.source),
    url: strOrNull(row.url),
    items,
    warnings: values.list(row.warnings),
  };
}
