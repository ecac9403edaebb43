import { describe, expect, it } from 'vitest';
import type { GivenPassage } from '../../src/answer/passages.js';
import { verifyCitations } from '../../src/answer/verify.js';
import { EHCP_2020, EHCP_2022, LOOKED_AFTER_2020 } from './fixtures.js';

const PASSAGES: GivenPassage[] = [LOOKED_AFTER_2020, EHCP_2020, EHCP_2022].map((hit, i) => ({
  n: i + 1,
  hit,
  text: hit.evidence[0]?.text ?? '',
  points: hit.evidence[0]?.points ?? [],
}));

describe('verifyCitations', () => {
  it('accepts the marker forms models write: [1], [1, 2], [1][2], [2-3]', () => {
    const result = verifyCitations('A [3]. B [1, 2]. C [2][3]. D [1-3].', PASSAGES);
    expect(result.answer).toBe('A [1]. B [2][3]. C [3][1]. D [2][3][1].');
    expect(result.citations.map((c) => c.minute)).toEqual(['21', '54', '58']);
    expect(result.invalid).toEqual([]);
  });

  it('drops numbers never given, inside a marker or alone, and reports them', () => {
    const result = verifyCitations('A [0]. B [2, 4]. C [99].', PASSAGES);
    expect(result.answer).toBe('A. B [1]. C.');
    expect(result.invalid).toEqual([0, 4, 99]);
    expect(result.citations).toHaveLength(1);
  });

  it('builds citations from the passages, whatever the model wrote around the number', () => {
    const result = verifyCitations('It was agreed at minute 999 on 1 April 2030 [3].', PASSAGES);
    expect(result.citations[0]).toMatchObject({ date: '2022-09-06', minute: '21', quote: PASSAGES[2]?.text });
  });

  it('bounds ranges so a reply cannot make a huge citation list', () => {
    const result = verifyCitations('All [1-100000].', PASSAGES);
    expect(result.citations).toHaveLength(3);
  });
});
