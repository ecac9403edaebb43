import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestLimits } from '../../ingest/limits.js';
import { readDocument } from '../../ingest/read/index.js';
import { ParseWorker } from '../../ingest/read/parse-worker.js';
import { BadMinutesFileError, LimitExceededError } from '../../src/errors.js';
import { docxWithBody, nestedDivs, wordMinutes } from '../../support/hostile-files.js';

const PRINTED = readFileSync(new URL('../../examples/northbridge-2023-11-07-printed.txt', import.meta.url));

/** Limits out of the way, so that only the thread's own heap and clock stand between a file and the process. */
const UNLIMITED = {
  maxParagraphs: 1e9,
  maxElements: 1e9,
  maxDepth: 1e9,
  maxUnzippedBytes: 1e12,
  maxMeetingChars: 1e12,
  maxMeetingPassages: 1e9,
};

let worker: ParseWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

describe('the parse process', () => {
  it('reads a document into the same meeting as reading it in-process', async () => {
    worker = new ParseWorker(ingestLimits());
    const doc = { source: 'printed.txt', bytes: PRINTED, hints: { council: 'Northbridge Borough Council' } };
    expect(await worker.read(doc)).toEqual(await readDocument(doc));
  });

  it('refuses a file that needs more than its heap, by name, and reads the next one in a new process', async () => {
    // Issue 16 case 3 without the limits that now refuse it first: mammoth on 90 k paragraphs with a 64 MB heap.
    worker = new ParseWorker(ingestLimits({ ...UNLIMITED, parseMemoryMb: 64 }));
    const error = await worker
      .read({ source: 'big.docx', bytes: await docxWithBody(wordMinutes(30_000)) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as Error).message).toMatch(
      /^big\.docx: needed more than the 64 MB of memory one file may use to be read \(MINUTEBOOK_PARSE_MEMORY_MB\)/,
    );
    const next = await worker.read({ source: 'small.docx', bytes: await docxWithBody(wordMinutes(3)) });
    expect(next.items.filter((i) => i.minute !== null)).toHaveLength(3);
  });

  it('gives up on a file that takes longer than its time, by name, and reads the next one', async () => {
    // Mammoth takes many seconds over 120 k paragraphs; a short text reads well inside the limit even cold.
    worker = new ParseWorker(ingestLimits({ ...UNLIMITED, parseTimeoutMs: 2_000 }));
    const error = await worker
      .read({ source: 'slow.docx', bytes: await docxWithBody(wordMinutes(40_000)) })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^slow\.docx: took more than 2 s to read, the limit for one file \(MINUTEBOOK_PARSE_TIMEOUT_S\)/,
    );
    const next = await worker.read({ source: 'printed.txt', bytes: PRINTED });
    expect(next.items.length).toBeGreaterThan(5);
  });

  it('names the file whose nesting overflows the stack when the depth limit is raised past it', async () => {
    worker = new ParseWorker(ingestLimits(UNLIMITED));
    const error = await worker
      .read({ source: 'deep.html', bytes: Buffer.from(nestedDivs(20_000)) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadMinutesFileError);
    expect((error as Error).message).toMatch(/^deep\.html: is nested too deeply to read \(Maximum call stack size/);
  });

  it('keeps a reader’s own refusals as they are', async () => {
    worker = new ParseWorker(ingestLimits({ maxParagraphs: 100 }));
    const error = await worker
      .read({ source: 'long.docx', bytes: await docxWithBody(wordMinutes(50)) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect(error).toMatchObject({ file: 'long.docx', limit: 'MINUTEBOOK_MAX_PARAGRAPHS', code: 'BAD_MINUTES_FILE' });
  });
});
