import { findDates } from '../../src/dates.js';
import {
  type MinuteToken,
  parseMinuteToken,
  stripLabel,
  TOKEN_BODY,
  TOKEN_BODY_UNLABELLED,
} from '../../src/minutes/reference.js';
import { isPageNumber } from './furniture.js';
import { isHeadingText, isMostlyUpper, NARRATIVE_START, RESOLUTION_LABEL, splitTitle } from './headings.js';
import { RESOLUTION_WORDS } from './points.js';

/** A line that may open a minute item: a printed number at its start, read with the minute grammar. */
export interface Candidate {
  line: number;
  token: MinuteToken;
  /** Candidates of one numbering scheme share their shape (form, brackets, label, prefix). */
  shape: string;
  /** The text after the number on its line ("" when the number stands alone). */
  rest: string;
  /** `rest` read as a title and the text after it (see {@link titleOnLine}); a null title when it is prose. */
  split: { title: string | null; body: string };
  /** A second number after a compound minute number: "C048/23  1.  APOLOGIES" is agenda item 1. */
  agendaNumber: number | null;
  /** Whether the number comes with a title: after it, on the next line, or on the lines before it. */
  titled: boolean;
  /** A time printed before the number ("(09.15)", "10.31 am"): kept as the item's first words. */
  time: string;
  /** A number the text lost, taken from the run around it (see lost-numbers.ts); not printed. */
  recovered?: boolean;
}

/** "(09.15)", "10.31 am", "7:02 p.m.": a time printed before an item's number (bracketed or with am/pm, unlike "21.44"). */
const TIME_PREFIX =
  /^(?:\(\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|hrs)?\)|\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|hrs))\s+(?=\S)/i;
const LABELLED_TOKEN = new RegExp(String.raw`^(?:\((${TOKEN_BODY})\)|(${TOKEN_BODY}))`);
const UNLABELLED_TOKEN = new RegExp(String.raw`^(?:\((${TOKEN_BODY_UNLABELLED})\)|(${TOKEN_BODY_UNLABELLED}))`);
/**
 * What may follow a number: a full stop, colon, bracket or dash, a space before a title, or nothing.
 * A full stop may run straight into a capitalised word ("1.Welcome"), never into a digit ("1.5"); a
 * colon may stand apart, as typed in Indian minutes ("Subject No. 41 : Confirmation…").
 */
const TERMINATOR = /^(?:\.(?=\s|$|\p{Lu}\p{Ll})|\s?:(?=\s|$)|\)|\s+[-–—](?=\s)|(?=\s)|$)\s*/u;
/** A contents line: a title, dot leaders and a page number ("4 Confirmation of Minutes ........ 3"). */
const CONTENTS_LINE = /(?:\.{4,}|…{2,}|(?:\s\.){3,})\s*\d{1,4}$/;
/** A number followed by these is a time, an amount or a count, not a minute. */
const NOT_A_MINUTE_AFTER = /^(?:am|pm|AM|PM|a\.m|p\.m|hrs|hours|minutes|mins|%|per ?cent)\b/;

/**
 * Every line that starts with something shaped like an item number, with what follows it. Nothing is
 * decided here beyond the line's own shape: which of them are the items is learned from the whole
 * document (see scheme.ts).
 */
export function findCandidates(lines: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  lines.forEach((raw, index) => {
    const candidate = readLine(raw.trim(), index, lines);
    if (candidate) candidates.push(candidate);
  });
  return candidates;
}

