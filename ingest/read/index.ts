import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { parseMinutesText } from '../parse/index.js';
import { decodeText } from './text.js';

/** What the bytes of a document are, judged by content rather than by the file's extension. */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text' | 'binary';

/** Judges a document's format from its first bytes. */
export function sniffFormat(bytes: Uint8Array): DocumentFormat {
  const head = Buffer.from(bytes.subarray(0, 2048));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b) return Buffer.from(bytes).includes('word/') ? 'docx' : 'binary';
  if (head.includes(0)) return 'binary';
  const text = head.toString('utf8').trimStart().slice(0, 512).toLowerCase();
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(text) || /<(?:body|table|div)[\s>]/.test(text))
    return 'html';
  return 'text';
}

/** Reads one document into a meeting, choosing the reader by content. */
export async function readDocument(doc: SourceDocument): Promise<Meeting> {
  const format = sniffFormat(doc.bytes);
  if (format === 'binary') {
    throw new BadMinutesFileError(doc.source, 'is a binary file, not minutes; give a text, PDF, HTML or Word file');
  }
  if (format !== 'text') {
    throw new BadMinutesFileError(doc.source, `is ${format.toUpperCase()}, not text; save it as text and ingest that`);
  }
  return parseMinutesText(decodeText(doc.bytes), { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}
