import { describe, expect, it } from 'vitest';
import { isFollowUp, rewriteFollowUp } from '../../src/answer/follow-up.js';
import type { ConversationTurn } from '../../src/types.js';

const user = (text: string): ConversationTurn => ({ role: 'user', text });
const bot = (text: string): ConversationTurn => ({ role: 'assistant', text });

describe('rewriting a follow-up without a model', () => {
  it.each([
    ['What was said about EHCP growth?', 'and in 2022?', 'What was said about EHCP growth in 2022?'],
    ['What was said about EHCP growth in 2020?', 'and in 2022?', 'What was said about EHCP growth in 2022?'],
    ['What was said about EHCP growth?', '2019?', 'What was said about EHCP growth in 2019?'],
    ['What was said about EHCP growth?', 'what about since 2021?', 'What was said about EHCP growth since 2021?'],
    ['What was said about EHCP growth?', 'What about knife crime?', 'What was said about knife crime?'],
    ['What was said about EHCP growth in 2020?', 'and knife crime?', 'What was said about knife crime in 2020?'],
    ['What did the Ofsted inspection find?', 'and the budget?', 'What did the Ofsted inspection find: the budget?'],
  ])('"%s" then "%s" reads as "%s"', (previous, followUp, expected) => {
    expect(rewriteFollowUp(followUp, [user(previous), bot('an answer')])).toBe(expected);
  });

  it('leaves a question that stands alone as it is', () => {
    const question = 'Who was appointed Chairman in June 2018?';
    expect(rewriteFollowUp(question, [user('What was said about EHCP growth?')])).toBe(question);
    expect(isFollowUp(question)).toBe(false);
  });

  it('resolves a chain of follow-ups against each other', () => {
    const history = [user('What was said about EHCP growth?'), bot('…'), user('and in 2020?'), bot('…')];
    expect(rewriteFollowUp('what about knife crime?', history)).toBe('What was said about knife crime in 2020?');
  });

  it('ignores Slack mentions and assistant turns, and needs a user turn to lean on', () => {
    expect(rewriteFollowUp('<@U1> and in 2022?', [user('<@U1> What was said about EHCP growth?')])).toBe(
      'What was said about EHCP growth in 2022?',
    );
    expect(rewriteFollowUp('and in 2022?', [bot('What was said about EHCP growth?')])).toBe('and in 2022?');
  });
});
