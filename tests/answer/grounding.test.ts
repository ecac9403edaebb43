import { describe, expect, it } from 'vitest';
import { minuteReferences, unsupportedFacts, wordSupport } from '../../src/answer/grounding.js';
import { eastmerePassages } from './eastmere.js';

const [HOUSING, EMPTY, GRANTS] = eastmerePassages() as [
  ReturnType<typeof eastmerePassages>[0],
  ReturnType<typeof eastmerePassages>[0],
  ReturnType<typeof eastmerePassages>[0],
];

describe('minuteReferences', () => {
  it('reads the ways minutes and answers refer to a minute', () => {
    expect(minuteReferences('See minute 21, and Minute No. 54; also minutes 12 and 13, and min. C61/24.')).toEqual([
      expect.objectContaining({ minute: '21' }),
      expect.objectContaining({ minute: '54' }),
      expect.objectContaining({ minute: '12' }),
      expect.objectContaining({ minute: '13' }),
      expect.objectContaining({ minute: 'c61/24' }),
    ]);
    // Only a plural label takes a list: here 622 is a figure, not a minute.
    expect(minuteReferences('At minute 12, 622 households were in temporary accommodation.')).toEqual([
      expect.objectContaining({ minute: '12', length: 'minute 12'.length }),
    ]);
    expect(minuteReferences('The minutes of the last meeting were agreed.')).toEqual([]);
  });
});

describe('unsupportedFacts: every figure, date and minute must be in a passage the sentence cites', () => {
  it('accepts figures as the passage gives them, or written another way', () => {
    for (const sentence of [
      '622 households were in temporary accommodation, up from 480.',
      'Bed and breakfast spending reached £2.3m in 2023/24, 38 per cent over budget.',
      'Spending reached £2,300,000.',
      'It was the 47th minute of the meeting of 13 February 2024.',
    ]) {
      expect(unsupportedFacts(sentence, [HOUSING])).toEqual([]);
    }
  });

  it('rejects a wrong figure (the passage says 622, the answer 2,489)', () => {
    expect(unsupportedFacts('There were 2,489 households in temporary accommodation.', [HOUSING])).toEqual([
      'figure 2,489',
    ]);
    expect(unsupportedFacts('Spending was 45% above budget.', [HOUSING])).toEqual(['figure 45%']);
  });

  it('reads dates in every format and rejects those the cited passage lacks', () => {
    expect(unsupportedFacts('The hostel opens in June 2024.', [HOUSING])).toEqual([]);
    expect(unsupportedFacts('The panel met on 2024-02-13.', [HOUSING])).toEqual([]);
    expect(unsupportedFacts('The panel met on 13/02/2024.', [HOUSING])).toEqual([]);
    expect(unsupportedFacts('The panel met on February 13, 2024.', [HOUSING])).toEqual([]);
    for (const [sentence, problem] of [
      ['The panel met on 2020-01-21.', 'date 2020-01-21'],
      ['The panel met on 21/01/2020.', 'date 21/01/2020'],
      ['The hostel opened on March 8, 2025.', 'date March 8, 2025'],
      ['The hostel opened in June 2023.', 'date June 2023'],
    ]) {
      expect(unsupportedFacts(sentence as string, [HOUSING])).toEqual([problem]);
    }
  });

  it('reads a numeric date both ways round before rejecting it', () => {
    // 02/13/2024 can only be US; 13/02/2024 only UK: both are the meeting's date.
    expect(unsupportedFacts('Recorded 02/13/2024.', [HOUSING])).toEqual([]);
  });

  it('checks against the passages cited, not any passage given', () => {
    const copied = 'On 11 June 2024, minute 12, 622 households were in temporary accommodation.';
    expect(unsupportedFacts(copied, [HOUSING])).toEqual(['minute 12', 'date 11 June 2024']);
    expect(unsupportedFacts(copied, [HOUSING, EMPTY])).toEqual([]);
  });

  it('knows the cited meeting’s own minute number and date from its citation line', () => {
    expect(unsupportedFacts('Minute C31/23 of 19 September 2023 noted 214 grants.', [GRANTS])).toEqual([]);
    expect(unsupportedFacts('Minute C32/23 noted 214 grants.', [GRANTS])).toEqual(['minute c32/23']);
  });

  it('takes a spelled-out number in the passage as support for its digits', () => {
    expect(unsupportedFacts('2 occupational therapists were recruited.', [GRANTS])).toEqual([]);
  });
});

describe('wordSupport', () => {
  it('is high for a sentence drawn from its passage and low for one stitched onto it', () => {
    expect(
      wordSupport('Households in temporary accommodation rose, and bed and breakfast spending was over budget.', [
        HOUSING,
      ]),
    ).toBeGreaterThan(0.8);
    expect(
      wordSupport('The library service will close three branches to fund the swimming pool.', [HOUSING]),
    ).toBeLessThan(0.3);
  });
});
