import { describe, expect, it } from 'vitest';
import { choosePassages, estimateTokens, RELATIVE_SCORE } from '../../src/answer/context.js';
import { numberPassages } from '../../src/answer/passages.js';
import { ADAPTATIONS, EMPTY_HOMES, TEMPORARY_ACCOMMODATION } from './eastmere.js';

const BUDGET = { contextTokens: 4_096, answerTokens: 800 };

describe('choosePassages', () => {
  it('keeps passages within a share of the best score, wider for a history question', () => {
    const ranked = numberPassages(
      [
        { ...TEMPORARY_ACCOMMODATION, evidence: [{ ...TEMPORARY_ACCOMMODATION.evidence[0], score: 1 } as never] },
        {
          ...EMPTY_HOMES,
          evidence: [
            { ...EMPTY_HOMES.evidence[0], score: (RELATIVE_SCORE.fact + RELATIVE_SCORE.history) / 2 } as never,
          ],
        },
        { ...ADAPTATIONS, evidence: [{ ...ADAPTATIONS.evidence[0], score: RELATIVE_SCORE.history - 0.01 } as never] },
      ],
      { perHit: 1, max: 10 },
    );
    expect(
      choosePassages(ranked, { history: false, budget: BUDGET, fixedTokens: 500 }).map((p) => p.hit.minute),
    ).toEqual(['47']);
    // A history question reads them oldest first, renumbered.
    const history = choosePassages(ranked, { history: true, budget: BUDGET, fixedTokens: 500 });
    expect(history.map((p) => [p.n, p.hit.minute])).toEqual([
      [1, '47'],
      [2, '12'],
    ]);
  });

  it('never gives more than the window holds beside the fixed prompt and the answer', () => {
    const many = numberPassages(
      Array.from({ length: 30 }, () => TEMPORARY_ACCOMMODATION),
      { perHit: 1, max: 30 },
    );
    const chosen = choosePassages(many, { history: false, budget: BUDGET, fixedTokens: 600 });
    const used = chosen.reduce((sum, p) => sum + estimateTokens(p.text) + 30, 0);
    expect(chosen.length).toBeLessThan(30);
    expect(used).toBeLessThan(4_096 - 800 - 600);
  });
});
