import { describe, expect, it } from 'vitest';
import { answerDecisions, answerMinutesStatus, answerWasPresent, answerWhoChaired } from '../../src/records/index.js';
import { corpusDir, hasCorpus } from '../helpers/corpus.js';
import { bookOf } from '../helpers/records.js';

describe.skipIf(!hasCorpus)('answers from the records of the real corpus', () => {
  const book = hasCorpus ? bookOf(corpusDir) : [];
  const cited = (answer: { citations: Array<{ date: string | null; minute: string | null }> }) =>
    answer.citations.map((c) => [c.date, c.minute]);

  it('follows the Partnership Plan from the draft (noted, views to Cabinet) to its progress update', () => {
    const answer = answerDecisions(
      'What has the committee decided about the Children and Families Partnership Plan?',
      book,
      {
        topic: 'Children and Families Partnership Plan',
      },
    );
    expect(cited(answer)).toEqual([
      ['2018-06-04', '10'],
      ['2020-06-02', '84'],
    ]);
    expect(answer.citations[0]?.points).toEqual(['a', 'b']);
  });

  it('finds the 3 March 2020 minutes confirmed on 2 June 2020 though that meeting is not held', () => {
    const answer = answerMinutesStatus('Were the minutes of 3 March 2020 confirmed?', book, { date: '2020-03-03' });
    expect(answer.answer).toBe(
      "I don't hold the minutes of 3 March 2020 themselves, but the meeting of 2 June 2020 confirmed them (minute 76) [1].",
    );
  });

  it('will not call the 21 January 2020 minutes draft: later meetings are held, the confirming one is not', () => {
    expect(answerMinutesStatus('q', book, { date: '2020-01-21' }).mode).toBe('not_found');
  });

  it('answers who chaired in June 2020 from the latest earlier record, saying so', () => {
    const answer = answerWhoChaired('Who chaired the committee in June 2020?', book, {
      when: '2020-06',
      committee: 'Children and Families',
    });
    expect(answer.answer).toBe(
      "The minutes of 2 June 2020 don't say who chaired. The latest record before then: Mrs. H. J. Fryer CC chaired the meeting of 21 January 2020 [1].",
    );
  });

  it('knows who was and was not on the January 2020 PRESENT list', () => {
    expect(answerWasPresent('q', book, { name: 'Mr Kaufman', when: '2020-01' }).answer).toMatch(
      /^Yes: Mr\. J\. Kaufman CC was present/,
    );
    expect(answerWasPresent('q', book, { name: 'Mr Pendleton', when: '2020-01' }).answer).toBe(
      'No: Mr. T. J. Pendleton CC is not among those recorded present at the meeting of 21 January 2020 [1].',
    );
  });
});
