import { isIsoDate } from '../dates.js';
import { BadInputError } from '../errors.js';
import type { SearchFilters } from '../types.js';

/** True when `filters` narrows anything. */
export function hasFilters(filters: SearchFilters | undefined): filters is SearchFilters {
  return Boolean(
    filters && (filters.after || filters.before || filters.committee || filters.council || filters.source),
  );
}

/** One checked condition of a filter, for a store to render in its own SQL. */
export type FilterTerm =
  | { kind: 'after' | 'before'; value: string }
  | { kind: 'committee' | 'council'; value: string }
  | { kind: 'source'; value: string };

/**
 * The conditions `filters` sets, checked where they enter. Both stores give them one meaning:
 * dates are inclusive and a meeting with no date never matches a date range; committee and council
 * match as case-insensitive substrings; a source matches exactly.
 */
export function filterTerms(filters: SearchFilters): FilterTerm[] {
  const found: FilterTerm[] = [];
  for (const kind of ['after', 'before'] as const) {
    const value = filters[kind];
    if (value === undefined) continue;
    if (!isIsoDate(value)) throw new BadInputError(`${kind} must be a date as YYYY-MM-DD (got "${value}")`);
    found.push({ kind, value });
  }
  for (const kind of ['committee', 'council'] as const) {
    const value = filters[kind]?.trim();
    if (value) found.push({ kind, value });
  }
  if (filters.source !== undefined) found.push({ kind: 'source', value: filters.source });
  return found;
}

/** Checks a result limit where it enters. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1)
    throw new BadInputError(`limit must be a whole number of at least 1 (got ${limit})`);
  return limit;
}
