const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "2 June 2020", "2nd June 2020", "Tuesday, 2 June 2020" — the UK long form minutes use. */
export const LONG_DATE = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s*,?\s+(\d{4})`;

/** Turns the captures of {@link LONG_DATE} into an ISO date, or null if it is not a real day. */
export function isoFromParts(day: string, month: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m, d));
  if (date.getUTCMonth() !== m) return null;
  return date.toISOString().slice(0, 10);
}

/** Whether `value` is a YYYY-MM-DD date that exists on the calendar ("2020-02-31" does not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Parses the first long-form date in `text`. */
export function parseLongDate(text: string): string | null {
  const match = new RegExp(LONG_DATE, 'i').exec(text);
  return match ? isoFromParts(match[1] ?? '', match[2] ?? '', match[3] ?? '') : null;
}

/** "2020-06-02" -> "2 June 2020". */
export function formatLongDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return `${d} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${y}`;
}
