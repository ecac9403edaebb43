import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractRecords } from '../../ingest/extract/index.js';
import { loadManifest } from '../../ingest/manifest.js';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { decodeText } from '../../ingest/read/text.js';
import type { Meeting, MeetingRecords, RecordedMeeting } from '../../src/types.js';
import { corpusDir, examplesDir, repoRoot } from './corpus.js';

/** Minutes written for the records tests in other councils' shapes (invented words throughout). */
export const recordsFixturesDir = path.join(repoRoot, 'tests/fixtures/records');

/** Parses one minutes file with its folder's meetings.json, as `minutebook parse` does. */
export function parseWithManifest(dir: string, name: string): Meeting {
  const file = path.join(dir, name);
  const hints = loadManifest(path.join(dir, 'meetings.json')).hintsFor(file);
  return parseMinutesText(decodeText(readFileSync(file)), { source: file, ...(hints ? { hints } : {}) });
}

/** A meeting and its records, read from a file of the shared corpus, examples/ or the records fixtures. */
export function recorded(dir: string, name: string): RecordedMeeting {
  const meeting = parseWithManifest(dir, name);
  return { meeting, records: extractRecords(meeting) };
}

export const fromCorpus = (name: string) => recorded(corpusDir, name);
export const fromExamples = (name: string) => recorded(examplesDir, name);
export const fromFixtures = (name: string) => recorded(recordsFixturesDir, name);

/** Decisions as [minute, label, kind, text], plus where they go or wait until when that is set. */
export function decisionRows(
  records: MeetingRecords,
): Array<[string | null, string | null, string, string, ...string[]]> {
  return records.decisions.map((d) => {
    const extra = d.to ? [`to ${d.to}`] : d.until ? [`until ${d.until}`] : [];
    return [d.at.minute, d.label, d.kind, d.text, ...extra];
  });
}

/** Attendance as [minute, name, presence, capacity, role, substitute for, evidence]; minute null is the header. */
export function attendanceRows(
  records: MeetingRecords,
): Array<[string | null, string, string, string, string | null, string | null, string]> {
  return records.attendance.map((a) => [
    a.at.minute,
    a.name,
    a.presence,
    a.capacity,
    a.role,
    a.substituteFor,
    a.evidence,
  ]);
}

/** Role changes as [minute, person, role, office, body, change, from, until, for this meeting only]. */
export function roleRows(
  records: MeetingRecords,
): Array<[string | null, string, string, string, string | null, string, string | null, string | null, boolean]> {
  return records.roleChanges.map((r) => [
    r.at.minute,
    r.person,
    r.role,
    r.office,
    r.body,
    r.change,
    r.from,
    r.until,
    r.thisMeetingOnly,
  ]);
}

/** Confirmations as [minute, dates, outcome, subject to]. */
export function confirmationRows(records: MeetingRecords): Array<[string | null, string[], string, string | null]> {
  return records.confirmations.map((c) => [c.at.minute, c.meetingDates, c.outcome, c.subjectTo]);
}

/** Every meeting of a folder with its records, from its meetings.json. */
export function bookOf(dir: string): RecordedMeeting[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'meetings.json'), 'utf8')) as Array<{ file: string }>;
  return manifest.map((entry) => recorded(dir, entry.file));
}
