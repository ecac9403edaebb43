import type { Citation, SearchHit } from '../types.js';
import { formatCitation } from './citation.js';

/** One passage as given to the model (or the extractive scorer), numbered from 1. */
export interface GivenPassage {
  /** The number the answer cites it by: `[n]`. */
  n: number;
  hit: SearchHit;
  /** The passage's text, with bracketed numbers made inert (see {@link inertCitations}). */
  text: string;
  points: string[];
  /** The retriever's score for this passage (its hit's, when the hit had no evidence passages). */
  score: number;
}

export interface NumberingOptions {
  /** Evidence passages taken from each hit. */
  perHit: number;
  /** Passages in all: bounds the prompt whatever the retriever returns. */
  max: number;
}

/**
 * Numbers the evidence of the hits, best hit first. A hit without evidence passages contributes its
 * item text, so an item the retriever found is never invisible to the answer.
 */
export function numberPassages(hits: SearchHit[], options: NumberingOptions): GivenPassage[] {
  const given: GivenPassage[] = [];
  for (const hit of hits) {
    const evidence =
      hit.evidence.length > 0
        ? hit.evidence.slice(0, options.perHit)
        : [{ text: hit.text, points: hit.points, score: hit.score }];
    for (const passage of evidence) {
      if (given.length >= options.max) return given;
      if (!passage.text.trim()) continue;
      given.push({
        n: given.length + 1,
        hit,
        text: inertCitations(passage.text.trim()),
        points: passage.points,
        score: passage.score,
      });
    }
  }
  return given;
}

/**
 * Passage text whose bracketed numbers cannot pass for citations. A minute's own "[1]" (a footnote,
 * a numbered reference) would otherwise be shown as a link to our citation [1] — another meeting —
 * and read by the model as a marker. They become "{1}", which no reader of answers takes for a
 * citation; every bracket form the citation reader accepts ("[1]", "[^1]", "【1】") is covered.
 */
export function inertCitations(text: string): string {
  return text.replace(
    /\[\s*\^?\s*(\d[\d\s,;–-]*)\]|【\s*(\d[\d\s,;–-]*)】/g,
    (_m, square?: string, lenticular?: string) => `{${(square ?? lenticular ?? '').trim()}}`,
  );
}

/** Passages oldest first (undated last), keeping rank order within a day, renumbered from 1. */
export function chronological(passages: GivenPassage[]): GivenPassage[] {
  return [...passages]
    .sort((a, b) => (a.hit.date ?? '9999').localeCompare(b.hit.date ?? '9999') || a.n - b.n)
    .map((passage, i) => ({ ...passage, n: i + 1 }));
}

/** The citation an answer gives for a passage, numbered `n` in the answer. */
export function citationFor(passage: GivenPassage, n: number): Citation {
  const { hit } = passage;
  return {
    n,
    council: hit.council,
    committee: hit.committee,
    date: hit.date,
    minute: hit.minute,
    minuteNumber: hit.minuteNumber,
    title: hit.title,
    points: passage.points,
    url: hit.url,
    quote: passage.text,
  };
}

/**
 * Passage text made safe to sit between `<<<` and `>>>`: a passage that itself contains the
 * delimiters must not be able to close its block and speak outside it.
 */
export function neutraliseDelimiters(text: string): string {
  return text.replace(/<{3,}/g, (m) => m.split('').join(' ')).replace(/>{3,}/g, (m) => m.split('').join(' '));
}

/** A passage as a numbered, delimited data block: "[1] <citation>\n<<<text>>>". */
export function dataBlock(passage: GivenPassage): string {
  const label = formatCitation({ ...passage.hit, points: passage.points });
  return `[${passage.n}] ${neutraliseDelimiters(label)}\n<<<${neutraliseDelimiters(passage.text)}>>>`;
}
