import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinutesAnswerer } from '../../src/answer/answerer.js';
import { periodOf } from '../../src/answer/records.js';
import type { HybridRetriever } from '../../src/retrieve/retriever.js';
import { buildIndex, openTestRetriever, silentLogger, tempDir } from '../helpers/index.js';
import { recordsFixturesDir } from '../helpers/records.js';

/**
 * Records questions through the real answerer: the records fixtures ingested into a real index on
 * disk (keyword-only), each question read, routed and answered from the records the index holds.
 */
describe('answers from records', () => {
  let retriever: HybridRetriever;
  let answerer: MinutesAnswerer;
  beforeAll(async () => {
    const { indexDir } = await buildIndex([recordsFixturesDir], {
      embedder: null,
      manifest: `${recordsFixturesDir}/meetings.json`,
    });
    retriever = openTestRetriever(indexDir, null);
    answerer = new MinutesAnswerer({ retriever, chatModel: null, logger: silentLogger });
  });
  afterAll(async () => {
    await retriever.close();
  });

  it('answers "what did X decide about Y" from decisions, cited to the minute and marked as a decision', async () => {
    const answer = await answerer.ask('What did the Cabinet decide about the town centre parking strategy?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/^Decisions about town centre parking strategy at 1 meeting/);
    expect(answer.citations.map((c) => [c.committee, c.date, c.record])).toEqual([
      ['Cabinet', '2023-10-11', 'decision'],
    ]);
  });

  it('marks citations of minutes no later meeting confirms as draft, and confirmed ones not', async () => {
    const answer = await answerer.ask('Has Footpath 14 been deferred before?');
    expect(answer.answer).toMatch(/^Yes, twice:/);
    expect(answer.citations.map((c) => [c.date, c.draft])).toEqual([
      ['2023-06-19', false],
      ['2023-07-17', true],
    ]);
  });

  it('answers whether minutes are approved, citing the meeting that confirmed them', async () => {
    const answer = await answerer.ask('Were the minutes of the 8 February 2024 planning meeting approved?');
    expect(answer.answer).toMatch(/are confirmed: the meeting of 7 March 2024 approved them/);
    expect(answer.citations.map((c) => [c.date, c.record])).toEqual([['2024-03-07', 'confirmation']]);
  });

  it('says when a name could be two people instead of guessing', async () => {
    const answer = await answerer.ask('was cllr smith at the July 2023 Ashcombe meeting?');
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/could be Cllr J Smith or Cllr L Smith/);
  });

  it('answers who chaired in a month from the attendance record', async () => {
    const answer = await answerer.ask('Who chaired the planning committee in March 2024?');
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.every((c) => c.record === 'attendance' && c.date === '2024-03-07')).toBe(true);
  });

  it("never answers for a body whose minutes it does not hold with another body's chair", async () => {
    const answer = await answerer.ask('Who chaired the licensing committee in March 2024?');
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/^I hold no minutes of a body called “licensing committee”\. The committees I hold/);
    expect(answer.citations).toEqual([]);
  });

  it('reads a body named beside what was decided as part of the topic, not where it was decided', async () => {
    const answer = await answerer.ask('What was decided about the bus shelter the youth board wanted?');
    expect(answer.answer).not.toMatch(/hold no minutes of a body/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('searches the minutes for a question that asks for no record, and for a decision the records lack', async () => {
    const plain = await answerer.ask('What was said about the bus shelter?');
    expect(plain.citations.length).toBeGreaterThan(0);
    expect(plain.citations.every((c) => c.record === undefined && typeof c.draft === 'boolean')).toBe(true);
    const unrecorded = await answerer.ask('What was decided about the moon landing?');
    expect(unrecorded.mode).toBe('not_found');
    expect(unrecorded.answer).not.toMatch(/record no decision/);
  });
});

describe('periodOf', () => {
  it('reads a day, a whole month and a whole year, and nothing else', () => {
    expect(periodOf({ after: '2020-06-02', before: '2020-06-02' })).toBe('2020-06-02');
    expect(periodOf({ after: '2024-02-01', before: '2024-02-29' })).toBe('2024-02');
    expect(periodOf({ after: '2019-01-01', before: '2019-12-31' })).toBe('2019');
    expect(periodOf({ after: '2019-01-01', before: '2020-12-31' })).toBeNull();
    expect(periodOf({ after: '2019-01-01' })).toBeNull();
  });
});

describe('a council named whole, with another council’s "Parish Council" committee in the index', () => {
  let retriever: HybridRetriever;
  beforeAll(async () => {
    // Thornley's annual meeting is filed under the committee "Annual Meeting"; Willowbeck's
    // meetings under "Parish Council", a name inside "Thornley Parish Council".
    const layouts = path.resolve('tests/fixtures/layouts');
    const dir = tempDir('minutebook-councils-');
    const manifest = path.join(dir, 'meetings.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        {
          file: path.join(layouts, 'f14-parish-decimal-items.txt'),
          council: 'Thornley Parish Council',
          committee: 'Annual Meeting',
          date: '2021-05-05',
        },
        {
          file: path.join(layouts, 'f01-parish-inline-paren.txt'),
          council: 'Willowbeck Parish Council',
          committee: 'Parish Council',
          date: '2024-07-24',
        },
      ]),
    );
    const files = [
      path.join(layouts, 'f14-parish-decimal-items.txt'),
      path.join(layouts, 'f01-parish-inline-paren.txt'),
    ];
    const { indexDir } = await buildIndex(files, { embedder: null, manifest });
    retriever = openTestRetriever(indexDir, null);
  });
  afterAll(async () => {
    await retriever.close();
  });

  it('narrows by the council, not by the committee whose name is part of it', async () => {
    const answerer = new MinutesAnswerer({ retriever, chatModel: null, logger: silentLogger });
    const answer = await answerer.ask('Who was elected Chair of Thornley Parish Council in May 2021?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/^Mr A H Potter chaired the meeting of 5 May 2021 \[1\]\./);
    expect(new Set(answer.citations.map((c) => `${c.council} ${c.date}`))).toEqual(
      new Set(['Thornley Parish Council 2021-05-05']),
    );
  });
});
