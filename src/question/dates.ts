import { findDates, MONTH_NAME, monthNumber } from '../dates.js';
import { MEETING_VERBS } from './intent.js';

/**
 * Dates in a question: "since 2019", "before 2021", "between 2019 and 2021", "last year", "at the
 * June 2022 meeting", "in sept 24", "on 2/6/20". Month names come from the one month table
 * (src/dates.ts), abbreviations and Welsh included.
 */

/** Meeting-date limits, as search filters take them (ISO dates, inclusive). */
export interface DateLimits {
  after?: string;
  before?: string;
}

/** What a question says about dates. */
export interface QuestionDates {
  /**
   * Meeting-date limits the question sets outright: "since 2019", "before 2021", "between 2019 and
   * 2021", "last year", "at the June 2022 meeting". Applied as filters.
   */
  filters: DateLimits;
  /**
   * A period the question mentions without saying it is about meetings ("in 2020", "in sept 24",
   * "on 2 June 2020"). Items from meetings in it rank higher, but others are not dropped: "what did
   * Ofsted find in 2019" is answered by a meeting in 2020.
   */
  prefer: DateLimits | null;
  /** The date phrases as written, for taking them out of the topic. */
  phrases: string[];
}

const YEAR = String.raw`(?:19|20)\d{2}`;
/** A month and a year, the year in full or as two digits ("sept 24", "jun '22", "June 2022"). */
const MONTH_YEAR = String.raw`(${MONTH_NAME})\s*,?\s+'?(${YEAR}|\d{2})(?![\d/])`;

const yearRange = (year: number): DateLimits => ({ after: `${year}-01-01`, before: `${year}-12-31` });

