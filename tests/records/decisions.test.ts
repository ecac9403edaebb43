import { describe, expect, it } from 'vitest';
import type { RecordAnswer } from '../../src/records/index.js';
import { answerDecisions, answerDeferrals } from '../../src/records/index.js';
import { examplesDir } from '../helpers/corpus.js';
import { bookOf, recordsFixturesDir } from '../helpers/records.js';

const book = [...bookOf(examplesDir), ...bookOf(recordsFixturesDir)];

/** Every [n] in the text is a citation, and every citation is used. */
function expectCitationsUsed(answer: RecordAnswer): void {
  const used = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(new Set(used)).toEqual(new Set(answer.citations.map((c) => c.n)));
}

describe('what was decided about a topic', () => {
  it('lists the decisions on items about it, oldest first, cited to minute and point', () => {
    const answer = answerDecisions('What was decided about post-16 transport?', book, { topic: 'post-16 transport' });
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.map((c) => [c.date, c.minute, c.points])).toEqual([['2023-11-07', '34', ['a', 'b']]]);
    expect(answer.answer).toContain('recommended to Cabinet: That the Cabinet be asked to extend the consultation');
    expect(answer.citations.map((c) => ({ n: c.n, kind: c.record }))).toEqual([{ n: 1, kind: 'decision' }]);
    expectCitationsUsed(answer);
  });

  it('follows a matter across meetings: deferred for a site inspection, then granted', () => {
    const answer = answerDecisions('What has the planning committee decided about Tollgate Farm?', book, {
      topic: 'Tollgate Farm',
    });
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([
      ['2024-02-08', '64'],
      ['2024-03-07', '72'],
    ]);
    const [first, second] = answer.answer.split('\n').slice(1);
    expect(first).toContain('deferred (until a Committee site inspection)');
    expect(second).toContain('That planning permission be GRANTED');
    expectCitationsUsed(answer);
  });

  it('keeps to a committee or council when asked', () => {
    const all = answerDecisions('q', book, { topic: 'correct record' });
    const ashcombe = answerDecisions('q', book, { topic: 'correct record', council: 'Ashcombe' });
    expect(ashcombe.citations.length).toBeGreaterThan(0);
    expect(ashcombe.citations.every((c) => c.council === 'Ashcombe Parish Council')).toBe(true);
    expect(all.citations.length).toBeGreaterThan(ashcombe.citations.length);
  });

  it('says so, with nothing cited, when no decision is about the topic', () => {
    const answer = answerDecisions('What was decided about the lido?', book, { topic: 'open-air lido' });
    expect(answer.mode).toBe('not_found');
    expect(answer.citations).toEqual([]);
    expect(answer.searched.meetings).toBe(book.length);
  });
});

describe('has it been deferred before', () => {
  it('counts the deferrals and cites each', () => {
    const answer = answerDeferrals('Has Footpath 14 been deferred before?', book, { topic: 'Footpath 14' });
    expect(answer.answer.split('\n')[0]).toBe('Yes, twice:');
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([
      ['2023-06-19', '2306.05'],
      ['2023-07-17', '2307.03'],
    ]);
    expectCitationsUsed(answer);
  });

  it('cites the lettered point when one of several applications was deferred', () => {
    const answer = answerDeferrals('Was the Ferris Road application deferred?', book, { topic: 'Ferris Road' });
    expect(answer.answer.split('\n')[0]).toBe('Yes, once:');
    expect(answer.citations.map((c) => [c.date, c.minute, c.points])).toEqual([['2023-05-15', '2305.07', ['b']]]);
  });

  it('answers no, and shows what was decided instead, when the topic was never deferred', () => {
    const answer = answerDeferrals('Has the Conservation Area Appraisal been deferred?', book, {
      topic: 'Conservation Area Appraisal',
    });
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/^No: none of the decisions about Conservation Area Appraisal/);
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([['2024-03-07', '73']]);
  });
});
