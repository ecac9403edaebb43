/**
 * Dates as minutes, questions and model answers write them — the one owner of month names and of
 * reading a date out of text. The parser reads a meeting's own date with it, the question reader
 * reads "in sept 24" with its month table, and the answer checker holds every date a model writes
 * (in any format) against the passages it cites.
 */

/** Month names and their other spellings, by month number (1–12). */
const MONTH_SPELLINGS: ReadonlyArray<readonly string[]> = [
  // English, with the abbreviations minutes and questions use; Welsh, with the soft-mutated forms
  // that follow "o" and "ym mis" ("o Fehefin").
  ['january', 'jan', 'ionawr'],
  ['february', 'feb', 'chwefror'],
  ['march', 'mar', 'mawrth', 'fawrth'],
  ['april', 'apr', 'ebrill'],
  ['may', 'mai', 'fai'],
  ['june', 'jun', 'mehefin', 'fehefin'],
  ['july', 'jul', 'gorffennaf', 'orffennaf'],
  ['august', 'aug', 'awst'],
  ['september', 'sep', 'sept', 'medi', 'fedi'],
  ['october', 'oct', 'hydref'],
  ['november', 'nov', 'tachwedd', 'dachwedd'],
  ['december', 'dec', 'rhagfyr', 'ragfyr'],
];

