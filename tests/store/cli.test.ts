import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { MODEL, meeting, seriesMeeting, tempDir, vectorsOf } from './fixtures/meetings.js';

const bin = fileURLToPath(new URL('../../bin/minutebook.js', import.meta.url));

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('minutebook stats and remove', () => {
  let dir: string;
  let cleanup: () => void;
  let index: string;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    index = path.join(dir, 'index');
    const store = await SqliteStore.openWriter(index, {
      purpose: 'test',
      wait: { waitMs: 5000 },
      model: MODEL,
      logger: createLogger({ level: 'silent' }),
    });
    for (const n of [1, 2]) await store.replaceMeeting(seriesMeeting(n), `h${n}`, vectorsOf(seriesMeeting(n)));
    const relative = meeting({ source: path.join(dir, 'minutes', 'cabinet.txt'), date: '2024-01-05', items: [] });
    await store.replaceMeeting(relative, 'h3', []);
    await store.close();
  });
  afterEach(() => cleanup());

  it('prints what is indexed as JSON', () => {
    const { code, stdout } = run(['stats', '--index', index, '--json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      index,
      councils: ['Ashford Borough Council'],
      committees: ['Cabinet', 'Children and Young People Scrutiny', 'Planning Committee'],
      meetings: 3,
      items: seriesMeeting(1).items.length + seriesMeeting(2).items.length,
      passages: vectorsOf(seriesMeeting(1)).length + vectorsOf(seriesMeeting(2)).length,
      from: '2019-02-15',
      to: '2024-01-05',
      model: MODEL.id,
      dimensions: MODEL.dimensions,
      // Each committee's only meeting: nothing later has confirmed its minutes.
      draftMeetings: [
        {
          council: 'Ashford Borough Council',
          committee: 'Planning Committee',
          date: '2019-02-15',
          source: 'minutes/series-1.pdf',
        },
        {
          council: 'Ashford Borough Council',
          committee: 'Children and Young People Scrutiny',
          date: '2020-03-15',
          source: 'minutes/series-2.pdf',
        },
        {
          council: 'Ashford Borough Council',
          committee: 'Cabinet',
          date: '2024-01-05',
          source: path.join(dir, 'minutes', 'cabinet.txt'),
        },
      ],
    });
  });

  it('prints a readable summary, and a one-line error for a missing index', () => {
    const { code, stdout } = run(['stats', '--index', index], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Meetings:     3 (2019-02-15 to 2024-01-05)');
    expect(stdout).toContain(`Model:        ${MODEL.id} (16 dimensions)`);
    const missing = run(['stats', '--index', path.join(dir, 'nowhere')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^minutebook: no index in .*nowhere: build one with `npx minutebook ingest/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('removes a meeting by its source, also given relative to the current folder', () => {
    const byPath = run(['remove', 'minutes/cabinet.txt', '--index', index], dir);
    expect(byPath.code).toBe(0);
    expect(byPath.stdout).toContain('Removed');
    const removed = run(['remove', seriesMeeting(1).source, '--index', index], dir);
    expect(removed.code).toBe(0);
    const after = JSON.parse(run(['stats', '--index', index, '--json'], dir).stdout) as { meetings: number };
    expect(after.meetings).toBe(1);

    const again = run(['remove', seriesMeeting(1).source, '--index', index], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/minutes\/series-1\.pdf is not in the index/);
  });

  it('documents both commands in --help', () => {
    expect(run(['stats', '--help'], dir).stdout).toContain('--json');
    expect(run(['remove', '--help'], dir).stdout).toContain('<source>');
  });
});
