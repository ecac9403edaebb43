import type Database from 'better-sqlite3';
import type { Meeting, MeetingRecords } from '../../types.js';
import { passageHeader } from '../passage-header.js';
import { recordRows } from '../record-values.js';
import { itemValues, vectorToBlob } from './rows.js';

/**
 * A meeting's rows in and out of the database: meetings, items, passages and their FTS entries,
 * and its records.
 * Both run inside the caller's transaction; the manifest and the HNSW graph are the caller's.
 */

/** Deletes a meeting's rows (inside the caller's transaction) and says what went. */
export function deleteMeetingRows(
  db: Database.Database,
  source: string,
): { items: number; passages: number[]; vectors: number } | null {
  const meeting = db.prepare('SELECT id FROM meetings WHERE source = ?').pluck().get(source) as number | undefined;
  if (meeting === undefined) return null;
  const passages = db.prepare('SELECT id FROM passages WHERE meeting_id = ?').pluck().all(meeting) as number[];
  const vectors = db
    .prepare('SELECT count(*) FROM passages WHERE meeting_id = ? AND vector IS NOT NULL')
    .pluck()
    .get(meeting) as number;
  db.prepare('DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE meeting_id = ?)').run(meeting);
  db.prepare('DELETE FROM passages WHERE meeting_id = ?').run(meeting);
  db.prepare('DELETE FROM records WHERE meeting_id = ?').run(meeting);
  const items = db.prepare('DELETE FROM items WHERE meeting_id = ?').run(meeting).changes;
  db.prepare('DELETE FROM meetings WHERE id = ?').run(meeting);
  return { items, passages, vectors };
}

/**
 * Inserts a meeting with its items, passages (vector BLOBs aligned with the flattened passages), FTS
 * rows and records. Returns the meeting id; `added` receives each new passage id with its vector.
 */
export function insertMeetingRows(
  db: Database.Database,
  written: { meeting: Meeting; records: MeetingRecords | null },
  contentHash: string,
  vectors: Float32Array[] | null,
  added: Array<{ id: number; vector: Float32Array }>,
): number {
  const { meeting, records } = written;
  const meetingId = Number(
    db
      .prepare(
        `INSERT INTO meetings (source, content_hash, council, committee, date, start_time, venue, chair, attendees, url, warnings)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meeting.source,
        contentHash,
        meeting.council,
        meeting.committee,
        meeting.date,
        meeting.startTime,
        meeting.venue,
        meeting.chair,
        JSON.stringify(meeting.attendees),
        meeting.url,
        JSON.stringify(meeting.warnings),
      ).lastInsertRowid,
  );
  const insertItem = db.prepare(
    `INSERT INTO items (meeting_id, position, minute, minute_number, number_source, title, title_derived, agenda_item,
       procedural, text, resolutions, points, url, restricted, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPassage = db.prepare(
    'INSERT INTO passages (item_id, meeting_id, position, text, header, points, vector) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFts = db.prepare('INSERT INTO passages_fts (rowid, text, header, title) VALUES (?, ?, ?, ?)');
  let flat = 0;
  meeting.items.forEach((item, position) => {
    const itemId = Number(insertItem.run(...itemValues(meetingId, position, item)).lastInsertRowid);
    const header = passageHeader(meeting, item);
    item.passages.forEach((passage, index) => {
      const vector = vectors?.[flat++] ?? null;
      const id = Number(
        insertPassage.run(
          itemId,
          meetingId,
          index,
          passage.text,
          header,
          JSON.stringify(passage.points),
          vector ? vectorToBlob(vector) : null,
        ).lastInsertRowid,
      );
      insertFts.run(id, passage.text, header, item.title);
      if (vector) added.push({ id, vector });
    });
  });
  const insertRecord = db.prepare('INSERT INTO records (meeting_id, part, position, data) VALUES (?, ?, ?, ?)');
  for (const row of records ? recordRows(records) : []) {
    insertRecord.run(meetingId, row.part, row.position, JSON.stringify(row.data));
  }
  return meetingId;
}
