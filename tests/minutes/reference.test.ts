import { describe, expect, it } from 'vitest';
import { findMinuteReferences, parseMinuteToken } from '../../src/minutes/reference.js';

const minutes = (text: string) => findMinuteReferences(text).map((r) => r.minute);

describe('minute references in free text (the one grammar answers are checked with)', () => {
  it.each([
    ['See minute 156 for the decision.', ['156']],
    ['as recorded at Minute No. 142/20', ['142/20']],
    ['Min 28 24/25 – Co-option', ['28 24/25']],
    ['under item 5.2 of the agenda', ['5.2']],
    ['minutes 12 and 13 were taken together', ['12', '13']],
    ['items 4, 5 & 6', ['4', '5', '6']],
    ['the clerk referred to C048/23 and PLA146/14', ['C048/23', 'PLA146/14']],
    ['Cofnod 7 was agreed', ['7']],
  ])('%s names %j', (text, expected) => {
    expect(minutes(text)).toEqual(expected);
  });

  it('reads no minute from a date, the minutes of a meeting, or a figure after a singular label', () => {
    expect(minutes('The minutes of 3 March 2020 were confirmed.')).toEqual([]);
    expect(minutes('minutes 14/05/2015 were approved')).toEqual([]);
    expect(minutes('At minute 12, 622 households were in temporary accommodation.')).toEqual(['12']);
  });

  it('keeps numbers above 9999 whole', () => {
    expect(findMinuteReferences('minute 10234')).toEqual([
      expect.objectContaining({ minute: '10234', minuteNumber: 10234 }),
    ]);
  });

  it('says where each reference was written', () => {
    const [first] = findMinuteReferences('As noted at minute 21, the plan stands.');
    expect(first).toMatchObject({ index: 'As noted at '.length, text: 'minute 21' });
  });
});

describe('printed item numbers read with the grammar', () => {
  it.each([
    ['5-A', { minute: '5-A', form: 'decimal', parts: [5, 1] }],
    ['6-B', { minute: '6-B', form: 'decimal', parts: [6, 2] }],
    ['R-3', { minute: 'R-3', form: 'prefixed', prefix: 'R', parts: [3] }],
    ['NB-1', { minute: 'NB-1', form: 'prefixed', prefix: 'NB', parts: [1] }],
  ])("%s: an agenda section's lettered or coded item", (raw, expected) => {
    expect(parseMinuteToken(raw)).toMatchObject(expected);
  });

  it('reads "C24.112" as a lettered year and a running minute, as "C24/112" is', () => {
    expect(parseMinuteToken('C24.112')).toMatchObject({ minute: 'C24.112', minuteNumber: 112, form: 'compound' });
    expect(parseMinuteToken('FC2024.07')).toMatchObject({ minuteNumber: 7, form: 'compound' });
    // A road or a paragraph reference is not one: "B4519", "A1.2".
    expect(parseMinuteToken('A1.2')?.form).not.toBe('compound');
  });

  it('reads no lettered item from a word after a number', () => {
    expect(parseMinuteToken('5-Apr')).toBeNull();
  });
});
