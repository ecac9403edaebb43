/**
 * The one grammar of minute references: how councils print a minute's number ("54.", "C048/23",
 * "Min 28 24/25", "PLA146/14", "4.01", "(199)", "IV.") and how text refers to one ("minute 156",
 * "item 5.2", "C048/23"). The parser reads item numbers with it, the ModernGov mapper reads the
 * web service's numbers with it, and the answer checker finds the minutes an answer names with it.
 */

/** A minute number as printed, with the running integer inside it. */
export interface MinuteNumber {
  /** As printed, without its label or closing punctuation: "54", "C048/23", "28 24/25", "5.2", "IV". */
  minute: string;
  /** The running integer (61 for "C61/24", 4 for "IV"), or null where there is none (a letter). */
  minuteNumber: number | null;
}

/** What kind of numbering a token belongs to; tokens of one scheme share their form. */
export type TokenForm = 'integer' | 'decimal' | 'prefixed' | 'compound' | 'roman' | 'letter';

/** A printed token read in full: its number, its form and its numeric parts, for telling schemes apart. */
export interface MinuteToken extends MinuteNumber {
  form: TokenForm;
  /** Letters before the digits ("C", "PLA", "CD&E", "CYP"), or "" . */
  prefix: string;
  /** Every number in the token in order ("C048/23" -> [48, 23]; "2020/01/04b" -> [2020, 1, 4]). */
  parts: number[];
  /** Which of `parts` is the running number (the others stay constant through a meeting). */
  running: number;
  /** A trailing letter or bracketed letter ("12a", "12(b)"), or "". */
  suffix: string;
}

/**
 * The words printed before a minute number ("Minute 6", "Min. 28", "Item 5", "Article 3" in Scottish
 * minutes, "Cofnod 12" in Welsh, "Order No. 25-0311", "Subject No. 41"), longest first. A parsed number keeps no label: "Item 5" is "5".
 */
export const MINUTE_LABEL_WORDS = [
  'Agenda Item',
  // A Texas commissioners' court numbers its orders: "ORDER NO. 25-0311". Only with "No.": a
  // "Standing Order 7(3)" is no minute.
  'Order No',
  // Indian municipal corporations number the subjects before them: "Subject No. 41 : …".
  'Subject No',
  'Resolution',
  'File',
  'Minutes',
  'Article',
  'Minute',
  'Cofnod',
  'Eitem',
  'Item',
  'Mins',
  'Min',
  'Res',
] as const;

/**
 * Words printed before a minute number, with "No.", "Number" or "#": "Minute No. 142/20", "File #
 * 25-201" (a regular-expression fragment).
 */
export const MINUTE_LABEL = String.raw`(?:${MINUTE_LABEL_WORDS.map((w) => w.replace(' ', String.raw`\s+`)).join('|')})\.?\s*(?:No\.?\s*|Number\s+|#\s*:?\s*)?`;

/**
 * The forms of a minute number's body, most specific first. Digits run to six places: a council's
 * running numbers pass 9999, and "10000" must never be read as "1000" or merged away.
 */
