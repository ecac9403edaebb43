import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';

export interface MinutesPdfOptions {
  /** A running header printed at the top of every page. */
  header?: string;
  /** A running footer; gets the page number and page count. */
  footer?: (page: number, pages: number) => string;
  linesPerPage?: number;
  /**
   * Print each lone minute number ("31.") in a left margin column on the same baseline as the
   * item's title, as printed minutes usually are, instead of on a line of its own.
   */
  marginNumbers?: boolean;
  /** Set the Encrypt entry of the trailer, so readers ask for a password. */
  encrypted?: boolean;
  /**
   * Set each page in two columns side by side: its first `linesPerPage` lines down the left
   * column, the next down the right, as newsletters and some councils print minutes.
   */
  twoColumns?: boolean;
}

const FONT_SIZE = 9;
const LEADING = 12;
const TOP = 780;
const LEFT = 40;
/** Where the right column starts; a tab in a line puts the text after it here too (a two-column row). */
const RIGHT_COLUMN = 310;

/**
 * Lays minutes text out as a printed PDF: one text line per line, a blank line as a skipped
 * line (a paragraph gap), a tab as the step to a second column of a row, and page furniture around
 * each page, the way councils print minutes.
 */
export async function makeMinutesPdf(text: string, options: MinutesPdfOptions = {}): Promise<Uint8Array> {
  const linesPerPage = options.linesPerPage ?? 45;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = options.marginNumbers ? withMarginNumbers(text.split('\n')) : text.split('\n');
  const perPage = options.twoColumns ? 2 * linesPerPage : linesPerPage;
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  pages.forEach((pageLines, index) => {
    const page = doc.addPage([595, 842]);
    if (options.header) page.drawText(options.header, { x: LEFT, y: 815, size: 8, font });
    pageLines.forEach((line, n) => {
      const row = n % linesPerPage;
      const x = n >= linesPerPage ? RIGHT_COLUMN : LEFT;
      const y = TOP - row * LEADING;
      const margin = MARGIN_MARK.exec(line);
      const [cell, secondCell] = line.split('\t');
      if (margin) {
        page.drawText(margin[1] ?? '', { x, y, size: FONT_SIZE, font });
        page.drawText(margin[2] ?? '', { x: x + 40, y, size: FONT_SIZE, font });
      } else if (secondCell !== undefined) {
        page.drawText(cell ?? '', { x: LEFT, y, size: FONT_SIZE, font });
        page.drawText(secondCell, { x: RIGHT_COLUMN, y, size: FONT_SIZE, font });
      } else if (line.trim()) {
        page.drawText(line, { x, y, size: FONT_SIZE, font });
      }
    });
    if (options.footer) page.drawText(options.footer(index + 1, pages.length), { x: 280, y: 30, size: 8, font });
  });
  if (options.encrypted) {
    // An Encrypt dictionary whose check values match no password: every reader must ask for one.
    const encrypt = doc.context.obj({
      Filter: 'Standard',
      V: 2,
      R: 3,
      Length: 128,
      P: -3904,
      O: PDFHexString.of('01'.repeat(32)),
      U: PDFHexString.of('02'.repeat(32)),
    });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  }
  return doc.save({ useObjectStreams: false });
}

/** Marks a line as "number in the margin, title beside it" for {@link makeMinutesPdf}. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001 is a private marker no minutes text contains, so it cannot clash with real lines.
const MARGIN_MARK = /^\u0001(.*)\u0001(.*)$/;

function withMarginNumbers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\d+\.$/.test(line.trim())) {
      let next = i + 1;
      while (next < lines.length && !lines[next]?.trim()) next++;
      out.push(`\u0001${line.trim()}\u0001${lines[next] ?? ''}`);
      i = next;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** A PDF of one page with a drawn shape and no text at all: what a scanner produces, minus the image. */
export async function makeScannedPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 760, borderWidth: 1 });
  }
  return doc.save();
}
