import { formatLongDate } from '../dates.js';
import type { Citation } from '../types.js';

/** What a citation needs to be rendered; both `Citation` and a search hit have it. */
export type Citable = Pick<Citation, 'committee' | 'date' | 'minute' | 'title' | 'points' | 'draft'> & {
  council?: string | null;
};

/** "point i" or "points i, ii", or null when the passage names no sub-point. */
function pointsLabel(points: string[]): string | null {
  if (points.length === 0) return null;
  return `${points.length === 1 ? 'point' : 'points'} ${points.join(', ')}`;
}

/**
 * Renders a citation the way people refer to minutes:
 * "Children and Families Overview and Scrutiny Committee, 6 September 2022, minute 21 — SEND and
 * Inclusion (point i)". Unknown parts are left out rather than shown as blanks. Minutes no later
 * meeting has confirmed say so after the date ("6 September 2022 (draft minutes)"), in every front end.
 */
export function formatCitation(citation: Citable): string {
  const date = citation.date ? formatLongDate(citation.date) : 'date unknown';
  const where = [
    citation.committee ?? citation.council ?? 'Unknown committee',
    citation.draft ? `${date} (draft minutes)` : date,
    citation.minute ? `minute ${citation.minute}` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
  const points = pointsLabel(citation.points);
  const title = citation.title.trim();
  const what = title ? ` — ${title}${points ? ` (${points})` : ''}` : points ? ` (${points})` : '';
  return `${where}${what}`;
}

/** A short reference to a meeting inside an answer: "4 June 2018 (minute 12)". */
export function formatMeetingRef(date: string | null, minute: string | null): string {
  const when = date ? formatLongDate(date) : 'an undated meeting';
  return minute ? `${when} (minute ${minute})` : when;
}
