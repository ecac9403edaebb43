import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusDir, examplesDir, hasCorpus } from '../helpers/corpus.js';

describe('minutebook parse', () => {
  it('prints the JSON contract on stdout only, one object per meeting', async () => {
    const result = await runCli([
      'parse',
      examplesDir,
      '--manifest',
      path.join(examplesDir, 'meetings.json'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const meetings = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(meetings).toHaveLength(3);
    const first = meetings[0] as { items: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['council', 'committee', 'date', 'source', 'items']));
    expect(first.council).toBe('Northbridge Borough Council');
    const item = first.items.find((i) => i.minute === '34');
    expect(item).toMatchObject({
      minute: '34',
      minuteNumber: 34,
      numberSource: 'printed',
      title: 'Home to School Transport Policy 2024/25',
      titleDerived: false,
      agendaItem: 6,
      procedural: false,
    });
    expect(item?.passages).toEqual(expect.arrayContaining([expect.objectContaining({ points: expect.any(Array) })]));
  });

  it('prints a readable outline without --json', async () => {
    const result = await runCli(['parse', path.join(examplesDir, 'northbridge-2024-03-12-table.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/48\*\s+Education, Health and Care Plan Assessments/);
    // With no manifest the date is unknown: said as a warning, not guessed.
    expect(result.stderr).toMatch(/warning: .*no meeting date/);
  });

  it('exits non-zero after a bad file, naming it, while the good ones still print', async () => {
    const result = await runCli([
      'parse',
      '/nonexistent/minutes.txt',
      path.join(examplesDir, 'northbridge-2024-06-18-page.txt'),
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/minutebook: \/nonexistent\/minutes\.txt: cannot be read/);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
  });

  it('has --help', async () => {
    const result = await runCli(['parse', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--manifest <path>/);
  });

  it.skipIf(!hasCorpus)('parses the real corpus with its manifest', async () => {
    const files = [
      '000_ded07c51db115991.txt',
      '001_65df80eea297e0f5.txt',
      '002_4603350e2a5b5388.txt',
      '003_a8f63bb76f80c19c.txt',
      '004_0318dcdb569f4c32.txt',
    ].map((f) => path.join(corpusDir, f));
    const result = await runCli(['parse', ...files, '--manifest', path.join(corpusDir, 'meetings.json'), '--json']);
    expect(result.code).toBe(0);
    const meetings = JSON.parse(result.stdout) as Array<{ date: string; items: unknown[] }>;
    // Business items as before, plus the lead (and closing) text kept as unnumbered items.
    expect(meetings.map((m) => [m.date, m.items.length])).toEqual([
      ['2020-06-02', 15],
      ['2022-09-06', 13],
      ['2018-06-04', 16],
      ['2020-01-21', 19],
      ['2025-06-18', 16],
    ]);
  });
});