function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function monthRange(month: string, year: string): { after: string; before: string } | null {
  const m = monthNumber(month);
  if (m === null) return null;
  const y = fullYear(year);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { after: `${y}-${mm}-01`, before: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The seasons as months: "the autumn of 2023" is September to November. */
const SEASONS: Record<string, { first: number; months: number }> = {
  spring: { first: 3, months: 3 },
  summer: { first: 6, months: 3 },
  autumn: { first: 9, months: 3 },
  fall: { first: 9, months: 3 },
  // Winter runs into the next year: "winter 2023" is December 2023 to February 2024.
  winter: { first: 12, months: 3 },
};
const SEASON = Object.keys(SEASONS).join('|');

function seasonRange(season: string, year: number): DateLimits | null {
  const named = SEASONS[season.toLowerCase()];
  if (!named) return null;
  const start = new Date(Date.UTC(year, named.first - 1, 1));
  const end = new Date(Date.UTC(year, named.first - 1 + named.months, 0));
  return { after: start.toISOString().slice(0, 10), before: end.toISOString().slice(0, 10) };
}

/** "Last year" as the meetings of that year; "for last year" as what a thing covers: no limit. */
function periodOfMeetings(match: RegExpExecArray, year: number): DateLimits {
  return /^for\b/i.test(match[0]) ? {} : yearRange(year);
}

/**
 * "Last year" dates the meetings when the question asks what they did ("what did we discuss last
 * year"), and otherwise what happened ("how many children were adopted last year"), which minutes
 * report after the year is out: those meetings are preferred, as "in 2025" would be, not required.
 */
function relativeYearKind(question: string): 'filter' | 'prefer' {
  return MEETING_VERBS.test(question) || /\bmeetings?\b/i.test(question) ? 'filter' : 'prefer';
}

/** One way of writing a date limit: a pattern and what it means. */
interface DateRule {
  pattern: RegExp;
  /** Whether the limits filter the meetings or only prefer some; decided by the question for some rules. */
  kind: 'filter' | 'prefer' | ((question: string) => 'filter' | 'prefer');
  read(match: RegExpExecArray, thisYear: number): DateLimits | null;
  /**
   * For "from <date>": the period the date names, read when the phrase belongs to what the
   * question is about rather than to the meetings (see {@link attachment}).
   */
  attached?(match: RegExpExecArray): DateLimits | null;
}

/**
 * Things that carry a date of their own: "the report from July 2024", "the plan from the 2016
 * inspection". A "from <date>" right after one dates that thing, which the meetings of about then
 * discussed: the period is preferred, not required.
 */
const DATED_THING =
  /\b(?:report|reports|plan|plans|inspection|inspections|review|reviews|letter|letters|survey|surveys|strategy|update|updates|budget|consultation|audit|audits|presentation|paper|papers|proposal|proposals|figures|data|one)\s*$/i;

/**
 * Words after which a "from <date>" says when something takes effect, not which meetings to read:
 * "how much will registration cost from July 2024", "fees rise from April", "the service starts
 * from 2025". The meeting that set it came before; the date limits nothing.
 */
const TAKES_EFFECT =
  /\b(?:cost|costs|costing|charge|charged|charges|fee|fees|rate|rates|price|prices|rise|rises|rising|increase|increases|increasing|go up|goes up|going up|fall|falls|drop|drops|change|changes|changing|start|starts|starting|begin|begins|apply|applies|effective|payable|run|runs|open|opens|close|closes)\s*(?:by\s+\S+\s*)?$/i;

/**
 * A clause put in the future ("how many places will we be short from September 2026", "is it going
 * to close from April") dates what is to happen, which a meeting before then foresaw.
 */
const FUTURE = /\b(?:will|shall|going to|expected to|due to|set to)\b|\w['’]ll\b/i;

/**
 * How a "from <date>" attaches: to the meetings ("what was decided from July 2024", "decisions
 * from 2020": a filter), to a thing the question names ("the report from July 2024 about…": a
 * preferred period), or to when something takes effect ("cost from July 2024": no limit). Read
 * from the few words before it, within the clause.
 */
function attachment(question: string, index: number): 'meetings' | 'thing' | 'effect' {
  const before =
    question
      .slice(Math.max(0, index - 40), index)
      .split(/[,;:?!()—–]|\s-\s/)
      .pop() ?? '';
  if (DATED_THING.test(before)) return 'thing';
  if (TAKES_EFFECT.test(before) || FUTURE.test(before)) return 'effect';
  if (MEETINGS_ACTING.test(question) || MEETING_VERBS.test(question)) return 'meetings';
  // "How big is the shortfall of school places from September 2026": a verb that is none of what
  // meetings do dates the thing asked about, not the meetings to read, which came before it. With
  // no verb at all ("anything on SEND from 2022?") the date can only be the meetings'.
  return STATE_VERB.test(question) ? 'effect' : 'meetings';
}

/** What meetings do, beside MEETING_VERBS. */
const MEETINGS_ACTING =
  /\b(?:said|say|says|decid\w*|decisions?|agreed|agree|approv\w*|resolv\w*|resolutions?|happened|done|minuted|meetings?|minutes|agenda|updates?)\b/i;
/** A finite form of be, have or do: the question has a verb of its own. */
const STATE_VERB =
  /\b(?:is|are|was|were|has|have|had|does|do|did)\b|\b(?:what|how|where|who|it|that|there|big|much|many)['’]s\b/i;

const RULES: DateRule[] = [
  {
    pattern: new RegExp(
      String.raw`\b(?:at|in|from|during|for) the (?:\d{1,2}(?:st|nd|rd|th)? )?${MONTH_YEAR} meetings?\b`,
      'giu',
    ),
    kind: 'filter',
    read: (m) => monthRange(m[1] ?? '', m[2] ?? ''),
  },
  {
    pattern: new RegExp(
      String.raw`\bbetween (?:(?:${MONTH_NAME}) )?(${YEAR}) and (?:(?:${MONTH_NAME}) )?(${YEAR})\b`,
      'giu',
    ),
    kind: 'filter',
    read: (m) => ({ after: `${m[1]}-01-01`, before: `${m[2]}-12-31` }),
  },
  {
    pattern: new RegExp(String.raw`\b(?:since|from) ${MONTH_YEAR}`, 'giu'),
    kind: 'filter',
    read: (m) => {
      const range = monthRange(m[1] ?? '', m[2] ?? '');
      return range ? { after: range.after } : null;
    },
    attached: (m) => monthRange(m[1] ?? '', m[2] ?? ''),
  },
  {
    pattern: new RegExp(String.raw`\b(?:since|from) (${YEAR})\b(?![/-]\d)`, 'giu'),
    kind: 'filter',
    read: (m) => ({ after: `${m[1]}-01-01` }),
    attached: (m) => yearRange(Number(m[1])),
  },
  {
    pattern: new RegExp(String.raw`\b(?:after|post)[ -](${YEAR})\b(?![/-]\d)`, 'giu'),
    kind: 'filter',
    read: (m) => ({ after: `${Number(m[1]) + 1}-01-01` }),
  },
  {
    pattern: new RegExp(String.raw`\b(?:before|pre)[ -](${YEAR})\b(?![/-]\d)`, 'giu'),
    kind: 'filter',
    read: (m) => ({ before: `${Number(m[1]) - 1}-12-31` }),
  },
  // "The bid for this year" is the period the bid covers, named at a meeting of that time, not now.
  {
    pattern: /\b(?:for )?last year\b/gi,
    kind: relativeYearKind,
    read: (m, thisYear) => periodOfMeetings(m, thisYear - 1),
  },
  { pattern: /\b(?:for )?this year\b/gi, kind: relativeYearKind, read: (m, thisYear) => periodOfMeetings(m, thisYear) },
  {
    pattern: new RegExp(String.raw`\bmeetings? (?:in|during|of) (${YEAR})\b(?![/-]\d)`, 'giu'),
    kind: 'filter',
    read: (m) => yearRange(Number(m[1])),
  },
  {
    // "back in jan 2020": the "back" is part of the date, not a word of the topic.
    pattern: new RegExp(String.raw`\b(?:(?:back )?(?:in|during|for|of) )?${MONTH_YEAR}`, 'giu'),
    kind: 'prefer',
    read: (m) => monthRange(m[1] ?? '', m[2] ?? ''),
  },
  {
    pattern: new RegExp(String.raw`\b(?:back )?(?:in|during) (${YEAR})\b(?![/-]\d)`, 'giu'),
    kind: 'prefer',
    read: (m) => yearRange(Number(m[1])),
  },
  // "in the autumn of 2023", "spring 24": a season with its year. Without one, the season is what
  // the question is about ("summer holiday activities"), or a comparison the minutes make ("busier
  // than last winter" is the winter before the meeting, not before today).
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:in|during|over|for|from|by) )?(?:the )?(${SEASON}),? (?:of )?'?(${YEAR}|\d{2})(?![\d/])`,
      'giu',
    ),
    kind: 'prefer',
    read: (m) => seasonRange(m[1] ?? '', fullYear(m[2] ?? '')),
  },
];

