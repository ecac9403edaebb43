import type pg from 'pg';
import { IndexMismatchError } from '../../errors.js';
import { Limiter } from '../../limiter.js';
import type { SearchFilters } from '../../types.js';
import { checkLimit, hasFilters } from '../filters.js';
import { recordsFromRows } from '../record-values.js';
import { itemFields, meetingFromRow, toStoredPassage } from '../row-values.js';
import type {
  ExportedMeeting,
  IndexedMeeting,
  IndexModel,
  ScopeSummary,
  ScoredPassage,
  SearchOptions,
  StoredPassage,
} from '../types.js';
import { num, PASSAGE_COLUMNS, PG_VALUES, parseVector, str, strings, strOrNull, vectorLiteral } from './rows.js';
import { EMBEDDING_TYPE, meetingCondition, RANK_WEIGHTS, webSearchText } from './sql.js';
import { inTransaction } from './transaction.js';

/**
 * The read queries of the PostgreSQL store. `s` is the quoted schema; `db` a pool or a client.
 */

type Db = pg.Pool | pg.ClientBase;

/** A part of a council with at most this many vectors is always searched exactly: it is quick. */
const ALWAYS_EXACT = 5000;
/**
 * A larger part with at most this many vectors is searched exactly rather than through its graph
 * when it is at most half the council (EXACT_SCAN_SHARE). An exact scan reads every vector in
 * scope (about 2 µs each); a filtered walk of the graph widens ef_search by the share left out, to
 * pgvector's 1,000 at a half or less, and costs about 37 µs per unit of ef_search. Measured at 100k
 * passages (councils of 20k), 80 nearest, load 4–5, p50 exact against graph: 2,900 vectors 7 / 35
 * ms, 5,800 17 / 36, 8,500 (0.42 of the council, ef 956) 16 / 41, but 16,500 (0.81, ef 493) 36 / 13.
 * At 1M passages (councils of 200k, walk at ef 1000), load 1.6–2.5, p50 / p95 exact against graph:
 * 9,500 vectors 19 / 24 against 55 / 120 ms, 19,000 26 / 31 against 50 / 56, 28,600 49 / 63 against
 * 59 / 94 (and the walk's recall 0.993): exact still wins just under 30,000, where the two meet.
 * Since rows are kept whole (migration 6) and the exact scan computes each distance once, an exact
 * scan is cheaper: at 1M isotropic passages, a committee filter across the five councils (three
 * parts of 28,600 vectors, two of 57,100, walked at ef_search 700), 80 queries alternating, load
 * 2.6–3.6, hybrid p50 / p95 191 / 283 ms with the 57,100-vector parts walked against 194 / 247
 * scanned exactly, and recall@10 0.963 against 1.000; a council plus a committee or date 85 / 126
 * against 81 / 118, recall 0.943 against 0.959. So up to 60,000 (still at most half the council).
 * An exact scan's recall is 1. Since the meeting index carries the embeddings (migration 7), a
 * vacuumed table's exact scan reads the index alone, about 1 µs a vector: the committee filter
 * above, 80 queries, load 2.4–3.6, hybrid p50 / p95 188 / 222 ms before, 132 / 162 after. A date
 * filter's parts (93,000 vectors, 0.47 of each council) are still walked: scanned at that rate,
 * each would take longer than its walk (about 90 against 60 ms of CPU).
 */
const EXACT_SCAN_LIMIT = 60_000;
/** The largest share of its council a part may be and still be scanned exactly (EXACT_SCAN_LIMIT). */
const EXACT_SCAN_SHARE = 0.5;

/** pgvector's ceiling on hnsw.ef_search. */
const MAX_EF_SEARCH = 1000;

/**
 * A search over several councils walks each council's graph at this share of ef_search (before any
 * widening for a filter). Each council's nearest passages are the ones a walk finds first, and they
 * are the ones that can make the overall best; a narrower walk loses farther ones, which the other
 * councils' nearest outrank. At 1M passages (five councils of 200k, ef_search 400, load 2.4–3.7),
 * unscoped vector search p50 / p95 66 / 99 ms at the full ef_search, 40 / 49 at half, recall@10
 * 1.000 and 0.999; a date filter keeping about half of each council, recall@10 1.000 at half.
 */
