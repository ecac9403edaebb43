/**
 * Printed minutes as PDF: the text layer is rebuilt into lines (PDF.js gives positioned fragments,
 * not lines), page furniture — page numbers, running headers and footers — is dropped, and the
 * result goes to the same text parser as every other format.
 */
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { BadMinutesFileError } from '../../src/errors.js';
import { parseMinuteToken } from '../../src/minutes/reference.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { furnitureKey, isPageNumber } from '../parse/furniture.js';
import { parseMinutesText } from '../parse/index.js';
import { readPointLabel } from '../parse/points.js';
import { inReadingOrder, type PageLine } from './pdf-columns.js';

/** Fewer non-space characters than this per page means there is no real text layer: a scan. */
const MIN_CHARS_PER_PAGE = 20;
/** Page furniture lives in this many lines at the top and at the bottom of a page. */
const FURNITURE_LINES = 3;
/** Line spacing of single-spaced text, in font sizes (typesetters use 1.15–1.3). */
const SINGLE_SPACING = 1.35;
/** A horizontal gap this many font sizes wide after a leading label is a margin column, not a space. */
const MARGIN_GAP = 1.5;
/** A vertical gap this many times the usual line spacing is a paragraph break. */
const PARAGRAPH_GAP = 1.6;
/** A line seen in the furniture zone of at least this share of pages is a running header/footer. */
const RUNNING_SHARE = 0.6;

/** Reads a PDF of printed minutes into a meeting. Errors name `doc.source` and say what to do. */
export async function readPdf(doc: SourceDocument): Promise<Meeting> {
  const text = await extractPdfText(doc.bytes, doc.source);
  return parseMinutesText(text, { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}

/**
 * Extracts a PDF's text with one line per printed line, blank lines at paragraph gaps, without
 * page numbers or running headers/footers. Throws BadMinutesFileError for scanned (image-only),
 * password-protected and damaged files.
 */
export async function extractPdfText(bytes: Uint8Array, source: string): Promise<string> {
  const pages = (await readTextItems(bytes, source)).map(pageLines);
  const chars = pages.flat().join('').replace(/\s/g, '').length;
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    throw new BadMinutesFileError(
      source,
      'this PDF has no text layer (it looks scanned): run it through OCR (e.g. `ocrmypdf in.pdf out.pdf`) and ingest the result',
    );
  }
  return (
    removePageFurniture(pages)
      .map((lines) => lines.join('\n'))
      // A page break is not a paragraph break: sentences run on across pages.
      .join('\n')
      .trim()
  );
}

async function readTextItems(bytes: Uint8Array, source: string): Promise<StructuredTextItem[][]> {
  try {
    // PDF.js detaches the buffer it is given; a copy keeps the caller's bytes usable (e.g. for hashing).
    const proxy = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      return (await extractTextItems(proxy)).items;
    } finally {
      await proxy.destroy();
    }
  } catch (error) {
    throw new BadMinutesFileError(source, describePdfFailure(error), { cause: error });
  }
}

function describePdfFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return 'this PDF is password-protected: save an unprotected copy (or ask the council for one) and ingest that';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `this PDF cannot be read (${detail}): the file may be damaged or incomplete; download it again`;
}

/**
 * Groups a page's fragments into lines by baseline, top to bottom, left to right, and puts them in
 * reading order (column by column on a page set in two; see pdf-columns.ts). Fragments whose
 * baselines differ by less than half the font size share a line (superscripts, mixed fonts). A
 * gap well over the usual line spacing becomes a blank line: the paragraph break the reader sees.
 */
