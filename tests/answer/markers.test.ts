import { describe, expect, it } from 'vitest';
import { citedNumbers, findMarkers, markersBeforeStops, withoutMarkers } from '../../src/answer/markers.js';

describe('citation markers in the forms models write them', () => {
  it.each([
    ['Rose by 9% [1].', [1]],
    ['Rose by 9% [1, 2].', [1, 2]],
    ['Rose by 9% [1][3].', [1, 3]],
    ['Rose by 9% [2-4].', [2, 3, 4]],
    ['Rose by 9% [2–3].', [2, 3]],
    ['Rose by 9% [Passage 1].', [1]],
    ['Rose by 9% [Passages 1 and 2].', [1, 2]],
    ['Rose by 9% [passage 1, passage 3].', [1, 3]],
    ['Rose by 9% [source: 2].', [2]],
    ['Rose by 9% [^1].', [1]],
    ['Rose by 9% 【1】.', [1]],
    ['Rose by 9% 【2†source】.', [2]],
    ['Rose by 9% (Passage 2).', [2]],
    ['Rose by 9% (1).', [1]],
    ['Rose by 9% (1, 2)', [1, 2]],
  ])('%s', (text, numbers) => {
    expect(citedNumbers(text)).toEqual(numbers);
    expect(withoutMarkers(text)).toMatch(/^Rose by 9%\.?$/);
  });

  it('does not take a numbered point or a year in brackets for a citation', () => {
    expect(findMarkers('(1) That the report be noted.')).toEqual([]);
    expect(findMarkers('The Strategy (2024) was adopted.')).toEqual([]);
    expect(findMarkers('[2019] was a busy year.')).toEqual([]);
  });

  it('bounds a range so a reply cannot make a huge citation list', () => {
    expect(citedNumbers('All of them [1-99999].')).toHaveLength(0);
    expect(citedNumbers('All of them [1-999].')).toHaveLength(20);
  });

  it('moves markers written after the full stop onto the sentence they follow', () => {
    expect(markersBeforeStops('It rose. [1] It fell. [2][3]')).toBe('It rose [1]. It fell [2][3].');
  });
});
