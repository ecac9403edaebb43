import type { RecordedMeeting } from '../../src/types.js';
import { loadMinutesFiles } from '../load.js';
import { loadManifest } from '../manifest.js';
import { extractRecords } from './index.js';

/**
 * Parses minutes files (with an optional manifest) and reads their records, for the records
 * eval and tests: no index involved. A file that does not parse is reported by name and skipped.
 */
export async function recordFiles(
  inputs: string[],
  manifestFile?: string,
): Promise<{ book: RecordedMeeting[]; failed: Array<{ file: string; error: string }> }> {
  const manifest = manifestFile ? loadManifest(manifestFile) : undefined;
  const book: RecordedMeeting[] = [];
  const failed: Array<{ file: string; error: string }> = [];
  for await (const loaded of loadMinutesFiles(inputs, manifest ? { manifest } : {})) {
    if (loaded.meeting) book.push({ meeting: loaded.meeting, records: extractRecords(loaded.meeting) });
    else failed.push({ file: loaded.file, error: loaded.error?.message ?? 'unreadable' });
  }
  return { book, failed };
}
