import type Database from 'better-sqlite3';
import type { MinuteItem, RecordedMeeting, RecordReadOptions, SearchFilters } from '../../types.js';
import { RECORD_PARTS, recordsFromRows } from '../record-values.js';
import { itemFields, meetingFromRow } from '../row-values.js';
import { int, SQLITE_VALUES } from './rows.js';
import { meetingCondition } from './sql.js';

/**
 * The meetings `filters` cover, oldest first, with their records (the parts asked for) and, unless
 * `items: false`, their items without passages.
 */
export function recordedMeetings(
  db: Database.Database,
  filters: SearchFilters,
  options: RecordReadOptions,
): RecordedMeeting[] {
  const condition = meetingCondition(filters, 'm');
  const meetings = db
    .prepare(`SELECT m.* FROM meetings m WHERE ${condition.sql} ORDER BY m.date, m.source`)
    .all(...condition.params) as Array<Record<string, unknown>>;
  const parts = JSON.stringify(options.parts ?? RECORD_PARTS);
  const recordRows = db.prepare(
    'SELECT part, position, data FROM records WHERE meeting_id = ? AND part IN (SELECT value FROM json_each(?))',
  );
  const itemRows = db.prepare('SELECT * FROM items WHERE meeting_id = ? ORDER BY position');
  return meetings.map((row) => {
    const id = int(row.id);
    const items =
      options.items === false
        ? []
        : (itemRows.all(id) as Array<Record<string, unknown>>).map(
            (item): MinuteItem => ({
              ...itemFields(item, { text: 'text', points: 'points', url: 'url' }, SQLITE_VALUES),
              passages: [],
            }),
          );
    const records = recordsFromRows(recordRows.all(id, parts) as Array<Record<string, unknown>>);
    return { meeting: meetingFromRow(row, items, SQLITE_VALUES), records };
  });
}
