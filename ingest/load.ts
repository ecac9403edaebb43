import { asMinutebookError, type MinutebookError } from '../src/errors.js';
import type { Meeting, SourceDocument } from '../src/types.js';
import { expandInputs } from './files.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { loadManifest, type Manifest } from './manifest.js';
import { type DocumentReader, ParseWorker } from './read/parse-worker.js';
import { readSourceBytes } from './read/text.js';

export interface LoadedFile {
  file: string;
  meeting?: Meeting;
  error?: MinutebookError;
}

export interface LoadOptions {
  manifest?: Manifest;
  /** Turns a path into the meeting's source id; the path as given by default. */
  identify?: (file: string) => string;
  /** Parses each document; by default a parse process of the generator's own, closed when it ends. */
  reader?: DocumentReader;
  limits?: IngestLimits;
}

/**
 * Reads and parses minutes files one at a time, so one bad file is reported by name while the
 * rest still load. `identify` turns a path into the meeting's source id (the CLI's `parse` keeps
 * the path as given; `ingest` uses the absolute path so a file is the same meeting from any folder).
 */
export async function* loadMinutesFiles(inputs: string[], options: LoadOptions = {}): AsyncGenerator<LoadedFile> {
  const identify = options.identify ?? ((file: string) => file);
  const reader = options.reader ?? new ParseWorker(options.limits ?? DEFAULT_LIMITS);
  try {
    for (const file of expandInputs(inputs)) {
      try {
        const doc = await sourceDocument(file, identify(file), options);
        yield { file, meeting: await reader.read(doc) };
      } catch (error) {
        yield { file, error: asMinutebookError(error) };
      }
    }
  } finally {
    if (!options.reader) await reader.close();
  }
}

/**
 * A minutes file as a document to read: its bytes (refused by size before they are read) and what
 * the manifest says about it. `source` is the id the meeting will have.
 */
export async function sourceDocument(
  file: string,
  source: string,
  options: { manifest?: Manifest; limits?: IngestLimits },
): Promise<SourceDocument> {
  const bytes = await readSourceBytes(file, options.limits ?? DEFAULT_LIMITS);
  const hints = options.manifest?.hintsFor(file);
  return { source, bytes, ...(hints ? { hints } : {}) };
}

/** Loads the manifest named by `--manifest`, if any. */
export function manifestOption(file: string | undefined): Manifest | undefined {
  return file ? loadManifest(file) : undefined;
}
