/**
 * Word minutes (.docx), as smaller bodies circulate them. Converted to HTML with mammoth, so tables
 * (a number column beside a text column, a common minutes layout) come out cell by cell, then to
 * text for the text parser.
 */
import { load } from 'cheerio';
import mammoth from 'mammoth';
import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { parseMinutesText } from '../parse/index.js';
import { htmlToText } from './html-text.js';

/** Reads a Word document of minutes into a meeting. Errors name `doc.source`. */
export async function readDocx(doc: SourceDocument): Promise<Meeting> {
  const text = await extractDocxText(doc.bytes, doc.source);
  return parseMinutesText(text, { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}

/**
 * The document's text, one paragraph per block with blank lines between. Word's automatic list
 * numbers are not in the document text and mammoth cannot tell their style ("54." or "(ii)"), so
 * list items get no invented labels: a wrong "1." would pass for a minute number.
 */
export async function extractDocxText(bytes: Uint8Array, source: string): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BadMinutesFileError(
      source,
      `this Word file cannot be read (${detail}); open it in Word and save it again as .docx`,
      { cause: error },
    );
  }
  const text = htmlToText(load(html).root().get(), { listLabels: false });
  if (!text.trim()) throw new BadMinutesFileError(source, 'this Word file has no text; check it is the minutes');
  return text;
}