function readLine(line: string, index: number, lines: string[]): Candidate | null {
  if (!line || isPageNumber(line) || CONTENTS_LINE.test(line)) return null;
  const dates = findDates(line.slice(0, 40), { months: false });
  if (dates[0]?.index === 0) return null;
  // "…THE COPPER KETTLE," then "8 MARKET PARADE": a line the one before runs on into is no item.
  if (runsOnInto(lines, index)) return null;
  const unmarked = line.replace(/^#{1,6}\s*/, '');
  const time = TIME_PREFIX.exec(unmarked)?.[0] ?? '';
  const text = unmarked.slice(time.length);
  const { label, rest: afterLabel } = stripLabel(text);
  const match = (label ? LABELLED_TOKEN : UNLABELLED_TOKEN).exec(afterLabel);
  if (!match) return null;
  const whole = match[0];
  const close = match[1] !== undefined;
  const body = match[1] ?? match[2] ?? '';
  const after = afterLabel.slice(whole.length);
  const terminator = TERMINATOR.exec(after);
  if (!terminator) return null;
  const token = parseMinuteToken(`${label ?? ''} ${body}`);
  if (!token) return null;
  let rest = after.slice(terminator[0].length).trim();
  const closer = close ? '()' : terminator[0].trim().startsWith(')') ? ')' : '';
  if (NOT_A_MINUTE_AFTER.test(rest) || RESOLUTION_LABEL.test(rest)) return null;
  let agendaNumber: number | null = null;
  const second = /^(\d{1,3})[.)]?\s+(\S.*)$/.exec(rest);
  if (second && (token.form === 'compound' || token.form === 'prefixed')) {
    agendaNumber = Number(second[1]);
    rest = second[2] ?? '';
  }
  // An integer with no punctuation needs a capitalised title after it ("1 Apologies"), or nothing.
  if (!terminator[0].trim() && rest && !TITLE_START.test(rest) && !rest.startsWith('(')) return null;
  // Letters and roman numerals number outlines only with a full stop or bracket: "A. Call to Order", "(b)".
  const lettered = token.form === 'letter' || token.form === 'roman';
  if (lettered && !closer && !terminator[0].startsWith('.')) return null;
  const split = titleOnLine(rest, lines, index);
  const titled = rest ? split.title !== null : titleAfter(lines, index) || titleBefore(lines, index) > 0;
  if (lettered && !titled) return null;
  if (!titled && !followsSentenceEnd(lines, index)) return null;
  const shape = [
    token.form,
    closer,
    // "Resolution No. 246" beside "Subject No. 52": a decision's number runs apart from the items'.
    label ? (RESOLUTION_NUMBER_LABEL.test(label) ? 'resolution label' : 'label') : '',
    // Compound codes keep their shape whatever their letters: councils code reports by the
    // directorate that wrote them ("SI20/13", "BS20/21") in one running sequence.
    token.form === 'compound' && token.prefix ? 'letters' : token.prefix,
    token.form === 'letter' ? caseOf(body) : '',
    token.parts.length,
  ].join('|');
  return { line: index, token, shape, rest, split, agendaNumber, titled, time: time.trim() };
}

/** A label that numbers resolutions ("Resolution No.", "Res."), a series of its own. */
const RESOLUTION_NUMBER_LABEL = /^res(?:olution)?\b/i;