const TOKEN_FORMS = [
  // Only after a label (see parseMinuteToken): "Min 28 24/25", a minute and the council year it
  // belongs to; "File # 25-201", a year and a running number, as US clerks' agenda systems print them.
  String.raw`\d{1,6}\s\d{2}\/\d{2}`,
  String.raw`\d{2}-\d{2,5}(?![\d-])`,
  // "C048/23", "PLA146/14", "CD&E 040/21.1", "CYP/15/24", "45/24", "2020/01/04b", "77/21".
  String.raw`(?:[A-Z][A-Za-z&]{0,5}(?:\s|\/)?)?\d{1,6}(?:\/\d{1,4}){1,2}(?:\.\d{1,2})?[a-z]?`,
  // "C25.047", "FC24.112": letters, the council year, a full stop and the minute (Welsh community councils).
  String.raw`[A-Z][A-Za-z&]{0,5}\d{2}(?:\d{2})?\.\d{2,4}`,
  // "C61", "A1", "PAR 1", "TB01", "P.45", "R-3", "NB-1": letters then digits, perhaps after a space,
  // a full stop or a hyphen.
  String.raw`[A-Z][A-Z&]{0,4}(?:\s|\.\s?|-)?\d{1,6}[a-z]?`,
  // "5-A", "6-B", "6.b": an agenda section's lettered items, as North American boards print them.
  String.raw`\d{1,6}-[A-Z](?![A-Za-z])`,
  String.raw`\d{1,6}\.[a-z](?![A-Za-z])`,
  // "5.2", "4.01", "3.1.1", "338.1".
  String.raw`\d{1,6}(?:\.\d{1,3}){1,3}[a-z]?`,
  // "54", "12a", "12(b)".
  String.raw`\d{1,6}(?:\([a-z]\)|[a-z])?`,
  // Roman numerals "I" to "XXXIX" and single letters, as outlines number their sections.
  'X{0,3}(?:IX|IV|V?I{1,3}|V)',
  '[A-Za-z]',
];

/** Every form of a printed minute number's body (a regular-expression alternation, no groups). */
export const TOKEN_BODY = TOKEN_FORMS.join('|');

/** How many forms, first in the list, are a minute number only after a label. */
const LABELLED_ONLY_FORMS = 2;

/** The same without the forms that are a minute number only after a label ("Min 28 24/25", "File # 25-201"). */
export const TOKEN_BODY_UNLABELLED = TOKEN_FORMS.slice(LABELLED_ONLY_FORMS).join('|');

// A label counts before a number, lettered or not: "Item 5", "ITEM C 88/2025".
const LEADING_LABEL = new RegExp(String.raw`^${MINUTE_LABEL}(?=\(?(?:[A-Z][A-Za-z&]{0,5}[\s/-]?)?\d)`, 'i');
/**
 * Splits a leading label off printed text ("Minute 6 – …", "ITEM 5:", "Min. 28 24/25"): the label
 * (null when there is none) and the text after it. Only a label followed by a number counts.
 */
export function stripLabel(text: string): { label: string | null; rest: string } {
  const match = LEADING_LABEL.exec(text);
  return match ? { label: match[0].trim(), rest: text.slice(match[0].length) } : { label: null, rest: text };
}

const TOKEN_ONLY = new RegExp(String.raw`^\(?(${TOKEN_BODY})\)?\s*[.:)\-–]?$`);
const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

/**
 * Reads one printed token ("54.", "Minute 12", "C048/23", "(199)", "IV.") in full, or null when the
 * string is not a minute number. A single letter or roman numeral is a token too: outlines number
 * their sections "I.", "A."; whether a document uses them as item numbers is for its parser to learn.
 */
export function parseMinuteToken(raw: string): MinuteToken | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const label = LEADING_LABEL.exec(text);
  const body = TOKEN_ONLY.exec(label ? text.slice(label[0].length) : text)?.[1];
  if (!body) return null;
  const labelled = label !== null;
  // "28 24/25" is a minute and its year only after "Min"/"Minute", "25-201" only after "File #";
  // unlabelled, they are two numbers (a count, a vote).
  if ((/^\d+\s\d{2}\/\d{2}$/.test(body) || YEAR_HYPHEN_NUMBER.test(body)) && !labelled) return null;
  return readBody(body);
}

/** Reads one printed token into `{ minute, minuteNumber }`, or null when it is not a minute number. */
export function readMinuteToken(raw: string): MinuteNumber | null {
  const token = parseMinuteToken(raw);
  return token ? { minute: token.minute, minuteNumber: token.minuteNumber } : null;
}

/** "25-201": a year and a running number joined by a hyphen, a compound like "25/201". */
const YEAR_HYPHEN_NUMBER = /^\d{2}-\d{2,5}$/;

