import type Database from 'better-sqlite3';
import type { Meeting, MinuteItem } from '../../types.js';
import type { ExportedMeeting } from '../types.js';
import { blobToVector, int, str, stringArray, strOrNull } from './rows.js';

/**
 * Reads meetings back whole, as they were written (items, passages, vectors and content hash), for
 * copying an index into another store without parsing or embedding anything again.
 */
export function* exportMeetings(db: Database.Database, dimensions: number | null): Generator<ExportedMeeting> {
  const meetingIds = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as number[];
  const meetingRow = db.prepare('SELECT * FROM meetings WHERE id = ?');
  const itemRows = db.prepare('SELECT * FROM items WHERE meeting_id = ? ORDER BY position');
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
        minute: strOrNull(row.minute),
        minuteNumber: typeof row.minute_number === 'number' ? row.minute_number : null,
        numberSource: row.number_source === 'printed' || row.number_source === 'recovered' ? row.number_source : null,
        title: str(row.title),
        titleDerived: row.title_derived === 1,
        agendaItem: typeof row.agenda_item === 'number' ? row.agenda_item : null,
        procedural: row.procedural === 1,
        text: str(row.text),
        resolutions: stringArray(row.resolutions),
        points: stringArray(row.points),
        url: strOrNull(row.url),
        restricted: row.restricted === 1,
        passages: passages.map((p) => ({ text: str(p.text), points: stringArray(p.points) })),
      };
    });
    const meeting: Meeting = {
      council: strOrNull(m.council),
      committee: strOrNull(m.committee),
      date: strOrNull(m.date),
      startTime: strOrNull(m.start_time),
      venue: strOrNull(m.venue),
      chair: strOrNull(m.chair),
      attendees: stringArray(m.attendees),
      source: str(m.source),
      url: strOrNull(m.url),
      items,
      warnings: stringArray(m.warnings),
    };
    yield { meeting, contentHash: str(m.content_hash), vectors: dimensions === null ? null : vectors };
  }
}
