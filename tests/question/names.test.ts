import { describe, expect, it } from 'vitest';
import { unknownBodyNamed } from '../../src/question/index.js';

/** A made-up index: one parish council's full meetings and a borough's scrutiny committee and cabinet. */
const HELD = {
  committees: ['Ashcombe Parish Council', 'Children and Young People Scrutiny Committee', 'Cabinet'],
  councils: ['Ashcombe Parish Council', 'Northbridge Borough Council'],
};
const NO_CABINET = { committees: ['Planning Applications Sub-Committee'], councils: ['Wessmoor District Council'] };

describe('a body the question names that the index does not hold', () => {
  it.each([
    ['Who chaired the Licensing Committee in June 2020?', 'licensing committee'],
    ['who chaired planning committee in nov 2023', 'planning committee'],
    ['Was Cllr Hale at the Health and Wellbeing Board in March?', 'wellbeing board'],
    ['were the minutes of the Wessmoor Town Council approved?', 'wessmoor town council'],
  ])('names %j as %j', (question, body) => {
    expect(unknownBodyNamed(question, HELD)).toBe(body);
  });

  it('names a body called by its kind alone when that kind is a name (Cabinet) and the index has none', () => {
    expect(unknownBodyNamed('who chaired cabinet in 2023?', NO_CABINET)).toBe('cabinet');
    expect(unknownBodyNamed('who chaired cabinet in 2023?', HELD)).toBeNull();
  });

  it.each([
    'Who chaired the committee in June 2020?',
    'who chaired the scrutiny committee in nov 2023?',
    'Was Cllr Hale at the full council in March?',
    'who chaired the June committee?',
    'Were the minutes of the Ashcombe parish council meeting of 3 May approved?',
    'who chaired the Northbridge cabinet in 2024?',
    'who was at the meeting on 3 May?',
  ])('holds %j', (question) => {
    expect(unknownBodyNamed(question, HELD)).toBeNull();
  });

  it('reads a sub-committee as one word', () => {
    expect(unknownBodyNamed('who chaired the planning applications sub-committee?', NO_CABINET)).toBeNull();
    expect(unknownBodyNamed('who chaired the licensing sub-committee?', NO_CABINET)).toBe('licensing subcommittee');
  });

  it.each([
    ['What did the Licensing Committee decide about taxi fares?', 'licensing committee'],
    ['what was said at the planning committee about the bypass?', 'planning committee'],
    ['anything from the Health and Wellbeing Board on obesity?', 'wellbeing board'],
  ])('as the scope of a search, names %j as %j', (question, body) => {
    expect(unknownBodyNamed(question, HELD, { asScope: true })).toBe(body);
  });

  it.each([
    // A body asked about is a topic the minutes may discuss, not minutes the index must hold.
    'What has been said about the youth council?',
    'Has the Licensing Committee been discussed?',
    'what did members say about funding for the planning committee',
    // Held, or named by its kind alone.
    'what did the scrutiny committee decide about school transport?',
    'what did the committee decide about school transport?',
  ])('as the scope of a search, holds %j', (question) => {
    expect(unknownBodyNamed(question, HELD, { asScope: true })).toBeNull();
  });
});
