/**
 * Printed minutes as PDF: the text layer is rebuilt into lines (PDF.js gives positioned fragments,
 * not lines), page furniture — page numbers, running headers and footers — is dropped, and the
 * result goes to the same text parser as every other format.
 */
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { parseMinutesText } from '../parse/index.js';

/** Fewer non-space characters than this per page means there is no real text layer: a scan. */
const MIN_CHARS_PER_PAGE = 20;
/** Page furniture lives in this many lines at the top and at the bottom of a page. */
const FURNITURE_LINES = 3;
/** A line seen in the furniture zone of at least this share of pages is a running header/footer. */
const RUNNING_SHARE = 0.6;

/** Reads a PDF of printed minutes into a meeting. Errors name `doc.source` and say what to do. */
export async function readPdf(doc: SourceDocument): Promise<Meeting> {
  const text = await extractPdfText(doc.bytes, doc.source);
  return parseMinutesText(text, { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}

/**
 * Extracts a PDF's text with one line per printed line and pages joined by blank lines, without
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
  return removePageFurniture(pages)
    .map((lines) => lines.join('\n'))
    .join('\n\n')
    .trim();
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
 * Groups a page's fragments into lines by baseline, top to bottom, left to right. Fragments whose
 * baselines differ by less than half the font size share a line (superscripts, mixed fonts).
 */
export function pageLines(items: StructuredTextItem[]): string[] {
  const fragments = items.filter((item) => item.str.trim() !== '');
  fragments.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: StructuredTextItem[][] = [];
  for (const fragment of fragments) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - fragment.y) < Math.max(first.fontSize, fragment.fontSize, 1) / 2) {
      line.push(fragment);
    } else {
      lines.push([fragment]);
    }
  }
  return lines.map(joinLine).filter((line) => line !== '');
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
    for (const key of new Set(furnitureZone(lines).map(furnitureKey))) seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  }
  const running = (line: string): boolean => {
    const pagesWithIt = seenOn.get(furnitureKey(line)) ?? 0;
    return pages.length >= 2 && pagesWithIt >= 2 && pagesWithIt >= pages.length * RUNNING_SHARE;
  };
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const inZone = index < FURNITURE_LINES || index >= lines.length - FURNITURE_LINES;
      return !(inZone && (isPageNumber(line) || running(line)));
    }),
  );
}

function furnitureZone(lines: string[]): string[] {
  if (lines.length <= FURNITURE_LINES * 2) return lines;
  return [...lines.slice(0, FURNITURE_LINES), ...lines.slice(-FURNITURE_LINES)];
}

/** Running lines often carry the page number ("Cabinet 4 June 2024 — page 3"): compare without digits. */
function furnitureKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A page number alone on a line. Minute numbers always carry a dot ("54."), page numbers never do. */
function isPageNumber(line: string): boolean {
  return /^(?:page\s+)?[-–—(\s]*\d{1,4}[-–—)\s]*(?:of\s+\d{1,4})?$/i.test(line.trim());
}
