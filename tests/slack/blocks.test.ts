import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  capAnswerText,
  citationLabel,
  homeView,
  LIMITS,
  renderAnswer,
  SHORTENED_NOTE,
  splitRendered,
} from '../../src/slack/blocks.js';
import { escapeMrkdwn } from '../../src/slack/escape.js';
import { sampleAnswer, sampleCitation, sampleStats } from '../helpers/scripted-answerer.js';

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<{ text?: string; action_id?: string }> };

function sectionTexts(blocks: unknown[]): string[] {
  return (blocks as AnyBlock[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

describe('renderAnswer', () => {
  it('links [n] markers and citations to the minute, with meeting, date, minute and title', () => {
    const [message] = renderAnswer(sampleAnswer('q'), { feedback: true });
    const texts = sectionTexts(message?.blocks ?? []);
    expect(texts[0]).toBe(
      'Cabinet approved the revised home to school transport policy <https://democracy.example.gov.uk/mgAi.aspx?ID=1234|[1]>.',
    );
    expect(texts[1]).toContain(
      '*[1]* <https://democracy.example.gov.uk/mgAi.aspx?ID=1234|Cabinet, 12 March 2024, minute 76 — Home to School Transport Policy>',
    );
    expect(texts[1]).toContain('> _RESOLVED: that the revised policy be approved._');
    // Slack's feedback element, in a context_actions block, carrying what to log (never the text).
    const feedback = ((message?.blocks ?? []) as AnyBlock[]).find((b) => b.type === 'context_actions');
    expect(feedback?.elements).toEqual([
      expect.objectContaining({
        type: 'feedback_buttons',
        action_id: ACTION_IDS.feedback,
        positive_button: expect.objectContaining({ value: '{"rating":"up","mode":"extractive","citations":1}' }),
        negative_button: expect.objectContaining({ value: '{"rating":"down","mode":"extractive","citations":1}' }),
      }),
    ]);
    expect(((message?.blocks ?? []) as AnyBlock[]).some((b) => b.type === 'actions')).toBe(false);
  });

  it('puts the share button in an actions block beside the feedback element', () => {
    const [message] = renderAnswer(sampleAnswer('q'), { feedback: true, shareValue: '{"id":"a","q":"q"}' });
    const types = ((message?.blocks ?? []) as AnyBlock[]).map((b) => b.type);
    expect(types.slice(-2)).toEqual(['actions', 'context_actions']);
  });

  it('caps a runaway 1 MB answer before Slack: one message within the limits, cut at a sentence, saying so', () => {
    // Issue 16 case 13: a 1 MB reply used to go out as 16 messages and 799 blocks.
    const sentence = 'The committee considered the report & noted <concerns> about costs [1]. ';
    const huge = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const messages = renderAnswer(sampleAnswer('q', { answer: huge }), { feedback: true });
    expect(messages).toHaveLength(1);
    const blocks = (messages[0]?.blocks ?? []) as AnyBlock[];
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const texts = sectionTexts(blocks);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const answerText = texts.filter((t) => !t.startsWith('*[')).join('\n\n');
    expect(answerText).toContain(SHORTENED_NOTE);
    expect(answerText.replace(/<[^>]*>/g, '').length).toBeLessThan(LIMITS.answerChars * 1.5);
    // Cut after a whole sentence, never mid-word.
    expect(answerText).toMatch(/costs <[^>]+\|\[1\]>\.\n\n\(Answer shortened/);
    expect(blocks.some((b) => b.type === 'context_actions')).toBe(true);
  });

  it('leaves an answer within the cap whole', () => {
    const text = 'Short answer [1].';
    expect(capAnswerText(text)).toBe(text);
  });

  it('cuts a single huge word without breaking the limit', () => {
    const pieces = splitRendered('&'.repeat(7000), 3000, escapeMrkdwn);
    expect(pieces.join('')).toBe('&amp;'.repeat(7000));
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
  });

  it('shows at most ten citations and says how many more there are', () => {
    const citations = Array.from({ length: 14 }, (_, i) => sampleCitation({ n: i + 1, title: `Item ${i + 1}` }));
    const [message] = renderAnswer(sampleAnswer('q', { citations }));
    const blocks = JSON.stringify(message?.blocks);
    expect(blocks).toContain('Item 10');
    expect(blocks).not.toContain('Item 11');
    expect(blocks).toContain('and 4 more sources not shown');
  });

  it('says how the answer was made in the footer, including a fallback reason', () => {
    const [message] = renderAnswer(sampleAnswer('q', { mode: 'extractive', fallbackReason: 'LLM timed out <!here>' }));
    const footer = JSON.stringify(((message?.blocks ?? []) as AnyBlock[]).filter((b) => b.type === 'context'));
    expect(footer).toContain('Searched 12 meetings · 10 January 2023 to 30 June 2024 · Cabinet, Planning Committee');
    expect(footer).toContain('quoted from the minutes');
    expect(footer).toContain('LLM timed out &lt;!here&gt;');
  });
});

describe('citationLabel', () => {
  it('copes with missing committee, date and minute number', () => {
    expect(
      citationLabel(sampleCitation({ council: null, committee: null, date: null, minute: null, points: ['ii'] })),
    ).toBe('Unknown committee, date unknown — Home to School Transport Policy (point ii)');
  });
});

describe('homeView', () => {
  it('escapes committee names from the index', () => {
    const view = JSON.stringify(homeView(sampleStats({ committees: ['<!channel> Committee'] })));
    expect(view).not.toContain('<!channel>');
    expect(view).toContain('&lt;!channel&gt; Committee');
  });

  it('explains an empty index', () => {
    expect(JSON.stringify(homeView(sampleStats({ meetings: 0 })))).toContain('No minutes are indexed yet');
  });
});
