import { parseMinuteToken } from '../../../src/minutes/reference.js';
import type { LayoutItem } from './types.js';

/**
 * Councils that number resolutions, not items, print their headings bare and the number with each
 * resolution: after the mover and seconder ("Sandhu/Dufresne: KNRD 071/25", as British Columbia's
 * regional districts do) or after a label ("RESOLUTION: OM/2025/08/206", as Queensland's councils
 * do). An item is cited by its first resolution's number.
 */
const MOVERS = /^[\p{Lu}][\p{L}'’.-]*\/[\p{Lu}][\p{L}'’.-]*:\s*/u;
const LABEL = /^(?:council\s+|board\s+)?resolution(?:\s+(?:no\.?|number))?\s*[:.-]?\s*/i;
/** A coded reference at the start of what is left: "KNRD 071/25", "OM/2025/08/206". */
const REFERENCE = /^((?:[A-Z][A-Za-z&]{0,5}[\s/])?\d{1,6}(?:\/\d{1,4}){1,3})(?![\w/])/;

/** Fewest items a run of resolution numbers must number to be the document's numbering. */
const MIN_NUMBERED = 3;

/** The resolution reference a paragraph opens with, after its movers or label, or null. */
function referenceOpening(paragraph: string): ReturnType<typeof parseMinuteToken> {
  const text = paragraph.trim();
  const rest = text.replace(MOVERS, '');
  const unlabelled = rest === text ? text.replace(LABEL, '') : rest;
  // A bare reference with neither movers nor a label is a reference in prose ("12/25 refers").
  if (unlabelled === text && !/^\S+(?:\s\d\S*)?\s{2,}\S/.test(text)) return null;
  const match = REFERENCE.exec(unlabelled);
  const token = match ? parseMinuteToken(match[1] ?? '') : null;
  return token?.form === 'compound' ? token : null;
}

/** Whether a paragraph opens with a resolution's movers or label and its number ("Halvorsen/Dufresne: KNRD 076/25"). */
export function opensResolution(paragraph: string): boolean {
  return referenceOpening(paragraph) !== null;
}

/**
 * Numbers unnumbered items by the first resolution each records, when those numbers are one
 * scheme (same code, rising) across at least {@link MIN_NUMBERED} items; items that record no
 * resolution (apologies noted, a report received) stay unnumbered. Otherwise the items are as given.
 */
export function numberedByResolutions(items: LayoutItem[]): LayoutItem[] {
  // A resolution may follow the officer's report in one paragraph: each sentence may open one.
  const openings = (item: LayoutItem) => item.paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=\S)/));
  const firsts = items.map((item) =>
    item.unnumbered || item.printed
      ? null
      : (openings(item)
          .map(referenceOpening)
          .find((t) => t !== null) ?? null),
  );
  const found = firsts.filter((t) => t !== null);
  if (found.length < MIN_NUMBERED) return items;
  const codeOf = (minute: string) => minute.replace(/\d+/g, '#');
  const sameScheme = found.every((t) => codeOf(t.minute) === codeOf(found[0]?.minute ?? ''));
  const rising = found.every((t, i) => i === 0 || (t.minuteNumber ?? 0) > (found[i - 1]?.minuteNumber ?? 0));
  if (!sameScheme || !rising) return items;
  return items.map((item, i) => {
    const token = firsts[i];
    return token ? { ...item, printed: { minute: token.minute, minuteNumber: token.minuteNumber } } : item;
  });
}
