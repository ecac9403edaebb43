import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { parseMinutesText } from '../parse/index.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { sniffFormat } from './sniff.js';
import { decodeText } from './text.js';

/** Reads one document into a meeting, choosing the reader by content, not by the file's extension. */
export async function readDocument(doc: SourceDocument): Promise<Meeting> {
  switch (sniffFormat(doc.bytes, doc.source)) {
    case 'pdf':
      return readPdf(doc);
    case 'docx':
      return readDocx(doc);
    case 'html':
      return readHtml(doc);
    case 'binary':
      throw new BadMinutesFileError(doc.source, 'is a binary file, not minutes; give a text, PDF, HTML or Word file');
    case 'text':
      break;
  }
  return parseMinutesText(decodeText(doc.bytes), { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}
