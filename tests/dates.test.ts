import { describe, expect, it } from 'vitest';
import {
  findDates,
  formatLongDate,
  isIsoDate,
  isoFromParts,
  monthNumber,
  numericOrderOf,
  parseDate,
  parseLongDate,
} from '../src/dates.js';

describe('reading dates as councils print them', () => {
  it.each([
    ['Tuesday, 2 June 2020', '2020-06-02'],
    ['Wednesday 24th of July 2024', '2024-07-24'],
    ['NOVEMBER 13, 2018', '2018-11-13'],
    ['Date: Thursday, 14 May 2015', '2015-05-14'],
    ['Monday, March 8th, 2025', '2025-03-08'],
    ['14/05/2015', '2015-05-14'],
    ['14.05.2015', '2015-05-14'],
    ['14/05/15', '2015-05-14'],
    ['2020-01-21', '2020-01-21'],
    ['2 Mehefin 2020', '2020-06-02'],
    ['Dydd Mawrth, 3 Mawrth 2020', '2020-03-03'],
    ['o 2 Fehefin 2020 ymlaen', '2020-06-02'],
    ['held on 12 Sept. 2024', '2024-09-12'],
    ['Monday 4th March, 2019', '2019-03-04'],
    ['HELD ON 11 TH MAY 2017 (a superscript ordinal as PDF text gives it)', '2017-05-11'],
    ['Thursday 1 st February 2024', '2024-02-01'],
    ['on the 5th day of March 2021', '2021-03-05'],
    ['held on 3–4 June 2024 (a meeting over two days starts on the first)', '2024-06-03'],
  ])('%s is %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads numeric dates month first only when told to, or when the day cannot be a month', () => {
    expect(parseDate('05/06/2020')).toBe('2020-06-05');
    expect(parseDate('05/06/2020', { numericOrder: 'mdy' })).toBe('2020-05-06');
    expect(parseDate('11/23/2020')).toBe('2020-11-23');
  });

  it('refuses days the calendar does not have and paragraph numbers that look like dates', () => {
    expect(parseDate('31 June 2020')).toBeNull();
    expect(parseDate('2020-02-31')).toBeNull();
    expect(parseDate('see paragraph 3.1.12 of the report')).toBeNull();
    expect(parseDate('Standing Order 34 of 2019')).toBeNull();
  });

  it('finds every date in order, months without a day only when asked', () => {
    const text = 'Approved on 21/01/2020; reviewed March 8, 2025 and again in June 2023 (2020-01-21).';
    expect(findDates(text).map((d) => [d.iso, d.precision])).toEqual([
      ['2020-01-21', 'day'],
      ['2025-03-08', 'day'],
      ['2023-06', 'month'],
      ['2020-01-21', 'day'],
    ]);
    expect(findDates(text, { months: false }).map((d) => d.iso)).toEqual(['2020-01-21', '2025-03-08', '2020-01-21']);
  });

  it('does not take a word that merely contains a month for one', () => {
    expect(findDates('Domain 2020 and Smarch 2021')).toEqual([]);
  });

  it('keeps the long-form reader and the small helpers', () => {
    expect(parseLongDate('the meeting held on 3 March 2020 was confirmed')).toBe('2020-03-03');
    expect(isoFromParts('2', 'june', '2020')).toBe('2020-06-02');
    expect(isoFromParts('2', '6', '2020')).toBe('2020-06-02');
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('Rhagfyr')).toBe(12);
    expect(monthNumber('smarch')).toBeNull();
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(formatLongDate('2020-06-02')).toBe('2 June 2020');
    expect(formatLongDate('2023-06')).toBe('June 2023');
    expect(formatLongDate(null)).toBe('date unknown');
  });

  it('gives days listed before a dated day its year, and leaves a day with no year unread', () => {
    const iso = (text: string) => findDates(text, { months: false }).map((d) => d.iso);
    expect(iso('the meetings held on 7th July and 29th July 2025')).toEqual(['2025-07-07', '2025-07-29']);
    expect(iso('13 April, 20 April and 11 May 2022')).toEqual(['2022-04-13', '2022-04-20', '2022-05-11']);
    expect(iso('1st November and 13th December 2006')).toEqual(['2006-11-01', '2006-12-13']);
    expect(iso('would be held on 08 November at 2:00pm')).toEqual([]);
    expect(iso('on 3 June and then, many weeks later, on 5 June 2020')).toEqual(['2020-06-05']);
  });

  it("reads a document's numeric dates the way it writes its dates in words", () => {
    expect(numericOrderOf('REGULAR MEETING MARCH 5, 2019. Approval of minutes of February 19, 2019 and 2/26/19.')).toBe(
      'mdy',
    );
    expect(numericOrderOf('held on 5 March 2019; minutes of 19 February 2019 (26/02/19).')).toBe('dmy');
    expect(numericOrderOf('no dates in words at all')).toBe('dmy');
  });
});
