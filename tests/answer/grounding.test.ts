import { describe, expect, it } from 'vitest';
import { groundInPassages } from '../../src/answer/grounding.js';
import { numberPassages } from '../../src/answer/passages.js';
import { EHCP_2020, EHCP_2022, LOOKED_AFTER_2020 } from './fixtures.js';

const PASSAGES = numberPassages([EHCP_2022, EHCP_2020, LOOKED_AFTER_2020], { perHit: 3, max: 10 });

describe('groundInPassages', () => {
  it('keeps sentences about the meetings and minutes given', () => {
    const text =
      'On 6 September 2022 (minute 21) EHCPs were up 24% [1]. On 21 January 2020, minute 58 noted the 2014 reforms [2].';
    expect(groundInPassages(text, PASSAGES)).toEqual({ text, removed: [] });
  });

  it('removes a sentence naming a meeting date that was not retrieved', () => {
    const result = groundInPassages(
      'EHCPs were up 24% [1]. The committee approved the bypass on 5 May 2019 [2]. Numbers grew by 11% [2].',
      PASSAGES,
    );
    expect(result.text).toBe('EHCPs were up 24% [1]. Numbers grew by 11% [2].');
    expect(result.removed).toEqual(['The committee approved the bypass on 5 May 2019 [2].']);
  });

  it('removes a sentence naming a minute number no passage has', () => {
    const result = groundInPassages('See minute 99 for the decision [1].\nEHCPs were up 24% [1].', PASSAGES);
    expect(result.text).toBe('EHCPs were up 24% [1].');
  });

  it('accepts dates the passages themselves quote, whatever the weekday or suffix', () => {
    const passages = numberPassages(
      [
        {
          ...LOOKED_AFTER_2020,
          evidence: [
            {
              passageId: 1,
              text: 'The minutes of the meeting held on 5 November 2019 were confirmed.',
              points: [],
              score: 1,
            },
          ],
        },
      ],
      { perHit: 1, max: 1 },
    );
    const text = 'The minutes of Tuesday, 5th November 2019 were confirmed [1].';
    expect(groundInPassages(text, passages).text).toBe(text);
  });
});
