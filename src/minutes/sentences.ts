/**
 * The one sentence splitter for minutes text: the answer reads passages with it, and the record
 * extractors read resolutions, attendance and votes with it, so both agree on where a sentence ends.
 * Deliberately plain: minutes are formal English.
 */

import { MONTH_NAME } from '../dates.js';

/**
 * Abbreviations whose full stop does not end a sentence (months from the one month table): titles
 * as councils in other countries write them too ("Sh.", "Smt.", "Hon.", "Cr."), and currencies
 * written before a sum ("Rs. 2.00 lakh").
 */
const ABBREVIATIONS = new RegExp(
  String.raw`(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Cr|Crs|Prof|Rev|Revd|Hon|Sh|Shri|Smt|Sgt|Insp|Supt|Capt|Messrs|St|No|Nos|Co|Ltd|Rs|para|paras|approx|etc|e\.g|i\.e|cf|vs|${MONTH_NAME})|\b\p{Lu})\.$`,
  'iu',
);

/** A full stop, question or exclamation mark (and a closing quote or bracket) before what starts a sentence. */
const BOUNDARY = String.raw`([.!?])(["”’)]?)(?:\s+(?=["“‘(•\-\p{Lu}\p{N}])|\s*$)`;

/**
 * Where the sentence that starts at `from` ends (just after its full stop), or the text's end. A
 * full stop ends a sentence only when followed by space and a capital, digit or opening
 * bracket/quote (or by nothing), and not after a title ("Mrs.") or an initial ("H. J.").
 */
export function sentenceEnd(text: string, from = 0): number {
  const boundary = new RegExp(BOUNDARY, 'gu');
  boundary.lastIndex = from;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    if (match[1] === '.' && ABBREVIATIONS.test(text.slice(from, end))) continue;
    return end;
  }
  return text.length;
}

/**
 * Splits a passage into sentences (see {@link sentenceEnd}), with whitespace normalised; flattened
 * bullets and numbered sub-points run on inside a paragraph become sentences of their own.
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  for (let start = 0; start < flat.length; ) {
    const end = sentenceEnd(flat, start);
    const sentence = flat.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  // Bulleted lists and numbered sub-points flatten into one run; split them so each bullet or
  // point ("iii) Although 90% …", "b) That the …") can be weighed on its own.
  return sentences
    .flatMap((s) => s.split(/\s•\s|\s(?=\(?(?:[ivx]{1,5}|[a-h])\)\s+["“\p{Lu}\p{N}])/u))
    .map((s) => s.replace(/^[•\-–]\s*/, '').trim())
    .filter(Boolean);
}
