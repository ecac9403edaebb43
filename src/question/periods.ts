import { MONTH_NAME, monthNumber } from '../dates.js';

/**
 * The periods a text names, by kind: financial years ("2022/23"), calendar years, the months of a
 * financial year as reports count them ("month three", "M3"), quarters ("Q2", "second quarter")
 * and month names. Used to tell a figure for the period asked about from one for its neighbour:
 * "the deficit at month three" is not answered by "a deficit of £2.1m at month two", nor "spending
 * in 2022/23" by figures for 2021/22 and 2023/24.
 */
export type PeriodKind = 'financial-year' | 'year' | 'report-month' | 'quarter' | 'month';
export type Periods = Map<PeriodKind, Set<number>>;

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
const CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const COUNTED = String.raw`\d{1,2}|${CARDINALS.join('|')}`;

/** 1–12 from "3", "three" or "third"; null for anything else. */
function numberOf(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  const cardinal = CARDINALS.indexOf(lower);
  if (cardinal >= 0) return cardinal + 1;
  const ordinal = ORDINALS.indexOf(lower);
  return ordinal >= 0 ? ordinal + 1 : null;
}

/** "2022/23", "2022-23", "2022/2023", "FY 22/23": the financial year, by its first calendar year. */
// "22/23" as officers type it: two years in a row, slashed; the second past 12, so no day and month.
const FINANCIAL_YEAR =
  /\b((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{2})\b|\bfy\s*'?(\d{2})\s*[/-]\s*(\d{2})\b|(?<![\d/.])(1[2-9]|[2-9]\d)\/(1[3-9]|[2-9]\d)(?![\d/.])/gi;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const REPORT_MONTH = new RegExp(
  String.raw`\bmonth\s+(${COUNTED})\b|\bm(\d{1,2})\b|\b(${ORDINALS.join('|')})\s+month\b`,
  'gi',
);
const QUARTER = new RegExp(
  String.raw`\bquarter\s+(${COUNTED})\b|\bq([1-4])\b|\b(${ORDINALS.slice(0, 4).join('|')})\s+quarter\b`,
  'gi',
);
const MONTH = new RegExp(String.raw`\b(${MONTH_NAME})(?![\p{L}])`, 'giu');

function add(periods: Periods, kind: PeriodKind, value: number | null): void {
  if (value === null || !Number.isFinite(value)) return;
  const values = periods.get(kind) ?? new Set<number>();
  values.add(value);
  periods.set(kind, values);
}

/** Every period a text names, by kind (a financial year's calendar years are not read as years). */
export function periodsNamed(text: string): Periods {
  const periods: Periods = new Map();
  let rest = text;
  for (const match of text.matchAll(FINANCIAL_YEAR)) {
    const first = match[1] ? Number(match[1]) : 2000 + Number(match[3] ?? match[5]);
    const second = match[2] ?? match[4] ?? match[6] ?? '';
    const secondYear = second.length === 4 ? Number(second) : Math.floor(first / 100) * 100 + Number(second);
    // "2019-2023" is a span of years, not one financial year.
    if (secondYear !== first + 1) continue;
    add(periods, 'financial-year', first);
    rest = rest.replace(match[0], ' ');
  }
  for (const match of rest.matchAll(YEAR)) add(periods, 'year', Number(match[0]));
  for (const match of text.matchAll(REPORT_MONTH))
    add(periods, 'report-month', numberOf(match[1] ?? match[2] ?? match[3] ?? ''));
  for (const match of text.matchAll(QUARTER)) add(periods, 'quarter', numberOf(match[1] ?? match[2] ?? match[3] ?? ''));
  for (const match of text.matchAll(MONTH)) {
    // "may" in lower case is the verb ("may be"); only "May" is the month.
    if (/^may$/.test(match[1] ?? '')) continue;
    add(periods, 'month', monthNumber(match[1] ?? ''));
  }
  return periods;
}

/** Whether the periods of one kind named include one of those asked. */
function includesAsked(named: Set<number> | undefined, asked: Set<number>): boolean {
  return [...(named ?? [])].some((value) => asked.has(value));
}

/**
 * Whether a sentence names a period of a kind the question asks about, and none of the ones asked:
 * a figure for another period. A sentence that names no period of that kind says nothing either way.
 */
export function namesAnotherPeriod(sentence: string, asked: Periods): boolean {
  if (asked.size === 0) return false;
  const named = periodsNamed(sentence);
  return [...asked].some(
    ([kind, values]) => (named.get(kind)?.size ?? 0) > 0 && !includesAsked(named.get(kind), values),
  );
}

/** Whether a text names a period of a kind asked about, whichever ("2024/25" when a financial year is). */
export function namesPeriodOfKind(text: string, asked: Periods): boolean {
  const named = periodsNamed(text);
  return [...asked.keys()].some((kind) => (named.get(kind)?.size ?? 0) > 0);
}

/**
 * Whether a text names one of the periods asked about ("Budget Outturn 2023/24" for "in 2023/24"),
 * and no other of a kind asked: "Performance - Quarter 4 2024/25" names the year asked for "quarter 3
 * of 2024/25", but is about another quarter of it.
 */
export function namesPeriodAsked(text: string, asked: Periods): boolean {
  const named = periodsNamed(text);
  return (
    [...asked].some(([kind, values]) => includesAsked(named.get(kind), values)) && !namesAnotherPeriod(text, asked)
  );
}

/**
 * The periods asked about, less the month a meeting was held in when the question names it ("the
 * grant Tamarack County accepted in November 2025", of a meeting on 18 November 2025): that month
 * says when the meeting acted, not what period its figure is for ("$48,750 for the 2026 season").
 * A year named alone ("the mooring fees for 2025") stays a period asked.
 */
export function withoutMeetingMonth(asked: Periods, meetingDate: string | null): Periods {
  const held = /^(\d{4})-(\d{2})/.exec(meetingDate ?? '');
  if (!held) return asked;
  const [year, month] = [Number(held[1]), Number(held[2])];
  const years = asked.get('year');
  if (!asked.get('month')?.has(month) || (years !== undefined && !years.has(year))) return asked;
  const rest: Periods = new Map(asked);
  rest.delete('month');
  if (years?.size === 1) rest.delete('year');
  return rest;
}
