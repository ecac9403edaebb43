import { isIsoDate } from '../dates.js';
import { BadInputError } from '../errors.js';
import type { SearchFilters } from '../types.js';

/** True when `filters` narrows anything. */
export function hasFilters(filters: SearchFilters | undefined): filters is SearchFilters {
  return Boolean(filters && (filters.after || filters.before || filters.committee || filters.council));
}

/**
 * A SQL condition on the meetings table aliased `alias`, with its parameters. Committee and council
 * match as case-insensitive substrings; a meeting with no date never matches a date range.
 */
export function meetingCondition(filters: SearchFilters, alias: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const key of ['after', 'before'] as const) {
    const value = filters[key];
    if (value === undefined) continue;
    if (!isIsoDate(value)) throw new BadInputError(`${key} must be a date as YYYY-MM-DD (got "${value}")`);
    parts.push(`${alias}.date ${key === 'after' ? '>=' : '<='} ?`);
    params.push(value);
  }
  for (const key of ['committee', 'council'] as const) {
    const value = filters[key]?.trim();
    if (!value) continue;
    parts.push(`instr(lower(coalesce(${alias}.${key}, '')), lower(?)) > 0`);
    params.push(value);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/** Checks a result limit where it enters. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1)
    throw new BadInputError(`limit must be a whole number of at least 1 (got ${limit})`);
  return limit;
}
