import type Database from 'better-sqlite3';
import { IndexMismatchError } from '../../errors.js';
import { checkLimit, hasFilters } from '../filters.js';
import type { ScoredPassage, SearchOptions } from '../types.js';
import type { HnswCache } from './hnsw-cache.js';
import { blobToVector } from './rows.js';
import { meetingCondition } from './sql.js';

/** Scopes with at most this many vectors are searched exactly from the BLOBs instead of through HNSW. */
const EXACT_SCAN_LIMIT = 1000;
/** Largest unfiltered over-fetch tried before filtering inside the HNSW walk instead. */
const MAX_OVERFETCH = 1000;

/**
 * Nearest passages to `vector` by cosine similarity, best first. With filters: a small scope is
 * searched exactly from the stored vectors, a broad one by over-fetching and keeping the hits in
 * scope, and anything between by filtering inside the HNSW walk; so a filter never leaves fewer
 * than `limit` results when that many exist.
 */
export function vectorSearch(
  db: Database.Database,
  cache: HnswCache | null,
  model: string | null,
  vector: Float32Array,
  options: SearchOptions,
): ScoredPassage[] {
  const limit = checkLimit(options.limit);
  if (cache === null || cache.size === 0) return [];
  if (vector.length !== cache.dimensions) {
    throw new IndexMismatchError(
      `the query vector has ${vector.length} dimensions but the index's model (${model}) has ${cache.dimensions}`,
    );
  }
  if (!hasFilters(options.filters)) {
    return cache.search(vector, limit).map(({ id, score }) => ({ passageId: id, score }));
  }
  const condition = meetingCondition(options.filters, 'm');
  const ids = db
    .prepare(`SELECT m.id FROM meetings m WHERE ${condition.sql}`)
    .pluck()
    .all(...condition.params) as number[];
  const allowed = new Set(ids);
  const inScope = cache.countIn(allowed);
  if (inScope === 0) return [];
  if (inScope <= EXACT_SCAN_LIMIT) return exactSearch(db, vector, JSON.stringify(ids), limit);
  // A broad scope: over-fetch without the filter and keep the hits in scope. Any better passage in
  // scope would have ranked higher overall, so if enough survive they are the scope's best.
  const fetch = Math.ceil((limit * 2 * cache.size) / inScope) + limit;
  if (fetch <= MAX_OVERFETCH) {
    const kept = cache.search(vector, fetch).filter(({ id }) => allowed.has(cache.meetingOf(id) ?? -1));
    if (kept.length >= limit) return kept.slice(0, limit).map(({ id, score }) => ({ passageId: id, score }));
  }
  // A narrow scope: filter inside the graph walk (slower per step, but never short of results).
  return cache
    .search(vector, limit, (meetingId) => allowed.has(meetingId))
    .map(({ id, score }) => ({ passageId: id, score }));
}

/** Exact cosine search over the stored vectors of the meetings in `inScope` (a JSON id array). */
function exactSearch(db: Database.Database, query: Float32Array, inScope: string, limit: number): ScoredPassage[] {
  const dimensions = query.length;
  const queryNorm = Math.hypot(...query) || 1;
  const scored: ScoredPassage[] = [];
  const rows = db
    .prepare(
      'SELECT id, vector FROM passages WHERE vector IS NOT NULL AND meeting_id IN (SELECT value FROM json_each(?))',
    )
    .raw()
    .iterate(inScope) as IterableIterator<[number, unknown]>;
  for (const [id, blob] of rows) {
    const vector = blobToVector(blob, dimensions);
    if (vector === null) continue;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < dimensions; i++) {
      const v = vector[i] ?? 0;
      dot += v * (query[i] ?? 0);
      norm += v * v;
    }
    scored.push({ passageId: id, score: dot / (queryNorm * (Math.sqrt(norm) || 1)) });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}
