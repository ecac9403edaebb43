import { describe, expect, it } from 'vitest';
import { readQuestionDates, withoutDatePhrases } from '../../src/question/index.js';

const today = new Date('2026-11-23T00:00:00Z');

describe('dates read from a question', () => {
  it.each([
    ['What was said about EHCPs since 2019?', { after: '2019-01-01' }],
    ['What happened after 2020?', { after: '2021-01-01' }],
    ['Anything on libraries before 2021?', { before: '2020-12-31' }],
    ['Knife crime between 2018 and 2020', { after: '2018-01-01', before: '2020-12-31' }],
    ['What was agreed at the June 2022 meeting?', { after: '2022-06-01', before: '2022-06-30' }],
    ['What did we discuss last year?', { after: '2025-01-01', before: '2025-12-31' }],
    ['Which meetings in 2020 discussed SEND?', { after: '2020-01-01', before: '2020-12-31' }],
  ])('%s sets meeting filters', (question, filters) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters, prefer: null });
  });

  it.each([
    ['What did Ofsted find in 2019?', { after: '2019-01-01', before: '2019-12-31' }],
    ['How many children were in care in January 2020?', { after: '2020-01-01', before: '2020-01-31' }],
  ])('%s only prefers a period (the event, not the meeting)', (question, prefer) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer });
  });

  it('finds nothing in a question without dates', () => {
    expect(readQuestionDates('What is the Families First programme?', today)).toEqual({
      filters: {},
      prefer: null,
      phrases: [],
    });
  });
});

describe('"from <date>": the meetings, a dated thing, or when something takes effect', () => {
  it.each([
    ['What decisions were made from July 2024?', { after: '2024-07-01' }],
    ['anything on SEND from 2022?', { after: '2022-01-01' }],
  ])('"%s" attaches to the meetings: filters %j', (question, filters) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters, prefer: null });
  });

  it('a report from a month dates the report: its meetings are preferred, none are dropped', () => {
    expect(readQuestionDates('What did the report from July 2024 say about flooding?', today)).toMatchObject({
      filters: {},
      prefer: { after: '2024-07-01', before: '2024-07-31' },
    });
  });

  it.each([
    'How much will dog registration cost from July 2024?',
    'By how much will mooring fees rise from April 2024?',
    'fees going up by 5% from 2025 - agreed?',
  ])('"%s" says when a charge takes effect: no meeting limit, and the phrase leaves the topic', (question) => {
    const read = readQuestionDates(question, today);
    expect(read).toMatchObject({ filters: {}, prefer: null });
    expect(read.phrases).toHaveLength(1);
    expect(withoutDatePhrases(question)).not.toMatch(/20\d\d/);
  });

  it.each([
    'How many secondary school places will the town be short from September 2026?',
    'is the depot going to be shut from jan 2027',
    "which roads'll be resurfaced from 2025?",
  ])('"%s" puts what happens from the date in the future: a meeting before then foresaw it, no limit', (question) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer: null });
  });

  it.each([
    'How big is the shortfall in primary places from September 2027?',
    "how big's the gap in school places from april 2026",
    'What is the waiting list for allotments from 2025?',
  ])('"%s" has a verb of its own and none of what meetings do: the date is the thing\'s, no limit', (question) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer: null });
  });

  it.each(["anything on the council's SEND work from 2022?", 'What was said about the shortfall in places from 2023?'])(
    '"%s" keeps the date on the meetings (no verb, or one of what meetings do)',
    (question) => {
      expect(readQuestionDates(question, today).filters).toHaveProperty('after');
    },
  );

  it('a clause in the past keeps the date on the meetings', () => {
    expect(
      readQuestionDates('What will the committee look at, and what was decided from July 2024?', today),
    ).toMatchObject({
      filters: { after: '2024-07-01' },
    });
  });
});

describe('"for this year": the period a thing covers, not the meetings', () => {
  it.each([
    'How much did the Holiday Activity and Food scheme bid for this year?',
    'what was the budget for last year?',
  ])('"%s" limits no meetings', (question) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer: null });
  });
});

describe('"last year": the meetings when asked what they did, else when something happened', () => {
  it.each(['How many children were adopted last year?', 'how many young people finished travel training last year'])(
    '"%s" prefers last year\'s meetings and drops none: the minutes report a year after it ends',
    (question) => {
      expect(readQuestionDates(question, today)).toMatchObject({
        filters: {},
        prefer: { after: '2025-01-01', before: '2025-12-31' },
      });
    },
  );
});

describe('dates written the way people type them', () => {
  it.each([
    ['quick one - did the cttee defer it in sept 24?', { after: '2024-09-01', before: '2024-09-30' }],
    ['who was elected deputy chair june 18?', { after: '2018-06-01', before: '2018-06-30' }],
    ["what came up in jun '22", { after: '2022-06-01', before: '2022-06-30' }],
    ['anything in Sept. 2023?', { after: '2023-09-01', before: '2023-09-30' }],
    ['what was said in Mehefin 2020?', { after: '2020-06-01', before: '2020-06-30' }],
    ['when was the next meeting after 2/6/20?', { after: '2020-06-02', before: '2020-06-02' }],
    ['what happened on 5 May 2019?', { after: '2019-05-05', before: '2019-05-05' }],
    ['how many kids in care back in jan 2020', { after: '2020-01-01', before: '2020-01-31' }],
  ])('"%s" prefers %j', (question, prefer) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer });
  });

  it('takes "back in" with the date, so "back" is no word of the topic', () => {
    expect(withoutDatePhrases('how many kids in care back in jan 2020')).not.toMatch(/back/);
    expect(withoutDatePhrases('what was said about back pay in 2019')).toMatch(/back pay/);
  });

  it.each([
    ['anything on SEND since june 2022?', { after: '2022-06-01' }],
    ['what did the cttee say at the nov 23 meeting?', { after: '2023-11-01', before: '2023-11-30' }],
    ['agency staff pre 2019?', { before: '2018-12-31' }],
    ['what changed post-2020?', { after: '2021-01-01' }],
  ])('"%s" filters %j', (question, filters) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters });
  });

  it.each([
    ['which councillor declared an interest in the autumn of 2023?', { after: '2023-09-01', before: '2023-11-30' }],
    ['what came up in spring 24', { after: '2024-03-01', before: '2024-05-31' }],
    ['anything on gritting over winter 2022?', { after: '2022-12-01', before: '2023-02-28' }],
  ])('"%s" prefers the season %j', (question, prefer) => {
    expect(readQuestionDates(question, today)).toMatchObject({ filters: {}, prefer });
  });

  it('reads a season without a year as the topic, or a comparison the minutes make', () => {
    expect(readQuestionDates('how many children joined the summer holiday activities?', today).phrases).toEqual([]);
    expect(readQuestionDates('how much busier was A&E than last winter?', today).phrases).toEqual([]);
  });

  it('leaves financial years and lone numbers alone: they are what the question is about', () => {
    expect(readQuestionDates('What was the gross budget for 2020/21?', today)).toEqual({
      filters: {},
      prefer: null,
      phrases: [],
    });
    expect(readQuestionDates('How many new schools, 26 or 29?', today).phrases).toEqual([]);
  });

  it('takes the date phrases out of the topic', () => {
    expect(withoutDatePhrases('What was said about SEND at the June 2022 meeting?')).toBe('What was said about SEND?');
    expect(withoutDatePhrases('knife crime since 2024 and in 2023')).toBe('knife crime and');
  });
});
