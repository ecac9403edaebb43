import type { SearchFilters } from '../../types.js';
import { filterTerms } from '../filters.js';
import { searchTerms } from '../query-terms.js';

/**
 * A SQL condition on the meetings table aliased `alias`, with its parameters (see `filterTerms` for
 * what each filter means).
 */
export function meetingCondition(filters: SearchFilters, alias: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const term of filterTerms(filters)) {
    if (term.kind === 'after' || term.kind === 'before') {
      parts.push(`${alias}.date ${term.kind === 'after' ? '>=' : '<='} ?`);
    } else if (term.kind === 'source') {
      parts.push(`${alias}.source = ?`);
    } else {
      parts.push(`instr(lower(coalesce(${alias}.${term.kind}, '')), lower(?)) > 0`);
    }
    params.push(term.value);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/**
 * The FTS5 MATCH expression for `text`, or null when it has nothing searchable. Every term is a
 * double-quoted string (quotes inside doubled), so words like NOT, NEAR, `*`, `:` or `-` in a
 * question are plain text; a "quoted phrase" stays one phrase.
 */
export function matchExpression(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' OR ');
}
