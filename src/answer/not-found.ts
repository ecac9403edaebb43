import { formatLongDate } from '../dates.js';
import type { Answer, IndexStats, SearchFilters, SearchScope } from '../types.js';

/** The `searched` part of an answer: what the search covered. */
export function searchedOf(scope: Pick<SearchScope, 'meetings' | 'from' | 'to' | 'committees'>): Answer['searched'] {
  return { meetings: scope.meetings, from: scope.from, to: scope.to, committees: [...scope.committees] };
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "meetings of the X Committee (Y Council)", naming at most three committees. */
function whose(scope: SearchScope): string {
  const committees =
    scope.committees.length === 0
      ? ''
      : scope.committees.length <= 3
        ? ` of the ${list(scope.committees)}`
        : ` of ${scope.committees.length} committees`;
  const councils = scope.councils.length > 0 && scope.councils.length <= 3 ? ` (${list(scope.councils)})` : '';
  return `${committees}${councils}`;
}

function when(scope: SearchScope): string {
  if (scope.from && scope.to) {
    return scope.from === scope.to
      ? ` held on ${formatLongDate(scope.from)}`
      : ` from ${formatLongDate(scope.from)} to ${formatLongDate(scope.to)}`;
  }
  return '';
}

/** How the filters narrowed the search, in words, or null when nothing narrowed it. */
export function describeFilters(filters: SearchFilters): string | null {
  const parts: string[] = [];
  if (filters.after && filters.before) {
    parts.push(`held between ${formatLongDate(filters.after)} and ${formatLongDate(filters.before)}`);
  } else if (filters.after) {
    parts.push(`held on or after ${formatLongDate(filters.after)}`);
  } else if (filters.before) {
    parts.push(`held on or before ${formatLongDate(filters.before)}`);
  }
  if (filters.committee) parts.push(`of committees matching "${filters.committee}"`);
  if (filters.council) parts.push(`of councils matching "${filters.council}"`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The plain "not covered" answer: says so, then says what was searched and whether a filter
 * (given, or read from the question) narrowed it, so the asker knows whether to widen the search.
 */
export function notFoundText(scope: SearchScope): string {
  return `The minutes I have don't cover that. ${searchedText(scope)}`;
}

/**
 * A near miss: the minutes discuss the topic but not the thing asked ("…discuss children's centres
 * [1] but don't record any closure"). `cited` holds the `[n]` markers of where the topic is discussed.
 */
export function nearMissText(scope: SearchScope, near: { discussed: string; missing: string; cited: string }): string {
  const where = near.cited ? ` ${near.cited}` : '';
  return `The minutes discuss ${near.discussed}${where} but ${near.missing}. ${searchedText(scope)}`;
}

/**
 * The model read the passages and found no answer in them, though the search found them relevant:
 * said plainly, with where the minutes come closest (`cited`), so a refusal that was wrong — small
 * models refuse too readily — still leads the reader to the minute.
 */
export function closestText(scope: SearchScope, cited: string): string {
  const closest = cited ? ` The closest they come is ${cited}.` : '';
  return `The minutes I have don't answer that directly.${closest} ${searchedText(scope)}`;
}

/** What was searched, and how a filter narrowed it. */
function searchedText(scope: SearchScope): string {
  const meetings = `${scope.meetings} ${scope.meetings === 1 ? 'meeting' : 'meetings'}`;
  const searched =
    scope.meetings === 0
      ? 'No meetings matched the search, so there was nothing to look in.'
      : `I searched ${meetings}${whose(scope)}${when(scope)}.`;
  const narrowed = describeFilters(scope.filters);
  // The default council is no limit the asker chose: they widen it by naming another council.
  const widen = scope.councilByDefault
    ? 'name another council in your question to search its minutes'
    : 'ask without that limit to search everything';
  const filterNote = narrowed
    ? ` The search was limited to meetings ${narrowed}${scope.filtersFromQuestion ? ', as read from your question' : ''}; ${widen}.`
    : '';
  const keywordNote = scope.keywordOnly ? ' (Only the keyword index was available for this search.)' : '';
  return `${searched}${filterNote}${keywordNote}`;
}

/** The answer to a question about a body the index holds no minutes of, naming the ones it does. */
export function notHeld(asked: string, body: string, stats: IndexStats): Answer {
  const held =
    stats.committees.length > 0 ? ` The committees I hold minutes of are: ${stats.committees.join('; ')}.` : '';
  return {
    question: asked,
    mode: 'not_found',
    answer: `I hold no minutes of a body called “${body}”.${held}`,
    citations: [],
    searched: searchedOf(stats),
  };
}
