import { createHash } from 'node:crypto';
import path from 'node:path';
import { asMinutebookError, type MinutebookError } from '../src/errors.js';
import type { IndexWriter } from '../src/store/types.js';
import type { Embedder, Meeting, MinuteItem, Passage } from '../src/types.js';
import { extractRecords } from './extract/index.js';
import { expandInputs } from './files.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { sourceDocument } from './load.js';
import type { Manifest } from './manifest.js';
import { type DocumentReader, ParseWorker } from './read/parse-worker.js';

/**
 * Bumped whenever parsing or chunking changes what a file turns into, so that re-ingesting an
 * unchanged file after an upgrade still re-parses it instead of keeping stale items.
 */
export const PIPELINE_VERSION = 20;

export interface IngestSummary {
  meetings: number;
  items: number;
  passages: number;
  unchanged: number;
  failed: number;
  seconds: number;
  /** One entry per file (or source) that failed, in order. */
  errors: Array<{ source: string; error: MinutebookError }>;
  /** Warnings the parser raised, by source (no date found, numbers not anchored…). */
  warnings: Array<{ source: string; warning: string }>;
}

export interface IngestOptions {
  store: IndexWriter;
  /** Null builds a keyword-only index (no model available yet). */
  embedder: Embedder | null;
  manifest?: Manifest;
  /** What one file may cost (ingest/limits.ts); the defaults when absent. */
  limits?: IngestLimits;
  /** Parses files; by default a parse process of its own, closed when the run ends. */
  reader?: DocumentReader;
  /** Called after each source, for progress bars. */
  onProgress?: (done: number, total: number, source: string) => void;
  /** Called with each meeting written to the index (not the unchanged or failed): topic alerts queue them. */
  onIndexed?: (meeting: Meeting) => void;
}

/** The text a passage is embedded as: its item's title gives a short passage its subject. */
export function embeddingText(item: Pick<MinuteItem, 'title'>, passage: Passage): string {
  return `${item.title}\n${passage.text}`;
}

/**
 * Fingerprint of what a source becomes in the index: its bytes, the outside metadata given for it
 * and the pipeline version. Equal fingerprints mean no work.
 */
export function contentHash(bytes: Uint8Array, hints: unknown): string {
  return createHash('sha256')
    .update(`minutebook-pipeline-${PIPELINE_VERSION}\n`)
    .update(JSON.stringify(hints ?? null))
    .update('\n')
    .update(bytes)
    .digest('hex');
}

/** Fingerprint of a meeting that arrives already parsed (ModernGov sync). */
export function meetingHash(meeting: Meeting): string {
  return contentHash(Buffer.from(JSON.stringify(meeting)), null);
}

function emptySummary(): IngestSummary {
  return { meetings: 0, items: 0, passages: 0, unchanged: 0, failed: 0, seconds: 0, errors: [], warnings: [] };
}

/**
 * Embeds a meeting's passages, reads its records (decisions, attendance, votes…) and writes both to
 * the index in one transaction, replacing whatever that source had before.
 */
export async function indexMeeting(
  store: IndexWriter,
  embedder: Embedder | null,
  meeting: Meeting,
  hash: string,
): Promise<void> {
  const texts = meeting.items.flatMap((item) => item.passages.map((p) => embeddingText(item, p)));
  const vectors = embedder && texts.length ? await embedder.embedDocuments(texts) : null;
  await store.replaceMeeting(meeting, hash, vectors, extractRecords(meeting));
}

/**
 * Ingests minutes files and folders: each file is read, fingerprinted, skipped if unchanged,
 * otherwise parsed, embedded and written. A failing file is recorded and the rest go on.
 * Files are identified by absolute path, so the same file is the same meeting from any folder.
 */
export async function ingestFiles(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const files = expandInputs(inputs);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const reader = options.reader ?? new ParseWorker(limits);
  try {
    for (const [index, file] of files.entries()) {
      await ingestOne(summary, options, file, async () => {
        const doc = await sourceDocument(file, path.resolve(file), {
          limits,
          ...(options.manifest ? { manifest: options.manifest } : {}),
        });
        return { source: doc.source, hash: contentHash(doc.bytes, doc.hints), load: () => reader.read(doc) };
      });
      options.onProgress?.(index + 1, files.length, file);
    }
  } finally {
    if (!options.reader) await reader.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Ingests meetings that arrive already parsed (ModernGov sync), skipping the unchanged. */
export async function ingestMeetings(
  meetings: AsyncIterable<Meeting> | Iterable<Meeting>,
  options: Omit<IngestOptions, 'manifest'>,
): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  let done = 0;
  for await (const meeting of meetings) {
    await ingestOne(summary, options, meeting.source, async () => ({
      source: meeting.source,
      hash: meetingHash(meeting),
      load: async () => meeting,
    }));
    options.onProgress?.(++done, done, meeting.source);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * One source: fingerprint it, skip it if the index already has that fingerprint, otherwise load
 * (parse) it, embed and write it. A failure is recorded under `name` and the run goes on.
 */
async function ingestOne(
  summary: IngestSummary,
  options: Pick<IngestOptions, 'store' | 'embedder' | 'onIndexed'>,
  name: string,
  prepare: () => Promise<{ source: string; hash: string; load: () => Promise<Meeting> }>,
): Promise<void> {
  try {
    const { source, hash, load } = await prepare();
    if ((await options.store.contentHash(source)) === hash) {
      summary.unchanged++;
      return;
    }
    const meeting = await load();
    await indexMeeting(options.store, options.embedder, meeting, hash);
    count(summary, meeting);
    options.onIndexed?.(meeting);
  } catch (error) {
    summary.failed++;
    summary.errors.push({ source: name, error: asMinutebookError(error) });
  }
}

function count(summary: IngestSummary, meeting: Meeting): void {
  summary.meetings++;
  summary.items += meeting.items.length;
  summary.passages += meeting.items.reduce((n, item) => n + item.passages.length, 0);
  for (const warning of meeting.warnings) summary.warnings.push({ source: meeting.source, warning });
}