/** "C25.047": a lettered year and minute joined by a full stop, a compound like "C25/047". */
const YEAR_DOT_MINUTE = /^[A-Z][A-Za-z&]*\d{2}(?:\d{2})?\.\d{2,4}$/;

function readBody(body: string): MinuteToken {
  const minute = body.trim();
  if (ROMAN.test(body)) {
    return {
      minute,
      minuteNumber: romanValue(body),
      form: 'roman',
      prefix: '',
      parts: [romanValue(body)],
      running: 0,
      suffix: '',
    };
  }
  if (/^[A-Za-z]$/.test(body)) {
    const position = body.toUpperCase().charCodeAt(0) - 64;
    return { minute, minuteNumber: null, form: 'letter', prefix: '', parts: [position], running: 0, suffix: '' };
  }
  const lettered = /^(\d+)(?:-[A-Z]|\.[a-z])$/.exec(body);
  if (lettered) {
    // "6-B" and "6.b" are the second item of section 6, read as "6.2" would be.
    const parts = [Number(lettered[1]), body.toUpperCase().charCodeAt(body.length - 1) - 64];
    return { minute, minuteNumber: parts[0] ?? null, form: 'decimal', prefix: '', parts, running: 0, suffix: '' };
  }
  const prefix = /^[A-Z][A-Za-z&]*/.exec(body)?.[0] ?? '';
  // "CD&E 040/21.1": a compound minute's ".1" is a sub-number, not one of its running parts.
  const numbered = /\//.test(body) ? body.replace(/\.\d+$/, '') : body;
  const digits = [...numbered.matchAll(/\d+/g)].map((m) => m[0]);
  const parts = digits.map(Number);
  const suffix = /(?:\([a-z]\)|[a-z])$/.exec(body)?.[0] ?? '';
  const form: TokenForm =
    /\//.test(body) || /^\d+\s\d/.test(body) || YEAR_DOT_MINUTE.test(body) || YEAR_HYPHEN_NUMBER.test(body)
      ? 'compound'
      : prefix
        ? 'prefixed'
        : /\d\.\d/.test(body)
          ? 'decimal'
          : 'integer';
  // "28 24/25" (after "Min") is minute 28 of the council year 2024/25.
  const running = YEAR_HYPHEN_NUMBER.test(body)
    ? 1
    : form === 'compound' && !/^\d+\s\d/.test(body)
      ? runningPart(digits)
      : 0;
  return { minute, minuteNumber: parts[running] ?? null, form, prefix, parts, running, suffix };
}

/**
 * Which number of a compound token runs from minute to minute when nothing else tells: "77/21" and
 * "C048/23" run first (minute/year); "17/064", "20/01" and "2020/01/04b" run last (year/minute),
 * where a four-digit year leads or the second number is zero-padded or longer. A parser that sees a
 * whole meeting learns it from which part changes.
 */
function runningPart(digits: string[]): number {
  if (digits.length === 3) return 2;
  const [first = '', second = ''] = digits;
  if (/^\d{4}$/.test(first) || /^0\d/.test(second) || second.length > first.length) return 1;
  return 0;
}

function romanValue(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * A minute number from a structured source that gives the number and its sub-number apart
 * (ModernGov's `minutesitemnumber` and `minutesitemsubnumber`): "12" + "a" = "12a", "5" + "2" = "5.2".
 */
export function composeMinute(main: string | null | undefined, sub: string | null | undefined): string | null {
  const number = main?.trim().replace(/\.$/, '');
  if (!number) return null;
  const part = sub?.trim().replace(/^[.(]|[.)]$/g, '');
  if (!part) return number;
  return /^\d+$/.test(part) ? `${number}.${part}` : `${number}${part.toLowerCase()}`;
}

/**
 * A number as a structured source printed it ("76.", "Minute 76", "C61/24", "10000"), read with the
 * grammar; anything else is kept as printed with the first integer in it, so no number is lost.
 */
export function readPrintedNumber(raw: string): MinuteNumber {
  const cleaned = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:;,]+$/, '');
  const token = readMinuteToken(cleaned);
  if (token) return token;
  const integer = /\d+/.exec(cleaned);
  return {
    minute: cleaned.replace(new RegExp(`^${MINUTE_LABEL}`, 'i'), ''),
    minuteNumber: integer ? Number(integer[0]) : null,
  };
}

