import type { SearchFilters } from '../types.js';

/** What a question says about dates. */
export interface QuestionDates {
  /**
   * Meeting-date limits the question sets outright: "since 2019", "before 2021", "between 2019 and
   * 2021", "last year", "at the June 2022 meeting". Applied as filters.
   */
  filters: Pick<SearchFilters, 'after' | 'before'>;
  /**
   * A period the question mentions without saying it is about meetings ("in 2020", "in January
   * 2020"). Items from meetings in it rank higher, but others are not dropped: "what did Ofsted find
   * in 2019" is answered by a meeting in 2020.
   */
  prefer: Pick<SearchFilters, 'after' | 'before'> | null;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

const yearRange = (year: number) => ({ after: `${year}-01-01`, before: `${year}-12-31` });

function monthRange(month: string, year: number): { after: string; before: string } {
  const m = MONTHS.split('|').indexOf(month.toLowerCase()) + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { after: `${year}-${mm}-01`, before: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Reads date limits out of a question. `today` decides "last year" and "this year". */
export function readQuestionDates(question: string, today: Date = new Date()): QuestionDates {
  const q = question.toLowerCase();
  const thisYear = today.getUTCFullYear();
  let match: RegExpExecArray | null;

  match = new RegExp(String.raw`\b(?:at|in|from|during) the (${MONTHS}) (\d{4}) meeting`).exec(q);
  if (match) return { filters: monthRange(match[1] ?? '', Number(match[2])), prefer: null };
  match = /\bbetween (\d{4}) and (\d{4})\b/.exec(q);
  if (match) return { filters: { after: `${match[1]}-01-01`, before: `${match[2]}-12-31` }, prefer: null };
  match = /\b(?:since|from) (\d{4})\b/.exec(q);
  if (match) return { filters: { after: `${match[1]}-01-01` }, prefer: null };
  match = /\bafter (\d{4})\b/.exec(q);
  if (match) return { filters: { after: `${Number(match[1]) + 1}-01-01` }, prefer: null };
  match = /\bbefore (\d{4})\b/.exec(q);
  if (match) return { filters: { before: `${Number(match[1]) - 1}-12-31` }, prefer: null };
  if (/\blast year\b/.test(q)) return { filters: yearRange(thisYear - 1), prefer: null };
  if (/\bthis year\b/.test(q)) return { filters: yearRange(thisYear), prefer: null };
  match = /\bmeetings? (?:in|during) (\d{4})\b/.exec(q);
  if (match) return { filters: yearRange(Number(match[1])), prefer: null };

  match = new RegExp(String.raw`\b(?:in|during) (${MONTHS}) (\d{4})\b`).exec(q);
  if (match) return { filters: {}, prefer: monthRange(match[1] ?? '', Number(match[2])) };
  match = /\b(?:in|during) (\d{4})\b/.exec(q);
  if (match) return { filters: {}, prefer: yearRange(Number(match[1])) };
  return { filters: {}, prefer: null };
}

/** Whether an ISO date falls within limits (an unknown date never does). */
export function withinDates(date: string | null, limits: Pick<SearchFilters, 'after' | 'before'>): boolean {
  if (!date) return false;
  if (limits.after && date < limits.after) return false;
  if (limits.before && date > limits.before) return false;
  return true;
}
