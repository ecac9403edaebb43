import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import {
  docxWithBody,
  nestedDivs,
  tinyParagraphs,
  unclosedNestedTables,
  wordMinutes,
} from '../../support/hostile-files.js';
import { runCli } from '../helpers/cli.js';
import { examplesCopy, silentLogger, tempDir } from '../helpers/index.js';

/** The sweep's Word file: 2.3 M tiny paragraphs in about 300 KB. It took 4.3 GB and aborted the process. */
let paragraphsDocx: Uint8Array;
/** Word minutes whose paragraphs are within a raised limit but whose conversion needs far more heap than allowed. */
let heavyDocx: Uint8Array;

beforeAll(async () => {
  paragraphsDocx = await docxWithBody(tinyParagraphs(2_300_000));
  heavyDocx = await docxWithBody(wordMinutes(30_000));
});

/** No model: a keyword-only index, so these tests need nothing but the CLI. */
const keywordOnly = () => ({
  MINUTEBOOK_MODEL_DIR: tempDir('minutebook-no-model-'),
  MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
});

describe('minutebook parse on hostile files (issue 16 cases 3 and 4)', () => {
  it('refuses each by name and the limit it passed, and still prints the good file', async () => {
    const dir = tempDir('minutebook-hostile-');
    const files = {
      docx: path.join(dir, 'paragraphs.docx'),
      tables: path.join(dir, 'tables.html'),
      divs: path.join(dir, 'divs.html'),
    };
    writeFileSync(files.docx, paragraphsDocx);
    writeFileSync(files.tables, unclosedNestedTables(6_250));
    writeFileSync(files.divs, nestedDivs(5_000));
    const good = path.join(examplesCopy(), 'northbridge-2024-06-18-page.txt');

    const result = await runCli(['parse', files.docx, files.tables, files.divs, good, '--json']);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('minutebook: '));
    expect(lines).toEqual([
      expect.stringMatching(/paragraphs\.docx: has more than 80,000 paragraphs.*\(MINUTEBOOK_MAX_PARAGRAPHS\)/),
      expect.stringMatching(/tables\.html: nests its markup more than 256 levels deep.*\(MINUTEBOOK_MAX_DEPTH\)/),
      expect.stringMatching(/divs\.html: nests its markup more than 256 levels deep.*\(MINUTEBOOK_MAX_DEPTH\)/),
    ]);
    expect(result.stderr).not.toMatch(/call stack/);
    const meetings = JSON.parse(result.stdout) as Array<{ source: string }>;
    expect(meetings.map((m) => m.source)).toEqual([good]);
  });
});

describe('minutebook ingest when a file cannot be parsed', () => {
  it('survives a file that exhausts the parse heap, ingests the files after it and prints the summary', async () => {
    const dir = examplesCopy();
    // Named to sort first: every example is processed after them.
    writeFileSync(path.join(dir, 'a-heavy.docx'), heavyDocx);
    writeFileSync(path.join(dir, 'a-paragraphs.docx'), paragraphsDocx);
    const indexDir = path.join(tempDir('minutebook-index-'), 'index');
    const result = await runCli(
      ['ingest', dir, '--manifest', path.join(dir, 'meetings.json'), '--index', indexDir, '--json'],
      {
        env: {
          ...keywordOnly(),
          // Issue 16's failure mode, scaled down: the paragraph limit raised past the heavy file, a small heap.
          MINUTEBOOK_MAX_PARAGRAPHS: '200000',
          MINUTEBOOK_MAX_ELEMENTS: '100000000',
          MINUTEBOOK_PARSE_MEMORY_MB: '64',
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /minutebook: .*a-heavy\.docx: needed more than the 64 MB of memory one file may use to be read \(MINUTEBOOK_PARSE_MEMORY_MB\)/,
    );
    expect(result.stderr).toMatch(/minutebook: .*a-paragraphs\.docx: has more than 200,000 paragraphs/);
    const summary = JSON.parse(result.stdout) as {
      meetings: number;
      failed: number;
      errors: Array<{ source: string }>;
    };
    expect(summary).toMatchObject({ meetings: 3, failed: 2 });
    expect(summary.errors.map((e) => path.basename(e.source))).toEqual(['a-heavy.docx', 'a-paragraphs.docx']);
    const store = await SqliteStore.openReader(indexDir, { logger: silentLogger });
    try {
      expect((await store.stats()).meetings).toBe(3);
    } finally {
      await store.close();
    }
  });
});
