/**
 * Small text tools for answering from passages: their sentences, and text that talks like a prompt.
 * Deliberately plain: minutes are formal English, and a transparent scorer is easier to trust than
 * a clever one. Reading the question (words, stems, acronyms) is src/question's job.
 */

import { MONTH_NAME } from '../dates.js';

/** Abbreviations whose full stop does not end a sentence (months from the one month table). */
const ABBREVIATIONS = new RegExp(
  String.raw`(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|Nos|Co|Ltd|para|paras|approx|etc|e\.g|i\.e|cf|vs|${MONTH_NAME})|\b\p{Lu})\.$`,
  'iu',
);

/**
 * Splits a passage into sentences. A full stop ends a sentence only when followed by space and a
 * capital, digit or opening bracket/quote, and not after a title ("Mrs.") or an initial ("H. J.").
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const sentences: string[] = [];
  const boundary = /([.!?])(["”’)]?)\s+(?=["“‘(•\-\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(flat); match !== null; match = boundary.exec(flat)) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const candidate = flat.slice(start, end);
    if (match[1] === '.' && ABBREVIATIONS.test(candidate)) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) sentences.push(rest);
  // Bulleted lists and numbered sub-points flatten into one run; split them so each bullet or
  // point ("iii) Although 90% …", "b) That the …") can be weighed on its own.
  return sentences
    .flatMap((s) => s.split(/\s•\s|\s(?=\(?(?:[ivx]{1,5}|[a-h])\)\s+["“\p{Lu}\p{N}])/u))
    .map((s) => s.replace(/^[•\-–]\s*/, '').trim())
    .filter(Boolean);
}

/** Sentences that address a reader as if they were instructions: minutes never do this honestly. */
export function looksLikeInstruction(sentence: string): boolean {
  return /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompt|rules|above|previous)\b|\b(system prompt|you are (now )?(an?|the) (ai|assistant|bot|model)|as an ai)\b|<!(channel|here|everyone)|@(channel|here|everyone)\b/i.test(
    sentence,
  );
}
