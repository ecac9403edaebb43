import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../ingest/manifest.js';
import { BadManifestError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { examplesCopy, tempDir } from '../helpers/index.js';

const TODAY = '2026-12-02';

function manifestOf(entries: unknown[]): string {
  const file = path.join(tempDir('minutebook-manifest-'), 'meetings.json');
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

const entry = (file: string, date: string) => ({ file, council: 'Parks Council', committee: 'Parks', date });

describe('manifest entries no meeting can have (issue 16 case 14)', () => {
  it('refuses a file described twice, naming both entries', () => {
    const file = manifestOf([
      entry('a.txt', '2024-01-09'),
      entry('b.txt', '2024-02-13'),
      entry('./a.txt', '2024-03-12'),
    ]);
    expect(() => loadManifest(file, TODAY)).toThrow(BadManifestError);
    expect(() => loadManifest(file, TODAY)).toThrow(
      /^manifest .*meetings\.json: entry 3 \("\.\/a\.txt"\) describes the same file as entry 1; keep one of them$/,
    );
  });

  it.each([
    ['0000-01-01', /"date" 0000-01-01 is before 1900; check the year/],
    ['1899-12-31', /"date" 1899-12-31 is before 1900/],
    ['9999-12-31', /"date" 9999-12-31 is more than a year after today \(2026-12-02\)/],
    ['2027-12-04', /"date" 2027-12-04 is more than a year after today/],
  ])('refuses the date %s, naming the entry', (date, message) => {
    const file = manifestOf([entry('a.txt', '2024-01-09'), entry('b.txt', date)]);
    expect(() => loadManifest(file, TODAY)).toThrow(new RegExp(`entry 2 \\("b\\.txt"\\): ${message.source}`));
  });

  it.each(['1900-01-01', '2026-12-02', '2027-12-03'])('accepts the date %s', (date) => {
    const manifest = loadManifest(manifestOf([entry('a.txt', date)]), TODAY);
    expect(manifest.hintsFor('a.txt')?.date).toBe(date);
  });

  it('stops `ingest` before anything is indexed, in one line naming the manifest and entry', async () => {
    const dir = examplesCopy();
    const manifest = path.join(dir, 'meetings.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        entry('northbridge-2023-11-07-printed.txt', '2023-11-07'),
        entry('northbridge-2024-03-12-table.txt', '9999-12-31'),
      ]),
    );
    const indexDir = path.join(dir, 'index');
    const result = await runCli(['ingest', dir, '--manifest', manifest, '--index', indexDir], {
      env: { MINUTEBOOK_MODEL_DIR: path.join(dir, 'no-model'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^minutebook: manifest .*meetings\.json: entry 2 \("northbridge-2024-03-12-table\.txt"\): "date" 9999-12-31 is more than a year after today/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
