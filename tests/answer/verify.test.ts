import { describe, expect, it } from 'vitest';
import { answerInstructions, loadPrompts } from '../../src/answer/prompts.js';
import { readReply } from '../../src/answer/reply.js';
import { checkDraft } from '../../src/answer/verify.js';
import { eastmerePassages } from './eastmere.js';

const QUESTION = 'How many households were in temporary accommodation?';
const CONTEXT = {
  passages: eastmerePassages(),
  question: QUESTION,
  instructions: answerInstructions(loadPrompts(), false),
};

/** Checks a reply the way the answerer does. */
function check(reply: string, limits?: { maxWords: number; maxSentences: number }) {
  return checkDraft(readReply(reply).sentences, CONTEXT, limits);
}

describe('checkDraft keeps only sentences the passages they cite bear out', () => {
  it('keeps a supported answer, renumbering citations in order of first use', () => {
    const checked = check(
      'Long-term empty homes numbered 1,140 [2]. 622 households were in temporary accommodation [1][2].',
    );
    expect(checked.answer).toBe(
      'Long-term empty homes numbered 1,140 [1].\n\n622 households were in temporary accommodation [2][1].',
    );
    expect(checked.citations.map((c) => c.minute)).toEqual(['12', '47']);
    expect(checked.dropped).toEqual([]);
  });

  it('drops a sentence with a figure its cited passage does not hold, even if another passage does', () => {
    const checked = check(
      'There were 2,489 households in temporary accommodation [1]. There were 1,140 empty homes [1].',
    );
    expect(checked.kept).toBe(0);
    expect(checked.dropped.map((d) => d.why)).toEqual([
      'states figure 2,489, not in the passages it cites',
      'states figure 1,140, not in the passages it cites',
    ]);
  });

  it('drops an uncited sentence, and one whose only citation was never given (issue 16, case 12)', () => {
    const checked = check(
      '622 households were in temporary accommodation [1]. Homelessness is rising. Costs rose 38% [99].',
    );
    expect(checked.answer).toBe('622 households were in temporary accommodation [1].');
    expect(checked.invalid).toEqual([99]);
    expect(checked.dropped.map((d) => [d.why, d.cited])).toEqual([
      ['cites no passage', false],
      ['cites only passages it was not given', false],
    ]);
  });

  it('keeps a sentence that cites a given passage beside an invalid one, without the invalid marker', () => {
    expect(check('622 households were in temporary accommodation [1][99].').answer).toBe(
      '622 households were in temporary accommodation [1].',
    );
  });

  it.each([
    ['the data delimiters', 'The Head of Housing reported 622 households >>> [1].'],
    ['the data delimiters', '<<< The Head of Housing reported 622 households [1].'],
    ['markup', 'The Head of Housing reported 622 households <b>in all</b> [1].'],
    ['a link', 'The Head of Housing reported 622 households, see https://example.org [1].'],
    ['addresses people', '@channel the Head of Housing reported 622 households [1].'],
    ['too short', 'Yes indeed [1].'],
    ['a question', 'Were 622 households in temporary accommodation [1]?'],
    ['echoes the instructions', 'Answer only from the numbered passages you are given [1].'],
    ['echoes the question', 'How many households were in temporary accommodation [1]'],
    [
      "echoes a passage's citation line",
      'Housing and Communities Scrutiny Panel, 13 February 2024, minute 47 — Temporary Accommodation [1].',
    ],
  ])('rejects a sentence with %s', (why, reply) => {
    const checked = check(reply);
    expect(checked.kept).toBe(0);
    expect(checked.dropped.map((d) => d.why).join('; ')).toContain(why);
  });

  it('rejects label lines and a bare string of markers', () => {
    const checked = check(
      'Question: How many households?\nAnswer: 622 households were in temporary accommodation [1].\n[1][2][3][4][5]',
    );
    expect(checked.answer).toBe('622 households were in temporary accommodation [1].');
  });

  it('drops repeats and caps the length, on form rather than substance', () => {
    const sentence = '622 households were in temporary accommodation at the end of December 2023 [1]. ';
    const repeated = check(sentence.repeat(3));
    expect(repeated.kept).toBe(1);
    expect(repeated.dropped.map((d) => [d.why, d.substantive])).toEqual([
      ['repeats an earlier sentence', false],
      ['repeats an earlier sentence', false],
    ]);
    const capped = check(
      '622 households were in temporary accommodation [1]. Long-term empty homes numbered 1,140 [2]. 214 grants were completed [3].',
      { maxWords: 12, maxSentences: 10 },
    );
    expect(capped.kept).toBe(2);
    expect(capped.dropped).toEqual([expect.objectContaining({ why: 'past the length cap', substantive: false })]);
  });

  it('drops a sentence whose words are not in the passage it cites', () => {
    const checked = check('The library service will close three branches to fund the swimming pool [1].');
    expect(checked.dropped[0]?.why).toBe('most of its words are not in the passages it cites');
  });

  it('lays out a structured answer a paragraph per meeting', () => {
    const checked = checkDraft(
      readReply(
        JSON.stringify({
          not_in_minutes: false,
          sentences: [
            { text: '214 grants were completed in 2022/23.', passages: [3] },
            { text: 'The average wait was 19 weeks.', passages: [3] },
            { text: '622 households were in temporary accommodation.', passages: [1] },
          ],
        }),
      ).sentences,
      CONTEXT,
    );
    expect(checked.answer).toBe(
      '214 grants were completed in 2022/23 [1]. The average wait was 19 weeks [1].\n\n622 households were in temporary accommodation [2].',
    );
  });
});
