import { BadMinutesFileError, MinutebookError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { checkMeetingSize, DEFAULT_LIMITS, distrustImplausibleDate, type IngestLimits, isoToday } from '../limits.js';
import { extractDocxText } from './docx.js';
import { readHtml } from './html.js';
import { parseDocumentText } from './parse-text.js';
import type { DocumentReader } from './parse-worker.js';
import { extractPdfText } from './pdf.js';
import { sniffFormat } from './sniff.js';
import { decodeText } from './text.js';

/**
 * Reads one document into a meeting, choosing the reader by content, not by the file's extension,
 * and refusing (by name) a document over one of the limits. Every format's text goes through the
 * same size check and item parser; the meeting that comes out is checked against the per-meeting
 * limits before anything indexes it. Whatever goes wrong, the error names `doc.source`.
 */
export async function readDocument(doc: SourceDocument, limits: IngestLimits = DEFAULT_LIMITS): Promise<Meeting> {
  try {
    const meeting = await readByFormat(doc, limits);
    checkMeetingSize(meeting, limits);
    distrustImplausibleDate(meeting, isoToday());
    return meeting;
  } catch (error) {
    throw namingTheFile(doc.source, error);
  }
}

/** A reader's own errors name the file already; anything else (a library's, a bug) is given its name. */
function namingTheFile(source: string, error: unknown): MinutebookError {
  if (error instanceof MinutebookError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return new BadMinutesFileError(source, `is nested too deeply to read (${message}); open it and save it again`, {
      cause: error,
    });
  }
  return new MinutebookError('INTERNAL', `${source}: could not be read (${message})`, { cause: error });
}

async function readByFormat(doc: SourceDocument, limits: IngestLimits): Promise<Meeting> {
  switch (sniffFormat(doc.bytes, doc.source)) {
    case 'pdf':
      return parseDocumentText(await extractPdfText(doc.bytes, doc.source), doc, limits);
    case 'docx':
      return parseDocumentText(await extractDocxText(doc.bytes, doc.source, limits), doc, limits);
    case 'html':
      return readHtml(doc, limits);
    case 'binary':
      throw new BadMinutesFileError(doc.source, 'is a binary file, not minutes; give a text, PDF, HTML or Word file');
    case 'text':
      return parseDocumentText(decodeText(doc.bytes), doc, limits);
  }
}

/**
 * A reader without a thread, for callers that read few documents and have no process to protect
 * (tests of one reader, benches comparing the two). The CLI reads in a ParseWorker.
 */
export function inProcessReader(limits: IngestLimits): DocumentReader {
  return { read: (doc) => readDocument(doc, limits), close: async () => undefined };
}
