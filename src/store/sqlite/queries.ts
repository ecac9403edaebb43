import type Database from 'better-sqlite3';
import type { SearchFilters } from '../../types.js';
import { checkLimit, hasFilters } from '../filters.js';
import { toStoredPassage } from '../row-values.js';
import type { IndexedMeeting, ScopeSummary, ScoredPassage, SearchOptions, StoredPassage } from '../types.js';
import { int, PASSAGE_COLUMNS, SQLITE_VALUES, str, strOrNull } from './rows.js';
import { BM25_WEIGHTS } from './schema.js';
import { matchExpression, meetingCondition } from './sql.js';

/** The read queries of the SQLite store, over an open database. */

/**
 * BM25 keyword search over passage text, header and item title. Free text becomes a safe MATCH
 * expression (every word quoted, ORed), so no question can break the query syntax.
 */
export function keywordSearch(db: Database.Database, query: string, options: SearchOptions): ScoredPassage[] {
  const limit = checkLimit(options.limit);
  const match = matchExpression(query);
  if (match === null) return [];
  const rank = `bm25(passages_fts, ${BM25_WEIGHTS.text}, ${BM25_WEIGHTS.header}, ${BM25_WEIGHTS.title})`;
  const filtered = hasFilters(options.filters);
  const condition = filtered ? meetingCondition(options.filters ?? {}, 'm') : { sql: '1', params: [] };
  const sql = filtered
    ? `SELECT f.rowid AS id, ${rank} AS rank FROM passages_fts f
         JOIN passages p ON p.id = f.rowid JOIN meetings m ON m.id = p.meeting_id
       WHERE passages_fts MATCH ? AND ${condition.sql} ORDER BY rank LIMIT ?`
    : `SELECT rowid AS id, ${rank} AS rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?`;
  const rows = db.prepare(sql).all(match, ...condition.params, limit) as Array<{ id: unknown; rank: unknown }>;
  return rows.map((row) => ({ passageId: int(row.id), score: -Number(row.rank) }));
}

/** The passages with these ids, with their item and meeting, in the order asked; unknown ids are skipped. */
export function passagesById(db: Database.Database, ids: number[]): StoredPassage[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = p.meeting_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  const byId = new Map(rows.map((row) => [int(row.passage_id), toStoredPassage(row, SQLITE_VALUES)]));
  return ids.map((id) => byId.get(id)).filter((p): p is StoredPassage => p !== undefined);
}

/** What `filters` cover: meeting count, date range, committees and councils. */
export function meetingsInScope(db: Database.Database, filters: SearchFilters): ScopeSummary {
  const condition = meetingCondition(filters, 'm');
  const range = db
    .prepare(
      `SELECT count(*) AS n, min(m.date) AS from_date, max(m.date) AS to_date FROM meetings m WHERE ${condition.sql}`,
    )
    .get(...condition.params) as { n: unknown; from_date: unknown; to_date: unknown };
  const distinct = (column: 'committee' | 'council') =>
    db
      .prepare(
        `SELECT DISTINCT m.${column} FROM meetings m WHERE m.${column} IS NOT NULL AND ${condition.sql} ORDER BY m.${column}`,
      )
      .pluck()
      .all(...condition.params)
      .map(str);
  return {
    meetings: int(range.n),
    from: strOrNull(range.from_date),
    to: strOrNull(range.to_date),
    committees: distinct('committee'),
    councils: distinct('council'),
  };
}

/** Item and passage counts of the meetings `filters` cover. */
export function countsInScope(db: Database.Database, filters: SearchFilters): { items: number; passages: number } {
  const condition = meetingCondition(filters, 'm');
  const count = (table: 'items' | 'passages') =>
    int(
      db
        .prepare(`SELECT count(*) FROM ${table} t JOIN meetings m ON m.id = t.meeting_id WHERE ${condition.sql}`)
        .pluck()
        .get(...condition.params),
    );
  return { items: count('items'), passages: count('passages') };
}

/** Every indexed meeting, oldest first. */
export function listMeetings(db: Database.Database): IndexedMeeting[] {
  const rows = db
    .prepare(
      `SELECT m.source, m.council, m.committee, m.date,
         (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS items,
         (SELECT count(*) FROM passages p WHERE p.meeting_id = m.id) AS passages
       FROM meetings m ORDER BY m.date, m.source`,
    )
    .all() as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    source: str(row.source),
    council: strOrNull(row.council),
    committee: strOrNull(row.committee),
    date: strOrNull(row.date),
    items: int(row.items),
    passages: int(row.passages),
  }));
}

/** Every minute item's title and text, in id order. Lazy: finish the loop before writing again. */
export function* itemTexts(db: Database.Database): Generator<{ itemId: number; title: string; text: string }> {
  const rows = db.prepare('SELECT id, title, text FROM items ORDER BY id').iterate() as IterableIterator<
    Record<string, unknown>
  >;
  for (const row of rows) yield { itemId: int(row.id), title: str(row.title), text: str(row.text) };
}
