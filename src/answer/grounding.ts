import { findDates } from '../dates.js';
import { findMinuteReferences } from '../minutes/reference.js';
import { topicStems } from '../question/index.js';
import { formatCitation } from './citation.js';
import type { GivenPassage } from './passages.js';

/**
 * Whether what a sentence states as fact — its figures, amounts, percentages, dates and minute
 * numbers — comes from the passages the sentence cites. A model copies a meeting's date or a figure
 * from one passage onto a claim from another, or invents one; a sentence with any such fact its own
 * passages do not hold is not kept. Words are the model's; facts must be the minutes'.
 */

/** A minute named in text, with the span it was read from. */
export interface MinuteSpan {
  index: number;
  length: number;
  /** As printed, lower-cased: "21", "c61/24". */
  minute: string;
}

/**
 * Minute references in text, read with the one minute-reference grammar (src/minutes): "minute 21",
 * "Minute No. 54", "minutes 12 and 13", "min. C61/24", "C048/23". Each carries the span it was read
 * from, so its digits are not read again as figures.
 */
export function minuteReferences(text: string): MinuteSpan[] {
  return findMinuteReferences(text).map((reference) => ({
    index: reference.index,
    length: reference.text.length,
    minute: reference.minute.toLowerCase(),
  }));
}

/** A figure: "657", "1,200", "£1.2m", "24%", "11 per cent", "£3.5 million", "2nd". */
const FIGURE =
  /(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:st|nd|rd|th)?(?:\s*(%|per\s*cent|percent|bn\b|billion|m\b|million|k\b|thousand))?/giu;
const SCALE: Record<string, number> = { bn: 1e9, billion: 1e9, m: 1e6, million: 1e6, k: 1e3, thousand: 1e3 };
/** Numbers minutes often spell out; a model may write them as digits. */
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, n) => [word, n] as const)
    .concat([
      ['thirty', 30],
      ['forty', 40],
      ['fifty', 50],
      ['hundred', 100],
      ['thousand', 1000],
    ]),
);

/** A number as a comparable key (1.20 and 1.2 meet; float noise does not matter). */
const key = (n: number) => Number(n.toPrecision(12));

/** A figure's possible values: as written, and scaled when a scale word follows ("£1.2m" is 1.2 and 1,200,000). */
function figureValues(match: RegExpMatchArray): number[] {
  const value = Number(`${(match[1] ?? '').replace(/,/g, '')}${match[2] ? `.${match[2]}` : ''}`);
  const scale = SCALE[(match[3] ?? '').toLowerCase()];
  return scale ? [key(value), key(value * scale)] : [key(value)];
}

/** A passage's text with its citation line: the meeting's committee, date and minute count as evidence too. */
function passageEvidenceText(passage: GivenPassage): string {
  return `${formatCitation({ ...passage.hit, points: passage.points })}\n${passage.text}`;
}

/**
 * The share of a sentence's topic words (figures aside: they are checked exactly) found in the
 * passages it cites; 1 for a sentence with none. A sentence stitched onto a citation it has
 * nothing to do with shares few words with it.
 */
export function wordSupport(sentence: string, cited: GivenPassage[]): number {
  const stems = topicStems(sentence).filter((stem) => !/\d/.test(stem));
  if (stems.length === 0) return 1;
  const known = new Set(cited.flatMap((passage) => topicStems(passageEvidenceText(passage))));
  return stems.filter((stem) => known.has(stem)).length / stems.length;
}

/** What a passage holds as evidence. */
interface Evidence {
  numbers: Set<number>;
  days: Set<string>;
  months: Set<string>;
  minutes: Set<string>;
}

/** The figures, dates and minute numbers the passages hold. */
function evidenceOf(passages: GivenPassage[]): Evidence {
  const evidence: Evidence = { numbers: new Set(), days: new Set(), months: new Set(), minutes: new Set() };
  for (const passage of passages) {
    const text = passageEvidenceText(passage);
    for (const match of text.matchAll(FIGURE)) for (const value of figureValues(match)) evidence.numbers.add(value);
    for (const word of text.toLowerCase().match(/\b[a-z]+\b/g) ?? []) {
      const n = NUMBER_WORDS[word];
      if (n !== undefined) evidence.numbers.add(n);
    }
    for (const order of ['dmy', 'mdy'] as const) {
      for (const date of findDates(text, { numericOrder: order })) {
        (date.precision === 'day' ? evidence.days : evidence.months).add(date.iso);
        evidence.months.add(date.iso.slice(0, 7));
      }
    }
    if (passage.hit.date) {
      evidence.days.add(passage.hit.date);
      evidence.months.add(passage.hit.date.slice(0, 7));
    }
    if (passage.hit.minute) evidence.minutes.add(passage.hit.minute.toLowerCase());
    for (const reference of minuteReferences(text)) evidence.minutes.add(reference.minute);
  }
  return evidence;
}

/** Blanks the spans of `text` already accounted for, so their digits are not read again as figures. */
function blank(text: string, spans: Array<{ index: number; length: number }>): string {
  let out = text;
  for (const { index, length } of spans) out = out.slice(0, index) + ' '.repeat(length) + out.slice(index + length);
  return out;
}

/**
 * The facts in `sentence` that none of the `cited` passages hold, described for the log
 * ("figure 2,489", "date 18 June 2025", "minute 156"); empty when every one is supported.
 */
export function unsupportedFacts(sentence: string, cited: GivenPassage[]): string[] {
  const evidence = evidenceOf(cited);
  const problems: string[] = [];
  const references = minuteReferences(sentence);
  for (const { minute } of references) if (!evidence.minutes.has(minute)) problems.push(`minute ${minute}`);
  // A numeric date is read both ways round: "05/06/2020" is supported by either day it can mean.
  const usReadings = new Map(findDates(sentence, { numericOrder: 'mdy' }).map((d) => [d.index, d.iso]));
  const dates = findDates(sentence);
  for (const date of dates) {
    const readings = [date.iso, usReadings.get(date.index)].filter((iso): iso is string => iso !== undefined);
    const known = date.precision === 'day' ? evidence.days : evidence.months;
    if (!readings.some((iso) => known.has(iso))) problems.push(`date ${date.text.trim()}`);
  }
  const rest = blank(sentence, [...references, ...dates.map((d) => ({ index: d.index, length: d.text.length }))]);
  for (const match of rest.matchAll(FIGURE)) {
    if (!figureValues(match).some((value) => evidence.numbers.has(value))) problems.push(`figure ${match[0].trim()}`);
  }
  return problems;
}
