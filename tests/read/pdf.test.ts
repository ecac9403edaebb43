import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { extractPdfText, readPdf, removePageFurniture } from '../../ingest/read/pdf.js';
import { BadMinutesFileError } from '../../src/errors.js';
import { makeMinutesPdf, makeScannedPdf } from './make-pdf.js';
import { outline, words } from './outline.js';

const PRINTED = readFileSync(new URL('../../examples/northbridge-2023-11-07-printed.txt', import.meta.url), 'utf8');
const HEADER = 'Children and Young People Scrutiny Committee – 7 November 2023';

async function printedPdf(linesPerPage = 30): Promise<Uint8Array> {
  return makeMinutesPdf(PRINTED, { header: HEADER, footer: (page, pages) => `Page ${page} of ${pages}`, linesPerPage });
}

describe('PDF minutes', () => {
  it('gives the same items and numbers as the text the PDF was printed from', async () => {
    const fromText = parseMinutesText(PRINTED, { source: 'printed.txt' });
    const fromPdf = await readPdf({ source: 'printed.pdf', bytes: await printedPdf() });
    expect(outline(fromPdf)).toEqual(outline(fromText));
    expect(fromPdf.items.map((i) => i.numberSource)).toEqual(fromText.items.map((i) => i.numberSource));
    expect(fromPdf.items.map((i) => words(i.text))).toEqual(fromText.items.map((i) => words(i.text)));
    expect(fromPdf.date).toBe('2023-11-07');
    expect(fromPdf.committee).toBe('Children and Young People Scrutiny Committee');
  });

  it('reads minute numbers printed in the margin beside their titles', async () => {
    const fromText = parseMinutesText(PRINTED, { source: 'printed.txt' });
    const bytes = await makeMinutesPdf(PRINTED, { header: HEADER, marginNumbers: true });
    const text = await extractPdfText(bytes, 'printed.pdf');
    expect(text).toContain('34.\n\nHome to School Transport Policy 2024/25.');
    const fromPdf = await readPdf({ source: 'printed.pdf', bytes });
    expect(outline(fromPdf)).toEqual(outline(fromText));
  });

  it('drops running headers and page-number footers but keeps item numbers that fall at a page edge', async () => {
    // 30 lines a page puts "34." and "35." at page edges, where headers and footers sit.
    const text = await extractPdfText(await printedPdf(), 'printed.pdf');
    expect(text).not.toContain(HEADER);
    expect(text).not.toMatch(/Page \d of \d/);
    for (const number of ['31.', '32.', '33.', '34.', '35.', '36.']) expect(text.split('\n')).toContain(number);
  });

  it('keeps paragraph gaps as blank lines and rebuilds lines from positioned fragments', async () => {
    const text = await extractPdfText(await printedPdf(200), 'printed.pdf');
    expect(text).toContain('31.\n\nMinutes.\nThe minutes of the meeting held on 12 September 2023');
    expect(text).toContain('£6.1m');
  });

  it('says a scanned PDF needs OCR, naming the file', async () => {
    const error = await readPdf({ source: 'scans/minutes.pdf', bytes: await makeScannedPdf() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadMinutesFileError);
    expect((error as Error).message).toMatch(/^scans\/minutes\.pdf: .*no text layer.*OCR/);
  });

  it('says a password-protected PDF needs an unprotected copy', async () => {
    const bytes = await makeMinutesPdf(PRINTED, { encrypted: true });
    await expect(extractPdfText(bytes, 'locked.pdf')).rejects.toThrow(/^locked\.pdf: .*password-protected/);
  });

  it('says a damaged PDF cannot be read', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    await expect(extractPdfText(bytes, 'broken.pdf')).rejects.toThrow(/^broken\.pdf: this PDF cannot be read/);
  });

  it('leaves the caller’s bytes intact (they are hashed after reading)', async () => {
    const bytes = await printedPdf();
    const copy = Uint8Array.from(bytes);
    await extractPdfText(bytes, 'printed.pdf');
    expect(bytes).toEqual(copy);
  });
});

describe('removePageFurniture', () => {
  it('removes lines repeated at the top of most pages, digits aside, but not repeated body lines', () => {
    const pages = ['first', 'second', 'third'].map((word, n) => [
      `Cabinet – 4 June 2024 – page ${n + 1}`,
      `The ${word} page begins`,
      'text',
      'text',
      'RESOLVED:',
      'text',
      'text',
      'RESOLVED:',
      'text',
      `The ${word} page ends`,
      String(n + 1),
    ]);
    const cleaned = removePageFurniture(pages);
    for (const page of cleaned) {
      expect(page[0]).toMatch(/^The \w+ page begins$/);
      expect(page.filter((line) => line === 'RESOLVED:')).toHaveLength(2);
      expect(page.at(-1)).toMatch(/^The \w+ page ends$/);
    }
  });
});
