import { isEnglishWord, spokenCount } from './english.js';

/**
 * Typos in the words a question names, matched to the words the minutes use: "recieved" is read as
 * "received" and "comittee" as "committee". How sure the reading is depends on the word:
 *
 * - no English word at all: it can only be a slip, and is corrected;
 * - a dictionary word people hardly ever say (the dictionary lists slang and variant spellings:
 *   "skools", "kickstart"): it may be a slip or may be meant, so a near spelling of the minutes'
 *   is read beside it as an alternative, never in its place;
 * - a word in everyday use ("potholes", "cameras", "lanes"): meant as written, and read as it is,
 *   so a question about something the minutes never mention stays unanswerable.
 */

/** The words of the indexed minutes and how many items use each. */
export interface Vocabulary {
  /** Items containing the word (as written, lower case); 0 when none does. */
  count(word: string): number;
  /** Every word, for looking up near spellings. */
  words(): Iterable<string>;
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

/** A reading of a question word as one the minutes use. */
export interface Slip {
  /** The minutes' word, or two of their words the question ran together ("kick start"). */
  reading: string;
  /**
   * True when the typed word is no English word, so it can only be a slip; false when it is one,
   * so the reading is an alternative to it rather than a correction.
   */
  certain: boolean;
}

/**
 * Items that must use a word before a dictionary word is read as a slip for it: a word the minutes
 * use once is too weak a reason to doubt a real word.
 */
const MIN_ITEMS_FOR_ALTERNATIVE = 2;

/**
 * Below this many uses in the 51 million subtitle words (about one in ten million), a dictionary
 * word is too rare in speech to be sure it was meant rather than slipped into: "skools" and
 * "kickstart" have none, "potholes" 24, "libraries" 35.
 */
const RARELY_SAID = 5;

/**
 * How the minutes may write a word they do not use, or null when nothing fits or the word is
 * theirs (see {@link Slip}). Four kinds of slip are read:
 *
 * - a typo, within one edit (two for words of six letters or more; a swap of neighbours is one),
 *   keeping the first letter, which typos rarely touch: "recieved", "comittee", "skools";
 * - a shortened name ending in "s", as county names are written: "Leics" is "Leicestershire";
 * - a word cut short, three letters or more: "lic" is "licence", "sched" is "schedule";
 * - two of the minutes' words run together: "kickstart" is "kick start".
 *
 * Among equally near words, the one more items use wins. A dictionary word is read only as a near
 * spelling of a word several items use, or as two words run together.
 */
export function readSlip(word: string, vocabulary: Vocabulary): Slip | null {
  if (word.length < MIN_CUT || /\d/.test(word) || vocabulary.count(word) > 0) return null;
  if (!isEnglishWord(word)) {
    const reading =
      word.length < 4
        ? cutShort(word, vocabulary)
        : (nearestSpelling(word, vocabulary) ??
          shortenedName(word, vocabulary) ??
          cutShort(word, vocabulary) ??
          runTogether(word, vocabulary));
    return reading ? { reading, certain: true } : null;
  }
  if (spokenCount(word) >= RARELY_SAID) return null;
  // Two of the minutes' words run together are matched only where the minutes write them side by
  // side, so those need no more evidence than being used.
  const reading = nearestSpelling(word, vocabulary, MIN_ITEMS_FOR_ALTERNATIVE) ?? runTogether(word, vocabulary);
  return reading ? { reading, certain: false } : null;
}

/** The minutes' word for a word that can only be a slip, or null (see {@link readSlip}). */
export function correctTypo(word: string, vocabulary: Vocabulary): string | null {
  const slip = readSlip(word, vocabulary);
  return slip?.certain ? slip.reading : null;
}

function nearestSpelling(word: string, vocabulary: Vocabulary, minItems = 1): string | null {
  const edits = allowedEdits(word);
  if (edits === 0) return null;
  let best: { word: string; distance: number; count: number } | null = null;
  for (const candidate of vocabulary.words()) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > edits || /\d/.test(candidate)) continue;
    const distance = editDistance(word, candidate, edits);
    if (distance > edits) continue;
    const count = vocabulary.count(candidate);
    if (count < minItems) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word ?? null;
}

function shortenedName(word: string, vocabulary: Vocabulary): string | null {
  if (!word.endsWith('s') || word.length > 7) return null;
  return mostUsedStarting(word.slice(0, -1), word.length + MIN_LEFT_OFF, vocabulary);
}

/** Fewest letters a word cut short keeps ("lic" for "licence"): two are anyone's start. */
const MIN_CUT = 3;
/**
 * Letters a word cut short must leave off at least: "haf" is no cut of "half". A county name
 * shortened to its first letters and an "s" ("Leics") leaves off as many.
 */
const MIN_LEFT_OFF = 3;

/**
 * The minutes' word a word cut short is the start of, as officers shorten them ("lic" for
 * "licence", "sched" for "schedule", "env" for "environmental"): the one more items use.
 */
function cutShort(word: string, vocabulary: Vocabulary): string | null {
  return mostUsedStarting(word, word.length + MIN_LEFT_OFF, vocabulary);
}

/** The word of the minutes starting with `start`, of `minLength` letters or more, that most items use. */
function mostUsedStarting(start: string, minLength: number, vocabulary: Vocabulary): string | null {
  let best: { word: string; count: number } | null = null;
  for (const candidate of vocabulary.words()) {
    if (candidate.length < minLength || !candidate.startsWith(start)) continue;
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
