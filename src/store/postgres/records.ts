import type pg from 'pg';
import type { MinuteItem, RecordedMeeting, RecordReadOptions, SearchFilters } from '../../types.js';
import { RECORD_PARTS, recordsFromRows } from '../record-values.js';
import { itemFields, meetingFromRow } from '../row-values.js';
import { num, PG_VALUES } from './rows.js';
import { meetingCondition } from './sql.js';

/**
 * The meetings `filters` cover, oldest first, with their records (the parts asked for) and, unless
 * `items: false`, their items without passages: three queries whatever the number of meetings.
 */
export async function recordedMeetings(
  db: pg.Pool | pg.ClientBase,
  s: string,
  filters: SearchFilters,
  options: RecordReadOptions,
): Promise<RecordedMeeting[]> {
  const condition = meetingCondition(filters, 'm', 1);
  const meetings = await db.query(
    `SELECT m.* FROM ${s}.meetings m WHERE ${condition.sql} ORDER BY m.date COLLATE "C" NULLS FIRST, m.source COLLATE "C"`,
    condition.params,
  );
  const ids = (meetings.rows as Array<Record<string, unknown>>).map((row) => String(row.id));
  const records = await db.query(
    `SELECT meeting_id, part, position, data FROM ${s}.records WHERE meeting_id = ANY($1::bigint[]) AND part = ANY($2::text[])`,
    [ids, options.parts ?? RECORD_PARTS],
  );
  const items =
    options.items === false
      ? { rows: [] }
      : await db.query(`SELECT * FROM ${s}.items WHERE meeting_id = ANY($1::bigint[]) ORDER BY position`, [ids]);
  const byMeeting = <T>(rows: T[], id: (row: T) => number) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(id(row)) ?? [];
      list.push(row);
      map.set(id(row), list);
    }
    return map;
  };
  const recordsOf = byMeeting(records.rows as Array<Record<string, unknown>>, (r) => num(r.meeting_id));
  const itemsOf = byMeeting(items.rows as Array<Record<string, unknown>>, (r) => num(r.meeting_id));
  return (meetings.rows as Array<Record<string, unknown>>).map((row) => {
    const id = num(row.id);
    const meetingItems = (itemsOf.get(id) ?? []).map(
      (item): MinuteItem => ({
        ...itemFields(item, { text: 'text', points: 'points', url: 'url' }, PG_VALUES),
        passages: [],
      }),
    );
    return { meeting: meetingFromRow(row, meetingItems, PG_VALUES), records: recordsFromRows(recordsOf.get(id) ?? []) };
  });
}
