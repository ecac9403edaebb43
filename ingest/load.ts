import { asMinutebookError, type MinutebookError } from '../src/errors.js';
import type { Meeting } from '../src/types.js';
import { expandInputs } from './files.js';
import { loadManifest, type Manifest } from './manifest.js';
import { readDocument } from './read/index.js';
import { readSourceBytes } from './read/text.js';

export interface LoadedFile {
  file: string;
  meeting?: Meeting;
  error?: MinutebookError;
}

/**
 * Reads and parses minutes files one at a time, so one bad file is reported by name while the
 * rest still load. `identify` turns a path into the meeting's source id (the CLI's `parse` keeps
 * the path as given; `ingest` uses the absolute path so a file is the same meeting from any folder).
 */
export async function* loadMinutesFiles(
  inputs: string[],
  options: { manifest?: Manifest; identify?: (file: string) => string } = {},
): AsyncGenerator<LoadedFile> {
  const identify = options.identify ?? ((file: string) => file);
  for (const file of expandInputs(inputs)) {
    try {
      const bytes = await readSourceBytes(file);
      const hints = options.manifest?.hintsFor(file);
      const meeting = await readDocument({ source: identify(file), bytes, ...(hints ? { hints } : {}) });
      yield { file, meeting };
    } catch (error) {
      yield { file, error: asMinutebookError(error) };
    }
  }
}

/** Loads the manifest named by `--manifest`, if any. */
export function manifestOption(file: string | undefined): Manifest | undefined {
  return file ? loadManifest(file) : undefined;
}