const MONTH_BY_NAME = new Map<string, number>(
  MONTH_SPELLINGS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

/** English month names in order, for writing dates. */
const ENGLISH_MONTHS = MONTH_SPELLINGS.map((names) => names[0] ?? '');

/**
 * A regular-expression alternation of every month spelling, longest first so "sept" wins over
 * "sep" and "september" over both. An abbreviation may carry a full stop ("Sept."). Match it
 * case-insensitively; it has no capture group of its own.
 */
export const MONTH_NAME = `(?:${[...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => (name.length <= 4 && ENGLISH_MONTHS.indexOf(name) < 0 ? `${name}\\.?` : name))
  .join('|')})`;

/** The month number (1–12) of any spelling in {@link MONTH_NAME}, or null. */
export function monthNumber(name: string): number | null {
  return MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? null;
}

/** "Tuesday, ", "Tues ", "Dydd Mawrth ": a weekday before a date (Welsh weekdays start "Dydd"). */
const WEEKDAY = String.raw`(?:\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|dydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))\.?,?\s+)`;
/**
 * "2nd", "24th" — or "2 nd", as PDF text gives a superscript ordinal — and the Welsh "1af", "2il",
 * "3ydd", "10fed".
 */
const ORDINAL = String.raw`(?:\s?(?:st|nd|rd|th)|af|il|ydd|edd|fed|eg)?`;

/**
 * "2 June 2020", "2nd June 2020", "Tuesday, 2 June 2020", "24th of July 2024", "the 5th day of March
 * 2021", "2 Mehefin 2020", and a meeting over two days, "3–4 June 2024", by its first.
 */
export const LONG_DATE = String.raw`(?:${WEEKDAY})?(\d{1,2})${ORDINAL}(?:\s*[-–]\s*\d{1,2}${ORDINAL})?\s+(?:day\s+)?(?:of\s+)?(${MONTH_NAME})\s*,?\s+(\d{4})`;

/** "November 13, 2018", "March 8 2025", "Monday, March 8th, 2025" — the US form. */
const US_DATE = String.raw`(?:${WEEKDAY})?\b(${MONTH_NAME})\s+(\d{1,2})${ORDINAL},?\s+(\d{4})`;

/**
 * "14/05/2015", "14.05.2015", "14-05-2015", "14/05/15": day first unless told otherwise. A two-digit
 * year only after slashes: "3.1.12" is a paragraph number far more often than 3 January 2012.
 */
const NUMERIC_DATE = String.raw`(?<![\d/.-])(\d{1,2})(?:([/.-])(\d{1,2})\2(\d{4})|(/)(\d{1,2})/(\d{2}))(?![\d/]|\.\d)`;

/** "2020-01-21". */
const ISO_DATE = String.raw`(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])`;

/** "June 2023", "Sept 2024": a month with no day. */
const MONTH_YEAR = String.raw`\b(${MONTH_NAME})\s*,?\s+(\d{4})(?!\d)`;

/**
 * "7th July" in a list whose last date has the year: "held on 7th July and 29th July 2025",
 * "13 April and 11 May 2022". Only such a day takes a year; "8 November at 2pm" stays unread.
 */
const DAY_MONTH_IN_LIST = String.raw`(?:${WEEKDAY})?(\d{1,2})${ORDINAL}\s+(?:of\s+)?(${MONTH_NAME})(?=\s*(?:,|&|\band\b))`;
/** What may stand between a listed day and the dated day that ends the list: more listed days. */
const LIST_GAP = new RegExp(
  String.raw`^(?:\s*(?:,|&|\band\b)\s*(?:${WEEKDAY})?\d{1,2}${ORDINAL}\s+(?:of\s+)?${MONTH_NAME})*\s*(?:,|&|\band\b)\s*$`,
  'iu',
);

/** Which way round a numeric date is: day first (UK, most of the world) or month first (US). */
export type NumericOrder = 'dmy' | 'mdy';

/** A date found in text. */
export interface DateMention {
  /** "YYYY-MM-DD" for a day, "YYYY-MM" for a month with no day. */
  iso: string;
  precision: 'day' | 'month';
  /** Where it was found, and as written. */
  index: number;
  text: string;
}

export interface FindDatesOptions {
  /** How to read "05/06/2020" when both parts could be a month; "dmy" by default. */
  numericOrder?: NumericOrder;
  /** Also report months with no day ("June 2023"); true by default. */
  months?: boolean;
}

/**
 * Every date in `text`, in order: long UK and Welsh forms, the US form, numeric and ISO dates, and
 * (unless turned off) a month with no day. Only real calendar days are returned: "31 June 2020" is
 * not a date. A numeric date whose first part is above 12 is read day-first whatever the order.
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  const order = options.numericOrder ?? 'dmy';
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (match: RegExpMatchArray, iso: string | null, precision: DateMention['precision']) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!iso || overlaps(start, end)) return;
    taken.push([start, end]);
    found.push({ iso, precision, index: start, text: match[0] });
  };

  for (const m of text.matchAll(new RegExp(LONG_DATE, 'giu'))) add(m, isoFromParts(m[1], m[2], m[3]), 'day');
  for (const m of text.matchAll(new RegExp(US_DATE, 'giu'))) add(m, isoFromParts(m[2], m[1], m[3]), 'day');
  for (const m of text.matchAll(new RegExp(ISO_DATE, 'g'))) add(m, isoFromParts(m[3], m[2], m[1]), 'day');
  for (const m of text.matchAll(new RegExp(NUMERIC_DATE, 'g'))) {
    const second = m[3] ?? m[6];
    const year = m[4] ?? fullYear(m[7] ?? '');
    const [a, b] = [Number(m[1]), Number(second)];
    const monthFirst = order === 'mdy' ? a <= 12 : a <= 12 && b > 12;
    add(m, monthFirst ? isoFromParts(second, m[1], year) : isoFromParts(m[1], second, year), 'day');
  }
  // Days listed before a dated day take its year: read after every dated form is known.
  const dated = [...found];
  for (const m of text.matchAll(new RegExp(DAY_MONTH_IN_LIST, 'giu'))) {
    const end = (m.index ?? 0) + m[0].length;
    const last = dated.filter((d) => d.index >= end).sort((x, y) => x.index - y.index)[0];
    if (last && LIST_GAP.test(text.slice(end, last.index)))
      add(m, isoFromParts(m[1], m[2], last.iso.slice(0, 4)), 'day');
  }
  if (options.months ?? true) {
    for (const m of text.matchAll(new RegExp(MONTH_YEAR, 'giu'))) {
      const month = monthNumber(m[1] ?? '');
      const year = Number(m[2]);
      if (month !== null && plausibleYear(year)) add(m, `${year}-${pad(month)}`, 'month');
    }
  }
  return found.sort((x, y) => x.index - y.index);
}

/**
 * How a document writes its numeric dates, judged by how it writes its dates in words: month first
 * when it writes "March 5, 2019" more often than "5 March 2019" (a US council's minutes), day
 * first otherwise.
 */
export function numericOrderOf(text: string): NumericOrder {
  const usForm = text.match(new RegExp(US_DATE, 'giu'))?.length ?? 0;
  const ukForm = text.match(new RegExp(LONG_DATE, 'giu'))?.length ?? 0;
  return usForm > ukForm ? 'mdy' : 'dmy';
}

/** The first real calendar day written in `text` in any form {@link findDates} reads, or null. */
export function parseDate(text: string, options: Omit<FindDatesOptions, 'months'> = {}): string | null {
  return findDates(text, { ...options, months: false })[0]?.iso ?? null;
}

/** Parses the first long-form date ("2 June 2020", "2 Mehefin 2020") in `text`. */
export function parseLongDate(text: string): string | null {
  const match = new RegExp(LONG_DATE, 'iu').exec(text);
  return match ? isoFromParts(match[1], match[2], match[3]) : null;
}

/**
 * An ISO date from a day, a month (a number or any spelling {@link monthNumber} knows) and a
 * four-digit year, or null when that is not a real day ("31 June").
 */
export function isoFromParts(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): string | null {
  const m = /^\d+$/.test(month ?? '') ? Number(month) : monthNumber(month ?? '');
  const d = Number(day);
  const y = Number(year);
  if (m === null || m < 1 || m > 12 || !Number.isInteger(d) || d < 1 || d > 31 || !plausibleYear(y)) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Whether `value` is a YYYY-MM-DD date that exists on the calendar ("2020-02-31" does not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** "2020-06-02" -> "2 June 2020"; "2020-06" -> "June 2020". */
export function formatLongDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const [y, m, d] = iso.split('-').map(Number);
  const name = ENGLISH_MONTHS[(m ?? 1) - 1] ?? '';
  const month = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/**
 * The first year of meetings whose minutes anyone indexes: county councils date from 1889, and
 * `0000`/`0001` are what empty date fields become.
 */
const EARLIEST_YEAR = 1900;
/** How far after today a meeting date may lie: minutes follow meetings, so only a typo goes further. */
const DAYS_AHEAD = 366;

/** Years a date read out of text can be in (which year is right is checked against today apart). */
function plausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= 2200;
}

/**
 * Why the ISO date `iso` cannot be the date of a meeting whose minutes exist, or null when it can:
 * before 1900, or more than a year after `today` (ISO too).
 */
export function implausibleMeetingDate(iso: string, today: string): string | null {
  if (Number(iso.slice(0, 4)) < EARLIEST_YEAR) return `${iso} is before ${EARLIEST_YEAR}`;
  const latest = new Date(`${today}T00:00:00Z`);
  latest.setUTCDate(latest.getUTCDate() + DAYS_AHEAD);
  if (iso > latest.toISOString().slice(0, 10)) return `${iso} is more than a year after today (${today})`;
  return null;
}

/** "15" -> "2015", "98" -> "1998": two-digit years in minutes are recent ones. */
function fullYear(year: string): string {
  if (year.length !== 2) return year;
  const n = Number(year);
  return String(n < 70 ? 2000 + n : 1900 + n);
}

const pad = (n: number) => String(n).padStart(2, '0');
