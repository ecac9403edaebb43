/**
 * Reading order on a PDF page set in two columns. Lines are grouped by baseline across the whole
 * page, so side-by-side columns would come out interleaved, a line of one and a line of the other.
 * Where a page has a gutter — a vertical gap in the middle of the text that most lines have text on
 * both sides of and few lines cross — each run of lines that keep to their sides is read left
 * column first, then right; lines that cross the gutter (a title or heading across both columns)
 * stay where they are, between the runs.
 */
import type { StructuredTextItem } from 'unpdf';

/** A gutter lies in this middle share of the text's width: a margin column of numbers is not a gutter. */
const GUTTER_ZONE = [0.3, 0.7] as const;
/** A gutter is at least this many font sizes wide in every line that has text on both sides of it. */
const GUTTER_WIDTH = 1;
/** The share of a page's lines that must have text on both sides of the gutter. */
const SPLIT_SHARE = 0.4;
/** And the fewest such lines: a few label–value rows are a table, not a page in columns. */
const MIN_SPLIT_LINES = 4;
/** The largest share of lines that may cross the gutter (full-width titles and headings). */
const CROSSING_SHARE = 0.25;

/** A line as grouped by baseline: its fragments, left to right. */
export type PageLine = StructuredTextItem[];

/** The page's lines in reading order: as they are, or column by column where the page has two. */
export function inReadingOrder(lines: PageLine[], fontSize: number): PageLine[] {
  const gutter = findGutter(lines, fontSize);
  if (gutter === null) return lines;
  const ordered: PageLine[] = [];
  let left: PageLine[] = [];
  let right: PageLine[] = [];
  const flush = () => {
    ordered.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.some((f) => crosses(f, gutter))) {
      flush();
      ordered.push(line);
      continue;
    }
    const leftPart = line.filter((f) => f.x + f.width <= gutter);
    const rightPart = line.filter((f) => f.x >= gutter);
    if (leftPart.length) left.push(leftPart);
    if (rightPart.length) right.push(rightPart);
  }
  flush();
  return ordered;
}

/** The x position of the page's column gutter, or null when it is set in one column. */
function findGutter(lines: PageLine[], fontSize: number): number | null {
  const fragments = lines.flat();
  if (lines.length < MIN_SPLIT_LINES || fragments.length === 0) return null;
  const textLeft = Math.min(...fragments.map((f) => f.x));
  const textRight = Math.max(...fragments.map((f) => f.x + f.width));
  const width = textRight - textLeft;
  const [from, to] = [textLeft + width * GUTTER_ZONE[0], textLeft + width * GUTTER_ZONE[1]];
  let best: { x: number; split: number } | null = null;
  for (const x of gapMidpoints(lines, fontSize * GUTTER_WIDTH)) {
    if (x < from || x > to) continue;
    const split = lines.filter((line) => splitsAt(line, x, fontSize * GUTTER_WIDTH)).length;
    const crossing = lines.filter((line) => line.some((f) => crosses(f, x))).length;
    if (split < Math.max(MIN_SPLIT_LINES, lines.length * SPLIT_SHARE)) continue;
    if (crossing > lines.length * CROSSING_SHARE) continue;
    if (!best || split > best.split) best = { x, split };
  }
  return best?.x ?? null;
}

/** Where a gutter could run: the middle of every wide gap between neighbouring fragments of a line. */
function gapMidpoints(lines: PageLine[], minGap: number): number[] {
  const xs = new Set<number>();
  for (const line of lines) {
    const sorted = [...line].sort((a, b) => a.x - b.x);
    sorted.slice(1).forEach((fragment, i) => {
      const before = sorted[i];
      if (!before) return;
      const end = before.x + before.width;
      if (fragment.x - end >= minGap) xs.add(Math.round((end + fragment.x) / 2));
    });
  }
  return [...xs];
}

/** Whether a line has text on both sides of `x`, a gutter's width apart, and none across it. */
function splitsAt(line: PageLine, x: number, minGap: number): boolean {
  const leftEnd = Math.max(...line.filter((f) => f.x + f.width <= x).map((f) => f.x + f.width));
  const rightStart = Math.min(...line.filter((f) => f.x >= x).map((f) => f.x));
  return Number.isFinite(leftEnd) && Number.isFinite(rightStart) && rightStart - leftEnd >= minGap;
}

function crosses(fragment: StructuredTextItem, x: number): boolean {
  return fragment.x < x && fragment.x + fragment.width > x;
}
