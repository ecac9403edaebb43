import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * Typos in the words a question names, matched to the words the minutes use: "recieved" is read as
 * "received" and "comittee" as "committee". Only a word that neither the minutes nor an English
 * dictionary know is corrected, so a real word the minutes never use ("potholes", "libraries")
 * stays what it is and the question stays unanswerable.
 */

/** The words of the indexed minutes and how many items use each. */
export interface Vocabulary {
  /** Items containing the word (as written, lower case); 0 when none does. */
  count(word: string): number;
  /** Every word, for looking up near spellings. */
  words(): Iterable<string>;
}

let english: Set<string> | null = null;

/** Whether `word` (lower case) is in the English word list (274,000 words with their inflections). */
export function isEnglishWord(word: string): boolean {
  english ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return english.has(word);
}

/**
 * How many edits apart two spellings are, counting a swap of neighbouring letters as one edit
 * ("recieved"/"received"), or `limit + 1` as soon as it is more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Edits allowed for a word of this length: short words have too many neighbours to guess at. */
function allowedEdits(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 6 ? 1 : 2;
}

/**
 * What the minutes call a word that is not theirs, or null when it is not a slip: it is known to
 * the minutes or the dictionary, or nothing fits. Three kinds of slip are read:
 *
 * - a typo, within one edit (two for words of six letters or more; a swap of neighbours is one),
 *   keeping the first letter, which typos rarely touch: "recieved", "comittee", "skools";
 * - a shortened name ending in "s", as county names are written: "Leics" is "Leicestershire";
 * - two of the minutes' words run together: "kickstart" is "kick start".
 *
 * Among equally near words, the one more items use wins.
 */
export function correctTypo(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < 4 || /\d/.test(word) || vocabulary.count(word) > 0 || isEnglishWord(word)) return null;
  return nearestSpelling(word, vocabulary) ?? shortenedName(word, vocabulary) ?? runTogether(word, vocabulary);
}

function nearestSpelling(word: string, vocabulary: Vocabulary): string | null {
  const edits = allowedEdits(word);
  if (edits === 0) return null;
  let best: { word: string; distance: number; count: number } | null = null;
  for (const candidate of vocabulary.words()) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > edits || /\d/.test(candidate)) continue;
    const distance = editDistance(word, candidate, edits);
    if (distance > edits) continue;
    const count = vocabulary.count(candidate);
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word ?? null;
}

function shortenedName(word: string, vocabulary: Vocabulary): string | null {
  if (!word.endsWith('s') || word.length > 7) return null;
  const stemPart = word.slice(0, -1);
  let best: { word: string; count: number } | null = null;
  for (const candidate of vocabulary.words()) {
    if (candidate.length < word.length + 3 || !candidate.startsWith(stemPart)) continue;
    const count = vocabulary.count(candidate);
    if (!best || count > best.count) best = { word: candidate, count };
  }
  return best?.word ?? null;
}

function runTogether(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < 7) return null;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (vocabulary.count(left) > 0 && vocabulary.count(right) > 0) return `${left} ${right}`;
  }
  return null;
}
