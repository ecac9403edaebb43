import { describe, expect, it } from 'vitest';
import { answerPersonSaid, answerWasPresent, answerWhoChaired } from '../../src/records/index.js';
import { examplesDir } from '../helpers/corpus.js';
import { bookOf, recordsFixturesDir } from '../helpers/records.js';

const book = [...bookOf(examplesDir), ...bookOf(recordsFixturesDir)];
const cited = (answer: { citations: Array<{ date: string | null; minute: string | null }> }) =>
  answer.citations.map((c) => [c.date, c.minute]);

describe('who chaired', () => {
  it('names the chair each meeting in the period records, cited to the list or the item', () => {
    const february = answerWhoChaired('Who chaired the planning committee in February 2024?', book, {
      when: '2024-02',
      committee: 'Planning',
    });
    expect(february.answer).toBe('Councillor G. Abara chaired the meeting of 8 February 2024 [1].');
    expect(cited(february)).toEqual([['2024-02-08', null]]);
    const july = answerWhoChaired('q', book, { when: '2023-07', council: 'Ashcombe' });
    expect(july.answer).toContain('Cllr M. Hartley-Vane chaired the meeting of 17 July 2023');
    expect(cited(july)).toEqual([['2023-07-17', '2307.01']]);
  });

  it('also reports an appointment to the office made in the period', () => {
    const answer = answerWhoChaired('Who was vice-chair of the planning committee in March 2024?', book, {
      when: '2024-03',
      office: 'vice-chair',
      committee: 'Planning',
    });
    expect(answer.answer).toContain('Councillor M. Trask was appointed Vice-Chairman of the Committee');
    expect(answer.citations.map((c) => c.record)).toEqual(['role']);
  });

  it('with no meeting in the period, gives the latest earlier record and says that is what it is', () => {
    const answer = answerWhoChaired('Who chaired Ashcombe Parish Council in August 2023?', book, {
      when: '2023-08',
      council: 'Ashcombe',
    });
    expect(answer.answer).toBe(
      'I hold no minutes of a meeting in August 2023. The latest record before then: Cllr M. Hartley-Vane chaired the meeting of 17 July 2023 [1].',
    );
    expect(answer.mode).toBe('extractive');
  });

  it('says so when nothing in the minutes says who held the office', () => {
    const answer = answerWhoChaired('q', book, { when: '2010', committee: 'Planning' });
    expect(answer.mode).toBe('not_found');
    expect(answer.citations).toEqual([]);
  });
});

describe('was someone at a meeting', () => {
  it('yes from a list, from a substitution, or from taking part; no from apologies', () => {
    expect(
      answerWasPresent('q', book, { name: 'Councillor Dewhurst', when: '2024-03', committee: 'Planning' }).answer,
    ).toBe(
      'Yes: Councillor A. Dewhurst was present as substitute for Councillor S. Ullathorne at the meeting of 7 March 2024 (minute 70) [1].',
    );
    const whitcombe = answerWasPresent('Was Cllr Whitcombe at the March 2024 meeting?', book, {
      name: 'Cllr Whitcombe',
      when: '2024-03',
      council: 'Northbridge',
    });
    expect(whitcombe.answer).toBe(
      'No: Councillor J. Whitcombe sent apologies at the meeting of 12 March 2024 (minute 45) [1].',
    );
    const briar = answerWasPresent('q', book, { name: 'Mr Briar', when: '2024-06' });
    expect(briar.answer).toContain('Mr Tom Briar took part in the meeting of 18 June 2024 (minute 52)');
  });

  it('no when a list of those present leaves them out', () => {
    const answer = answerWasPresent('q', book, { name: 'Cllr Oakes', when: '2023-07' });
    expect(answer.answer).toBe('No: Cllr T. Oakes sent apologies at the meeting of 17 July 2023 (minute 2307.01) [1].');
    const notListed = answerWasPresent('q', book, { name: 'Councillor Abara', when: '2024-03', committee: 'Planning' });
    expect(notListed.answer).toBe(
      'No: Councillor G. Abara sent apologies at the meeting of 7 March 2024 (minute 70) [1].',
    );
    const penhale = answerWasPresent('q', book, { name: 'Cllr Penhale', when: '2023-07', council: 'Ashcombe' });
    expect(penhale.answer).toBe(
      'No: Cllr Penhale is not among those recorded present at the meeting of 17 July 2023 [1].',
    );
  });

  it('will not guess between two people with one surname', () => {
    const answer = answerWasPresent('Was Cllr Tonkin at the annual meeting?', book, {
      name: 'Cllr Tonkin',
      when: '2022-05',
    });
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toContain('could be Cllr Mrs Ann Tonkin or Cllr Mark Tonkin');
    // "Mrs Tonkin" could still be either: a title says nothing of "Cllr Mark Tonkin" (no name is sexed by guesswork).
    expect(answerWasPresent('q', book, { name: 'Mrs Tonkin', when: '2022-05' }).mode).toBe('not_found');
    const ann = answerWasPresent('q', book, { name: 'Ann Tonkin', when: '2022-05' });
    expect(ann.answer).toBe('No: Cllr Mrs Ann Tonkin sent apologies at the meeting of 9 May 2022 (minute 3) [1].');
  });

  it('says when the minutes keep no list and do not mention them', () => {
    const answer = answerWasPresent('q', book, { name: 'Councillor Farrant', when: '2024-06', council: 'Northbridge' });
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toContain('record no list of who was present');
  });
});

describe('what someone has said', () => {
  it('quotes the sentences naming them in items about the topic, cited', () => {
    const answer = answerPersonSaid('What has Cllr Hale said about Riverside Academy?', book, {
      name: 'Cllr Hale',
      topic: 'Riverside Academy',
    });
    expect(answer.answer).toContain('Councillor Hale declared a non-registerable interest in minute 34');
    expect(cited(answer)).toEqual([['2023-11-07', '32']]);
    expect(answer.citations.map((c) => ({ n: c.n, kind: c.record }))).toEqual([{ n: 1, kind: 'mention' }]);
  });

  it('across meetings, oldest first', () => {
    const answer = answerPersonSaid('What has Cllr L Smith said about the bus shelter?', book, {
      name: 'Cllr L Smith',
      topic: 'bus shelter',
    });
    expect(cited(answer)).toEqual([['2023-05-15', '2305.08']]);
    expect(answer.answer).toContain(
      'Cllr L Smith reported that the bus shelter glass had been broken twice since March',
    );
  });

  it('is ambiguous, or empty, rather than wrong', () => {
    expect(answerPersonSaid('q', book, { name: 'Cllr Smith', topic: 'footpath' }).answer).toContain('could be');
    expect(answerPersonSaid('q', book, { name: 'Cllr Hale', topic: 'knife crime' }).mode).toBe('not_found');
    expect(answerPersonSaid('q', book, { name: 'Councillor Nobody' }).mode).toBe('not_found');
  });
});