/** A minute named in free text, where it was found. */
export interface MinuteReference extends MinuteNumber {
  index: number;
  /** The reference as written ("minute 156", "Min 28 24/25", "C048/23"). */
  text: string;
}

const FREE_TOKEN = String.raw`(?:\d{1,6}\s\d{2}\/\d{2}|(?:[A-Z][A-Z&]{0,5}(?:\s|\/)?)?\d{1,6}(?:\/\d{1,4}){0,2}(?:\.\d{1,3}){0,3}(?:\([a-z]\)|[a-z](?![a-z]))?)`;
/**
 * "minute 156", "Minute No. 142/20", "Min 28 24/25", "item 5.2", "Article 3", "minutes 12 and 13":
 * the label, the first number, then any list after it (which only a plural label takes).
 */
const LABELLED_REFERENCE = new RegExp(
  String.raw`\b(${caseless('minutes')}|${caseless('minute')}|${caseless('mins')}|${caseless('min')}|${caseless('agenda')}\s+${caseless('items')}|${caseless('agenda')}\s+${caseless('item')}|${caseless('items')}|${caseless('item')}|${caseless('article')}|${caseless('cofnod')})\.?\s*(?:${caseless('no')}\.?\s*|${caseless('number')}\s+)?(${FREE_TOKEN})((?:\s*(?:,|and|&)\s*${FREE_TOKEN})*)`,
  'g',
);

/** A word matched in any case, so that the label is caseless while the code after it ("C048/23") is not. */
function caseless(word: string): string {
  return [...word].map((ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`).join('');
}
/** "C048/23", "PLA146/14", "TB01/13": a lettered compound code names a minute even without a label. */
const CODED_REFERENCE = /\b[A-Z][A-Z&]{0,4}\d{1,6}\/\d{2,4}\b/g;
/** "14/05/2015" after "minutes" is a date, not a minute. */
const NUMERIC_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/**
 * Every minute that free text names: labelled references ("minute 156", "Min 28 24/25", "item 5.2",
 * "minutes 12 and 13") and lettered codes on their own ("C048/23"), in order of appearance.
 * "the minutes of 3 March" names no minute; a date after "minutes" is not one either.
 */
export function findMinuteReferences(text: string): MinuteReference[] {
  const found: MinuteReference[] = [];
  const taken: Array<[number, number]> = [];
  const add = (raw: string, index: number, written: string) => {
    const trimmed = raw.trim();
    if (NUMERIC_DATE.test(trimmed)) return;
    const token = readBody(trimmed);
    found.push({ minute: token.minute, minuteNumber: token.minuteNumber, index, text: written });
  };
  for (const match of text.matchAll(LABELLED_REFERENCE)) {
    const start = match.index ?? 0;
    // Only a plural label takes a list: in "minute 12, 622 households" the 622 is a figure.
    const more = /s$/i.test(match[1] ?? '') ? (match[3] ?? '') : '';
    const written = match[0].slice(0, match[0].length - (match[3] ?? '').length + more.length);
    taken.push([start, start + written.length]);
    add(match[2] ?? '', start, written);
    for (const next of more.matchAll(new RegExp(FREE_TOKEN, 'g'))) {
      add(next[0], start + written.length - more.length + (next.index ?? 0), next[0]);
    }
  }
  for (const match of text.matchAll(CODED_REFERENCE)) {
    const start = match.index ?? 0;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    add(match[0], start, match[0]);
  }
  return found.sort((a, b) => a.index - b.index);
}
