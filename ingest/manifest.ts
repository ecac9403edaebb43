import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { implausibleMeetingDate, isIsoDate } from '../src/dates.js';
import { BadManifestError } from '../src/errors.js';
import type { SourceDocument } from '../src/types.js';
import { isoToday } from './limits.js';

export type MeetingHints = NonNullable<SourceDocument['hints']>;

/** Metadata for files whose text lost it: `[{ "file", "council", "committee", "date", "url" }]`. */
export interface Manifest {
  /** Hints for a minutes file, matched by path relative to the manifest or by file name. */
  hintsFor(file: string): MeetingHints | undefined;
  /** Entries naming files that do not exist: reported, not fatal. */
  missingFiles: string[];
}

/**
 * Reads and validates a manifest, naming the entry and field of anything wrong: a date that is not
 * one, or not a date minutes can have (before 1900, more than a year after `today`), and a file
 * described twice (which entry was meant cannot be told).
 */
export function loadManifest(file: string, today: string = isoToday()): Manifest {
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
  const entryOf = new Map<string, number>();
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
      const implausible = implausibleMeetingDate(date, today);
      if (implausible) {
        throw new BadManifestError(file, `${where} ("${name}"): "date" ${implausible}; check the year`);
      }
      hints.date = date;
    }
    const resolved = path.resolve(dir, name);
    const earlier = entryOf.get(resolved);
    if (earlier !== undefined) {
      throw new BadManifestError(
        file,
        `${where} ("${name}") describes the same file as entry ${earlier}; keep one of them`,
      );
    }
    entryOf.set(resolved, index + 1);
    if (!existsSync(resolved)) missingFiles.push(name);
    byPath.set(resolved, hints);
    byName.set(path.basename(name), hints);
  });
  return {
    hintsFor: (minutesFile) => byPath.get(path.resolve(minutesFile)) ?? byName.get(path.basename(minutesFile)),
    missingFiles,
  };
}