const SEVERAL_COUNCILS_EF = 0.5;

/** Full-text search over passage text, header and item title, ranked by `ts_rank_cd`. */
export async function keywordSearch(
  db: Db,
  s: string,
  query: string,
  options: SearchOptions,
): Promise<ScoredPassage[]> {
  const limit = checkLimit(options.limit);
  const text = webSearchText(query);
  if (text === null) return [];
  const condition = meetingCondition(options.filters ?? {}, 'm', 3);
  const join = hasFilters(options.filters) ? `JOIN ${s}.meetings m ON m.id = p.meeting_id` : '';
  // Always through the GIN index. The planner estimates a phrase's matches from how common its
  // words are, and for common words it checks the phrase in every passage instead: 7 times slower
  // (at 100k passages, "education health and care plan": 421 ms scanning, 62 ms through the index).
  const result = await inTransaction(db, async (client) => {
    await client.query(`SELECT set_config('enable_seqscan', 'off', true)`);
    return client.query(
      `SELECT p.id, ts_rank_cd(${RANK_WEIGHTS}, p.search, q, 1) AS score
       FROM ${s}.passages p ${join}, websearch_to_tsquery('english', $1) q
       WHERE p.search @@ q AND ${condition.sql} ORDER BY score DESC, p.id LIMIT $2`,
      [text, limit, ...condition.params],
    );
  });
  return result.rows.map((row: Record<string, unknown>) => ({ passageId: num(row.id), score: num(row.score) }));
}

/**
 * Nearest passages by cosine similarity, best first. Passages are partitioned by council, one HNSW
 * graph each (council-partitions.ts), and each council in scope is searched on its own: whole
 * councils through their graph; a smaller part of one (a committee, dates) exactly when small, else
 * through its graph with pgvector's iterative scan (which keeps walking until enough passages in
 * scope are found), falling back to an exact search when the walk's budget runs out first, so a
 * filter never leaves fewer than `limit` results when that many exist.
 *
 * A scope of several councils (an unscoped search, or a date or committee alone) runs its councils'
 * searches at once, at most `parallel` at a time on as many pooled connections, and keeps the best
 * `limit`: one statement over every partition would walk their graphs one after another in a single
 * backend (a Merge Append of index scans), so its time is the sum of the walks where this is about
 * the longest of them, as far as the server has cores (README, PostgreSQL at 1M).
 */
export async function vectorSearch(
  db: Db,
  s: string,
  model: IndexModel | null,
  vector: Float32Array,
  options: SearchOptions,
  parallel = 1,
): Promise<ScoredPassage[]> {
  const limit = checkLimit(options.limit);
  if (model === null) return [];
  if (vector.length !== model.dimensions) {
    throw new IndexMismatchError(
      `the query vector has ${vector.length} dimensions but the index's model (${model.id}) has ${model.dimensions}`,
    );
  }
  const literal = vectorLiteral(vector);
  const scopes = hasFilters(options.filters) ? await scopeOf(db, s, options.filters ?? {}) : await everyCouncil(db, s);
  const limiter = new Limiter(Math.max(1, parallel));
  const efShare = scopes.length > 1 ? SEVERAL_COUNCILS_EF : 1;
  const found = await Promise.all(
    scopes.map((scope) => limiter.run(() => searchCouncil(db, s, literal, limit, scope, efShare))),
  );
  if (found.length === 1) return found[0] ?? [];
  return found
    .flat()
    .sort((a, b) => b.score - a.score || a.passageId - b.passageId)
    .slice(0, limit);
}

/** One council's part of a search: the meetings a filter keeps in it, and the vectors of each. */
interface CouncilScope {
  councilId: number;
  /** The meetings in scope, or null when the whole council is. */
  meetingIds: number[] | null;
  /** Vectors of the meetings in scope; null when not counted (an unfiltered search, through the graph). */
  inScope: number | null;
  /** Vectors of the whole council: its graph's size. */
  inCouncil: number | null;
}

