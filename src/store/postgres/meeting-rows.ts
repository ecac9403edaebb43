import type pg from 'pg';
import type { Meeting, MeetingRecords } from '../../types.js';
import { passageHeader } from '../passage-header.js';
import { recordRows } from '../record-values.js';
import { councilPartition } from './council-partitions.js';
import { vectorLiteral } from './rows.js';
import { EMBEDDING_TYPE, searchVector } from './sql.js';

/**
 * A meeting's rows in and out of PostgreSQL, inside the caller's transaction: the meeting, its
 * items (one statement), its passages with their search vectors and embeddings (one statement) and
 * its records (one statement). Deleting the meeting row takes the rest with it.
 */

/** What deleting a meeting took away, for the counts in meta. */
export interface Removed {
  items: number;
  passages: number;
  vectors: number;
}

/** Deletes the meeting indexed from `source` (items and passages go with it); null when there was none. */
export async function deleteMeetingRows(client: pg.ClientBase, s: string, source: string): Promise<Removed | null> {
  const found = await client.query(
    `SELECT m.id,
       (SELECT count(*) FROM ${s}.items i WHERE i.meeting_id = m.id) AS items,
       (SELECT count(*) FROM ${s}.passages p WHERE p.meeting_id = m.id) AS passages
     FROM ${s}.meetings m WHERE m.source = $1 FOR UPDATE`,
    [source],
  );
  const row = found.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const gone = await client.query(`DELETE FROM ${s}.meetings WHERE id = $1 RETURNING vectors`, [row.id]);
  return {
    items: Number(row.items),
    passages: Number(row.passages),
    vectors: Number((gone.rows[0] as Record<string, unknown> | undefined)?.vectors ?? 0),
  };
}

/** Inserts `meeting` with its items, passages and records; `vectors` align with the flattened passages. */
export async function insertMeetingRows(
  client: pg.ClientBase,
  s: string,
  written: { meeting: Meeting; records: MeetingRecords | null },
  contentHash: string,
  vectors: Float32Array[] | null,
): Promise<void> {
  const { meeting, records } = written;
  const councilId = await councilPartition(client, s, cleanOrNull(meeting.council));
  const passageCount = meeting.items.reduce((n, item) => n + item.passages.length, 0);
  const inserted = await client.query(
    `INSERT INTO ${s}.meetings (source, content_hash, council, committee, date, start_time, venue, chair, attendees, url, warnings, vectors, council_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12, $13) RETURNING id`,
    [
      clean(meeting.source),
      contentHash,
      cleanOrNull(meeting.council),
      cleanOrNull(meeting.committee),
      cleanOrNull(meeting.date),
      cleanOrNull(meeting.startTime),
      cleanOrNull(meeting.venue),
      cleanOrNull(meeting.chair),
      JSON.stringify(meeting.attendees.map(clean)),
      cleanOrNull(meeting.url),
      JSON.stringify(meeting.warnings.map(clean)),
      vectors ? passageCount : 0,
      councilId,
    ],
  );
  const meetingId = String((inserted.rows[0] as Record<string, unknown>).id);
  if (records) await insertRecordRows(client, s, meetingId, records);
  if (meeting.items.length === 0) return;

  const items = meeting.items;
  const itemIds = await client.query(
    `INSERT INTO ${s}.items (meeting_id, position, minute, minute_number, number_source, title, title_derived, agenda_item,
       procedural, text, resolutions, points, url, restricted, kind)
     SELECT $1, u.position, u.minute, u.minute_number, u.number_source, u.title, u.title_derived, u.agenda_item,
       u.procedural, u.text, u.resolutions::jsonb, u.points::jsonb, u.url, u.restricted, u.kind
     FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::bool[], $8::int[], $9::bool[], $10::text[],
       $11::text[], $12::text[], $13::text[], $14::bool[], $15::text[])
       AS u(position, minute, minute_number, number_source, title, title_derived, agenda_item, procedural, text,
            resolutions, points, url, restricted, kind)
     RETURNING id, position`,
    [
      meetingId,
      items.map((_, i) => i),
      items.map((item) => cleanOrNull(item.minute)),
      items.map((item) => item.minuteNumber),
      items.map((item) => item.numberSource),
      items.map((item) => clean(item.title)),
      items.map((item) => item.titleDerived),
      items.map((item) => item.agendaItem),
      items.map((item) => item.procedural),
      items.map((item) => clean(item.text)),
      items.map((item) => JSON.stringify(item.resolutions.map(clean))),
      items.map((item) => JSON.stringify(item.points.map(clean))),
      items.map((item) => cleanOrNull(item.url)),
      items.map((item) => item.restricted),
      items.map((item) => item.kind ?? 'item'),
    ],
  );
  const idAt = new Map(itemIds.rows.map((row: Record<string, unknown>) => [Number(row.position), String(row.id)]));

  const columns = { item: [] as string[], position: [] as number[], text: [] as string[], header: [] as string[] };
  const more = { points: [] as string[], title: [] as string[], embedding: [] as Array<string | null> };
  let flat = 0;
  items.forEach((item, i) => {
    const header = passageHeader(meeting, item);
    item.passages.forEach((passage, position) => {
      const vector = vectors?.[flat++];
      columns.item.push(idAt.get(i) ?? '0');
      columns.position.push(position);
      columns.text.push(clean(passage.text));
      columns.header.push(clean(header));
      more.points.push(JSON.stringify(passage.points.map(clean)));
      more.title.push(clean(item.title));
      more.embedding.push(vector ? vectorLiteral(vector) : null);
    });
  });
  if (flat === 0 && columns.item.length === 0) return;
  await client.query(
    `INSERT INTO ${s}.passages (item_id, meeting_id, position, text, header, points, search, embedding, council_id)
     SELECT u.item_id, $1, u.position, u.text, u.header, u.points::jsonb, ${searchVector('u.title', 'u.text', 'u.header')},
       u.embedding::${EMBEDDING_TYPE}, $9
     FROM unnest($2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(item_id, position, text, header, points, title, embedding)`,
    [
      meetingId,
      columns.item,
      columns.position,
      columns.text,
      columns.header,
      more.points,
      more.title,
      more.embedding,
      councilId,
    ],
  );
}

async function insertRecordRows(client: pg.ClientBase, s: string, meetingId: string, records: MeetingRecords) {
  const rows = recordRows(records);
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${s}.records (meeting_id, part, position, data)
     SELECT $1, u.part, u.position, u.data::jsonb FROM unnest($2::text[], $3::int[], $4::text[]) AS u(part, position, data)`,
    [
      meetingId,
      rows.map((r) => r.part),
      rows.map((r) => r.position),
      rows.map((r) => JSON.stringify(r.data, (_, value) => (typeof value === 'string' ? clean(value) : value))),
    ],
  );
}

/** PostgreSQL text cannot hold NUL; nothing a reader would see is lost. */
function clean(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function cleanOrNull(text: string | null): string | null {
  return text === null ? null : clean(text);
}
