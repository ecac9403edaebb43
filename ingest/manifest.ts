import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../src/dates.js';
import { BadManifestError } from '../src/errors.js';
import type { SourceDocument } from '../src/types.js';

export type MeetingHints = NonNullable<SourceDocument['hints']>;

/** Metadata for files whose text lost it: `[{ "file", "council", "committee", "date", "url" }]`. */
export interface Manifest {
  /** Hints for a minutes file, matched by path relative to the manifest or by file name. */
  hintsFor(file: string): MeetingHints | undefined;
  /** Entries naming files that do not exist: reported, not fatal. */
  missingFiles: string[];
}

/** Reads and validates a manifest, naming the entry and field of anything wrong. */
export function loadManifest(file: string): Manifest {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadManifestError(file, 'cannot be read; check the path', { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BadManifestError(file, `is not valid JSON (${detail}); fix it or leave out --manifest`, { cause: error });
  }
  if (!Array.isArray(data)) {
    throw new BadManifestError(file, 'must be a JSON array of { "file", "council", "committee", "date", "url" }');
  }
  const dir = path.dirname(path.resolve(file));
  const byPath = new Map<string, MeetingHints>();
  const byName = new Map<string, MeetingHints>();
  const missingFiles: string[] = [];
  data.forEach((entry: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new BadManifestError(file, `${where} is not an object`);
    const record = entry as Record<string, unknown>;
    const name = record.file;
    if (typeof name !== 'string' || !name.trim()) {
      throw new BadManifestError(file, `${where} has no "file" (the minutes file name it describes)`);
    }
    const hints: MeetingHints = {};
    for (const field of ['council', 'committee', 'url'] as const) {
      const value = record[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new BadManifestError(file, `${where} ("${name}"): "${field}" must be text`);
      if (value.trim()) hints[field] = value.trim();
    }
    const date = record.date;
    if (date !== undefined && date !== null) {
      if (typeof date !== 'string' || !isIsoDate(date)) {
        throw new BadManifestError(
          file,
          `${where} ("${name}"): "date" must be YYYY-MM-DD (got ${JSON.stringify(date)})`,
        );
      }
      hints.date = date;
    }
    const resolved = path.resolve(dir, name);
    if (!existsSync(resolved)) missingFiles.push(name);
    byPath.set(resolved, hints);
    byName.set(path.basename(name), hints);
  });
  return {
    hintsFor: (minutesFile) => byPath.get(path.resolve(minutesFile)) ?? byName.get(path.basename(minutesFile)),
    missingFiles,
  };
}
