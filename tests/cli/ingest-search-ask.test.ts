import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { examplesDir } from '../helpers/corpus.js';
import { examplesCopy, tempDir } from '../helpers/index.js';
import { tinyModelEnv } from '../helpers/tiny-model.js';

/** The CLI over the repo's samples, embedded with the generated tiny model (no network, no real model). */
let env: Record<string, string>;
const manifest = path.join(examplesDir, 'meetings.json');

beforeAll(async () => {
  env = {
    MINUTEBOOK_INDEX_DIR: tempDir('minutebook-cli-index-'),
    ...(await tinyModelEnv()),
  };
  const result = await runCli(['ingest', examplesDir, '--manifest', manifest], { env });
  expect(result.stderr).not.toMatch(/keyword-only/);
  expect(result.stdout).toMatch(/Indexed 3 meeting\(s\), 24 items, \d+ passages; 0 unchanged, 0 failed/);
});

describe('minutebook ingest, search, ask and eval', () => {
  it('re-ingesting unchanged files does nothing, and says so in the JSON summary', async () => {
    const result = await runCli(['ingest', examplesDir, '--manifest', manifest, '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ meetings: 0, unchanged: 3, failed: 0, passages: 0 });
  });

  it('search --json prints the contract, best first', async () => {
    const result = await runCli(['search', 'foster carer allowances', '--k', '2', '--json'], { env });
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(Object.keys(hits[0] ?? {})).toEqual(
      expect.arrayContaining([
        'score',
        'council',
        'committee',
        'date',
        'minute',
        'minuteNumber',
        'title',
        'points',
        'text',
        'url',
      ]),
    );
    expect(hits[0]).toMatchObject({
      date: '2024-03-12',
      minute: '49',
      minuteNumber: 49,
      title: 'Foster Carer Recruitment',
    });
  });

  it('search filters by date and committee from options', async () => {
    const result = await runCli(
      ['search', 'knife crime', '--after', '2024-01-01', '--committee', 'young people', '--json'],
      { env },
    );
    const hits = JSON.parse(result.stdout) as Array<{ date: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.date >= '2024-01-01')).toBe(true);
  });

  it('ask --json answers extractively with citations to retrieved items', async () => {
    const result = await runCli(['ask', 'How many foster carers were approved in 2023?', '--json'], { env });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as {
      mode: string;
      answer: string;
      citations: Array<Record<string, unknown>>;
      searched: Record<string, unknown>;
    };
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/19 new fostering households/);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      date: '2024-03-12',
      minute: '49',
      title: 'Foster Carer Recruitment',
    });
    expect(answer.citations[0]?.quote).toEqual(expect.stringContaining('19 new fostering households'));
    expect(answer.searched).toMatchObject({ meetings: 3, from: '2023-11-07', to: '2024-06-18' });
  });

  it('decisions lists what was decided about a topic, cited, and filters like search', async () => {
    const result = await runCli(['decisions', 'foster carer allowances', '--json'], { env });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { citations: Array<Record<string, unknown>> };
    expect(answer.citations).toEqual([
      expect.objectContaining({ date: '2024-03-12', minute: '49', record: 'decision', draft: false }),
    ]);
    const none = await runCli(['decisions', 'foster carer allowances', '--after', '2024-04-01'], { env });
    expect(none.stdout).toMatch(/record no decision about foster carer allowances/);
  });

  it('ask --json marks answers from records and citations of draft minutes', async () => {
    const question = 'What did the committee decide about detached youth work?';
    const result = await runCli(['ask', question, '--json'], { env });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { citations: Array<Record<string, unknown>> };
    // 18 June 2024 is the last meeting held: nothing has confirmed its minutes yet.
    expect(answer.citations).toEqual([
      expect.objectContaining({
        date: '2024-06-18',
        minute: '55',
        points: ['a', 'b'],
        record: 'decision',
        draft: true,
      }),
    ]);
    const text = await runCli(['ask', question], { env });
    expect(text.stdout).toMatch(/18 June 2024 \(draft minutes\), minute 55/);
  });

  it('a vote the minutes do not record is a near miss, not a decision passed off as a vote', async () => {
    const result = await runCli(['ask', 'How did the vote on the youth service go?', '--json'], { env });
    const answer = JSON.parse(result.stdout) as { mode: string; answer: string; citations: unknown[] };
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/^The minutes discuss youth service \[1\] but don't record a vote\./);
  });

  it('stats lists the meetings whose minutes are still draft', async () => {
    const result = await runCli(['stats'], { env });
    expect(result.stdout).toMatch(
      /Drafts: +1 meeting\(s\) not yet confirmed by a later meeting\n {2}Children and Young People Scrutiny Committee, 2024-06-18/,
    );
    const json = JSON.parse((await runCli(['stats', '--json'], { env })).stdout) as { draftMeetings: unknown[] };
    expect(json.draftMeetings).toEqual([expect.objectContaining({ date: '2024-06-18' })]);
  });

  it('ask says plainly when the minutes do not cover a question', async () => {
    const result = await runCli(['ask', 'What was decided about the Lutterworth bypass?', '--json'], { env });
    const answer = JSON.parse(result.stdout) as { mode: string; answer: string; citations: unknown[] };
    expect(answer.mode).toBe('not_found');
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/don't cover/);
  });

  it('eval prints recall, MRR and each rank', async () => {
    const questions = path.join(tempDir(), 'questions.jsonl');
    writeFileSync(
      questions,
      [
        JSON.stringify({ id: 'q1', q: 'Who asked about late bus passes?', relevant: [['2024-06-18', 52]] }),
        JSON.stringify({ id: 'q2', q: 'What did the committee decide about the Lutterworth bypass?', relevant: [] }),
      ].join('\n'),
    );
    const result = await runCli(['eval', questions, '--json'], { env });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      recallAtK: number;
      questions: Array<{ id: string; rank: number | null }>;
    };
    expect(report.recallAtK).toBe(1);
    expect(report.questions.find((q) => q.id === 'q1')?.rank).toBe(1);
  });

  it('refuses bad input with one line and no stack trace', async () => {
    const empty = await runCli(['search', '  '], { env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^minutebook: the question is empty/m);
    const badK = await runCli(['search', 'x', '--k', '0'], { env });
    expect(badK.code).not.toBe(0);
    expect(badK.stderr).toMatch(/--k must be a whole number of at least 1/);
    const noIndex = await runCli(['search', 'x', '--index', path.join(tempDir(), 'none')], { env });
    expect(noIndex.stderr).toMatch(/no index in .*: build one with `npx minutebook ingest/);
    for (const r of [empty, badK, noIndex]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero after indexing the good files when one fails', async () => {
    const dir = examplesCopy();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const result = await runCli(['ingest', dir, '--manifest', path.join(dir, 'meetings.json'), '--index', tempDir()], {
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: is empty/);
    expect(result.stdout).toMatch(/Indexed 3 meeting\(s\).*1 failed/);
  });

  it('refuses to mix models in one index and says how to rebuild', async () => {
    const indexDir = tempDir();
    const keywordOnly = { ...env, MINUTEBOOK_MODEL_DIR: tempDir(), MINUTEBOOK_INDEX_DIR: indexDir };
    const first = await runCli(['ingest', path.join(examplesDir, 'northbridge-2024-03-12-table.txt')], {
      env: keywordOnly,
    });
    expect(first.stderr).toMatch(/note: building a keyword-only index/);
    const second = await runCli(['ingest', path.join(examplesDir, 'northbridge-2024-06-18-page.txt')], {
      env: { ...env, MINUTEBOOK_INDEX_DIR: indexDir },
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/--rebuild/);
  });
});