/** Every council, whole: an unfiltered search. */
async function everyCouncil(db: Db, s: string): Promise<CouncilScope[]> {
  const result = await db.query(`SELECT id FROM ${s}.councils ORDER BY id`);
  return (result.rows as Array<Record<string, unknown>>).map((row) => ({
    councilId: num(row.id),
    meetingIds: null,
    inScope: null,
    inCouncil: null,
  }));
}

/** The councils a filter reaches, each with the meetings it keeps there. */
async function scopeOf(db: Db, s: string, filters: SearchFilters): Promise<CouncilScope[]> {
  const condition = meetingCondition(filters, 'm', 1);
  const result = await db.query(
    `SELECT m.council_id, sum(m.vectors) AS in_council, coalesce(sum(m.vectors) FILTER (WHERE ${condition.sql}), 0) AS in_scope,
       coalesce(array_agg(m.id) FILTER (WHERE ${condition.sql}), '{}') AS ids
     FROM ${s}.meetings m
     WHERE m.council_id IN (SELECT m.council_id FROM ${s}.meetings m WHERE ${condition.sql})
     GROUP BY m.council_id ORDER BY m.council_id`,
    condition.params,
  );
  return (result.rows as Array<Record<string, unknown>>).map((row) => {
    const inScope = num(row.in_scope);
    const inCouncil = num(row.in_council);
    return {
      councilId: num(row.council_id),
      meetingIds: inScope === inCouncil ? null : (row.ids as unknown[]).map(num),
      inScope,
      inCouncil,
    };
  });
}

/**
 * The `limit` nearest passages in one council's part of the scope (vectorSearch), a graph walk at
 * `efShare` of ef_search (widened for a filter).
 */
async function searchCouncil(
  db: Db,
  s: string,
  literal: string,
  limit: number,
  scope: CouncilScope,
  efShare: number,
): Promise<ScoredPassage[]> {
  if (scope.inScope === 0) return [];
  const search = { councilId: scope.councilId, meetingIds: scope.meetingIds };
  const walk = (factor: number) =>
    withEfSearch(db, factor, limit, (client) => nearest(client, s, literal, limit, search, false));
  if (scope.inScope === null) return walk(efShare);
  const inCouncil = scope.inCouncil ?? scope.inScope;
  const exact =
    scope.inScope <= ALWAYS_EXACT ||
    (scope.inScope <= EXACT_SCAN_LIMIT && scope.inScope <= EXACT_SCAN_SHARE * inCouncil);
  if (!exact) {
    const found = await walk((efShare * inCouncil) / scope.inScope);
    if (found.length >= Math.min(limit, scope.inScope)) return found;
  }
  return nearest(db, s, literal, limit, search, true);
}

/**
 * Runs `search` with ef_search multiplied by `factor`, kept between `least` (the results wanted) and
 * pgvector's 1000. A filter that keeps a share of the passages keeps that share of the graph walk's
 * candidates too, so a committee's fifth of the index searched at ef_search 100 has the recall of an
 * unfiltered search at 20 (measured: 0.86 against 0.96 at 100k passages); widening by 1/share
 * restores it, at the latency of the wider walk.
 */
async function withEfSearch<T>(db: Db, factor: number, least: number, search: (db: Db) => Promise<T>): Promise<T> {
  if (factor === 1) return search(db);
  return inTransaction(db, async (client) => {
    await client.query(
      `SELECT set_config('hnsw.ef_search', greatest($3, least($2, ceil(coalesce(current_setting('hnsw.ef_search', true), '40')::int * $1::float8)))::int::text, true)`,
      [factor, MAX_EF_SEARCH, least],
    );
    return search(client);
  });
}

/**
 * The `limit` nearest passages, exactly or through the HNSW graph, within `scope`: the council's
 * partition (named so the planner searches only that one) and, unless the whole council is in scope,
 * the meetings.
 */
