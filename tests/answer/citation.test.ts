import { describe, expect, it } from 'vitest';
import { formatCitation, formatMeetingRef } from '../../src/answer/citation.js';
import { answerJson, renderAnswerText } from '../../src/answer/render.js';
import type { Answer, Citation } from '../../src/types.js';

const CITATION: Citation = {
  n: 1,
  council: 'Leicestershire County Council',
  committee: 'Children and Families Overview and Scrutiny Committee',
  date: '2022-09-06',
  minute: '21',
  minuteNumber: 21,
  title: 'SEND and Inclusion',
  points: ['i'],
  url: 'https://democracy.example.gov.uk/mgAi.aspx?ID=9021',
  quote: '(i) The number of children requiring an EHCP had increased by 24% since 2019.',
};

describe('formatCitation', () => {
  it('renders committee, long UK date, minute, title and point', () => {
    expect(formatCitation(CITATION)).toBe(
      'Children and Families Overview and Scrutiny Committee, 6 September 2022, minute 21 — SEND and Inclusion (point i)',
    );
  });

  it('leaves out what is unknown rather than showing blanks', () => {
    expect(formatCitation({ ...CITATION, minute: null, points: [] })).toBe(
      'Children and Families Overview and Scrutiny Committee, 6 September 2022 — SEND and Inclusion',
    );
    expect(formatCitation({ ...CITATION, committee: null, date: null, points: ['ii', 'iii'] })).toBe(
      'Leicestershire County Council, date unknown, minute 21 — SEND and Inclusion (points ii, iii)',
    );
    expect(formatCitation({ ...CITATION, minute: 'C61/24' })).toContain('minute C61/24 —');
  });

  it('refers to a meeting inside an answer by date and minute', () => {
    expect(formatMeetingRef('2018-06-04', '12')).toBe('4 June 2018 (minute 12)');
    expect(formatMeetingRef(null, null)).toBe('an undated meeting');
  });
});

const ANSWER: Answer = {
  question: 'What was said about EHCP growth?',
  mode: 'extractive',
  answer: 'On 6 September 2022 (minute 21, SEND and Inclusion): EHCPs had increased by 24% since 2019. [1]',
  citations: [CITATION, { ...CITATION, n: 2, url: null, date: '2020-01-21', minute: '58', points: [] }],
  searched: {
    meetings: 5,
    from: '2018-06-04',
    to: '2025-06-18',
    committees: ['Children and Families Overview and Scrutiny Committee'],
  },
};

describe('answer output for the CLI', () => {
  it('prints the answer then a numbered citation list with links', () => {
    expect(renderAnswerText(ANSWER)).toBe(
      [
        ANSWER.answer,
        '',
        'Sources:',
        '[1] Children and Families Overview and Scrutiny Committee, 6 September 2022, minute 21 — SEND and Inclusion (point i)',
        '    https://democracy.example.gov.uk/mgAi.aspx?ID=9021',
        '[2] Children and Families Overview and Scrutiny Committee, 21 January 2020, minute 58 — SEND and Inclusion',
      ].join('\n'),
    );
  });

  it('says "draft minutes" after the date of a meeting whose minutes are not yet confirmed', () => {
    const [first] = ANSWER.citations;
    if (!first) throw new Error('no citation');
    expect(renderAnswerText({ ...ANSWER, citations: [{ ...first, draft: true }] })).toContain(
      '[1] Children and Families Overview and Scrutiny Committee, 6 September 2022 (draft minutes), minute 21 — SEND and Inclusion (point i)',
    );
    expect(answerJson({ ...ANSWER, citations: [{ ...first, draft: true, record: 'decision' }] })).toMatchObject({
      citations: [{ draft: true, record: 'decision' }],
    });
  });

  it('gives --json exactly the contract keys', () => {
    const json = JSON.parse(JSON.stringify(answerJson(ANSWER)));
    expect(Object.keys(json)).toEqual(['question', 'mode', 'answer', 'citations', 'searched']);
    expect(Object.keys(json.citations[0])).toEqual([
      'n',
      'council',
      'committee',
      'date',
      'minute',
      'minuteNumber',
      'title',
      'points',
      'url',
      'quote',
      'record',
      'draft',
    ]);
    expect(json.citations[0]).toMatchObject({ record: null, draft: false });
    expect(Object.keys(json.searched)).toEqual(['meetings', 'from', 'to', 'committees']);
    expect(
      answerJson({ ...ANSWER, fallbackReason: 'the model was unavailable', fallbackCode: 'unavailable' }),
    ).toMatchObject({
      fallbackReason: 'the model was unavailable',
      fallbackCode: 'unavailable',
    });
  });
});