/** How a title starts: a capital or quote, or a year before one ("2025-2029 Financial Plan Bylaw"). */
const TITLE_START = /^(?:[\p{Lu}‘'"“]|\d{4}(?:[/-]\d{2,4})?\s+\p{Lu})/u;

/** Words a title never ends on: a line that stops at one of them runs on into the next. */
export const RUNS_ON = /\b(?:the|of|and|or|to|a|an|in|on|at|by|for|with|from|that|which|was|were|is|be|had|has)$/i;

/**
 * The title and text in what follows a number on its line. Besides what {@link splitTitle} reads
 * ("Apologies. Cllr A sent…", "CALL TO ORDER: The meeting…"), a short line that stops without a
 * sentence's end, before text that starts afresh on the next line, is the title even when a verb
 * is in it ("Questions received from members of the public" / "No questions had been received.").
 */
export function titleOnLine(rest: string, lines: string[], index: number): { title: string | null; body: string } {
  const text = rest.trim();
  // "14. Allotments - waiting list of 17; rent to rise from £32" / "to £36 (agreed).": a one-line
  // item, its heading and what became of it, wrapped onto the next line, reads as one line.
  const runningOn = sentenceRunningOn(lines, index);
  if (runningOn) {
    const whole = splitTitle(`${text} ${runningOn}`);
    const outcome = whole.title === null ? null : /^\s+[-–—]\s+(\p{Ll}.*)$/u.exec(text.slice(whole.title.length));
    if (whole.title !== null && text.startsWith(whole.title) && outcome)
      return { title: whole.title, body: outcome[1] ?? '' };
  }
  const split = splitTitle(rest);
  if (split.title !== null || !rest) return split;
  const next = nextText(lines, index);
  const standsAlone =
    TITLE_START.test(text) &&
    !/[.,;!?]$/.test(text) &&
    !/[.!?]\s+\p{Lu}/u.test(text) &&
    !RUNS_ON.test(text) &&
    !NARRATIVE_START.test(text) &&
    text.split(/\s+/).length <= 12;
  const textFollows = next === '' || /^[\p{Lu}\d‘'"“(]/u.test(next);
  return standsAlone && textFollows ? { title: text, body: '' } : split;
}

/** Most lines a sentence begun on a numbered line may run on to and still be read with it. */
const MAX_RUN_ON_LINES = 2;

/**
 * The lines after `index` that finish the sentence it leaves open: none when it ends a sentence, a
 * blank line follows, or the next line is numbered itself.
 */
function sentenceRunningOn(lines: string[], index: number): string {
  const taken: string[] = [];
  let current = lines[index]?.trim() ?? '';
  for (let i = index + 1; i < lines.length && taken.length < MAX_RUN_ON_LINES; i++) {
    const line = lines[i]?.trim() ?? '';
    if (/[.;!?]$/.test(current) || !line || /^\(?\d{1,3}[.)]?\s/.test(line)) break;
    taken.push(line);
    current = line;
  }
  return /[.;!?]$/.test(current) ? taken.join(' ') : '';
}

/**
 * Whether the line before `index` runs on into it: it ends on a comma, a word broken by a hyphen,
 * or a word no sentence or title ends on, with no blank line between.
 */
export function runsOnInto(lines: string[], index: number): boolean {
  const previous = lines[index - 1]?.trim() ?? '';
  if (!previous || !lines[index]?.trim()) return false;
  return /(?:,|\p{L}-)$/u.test(previous) || RUNS_ON.test(previous);
}

function caseOf(letter: string): string {
  return letter === letter.toUpperCase() ? 'upper' : 'lower';
}

/** A heading starts after a finished sentence, a blank line or a page number, never mid-sentence. */
export function followsSentenceEnd(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const previous = lines[i]?.trim() ?? '';
    if (!previous) return true;
    if (isPageNumber(previous)) continue;
    return /[.:;?!'"’”)]$/.test(previous) || /^#/.test(previous) || isHeadingText(previous);
  }
  return true;
}

/** After a number standing alone, a short title on the next line ("54." then "Minutes."). */
export function titleAfter(lines: string[], index: number): boolean {
  const next = nextText(lines, index);
  return next !== '' && next.length <= 160 && isHeadingText(next) && !isPageNumber(next);
}

/**
 * How many lines before a number are its title ("APOLOGIES" then "PLA146/14"): capitals directly
 * above it, never a resolution marker ("RESOLVED:") or a line that ends in a colon; 0 when none.
 */
export function titleBefore(lines: string[], index: number): number {
  let count = 0;
  for (let i = index - 1; i >= 0 && count < 4; i--) {
    const line = lines[i]?.trim() ?? '';
    if (!line || !isMostlyUpper(line) || /:$/.test(line) || RESOLUTION_WORD.test(line)) break;
    count++;
  }
  return count;
}

/** A decision in capitals ("RESOLVED:", "CARRIED", "NOTED") is never the title over a number. */
const RESOLUTION_WORD = new RegExp(`^(?:${RESOLUTION_WORDS}|CARRIED|NOTED)\\b`);

function nextText(lines: string[], index: number): string {
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line) return line;
  }
  return '';
}
