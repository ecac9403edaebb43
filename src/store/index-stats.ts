import type { IndexStats, SearchFilters } from '../types.js';
import { hasFilters } from './filters.js';
import type { ScopeSummary } from './types.js';

/** What a store keeps totalled for the whole index, so unfiltered stats need no counting. */
export interface IndexTotals {
  meetings: number;
  items: number;
  passages: number;
  /** The embedding model's id and vector size, or null for a keyword-only index. */
  model: string | null;
  dimensions: number | null;
}

/**
 * An index's stats, the same way for every store: names and dates from the scope, counts from the
 * kept totals for the whole index or counted afresh (`countInScope`) when filters narrow it.
 */
export async function indexStats(
  filters: SearchFilters,
  scope: ScopeSummary,
  totals: IndexTotals,
  countInScope: () => Promise<{ items: number; passages: number }>,
): Promise<IndexStats> {
  const filtered = hasFilters(filters);
  const counts = filtered ? await countInScope() : totals;
  return {
    councils: scope.councils,
    committees: scope.committees,
    meetings: filtered ? scope.meetings : totals.meetings,
    items: counts.items,
    passages: counts.passages,
    from: scope.from,
    to: scope.to,
    model: totals.model,
    dimensions: totals.dimensions,
  };
}