/** A year standing alone ("2019?", "and 2022"): a date only in a follow-up, where it can mean nothing else. */
const BARE_YEAR: DateRule = {
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}/-])(${YEAR})(?![\p{L}\p{N}]|[/-]\d)`, 'gu'),
  kind: 'prefer',
  read: (m) => yearRange(Number(m[1])),
};

export interface DateReadingOptions {
  /** Today, for "last year" and "this year". */
  today?: Date;
  /** Read a year standing alone as a date too (follow-ups: "and 2022?"). */
  bareYears?: boolean;
}

/** Reads the date limits and date phrases of a question. `today` decides "last year" and "this year". */
export function readQuestionDates(
  question: string,
  today: Date = new Date(),
  options: DateReadingOptions = {},
): QuestionDates {
  const thisYear = today.getUTCFullYear();
  const found: QuestionDates = { filters: {}, prefer: null, phrases: [] };
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  const apply = (rules: DateRule[]) => {
    for (const rule of rules) {
      rule.pattern.lastIndex = 0;
      for (let m = rule.pattern.exec(question); m !== null; m = rule.pattern.exec(question)) {
        const end = m.index + m[0].length;
        if (!free(m.index, end)) continue;
        const attached = rule.attached && /^from\b/i.test(m[0]) ? attachment(question, m.index) : 'meetings';
        // When something takes effect is part of the topic's wording, and limits no meeting.
        const limits =
          attached === 'effect' ? {} : attached === 'thing' ? (rule.attached?.(m) ?? null) : rule.read(m, thisYear);
        if (!limits) continue;
        taken.push([m.index, end]);
        found.phrases.push(m[0].trim());
        if (attached === 'effect') continue;
        const kind =
          attached === 'thing' ? 'prefer' : typeof rule.kind === 'function' ? rule.kind(question) : rule.kind;
        if (kind === 'filter' && Object.keys(found.filters).length === 0) found.filters = limits;
        if (kind === 'prefer' && found.prefer === null && Object.keys(limits).length > 0) found.prefer = limits;
      }
    }
  };
  // "At the June 2022 meeting" first: it holds a month and year that would otherwise read alone.
  apply(RULES.slice(0, 1));
  // A day ("on 2 June 2020", "2/6/20") points at one meeting's date: preferred, not required.
  for (const date of findDates(question, { months: false })) {
    if (!free(date.index, date.index + date.text.length)) continue;
    taken.push([date.index, date.index + date.text.length]);
    found.phrases.push(date.text.trim());
    found.prefer ??= { after: date.iso, before: date.iso };
  }
  apply(RULES.slice(1));
  if (options.bareYears) apply([BARE_YEAR]);
  return found;
}

/** The date phrases of a text, as written. */
export function datePhrases(text: string, options: Omit<DateReadingOptions, 'today'> = {}): string[] {
  return readQuestionDates(text, new Date(), options).phrases;
}

/** The text with its date phrases taken out and the spacing tidied. */
export function withoutDatePhrases(text: string, options: Omit<DateReadingOptions, 'today'> = {}): string {
  let rest = text;
  for (const phrase of datePhrases(text, options)) rest = rest.replace(phrase, ' ');
  return rest
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Whether an ISO date falls within limits (an unknown date never does). */
export function withinDates(date: string | null, limits: DateLimits): boolean {
  if (!date) return false;
  if (limits.after && date < limits.after) return false;
  if (limits.before && date > limits.before) return false;
  return true;
}
