import { describe, expect, it } from 'vitest';
import { sentenceEnd, splitSentences } from '../../src/minutes/sentences.js';

describe('splitSentences', () => {
  it('does not split after titles, initials or "No."', () => {
    expect(
      splitSentences('Mrs. H. J. Fryer CC was in the Chair. The report (No. 4) was noted by Mr. Ould. It was agreed.'),
    ).toEqual(['Mrs. H. J. Fryer CC was in the Chair.', 'The report (No. 4) was noted by Mr. Ould.', 'It was agreed.']);
  });

  it('does not split after titles and currencies other councils write ("Sh.", "Smt.", "Cr.", "Rs.")', () => {
    expect(
      splitSentences(
        'Smt. Asha Pawar moved that Rs. 2.00 lakh be sanctioned. Sh. R. K. Dubey seconded. Cr. Tully voted against.',
      ),
    ).toEqual([
      'Smt. Asha Pawar moved that Rs. 2.00 lakh be sanctioned.',
      'Sh. R. K. Dubey seconded.',
      'Cr. Tully voted against.',
    ]);
  });

  it('keeps money and decimals whole and splits flattened bullets', () => {
    expect(splitSentences('The scheme received £1.5m in 2020. 24.5% of pupils • first point • second point')).toEqual([
      'The scheme received £1.5m in 2020.',
      '24.5% of pupils',
      'first point',
      'second point',
    ]);
  });
  it('splits numbered sub-points that run on inside a paragraph', () => {
    expect(
      splitSentences(
        'The Strategy was approved in 2019. iii) Although 90% were housed, 10% were not. b) That the report be noted.',
      ),
    ).toEqual([
      'The Strategy was approved in 2019.',
      'iii) Although 90% were housed, 10% were not.',
      'b) That the report be noted.',
    ]);
  });
});

describe('sentenceEnd', () => {
  it('finds the end of the sentence that starts at an offset, past titles and initials', () => {
    const text = 'RESOLVED that Mr. J. Smith be thanked. The report was noted';
    expect(text.slice(0, sentenceEnd(text))).toBe('RESOLVED that Mr. J. Smith be thanked.');
    expect(text.slice(sentenceEnd(text)).trim()).toBe('The report was noted');
    expect(sentenceEnd(text, 39)).toBe(text.length);
  });
});