export function pageLines(items: StructuredTextItem[]): string[] {
  const fragments = items.filter((item) => item.str.trim() !== '');
  fragments.sort((a, b) => b.y - a.y || a.x - b.x);
  const byBaseline: PageLine[] = [];
  for (const fragment of fragments) {
    const line = byBaseline.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - fragment.y) < Math.max(first.fontSize, fragment.fontSize, 1) / 2) {
      line.push(fragment);
    } else {
      byBaseline.push([fragment]);
    }
  }
  const fontSize = percentile(
    fragments.map((f) => f.fontSize),
    0.5,
  );
  const lines = inReadingOrder(byBaseline, fontSize);
  const baselines = lines.map((line) => line[0]?.y ?? 0);
  // The step down to each line; a step back up is the top of the next column, never a paragraph gap.
  const gaps = baselines.slice(1).map((y, i) => (baselines[i] ?? y) - y);
  // Usual line spacing: the tighter gaps, but never more than the font allows, so a document
  // whose every paragraph is one line (all gaps wide) still gets its paragraph breaks.
  const spacing = Math.min(
    percentile(
      gaps.filter((gap) => gap > 0),
      0.25,
    ),
    fontSize > 0 ? fontSize * SINGLE_SPACING : Number.POSITIVE_INFINITY,
  );
  const out: string[] = [];
  lines.forEach((line, i) => {
    const gap = gaps[i - 1];
    if (gap !== undefined && spacing > 0 && gap > spacing * PARAGRAPH_GAP) out.push('');
    const margin = splitMarginLabel(line);
    // A number or label in the margin column goes on its own line, as printed-minutes text has it
    // ("54." then the title), so the parser reads it as the item's number, not as prose.
    if (margin) out.push(margin.label, '', joinLine(margin.rest));
    else out.push(joinLine(line));
  });
  return out;
}

/**
 * What printed minutes put in the left margin: a minute number as the minute grammar reads it ("54.",
 * "C61/24", "12a."), or a sub-point label ("(ii)", "b)"). A lone letter or roman numeral only as a
 * labelled point, never as the first word of a line ("A", "I").
 */
function isMarginLabel(label: string): boolean {
  const token = parseMinuteToken(label);
  if (token && token.form !== 'letter' && token.form !== 'roman') return true;
  const point = readPointLabel(label);
  return point.label !== null && point.rest === '';
}

/** A line whose first fragment is a label set apart from the text by a column gap. */
function splitMarginLabel(line: StructuredTextItem[]): { label: string; rest: StructuredTextItem[] } | null {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  const [first, second] = sorted;
  if (!first || !second) return null;
  const label = first.str.trim();
  const gap = second.x - (first.x + first.width);
  if (!isMarginLabel(label) || gap < Math.max(first.fontSize, 1) * MARGIN_GAP) return null;
  return { label, rest: sorted.slice(1) };
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * share)] ?? 0;
}

function joinLine(fragments: StructuredTextItem[]): string {
  fragments.sort((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const fragment of fragments) {
    // A visible gap between fragments is a word space that the PDF drew by positioning, not a glyph.
    const gap = fragment.x - end;
    if (text !== '' && gap > fragment.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(fragment.str)) text += ' ';
    text += fragment.str;
    end = fragment.x + fragment.width;
  }
  return text.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * Drops page numbers ("3", "Page 3 of 9", "- 3 -") and lines that repeat in the top or bottom
 * lines of most pages (committee name and date, "Chairman's initials", council name). Only the
 * furniture zone is examined, so a repeated line in the body (e.g. "RESOLVED:") is never dropped.
 */
export function removePageFurniture(pages: string[][]): string[][] {
  const seenOn = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set([...furnitureZone(lines)].map((i) => furnitureKey(lines[i] ?? '')));
    for (const key of keys) seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  }
  const running = (line: string): boolean => {
    // Lines without words ("34.", "2") are numbers, never running headers; page numbers are caught apart.
    if (!/\p{L}{3}/u.test(line)) return false;
    const pagesWithIt = seenOn.get(furnitureKey(line)) ?? 0;
    return pages.length >= 2 && pagesWithIt >= 2 && pagesWithIt >= pages.length * RUNNING_SHARE;
  };
  return pages.map((lines) => {
    const zone = furnitureZone(lines);
    const kept = lines.filter((line, i) => !(zone.has(i) && (isPageNumber(line) || running(line))));
    // Dropping furniture can leave blank lines at the page's edges or two in a row.
    return kept.filter((line, i) => line !== '' || (i > 0 && i < kept.length - 1 && kept[i - 1] !== ''));
  });
}

/** Indexes of the first and last few non-blank lines of a page, where headers, footers and page numbers sit. */
function furnitureZone(lines: string[]): Set<number> {
  const text = lines.flatMap((line, i) => (line === '' ? [] : [i]));
  return new Set([...text.slice(0, FURNITURE_LINES), ...text.slice(-FURNITURE_LINES)]);
}
