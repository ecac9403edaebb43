import { describe, expect, it } from 'vitest';
import { draftText, readReply } from '../../src/answer/reply.js';

const brief = (reply: string) =>
  readReply(reply).sentences.map((s) => ({
    text: s.text,
    cites: s.cites,
    ...(s.problem ? { problem: s.problem } : {}),
  }));

describe('readReply: prose', () => {
  it('splits sentences and keeps each one’s markers, wherever the full stop is', () => {
    expect(brief('There were 622 households [1]. Spending was £2.3 million. [1][2]\nIt was over budget (2).')).toEqual([
      { text: 'There were 622 households.', cites: [1] },
      { text: 'Spending was £2.3 million.', cites: [1, 2] },
      { text: 'It was over budget.', cites: [2] },
    ]);
  });

  it('drops markup but keeps its words; marks label lines; strips an "Answer:" label', () => {
    expect(
      brief(
        '**Answer:** The panel *noted* the report [1].\n- Question: what happened?\n## Sources:\n[1] Panel, 13 February 2024',
      ),
    ).toEqual([
      { text: 'The panel *noted* the report.', cites: [1] },
      { text: 'Question: what happened?', cites: [], problem: 'a label line' },
      { text: 'Sources:', cites: [], problem: 'a label line' },
      { text: 'Panel, 13 February 2024', cites: [1], problem: 'a line of a source list' },
    ]);
  });

  it.each([
    'NOT_IN_MINUTES',
    '**NOT_IN_MINUTES**',
    '`NOT_IN_MINUTES`.',
    'NOT_IN_MINUTES – the minutes do not record the cost of the building.',
    'not in minutes',
  ])('reads the refusal %j', (reply) => {
    expect(readReply(`622 households were in temporary accommodation [1]. ${reply}`).refusal).toBe(false);
    const draft = readReply(reply);
    expect(draft.refusal).toBe(true);
    expect(draft.sentences.every((s) => !/NOT.IN.MINUTES/i.test(s.text))).toBe(true);
  });
});

describe('readReply: structured output', () => {
  it('reads JSON sentences with their passage ids, and the not-in-the-minutes flag', () => {
    const draft = readReply(
      '{"not_in_minutes": false, "sentences": [{"text": "There were 622 households.", "passages": [1]}, {"text": "It cost £2.3 million [2].", "passages": ["3"]}]}',
    );
    expect(draft.structured).toBe(true);
    expect(draft.refusal).toBe(false);
    expect(draft.sentences.map((s) => [s.text, s.cites])).toEqual([
      ['There were 622 households.', [1]],
      ['It cost £2.3 million.', [3, 2]],
    ]);
    expect(readReply('{"not_in_minutes": true, "sentences": []}')).toMatchObject({ refusal: true, sentences: [] });
    // A flag beside cited sentences contradicts itself: the sentences are judged instead.
    expect(readReply('{"not_in_minutes": true, "sentences": [{"text": "It was 622.", "passages": [1]}]}').refusal).toBe(
      false,
    );
  });

  it('reads JSON in a code fence, and the complete sentences of JSON cut off mid-way', () => {
    expect(readReply('```json\n{"not_in_minutes": false, "sentences": []}\n```').structured).toBe(true);
    const cut = readReply(
      '{"not_in_minutes": false, "sentences": [{"text": "There were 622 households.", "passages": [1]}, {"text": "Spending rea',
    );
    expect(cut.sentences.map((s) => s.text)).toEqual(['There were 622 households.']);
  });

  it('shows the sentences written so far while JSON streams in', () => {
    expect(
      draftText(
        '{"not_in_minutes": false, "sentences": [{"text": "There were 622 [1]", "passages": [1]}, {"text": "Spend',
      ),
    ).toBe('There were 622 Spend');
    expect(draftText('There were 622 households [1]. Spend')).toBe('There were 622 households. Spend');
  });
});
