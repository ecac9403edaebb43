import type Database from 'better-sqlite3';
import type { MinuteItem } from '../../types.js';
import { recordsFromRows } from '../record-values.js';
import { itemFields, meetingFromRow } from '../row-values.js';
import type { ExportedMeeting } from '../types.js';
import { blobToVector, int, SQLITE_VALUES, str, stringArray } from './rows.js';

/**
 * Reads meetings back whole, as they were written (items, passages, vectors, records and content hash), for
 * copying an index into another store without parsing or embedding anything again.
 */
export function* exportMeetings(db: Database.Database, dimensions: number | null): Generator<ExportedMeeting> {
  const meetingIds = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as number[];
  const meetingRow = db.prepare('SELECT * FROM meetings WHERE id = ?');
  const itemRows = db.prepare('SELECT * FROM items WHERE meeting_id = ? ORDER BY position');
  const recordRows = db.prepare('SELECT part, position, data FROM records WHERE meeting_id = ?');
  const passageRows = db.prepare(
    'SELECT item_id, text, points, vector FROM passages WHERE meeting_id = ? ORDER BY item_id, position',
  );
  for (const id of meetingIds) {
    const m = meetingRow.get(id) as Record<string, unknown> | undefined;
    if (!m) continue;
    const passagesByItem = new Map<number, Array<Record<string, unknown>>>();
    for (const row of passageRows.all(id) as Array<Record<string, unknown>>) {
      const list = passagesByItem.get(int(row.item_id)) ?? [];
      list.push(row);
      passagesByItem.set(int(row.item_id), list);
    }
    const vectors: Float32Array[] = [];
    const items = (itemRows.all(id) as Array<Record<string, unknown>>).map((row): MinuteItem => {
      const passages = passagesByItem.get(int(row.id)) ?? [];
      for (const p of passages) {
        const vector = dimensions === null ? null : blobToVector(p.vector, dimensions);
        if (vector) vectors.push(vector);
      }
      return {
        ...itemFields(row, { text: 'text', points: 'points', url: 'url' }, SQLITE_VALUES),
        passages: passages.map((p) => ({ text: str(p.text), points: stringArray(p.points) })),
      };
    });
    const meeting = meetingFromRow(m, items, SQLITE_VALUES);
    const records = recordsFromRows(recordRows.all(id) as Array<Record<string, unknown>>);
    yield { meeting, records, contentHash: str(m.content_hash), vectors: dimensions === null ? null : vectors };
  }
}
