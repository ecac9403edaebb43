import { MINUTE_TOKEN, type MinuteNumber, readMinuteToken } from '../numbering.js';
import { blankLineParagraphs, cutSignatureBlock, isPageNumber, unwrapParagraphs } from './lines.js';
import type { LayoutItem, LayoutResult } from './types.js';

/** "54." alone on a line, as printed minutes put it in the margin. */
const NUMBER_ALONE = new RegExp(String.raw`^(?:#{1,6}\s*)?${MINUTE_TOKEN}\.?$`);
/** "1. Appointment of Chairman.", "## 12. Overview of…", "C61/24 Budget", "Item 5: Finance". */
const NUMBER_AND_TITLE = new RegExp(String.raw`^(?:#{1,6}\s*)?${MINUTE_TOKEN}(?:\.|:|\s[-–])?\s+([A-Z‘'"“(].*)$`);

interface Candidate {
  line: number;
  number: MinuteNumber;
  title: string | null;
}

/**
 * Finds the item headings of printed or numbered minutes: the longest run of candidate number lines
 * whose numbers rise steadily. This is what tells "54." (an item) from a wrapped "Standing Order\n34."
 * (a reference) or a page number.
 */
export function findNumberedHeadings(lines: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const alone = NUMBER_ALONE.exec(line);
    const titled = alone ? null : NUMBER_AND_TITLE.exec(line);
    const match = alone ?? titled;
    // A bare integer without a dot is a page number, not a minute.
    if (!match || (alone && /^\d+$/.test(line))) return;
    const number = readMinuteToken(match[1] ?? '');
    if (number?.minuteNumber == null) return;
    const title = titled?.[2] ?? '';
    const headingLike = alone ? titleFollows(lines, index) : title.length <= 100 && /\.$/.test(title);
    if (!followsSentenceEnd(lines, index) && !headingLike) return;
    candidates.push({ line: index, number, title: titled ? title : null });
  });
  return longestRisingChain(candidates);
}

/** A heading starts after a finished sentence, a blank line or a page number, never mid-sentence. */
function followsSentenceEnd(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const previous = lines[i]?.trim() ?? '';
    if (!previous) return true;
    if (isPageNumber(previous)) continue;
    return /[.:;?!'"’”)]$/.test(previous) || /^#/.test(previous);
  }
  return true;
}

/** After a number standing alone, a short capitalised line ending in a full stop is its title. */
function titleFollows(lines: string[], index: number): boolean {
  const next =
    lines
      .slice(index + 1)
      .find((l) => l.trim())
      ?.trim() ?? '';
  return /^[A-Z‘'"“]/.test(next) && /\.$/.test(next) && next.length <= 100 && !isPageNumber(next);
}

function longestRisingChain(candidates: Candidate[]): Candidate[] {
  const best: number[] = candidates.map(() => 1);
  const previous: number[] = candidates.map(() => -1);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = candidates[j]?.number;
      const b = candidates[i]?.number;
      if (!a || !b || a.minuteNumber == null || b.minuteNumber == null) continue;
      const step = b.minuteNumber - a.minuteNumber;
      // Sub-numbered minutes ("5.1", "5.2") share their integer; otherwise allow a gap of a few.
      const rises = (step >= 1 && step <= 3) || (step === 0 && a.minute !== b.minute);
      if (rises && (best[j] ?? 0) + 1 > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  best.forEach((length, i) => {
    if (end < 0 || length > (best[end] ?? 0)) end = i;
  });
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = previous[i] ?? -1) {
    const candidate = candidates[i];
    if (candidate) chain.unshift(candidate);
  }
  return chain;
}

/** Numbered minutes have at least two headings whose numbers rise. */
export function looksNumbered(lines: string[]): boolean {
  return findNumberedHeadings(lines).length >= 2;
}

/**
 * Reads printed or numbered minutes: numbered headings, titles on the same line or on the lines
 * after a number standing alone, page numbers dropped, wrapped lines rejoined.
 */
export function readNumbered(allLines: string[]): LayoutResult {
  const lines = cutSignatureBlock(allLines);
  const headings = findNumberedHeadings(lines);
  const first = headings[0]?.line ?? lines.length;
  const items: LayoutItem[] = headings.map((heading, h) => {
    const end = headings[h + 1]?.line ?? lines.length;
    let body = lines.slice(heading.line + 1, end).filter((l) => !isPageNumber(l));
    let title = heading.title;
    if (title === null) {
      const taken = takeTitleLines(body);
      title = taken.title;
      body = body.slice(taken.consumed);
    }
    // Markdown-like minutes keep one paragraph a line; PDF text wraps lines within paragraphs.
    const hasBlankLines = body.some((l) => !l.trim());
    const wrapsLines = body.filter((l) => l.trim()).length > 2 * body.filter((l) => !l.trim()).length;
    const paragraphs = hasBlankLines && !wrapsLines ? blankLineParagraphs(body) : unwrapParagraphs(body);
    return { heading: title, description: null, paragraphs, printed: heading.number, unnumbered: false };
  });
  return { layout: 'numbered', headerLines: lines.slice(0, first), items };
}

/**
 * The title after a number standing alone: the next line, plus the one after when the title wrapped
 * ("Declarations of the Party Whip … Procedure Rule" / "16.", "Home to School Transport" /
 * "policy review.").
 */
function takeTitleLines(body: string[]): { title: string | null; consumed: number } {
  let i = 0;
  while (i < body.length && !body[i]?.trim()) i++;
  const firstLine = body[i]?.trim();
  if (!firstLine) return { title: null, consumed: i };
  const next = body[i + 1]?.trim() ?? '';
  const continues = /^[a-z0-9(]/.test(next) || firstLine.length >= 50;
  if (!/[.:?!]$/.test(firstLine) && next.length <= 80 && /[.]$/.test(next) && continues) {
    return { title: `${firstLine} ${next}`, consumed: i + 2 };
  }
  return { title: firstLine, consumed: i + 1 };
}
