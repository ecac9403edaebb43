import { formatLongDate, LONG_DATE, parseLongDate } from '../dates.js';
import type { GivenPassage } from './passages.js';

/**
 * Checks that a model's answer talks only about meetings it was shown. Citations are rebuilt from
 * the passages (see verify.ts), but the prose could still name another meeting ("at the meeting on
 * 5 May 2019, minute 99 …"); such sentences are removed rather than trusted.
 */

export interface GroundedText {
  text: string;
  /** The sentences removed, for the log. */
  removed: string[];
}

/** Sentences of a model's answer: they end at . ! or ? with or without citation markers after. */
function sentencesOf(line: string): string[] {
  return line.split(/(?<=[.!?](?:\s*\[\d+(?:\s*[,;–-]\s*\d+)*\])*)\s+(?=\S)/);
}

/** ISO dates of every long-form date in `text`. */
function datesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(LONG_DATE, 'gi'))]
    .map((match) => parseLongDate(match[0]))
    .filter((iso): iso is string => iso !== null);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What in `sentence` names a date or minute that none of the passages or their meetings have. */
function unsupported(sentence: string, dates: Set<string>, minutes: Set<string>, corpus: string): string | null {
  for (const iso of datesIn(sentence)) {
    if (!dates.has(iso)) return `date ${formatLongDate(iso)}`;
  }
  for (const match of sentence.matchAll(/\bminutes?\s+(?:no\.?\s*)?([A-Z]?\d+(?:[/.]\d+)?)\b/gi)) {
    const minute = (match[1] ?? '').toLowerCase();
    if (!minutes.has(minute) && !new RegExp(`\\b${escapeRegExp(minute)}\\b`).test(corpus)) return `minute ${match[1]}`;
  }
  return null;
}

/** Removes sentences that name a meeting date or minute number not among the passages given. */
export function groundInPassages(text: string, passages: GivenPassage[]): GroundedText {
  // Dates and numbers quoted inside the passages themselves are fair to repeat.
  const corpus = passages
    .map((p) => `${p.text} ${p.hit.title}`)
    .join(' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  const dates = new Set([
    ...passages.map((p) => p.hit.date).filter((d): d is string => d !== null),
    ...datesIn(corpus),
  ]);
  const minutes = new Set(passages.map((p) => p.hit.minute?.toLowerCase()).filter((m): m is string => Boolean(m)));
  const removed: string[] = [];
  const lines = text.split('\n').map((line) =>
    sentencesOf(line)
      .filter((sentence) => {
        const problem = unsupported(sentence, dates, minutes, corpus);
        if (problem) removed.push(sentence);
        return problem === null;
      })
      .join(' '),
  );
  return { text: lines.join('\n').trim(), removed };
}
