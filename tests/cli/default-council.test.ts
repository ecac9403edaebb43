import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { examplesDir } from '../helpers/corpus.js';
import { examplesCopy, tempDir } from '../helpers/index.js';
import { tinyModelEnv } from '../helpers/tiny-model.js';

/**
 * MINUTEBOOK_COUNCIL over one index holding two councils: the repo's sample minutes as Northbridge's,
 * and the same minutes again as Southmoor's, so every question has answers in both and only the
 * scope decides which council's are found.
 */
let env: Record<string, string>;
const NORTH = 'Northbridge Borough Council';
const SOUTH = 'Southmoor District Council';

beforeAll(async () => {
  env = {
    MINUTEBOOK_INDEX_DIR: tempDir('minutebook-councils-index-'),
    ...(await tinyModelEnv()),
  };
  const south = examplesCopy();
  const entries = JSON.parse(readFileSync(path.join(south, 'meetings.json'), 'utf8')) as Array<Record<string, unknown>>;
  writeFileSync(path.join(south, 'meetings.json'), JSON.stringify(entries.map((e) => ({ ...e, council: SOUTH }))));
  for (const dir of [examplesDir, south]) {
    const result = await runCli(['ingest', dir, '--manifest', path.join(dir, 'meetings.json')], { env });
    expect(result.code).toBe(0);
  }
});

async function searchCouncils(question: string, extraEnv: Record<string, string>, args: string[] = []) {
  const result = await runCli(['search', question, '--k', '6', '--json', ...args], { env: { ...env, ...extraEnv } });
  expect(result.code).toBe(0);
  const hits = JSON.parse(result.stdout) as Array<{ council: string }>;
  expect(hits.length).toBeGreaterThan(0);
  return new Set(hits.map((h) => h.council));
}

describe('a default council (MINUTEBOOK_COUNCIL)', () => {
  it('is off by default: a search finds both councils’ minutes', async () => {
    expect(await searchCouncils('foster carer allowances', {})).toEqual(new Set([NORTH, SOUTH]));
  });

  it('scopes every search to that council, by part of its name', async () => {
    expect(await searchCouncils('foster carer allowances', { MINUTEBOOK_COUNCIL: ' southmoor ' })).toEqual(
      new Set([SOUTH]),
    );
  });

  it('gives way to a --council flag, and to a council the question names', async () => {
    const south = { MINUTEBOOK_COUNCIL: 'Southmoor' };
    expect(await searchCouncils('foster carer allowances', south, ['--council', 'northbridge'])).toEqual(
      new Set([NORTH]),
    );
    expect(await searchCouncils('foster carer allowances at Northbridge', south)).toEqual(new Set([NORTH]));
    // A question naming both councils is asked of both.
    expect(await searchCouncils('foster carer allowances in Northbridge and Southmoor', south)).toEqual(
      new Set([NORTH, SOUTH]),
    );
  });

  it('scopes ask too, and a refusal says how to reach another council', async () => {
    const south = { ...env, MINUTEBOOK_COUNCIL: 'Southmoor' };
    const answered = await runCli(['ask', 'How many foster carers were approved in 2023?', '--json'], { env: south });
    expect(answered.code).toBe(0);
    const answer = JSON.parse(answered.stdout) as { citations: Array<{ council: string }> };
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(new Set(answer.citations.map((c) => c.council))).toEqual(new Set([SOUTH]));

    // An answer from records (decisions) is read from the default council's meetings alone.
    const decided = await runCli(['ask', 'What did the committee decide about detached youth work?', '--json'], {
      env: south,
    });
    const decisions = JSON.parse(decided.stdout) as { citations: Array<{ council: string; record: string | null }> };
    expect(decisions.citations.length).toBeGreaterThan(0);
    expect(decisions.citations.every((c) => c.record === 'decision' && c.council === SOUTH)).toBe(true);

    const refused = await runCli(['ask', 'What was decided about the crematorium car park?', '--json'], { env: south });
    expect(refused.code).toBe(0);
    const text = (JSON.parse(refused.stdout) as { answer: string }).answer;
    expect(text).toContain('of councils matching "Southmoor"');
    expect(text).toContain('name another council in your question');
  });
});
