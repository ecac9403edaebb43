import { stemmer } from 'stemmer';
import { isStopword } from './stopwords.js';
import { tokenize } from './words.js';

/**
 * The one stemmer: Martin Porter's algorithm (the `stemmer` package), the same algorithm as the
 * keyword index's FTS5 `porter` tokenizer, so a stem computed here is the term the index holds
 * ("management" and "managed" are both "manag"). tests/question/stem.test.ts holds the two to it.
 */

const cache = new Map<string, string>();

/** The Porter stem of one lower-cased token. */
export function stem(token: string): string {
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    stemmed = stemmer(token);
    // Bounded: questions are few, but a long-running bot should not grow this without end.
    if (cache.size > 50_000) cache.clear();
    cache.set(token, stemmed);
  }
  return stemmed;
}

/** The stems of every word of a text, in order. */
export function stems(text: string): string[] {
  return tokenize(text).map(stem);
}

/** The set of stems in a text, for matching. */
export function stemSet(text: string): Set<string> {
  return new Set(stems(text));
}

/** The stems of a text's topic words (stopwords and single letters left out), in order. */
export function topicStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => !isStopword(token) && (token.length > 1 || /\d/.test(token)))
    .map(stem);
}
