import { MINUTE_LABEL_WORDS } from '../../src/minutes/reference.js';
import type { Meeting } from '../../src/types.js';

/**
 * What parsing left out of a document: the words of the text that no item has (in its title or
 * text), after the page furniture the parser deliberately drops. Words are compared as a multiset
 * of lower-cased words with letters in them; numbers, punctuation and the labels of printed minute
 * numbers ("Minute", "Item", "Min") are not words here, since item numbers are read out of the text.
 */
export function droppedWords(text: string, meeting: Meeting, furniture: string[]): string[] {
  const have = new Map<string, number>();
  const count = (source: string, delta: number) => {
    for (const word of wordsOf(source)) have.set(word, (have.get(word) ?? 0) + delta);
  };
  count(text, 1);
  for (const line of furniture) count(line, -1);
  for (const item of meeting.items) {
    count(item.text, -1);
    if (!item.titleDerived) count(item.title, -1);
    if (item.minute) count(item.minute, -1);
  }
  const missing: string[] = [];
  for (const [word, n] of have) for (let i = 0; i < n; i++) missing.push(word);
  return missing;
}

/**
 * Label words ("Minute", "Item", "Article", "No.") are read out of the text with the number they
 * print, and the "RE:" an order's title opens with is left out of the title (finder.ts).
 */
const LABEL_WORDS = new Set(['no', 'number', 're', ...MINUTE_LABEL_WORDS.flatMap((w) => w.toLowerCase().split(' '))]);

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []).filter(
    (w) => !LABEL_WORDS.has(w) && !/^(?:pdf|kb|icon)$/.test(w),
  );
}