async function nearest(
  db: Db,
  s: string,
  literal: string,
  limit: number,
  scope: { councilId: number; meetingIds: number[] | null },
  exact: boolean,
): Promise<ScoredPassage[]> {
  const params: unknown[] = [literal, limit, scope.councilId];
  let where = ' AND p.council_id = $3::int';
  if (scope.meetingIds) {
    params.push(scope.meetingIds);
    where += ' AND p.meeting_id = ANY($4::bigint[])';
  }
  const distance = `p.embedding <=> $1::${EMBEDDING_TYPE}`;
  // Exactly: each row's distance computed once, in a subquery the planner may not flatten (OFFSET
  // 0), and ordered by its column, which the HNSW index cannot produce. Ordering by "(distance) + 0"
  // instead computed (and fetched the embedding for) it twice a row: 74 against 40 ms for a committee's
  // 19,000 rows of one council at 1M, load 5, same answers.
  const candidates = exact
    ? `SELECT id, distance FROM (SELECT p.id, ${distance} AS distance FROM ${s}.passages p
         WHERE p.embedding IS NOT NULL${where} OFFSET 0) AS scanned ORDER BY distance LIMIT $2`
    : `SELECT p.id, ${distance} AS distance FROM ${s}.passages p
         WHERE p.embedding IS NOT NULL${where} ORDER BY ${distance} LIMIT $2`;
  // Materialised and re-sorted: the iterative scan may return neighbours slightly out of order.
  const result = await db.query(
    `WITH nearest AS MATERIALIZED (${candidates})
     SELECT id, 1 - distance AS score FROM nearest ORDER BY distance, id`,
    params,
  );
  return result.rows.map((row: Record<string, unknown>) => ({ passageId: num(row.id), score: num(row.score) }));
}

/**
 * The passages with these ids, each with its item and meeting, in the order asked for. Each row is
 * looked up by primary key, id by id (passages in each council's partition, then its item and its
 * meeting): a plain join of a few hundred ids let the planner hash-join the items and meetings
 * tables whole, in parallel workers (160 ids at 100k passages: 15–53 ms, against 3–7 ms so, at load
 * 7). OFFSET 0 keeps each lookup a lookup: without it the planner flattens the subqueries back into
 * that join, and hash-joins the items whole (70 ms).
 */
export async function passagesById(db: Db, s: string, ids: number[]): Promise<StoredPassage[]> {
  if (ids.length === 0) return [];
  const result = await db.query(
    `SELECT ${PASSAGE_COLUMNS} FROM unnest($1::bigint[]) AS wanted(id)
     CROSS JOIN LATERAL (SELECT * FROM ${s}.passages p WHERE p.id = wanted.id OFFSET 0) p
     CROSS JOIN LATERAL (SELECT * FROM ${s}.items i WHERE i.id = p.item_id OFFSET 0) i
     CROSS JOIN LATERAL (SELECT * FROM ${s}.meetings m WHERE m.id = p.meeting_id OFFSET 0) m`,
    [[...new Set(ids)]],
  );
  const byId = new Map(
    result.rows.map((row: Record<string, unknown>) => [num(row.passage_id), toStoredPassage(row, PG_VALUES)]),
  );
  return ids.map((id) => byId.get(id)).filter((p): p is StoredPassage => p !== undefined);
}

export async function meetingsInScope(db: Db, s: string, filters: SearchFilters): Promise<ScopeSummary> {
  const condition = meetingCondition(filters, 'm', 1);
  const result = await db.query(
    `SELECT count(*) AS n, min(m.date) AS from_date, max(m.date) AS to_date,
       coalesce(array_agg(DISTINCT m.committee ORDER BY m.committee) FILTER (WHERE m.committee IS NOT NULL), '{}') AS committees,
       coalesce(array_agg(DISTINCT m.council ORDER BY m.council) FILTER (WHERE m.council IS NOT NULL), '{}') AS councils
     FROM ${s}.meetings m WHERE ${condition.sql}`,
    condition.params,
  );
  const row = (result.rows[0] ?? {}) as Record<string, unknown>;
  return {
    meetings: num(row.n),
    from: strOrNull(row.from_date),
    to: strOrNull(row.to_date),
    committees: strings(row.committees),
    councils: strings(row.councils),
  };
}

