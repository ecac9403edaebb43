import { describe, expect, it } from 'vitest';
import { namesAnotherPeriod, namesPeriodAsked, periodsNamed, withoutMeetingMonth } from '../../src/question/index.js';

/** The periods a figure belongs to, so a figure for the neighbouring period is not taken for the one asked. */

const read = (text: string) => Object.fromEntries([...periodsNamed(text)].map(([kind, values]) => [kind, [...values]]));

describe('periods named', () => {
  it.each([
    ['spending in 2022/23', { 'financial-year': [2022] }],
    ['the 2022-2023 budget and FY 24/25', { 'financial-year': [2022, 2024] }],
    ['between 2019-2023', { year: [2019, 2023] }],
    ['the deficit at month three', { 'report-month': [3] }],
    ['the M3 position', { 'report-month': [3] }],
    ['the third month of the year', { 'report-month': [3] }],
    ['Q2 and the fourth quarter', { quarter: [2, 4] }],
    ['burglaries in November 2014', { year: [2014], month: [11] }],
    ['we may see more', {}],
    // Typed short: two years in a row; "10/11" could be a day and month, "25/30" a score.
    ['h2s spend 22/23?', { 'financial-year': [2022] }],
    ['met on 10/11, scored 25/30', {}],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('a figure for another period', () => {
  const asked = periodsNamed("What was the Trust's deficit at month three?");

  it('is one that names another period of the kind asked and not the one asked', () => {
    expect(namesAnotherPeriod('a deficit of £2.1m at month two', asked)).toBe(true);
    expect(namesAnotherPeriod('a deficit of £2.4m at month three, against £2.1m at month two', asked)).toBe(false);
  });

  it('is not one that names no period of that kind, or only periods of other kinds', () => {
    expect(namesAnotherPeriod('a deficit of £2.4m', asked)).toBe(false);
    expect(namesAnotherPeriod('a deficit of £2.4m in 2023/24', asked)).toBe(false);
    expect(namesAnotherPeriod('anything at month two', periodsNamed('What was the deficit?'))).toBe(false);
  });

  it('tells whether a text (an item title) names a period asked', () => {
    const fy = periodsNamed('By how much did Children’s Services overspend in 2023/24?');
    expect(namesPeriodAsked('Children’s Services Budget Outturn 2023/24', fy)).toBe(true);
    expect(namesPeriodAsked('Home to School Transport Policy 2024/25', fy)).toBe(false);
    // The year asked, but another quarter of it.
    const quarter = periodsNamed('What share of calls were answered in time in quarter 2 of 2023/24?');
    expect(namesPeriodAsked('Call Handling Performance - Quarter 3 2023/24', quarter)).toBe(false);
    expect(namesPeriodAsked('Call Handling Performance - Quarter 2 2023/24', quarter)).toBe(true);
  });
});

describe('the month a meeting acted in', () => {
  it('is when it acted, not the period its figure is for', () => {
    const asked = periodsNamed('the grant accepted in November 2025');
    const atTheMeeting = withoutMeetingMonth(asked, '2025-11-18');
    expect(namesAnotherPeriod('a state grant of $48,750 for the 2026 season', atTheMeeting)).toBe(false);
    // At a meeting in another month, November 2025 is still a period asked.
    expect(
      namesAnotherPeriod('a state grant of $48,750 for the 2026 season', withoutMeetingMonth(asked, '2025-09-02')),
    ).toBe(true);
  });

  it('leaves a year named alone a period asked: the fees for 2025 are not the 2026 fees', () => {
    const asked = periodsNamed('the mooring fees for 2025');
    expect(namesAnotherPeriod('mooring fees will rise to £410 in 2026', withoutMeetingMonth(asked, '2025-06-19'))).toBe(
      true,
    );
  });
});
