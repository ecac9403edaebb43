import { describe, expect, it } from 'vitest';
import { answerVote } from '../../src/records/index.js';
import { examplesDir } from '../helpers/corpus.js';
import { bookOf, recordsFixturesDir } from '../helpers/records.js';

const book = [...bookOf(examplesDir), ...bookOf(recordsFixturesDir)];

describe('how a vote went', () => {
  it('gives the result, the counts, the named votes and the casting vote, cited', () => {
    const answer = answerVote('How did the vote on Ferris Road go?', book, { topic: 'Ferris Road' });
    expect(answer.answer).toBe(
      'On 19 June 2023 (minute 2306.03, Planning application 23/0388/OUT, land east of Ferris Road): "the Council object on the grounds of flood risk" (moved by Cllr Wrenfield, seconded by Cllr Oakes) was lost on the Chairman\'s casting vote (3 for, 3 against). for: Cllr Wrenfield, Cllr Oakes, Cllr Brackley; against: Cllr Dunnock, Cllr J Smith, Cllr Hartley-Vane [1].',
    );
    expect(answer.citations.map((c) => ({ n: c.n, kind: c.record }))).toEqual([{ n: 1, kind: 'vote' }]);
  });

  it('gives every vote on the item in order: a motion lost, then another carried', () => {
    const answer = answerVote('How did the vote on the Old Forge go?', book, { topic: 'Old Forge' });
    expect(answer.answer).toContain(
      '"to approve the application in line with the officer recommendation" was lost (3 for, 5 against)',
    );
    expect(answer.answer).toContain('then "the application be refused, contrary to the officer recommendation"');
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([['2024-02-08', '66']]);
  });

  it('reads a Scottish division won by the amendment as the amendment carried', () => {
    const answer = answerVote('How did the vote on music tuition charges go?', book, {
      topic: 'music tuition charges',
    });
    expect(answer.answer).toContain(
      '"the charges be frozen at the 2021/22 level" (moved by Councillor MacLeish, seconded by Councillor Rennie) was carried (4 for, 2 against)',
    );
  });

  it('says no vote is recorded, and cites the decision, when the minutes record only what was decided', () => {
    const answer = answerVote('How did the vote on the youth service review go?', book, {
      topic: 'Youth Service Review',
    });
    expect(answer.answer).toContain('no vote is recorded; the minutes record the decision');
    expect(answer.citations.map((c) => ({ n: c.n, kind: c.record }))).toEqual([{ n: 1, kind: 'decision' }]);
  });

  it('says so when nothing is about the topic', () => {
    expect(answerVote('q', book, { topic: 'cemetery extension' }).mode).toBe('not_found');
  });
});
