/**
 * Word minutes (.docx), as smaller bodies circulate them. Converted to HTML with mammoth, so tables
 * (a number column beside a text column, a common minutes layout) come out cell by cell, then to
 * text for the text parser.
 */
import { load } from 'cheerio';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { DEFAULT_LIMITS, formatCount, type IngestLimits, limitExceeded } from '../limits.js';
import { htmlToText } from './html-text.js';
import { type MarkupCounts, MarkupScan } from './markup.js';
import { parseDocumentText } from './parse-text.js';

/** The parts of a Word package that hold markup; images and other media are never unzipped. */
const MARKUP_PART = /\.(xml|rels)$/i;

/** Reads a Word document of minutes into a meeting. Errors name `doc.source`. */
export async function readDocx(doc: SourceDocument, limits: IngestLimits = DEFAULT_LIMITS): Promise<Meeting> {
  return parseDocumentText(await extractDocxText(doc.bytes, doc.source, limits), doc, limits);
}

/**
 * The document's text, one paragraph per block with blank lines between. Word's automatic list
 * numbers are not in the document text and mammoth cannot tell their style ("54." or "(ii)"), so
 * list items get no invented labels: a wrong "1." would pass for a minute number.
 *
 * Mammoth builds the whole document in memory, several hundred bytes for every element, so the
 * package is measured first (unzipped size, elements, depth, paragraphs) and refused by name when it
 * is over a limit: 315 KB of zipped Word once held 2.3 M paragraphs and took 4.3 GB.
 */
export async function extractDocxText(
  bytes: Uint8Array,
  source: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<string> {
  await checkPackage(bytes, source, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Images are dropped from the text anyway; reading them would only hold their bytes in memory.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw unreadable(source, error);
  }
  const text = htmlToText(load(html).root().get(), { listLabels: false });
  if (!text.trim()) throw new BadMinutesFileError(source, 'this Word file has no text; check it is the minutes');
  return text;
}

/**
 * Unzips each markup part as a stream, counting its bytes and scanning its markup, and stops at the
 * first limit passed: a zip bomb is never inflated past `maxUnzippedBytes`.
 */
async function checkPackage(bytes: Uint8Array, source: string, limits: IngestLimits): Promise<MarkupCounts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw unreadable(source, error);
  }
  let unzipped = 0;
  let spent: MarkupCounts = { elements: 0, depth: 0, paragraphs: 0 };
  for (const part of Object.values(zip.files)) {
    if (part.dir || !MARKUP_PART.test(part.name)) continue;
    const scan = new MarkupScan(source, limits, { xml: true, paragraphTag: 'w:p', spent });
    try {
      await eachChunk(part, (chunk) => {
        unzipped += chunk.length;
        if (unzipped > limits.maxUnzippedBytes) {
          throw limitExceeded(
            source,
            'maxUnzippedBytes',
            `unzips to more than ${formatCount(limits.maxUnzippedBytes / 1024 / 1024)} MB of Word markup, the limit for one file`,
            'open it in Word and save it again',
          );
        }
        // Markup is ASCII where it matters (< > and names); latin1 never splits a character in two.
        scan.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      });
    } catch (error) {
      if (error instanceof BadMinutesFileError) throw error;
      throw unreadable(source, error);
    }
    spent = scan.end();
  }
  return spent;
}

/** Inflates one zip entry chunk by chunk; an error thrown by `onChunk` stops the inflating. */
function eachChunk(part: JSZip.JSZipObject, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  // `internalStream` is JSZip's own streaming API (stable since 3.0, missing from its typings).
  const stream = (
    part as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }
  ).internalStream('uint8array');
  return new Promise((resolve, reject) => {
    stream
      .on('data', (chunk) => {
        try {
          onChunk(chunk);
        } catch (error) {
          stream.pause();
          reject(error);
        }
      })
      .on('error', reject)
      .on('end', () => resolve())
      .resume();
  });
}

function unreadable(source: string, error: unknown): BadMinutesFileError {
  const detail = error instanceof Error ? error.message : String(error);
  return new BadMinutesFileError(
    source,
    `this Word file cannot be read (${detail}); open it in Word and save it again as .docx`,
    { cause: error },
  );
}