/** Item and passage counts of the meetings `filters` cover. */
export async function countsInScope(
  db: Db,
  s: string,
  filters: SearchFilters,
): Promise<{ items: number; passages: number }> {
  const condition = meetingCondition(filters, 'm', 1);
  const result = await db.query(
    `SELECT (SELECT count(*) FROM ${s}.items i JOIN ${s}.meetings m ON m.id = i.meeting_id WHERE ${condition.sql}) AS items,
            (SELECT count(*) FROM ${s}.passages p JOIN ${s}.meetings m ON m.id = p.meeting_id WHERE ${condition.sql}) AS passages`,
    condition.params,
  );
  const row = (result.rows[0] ?? {}) as Record<string, unknown>;
  return { items: num(row.items), passages: num(row.passages) };
}

export async function listMeetings(db: Db, s: string): Promise<IndexedMeeting[]> {
  const result = await db.query(
    `SELECT m.source, m.council, m.committee, m.date,
       (SELECT count(*) FROM ${s}.items i WHERE i.meeting_id = m.id) AS items,
       (SELECT count(*) FROM ${s}.passages p WHERE p.meeting_id = m.id) AS passages
     FROM ${s}.meetings m ORDER BY m.date COLLATE "C" NULLS FIRST, m.source COLLATE "C"`,
  );
  return result.rows.map((row: Record<string, unknown>) => ({
    source: str(row.source),
    council: strOrNull(row.council),
    committee: strOrNull(row.committee),
    date: strOrNull(row.date),
    items: num(row.items),
    passages: num(row.passages),
  }));
}

/** Every item's title and text, a page at a time (keyset paging: no cursor held open). */
export async function* itemTexts(db: Db, s: string): AsyncGenerator<{ itemId: number; title: string; text: string }> {
  let after = 0;
  for (;;) {
    const page = await db.query(`SELECT id, title, text FROM ${s}.items WHERE id > $1 ORDER BY id LIMIT 2000`, [after]);
    for (const row of page.rows as Array<Record<string, unknown>>) {
      after = num(row.id);
      yield { itemId: after, title: str(row.title), text: str(row.text) };
    }
    if (page.rows.length < 2000) return;
  }
}

/** Every meeting whole, with its vectors, oldest id first. */
export async function* exportMeetings(db: Db, s: string, withVectors: boolean): AsyncGenerator<ExportedMeeting> {
  let after = 0;
  for (;;) {
    const page = await db.query(`SELECT * FROM ${s}.meetings WHERE id > $1 ORDER BY id LIMIT 100`, [after]);
    for (const m of page.rows as Array<Record<string, unknown>>) {
      after = num(m.id);
      const items = await db.query(`SELECT * FROM ${s}.items WHERE meeting_id = $1 ORDER BY position`, [after]);
      const passages = await db.query(
        `SELECT item_id, text, points, embedding::text AS embedding FROM ${s}.passages WHERE meeting_id = $1 ORDER BY item_id, position`,
        [after],
      );
      const records = await db.query(`SELECT part, position, data FROM ${s}.records WHERE meeting_id = $1`, [after]);
      const byItem = new Map<number, Array<Record<string, unknown>>>();
      for (const p of passages.rows as Array<Record<string, unknown>>) {
        byItem.set(num(p.item_id), [...(byItem.get(num(p.item_id)) ?? []), p]);
      }
      const vectors: Float32Array[] = [];
      const meetingItems = (items.rows as Array<Record<string, unknown>>).map((row) => {
        const own = byItem.get(num(row.id)) ?? [];
        for (const p of own) {
          const vector = parseVector(p.embedding);
          if (vector) vectors.push(vector);
        }
        return {
          ...itemFields(row, { text: 'text', points: 'points', url: 'url' }, PG_VALUES),
          passages: own.map((p) => ({ text: str(p.text), points: strings(p.points) })),
        };
      });
      yield {
        meeting: meetingFromRow(m, meetingItems, PG_VALUES),
        records: recordsFromRows(records.rows as Array<Record<string, unknown>>),
        contentHash: str(m.content_hash),
        vectors: withVectors ? vectors : null,
      };
    }
    if (page.rows.length < 100) return;
  }
}
