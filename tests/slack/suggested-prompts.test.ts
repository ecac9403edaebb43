import { describe, expect, it } from 'vitest';
import { coverageFromStats } from '../../src/slack/coverage.js';
import { MAX_SUGGESTED_PROMPTS, promptsTitle, suggestedPrompts } from '../../src/slack/suggested-prompts.js';
import { sampleStats } from '../helpers/scripted-answerer.js';

describe('suggestedPrompts', () => {
  it('falls back to the committees the stats name when nothing is known of their dates or topics', () => {
    const coverage = coverageFromStats(sampleStats());
    expect(suggestedPrompts(coverage)).toEqual([
      { title: 'Cabinet', message: 'What has the Cabinet discussed?' },
      { title: 'Planning Committee', message: 'What has the Planning Committee discussed?' },
    ]);
    expect(promptsTitle(coverage)).toBe('Ask about 12 meetings of 2 committees, for example:');
  });

  it('never offers more than Slack shows, cuts long titles at a word, and defuses names from the minutes', () => {
    const committees = Array.from({ length: 9 }, (_, i) => ({
      name: `Overview and Scrutiny Management Board for Place, Environment and Transport ${i} @here`,
      meetings: 3,
      latest: `2024-0${i + 1}-10`,
    }));
    const prompts = suggestedPrompts({ meetings: 27, committees, topics: [] });
    expect(prompts).toHaveLength(MAX_SUGGESTED_PROMPTS);
    for (const p of prompts) {
      expect(p.title.length).toBeLessThanOrEqual(60);
      // Cut where a word ends: what is kept, and then a space, begins the full title.
      const kept = p.title.replace(/…$/, '');
      expect(kept.length).toBeLessThan(p.title.length);
      expect(p.message).toContain(`${kept} `);
      expect(p.message).not.toMatch(/@here/);
    }
  });

  it('suggests nothing for an empty index', () => {
    expect(suggestedPrompts({ meetings: 0, committees: [], topics: [] })).toEqual([]);
  });
});
