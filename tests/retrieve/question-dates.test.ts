import { describe, expect, it } from 'vitest';
import { Glossary } from '../../src/retrieve/glossary.js';
import { readQuestionDates } from '../../src/retrieve/question-dates.js';

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
    expect(readQuestionDates(question, today)).toEqual({ filters, prefer: null });
  });

  it.each([
    ['What did Ofsted find in 2019?', { after: '2019-01-01', before: '2019-12-31' }],
    ['How many children were in care in January 2020?', { after: '2020-01-01', before: '2020-01-31' }],
  ])('%s only prefers a period (the event, not the meeting)', (question, prefer) => {
    expect(readQuestionDates(question, today)).toEqual({ filters: {}, prefer });
  });

  it('finds nothing in a question without dates', () => {
    expect(readQuestionDates('What is the Families First programme?', today)).toEqual({ filters: {}, prefer: null });
  });
});

describe('the glossary learned from minutes', () => {
  it('learns "Long Form (ACR)" and "ACR (Long Form)", skipping function words', () => {
    const glossary = new Glossary();
    glossary.learn('children requiring an Education, Health and Care Plan (EHCP) in Leicestershire');
    glossary.learn('the Defining Children and Family Services for the Future (DCFSF) programme');
    glossary.learn('groups across the LLR (Leicester, Leicestershire and Rutland) area');
    glossary.learn('the number of children who were electively home educated (EHE) rose');
    expect(glossary.expand('EHCP')).toEqual(['Education Health and Care Plan']);
    expect(glossary.expand('EHCPs')).toEqual(['Education Health and Care Plan']);
    expect(glossary.expand('DCFSF')).toEqual(['Defining Children and Family Services for the Future']);
    expect(glossary.expand('LLR')).toEqual(['Leicester Leicestershire and Rutland']);
    expect(glossary.expand('EHE')).toEqual(['electively home educated']);
    expect(glossary.acronymsIn('plans for education health and care plan growth')).toEqual(['EHCP']);
  });

  it('ignores brackets that are not definitions', () => {
    const glossary = new Glossary();
    glossary.learn('compared to the East Midlands (32%) and England (38%), see the report (Appendix A)');
    expect(glossary.size).toBe(0);
  });
});
