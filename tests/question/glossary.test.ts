import { describe, expect, it } from 'vitest';
import { Glossary } from '../../src/question/index.js';

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

  it('learns a definition that opens the text, and one whose look-back starts mid-word', () => {
    const glossary = new Glossary();
    glossary.learn('Road Safety Works (RSW) reported a fall in collisions.');
    expect(glossary.expand('RSW')).toEqual(['Road Safety Works']);
    glossary.learn(`${'x'.repeat(300)}abc Quillon Marsh Fund (QMF) grants`);
    expect(glossary.expand('QMF')).toEqual(['Quillon Marsh Fund']);
  });

  it('ignores brackets that are not definitions', () => {
    const glossary = new Glossary();
    glossary.learn('compared to the East Midlands (32%) and England (38%), see the report (Appendix A)');
    expect(glossary.size).toBe(0);
  });
});

describe('abbreviations the minutes leave undefined', () => {
  it('falls back to common local-government ones, and the minutes win where they define their own', () => {
    const glossary = new Glossary();
    expect(glossary.expand('LAC')).toEqual(['looked after children', 'looked after child']);
    expect(glossary.expand('pc')).toEqual(['parish council']);
    expect(glossary.defines('PC')).toBe(false);
    glossary.learn('the Planning Committee (PC) met');
    expect(glossary.expand('PC')).toEqual(['Planning Committee']);
    expect(glossary.defines('PC')).toBe(true);
  });

  it('finds spelled-out long forms, all of them or only those the minutes define', () => {
    const glossary = new Glossary();
    glossary.learn('the Transforming SEND and Inclusion in Leicestershire (TSIL) programme');
    const text = 'how many looked after children are in the transforming send and inclusion in leicestershire work';
    expect(glossary.acronymsIn(text).sort()).toEqual(['LAC', 'TSIL']);
    expect(glossary.acronymsIn(text, { definedOnly: true })).toEqual(['TSIL']);
  });
});
