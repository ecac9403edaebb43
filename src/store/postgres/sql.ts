import type { SearchFilters } from '../../types.js';
import { filterTerms } from '../filters.js';
import { searchTerms } from '../query-terms.js';

/**
 * A SQL condition on the meetings table aliased `alias`, numbering its parameters from `first`
 * (see `filterTerms` for what each filter means).
 */
export function meetingCondition(
  filters: SearchFilters,
  alias: string,
  first: number,
): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const term of filterTerms(filters)) {
    const n = `$${first + params.length}`;
    if (term.kind === 'after' || term.kind === 'before') {
      parts.push(`${alias}.date ${term.kind === 'after' ? '>=' : '<='} ${n}`);
    } else if (term.kind === 'source') {
      parts.push(`${alias}.source = ${n}`);
    } else {
      parts.push(`strpos(lower(coalesce(${alias}.${term.kind}, '')), lower(${n})) > 0`);
    }
    params.push(term.value);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'true', params };
}

/**
 * The text for `websearch_to_tsquery` that searches `text`: every term quoted (so `-`, `or` and
 * the like in a question are plain words) and the terms ORed. Null when nothing is searchable.
 */
export function webSearchText(text: string): string | null {
  const terms = searchTerms(text)
    .map((term) => term.replace(/["\\]/g, ' ').trim())
    .filter(Boolean);
  return terms.length > 0 ? terms.map((term) => `"${term}"`).join(' or ') : null;
}

/**
 * The tsvector of a passage: item title weighted highest (titles say what an item is about), then
 * the passage text, then the committee · council · date · minute header. Parameters are the
 * SQL expressions of the three texts.
 */
export function searchVector(title: string, text: string, header: string): string {
  return `setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${text}), 'B') || setweight(to_tsvector('english', ${header}), 'C')`;
}

/** `ts_rank_cd` weights for {D, C, B, A}: header, text and title as the SQLite store's BM25 weights them. */
export const RANK_WEIGHTS = "'{0, 0.25, 0.5, 1}'";

/**
 * The embedding column's type: pgvector's half-precision vector (2 bytes a dimension). It halves the
 * table and the HNSW graph, so twice as much of both stays in memory, at no measurable loss of
 * recall for unit-length sentence embeddings (bench/store-compare.ts).
 */
export const EMBEDDING_TYPE = 'halfvec';
