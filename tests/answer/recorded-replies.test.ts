import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oracleFindings } from '../../bench/answer-oracle.js';
import { withoutThinking } from '../../src/answer/chat-model.js';
import type { GivenPassage } from '../../src/answer/passages.js';
import { answerInstructions, loadPrompts } from '../../src/answer/prompts.js';
import { readReply } from '../../src/answer/reply.js';
import { checkDraft, DEFAULT_ANSWER_LIMITS } from '../../src/answer/verify.js';
import { tokenize } from '../../src/question/index.js';
import type { SearchHit } from '../../src/types.js';

/**
 * Replays hostile model replies through the checker: replies recorded from real small models
 * (bench/llm-record.ts, over invented minutes) and hand-written ones for each hole issues 15 and 16
 * list. Whatever the checker keeps is judged by an independent, stricter check
 * (bench/answer-oracle.ts): no number its citations lack, no delimiter, no uncited sentence.
 */

interface RecordedReply {
  hole?: string;
  structured: boolean;
  question: string;
  passages: Array<Omit<GivenPassage, 'hit'> & { hit: Partial<SearchHit> }>;
  reply: string;
  expect?: { kept?: number; refusal?: boolean };
}

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/llm-replies');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const prompts = loadPrompts();

/** A recorded passage as the answerer holds it. */
function given(passage: RecordedReply['passages'][number]): GivenPassage {
  const hit: SearchHit = {
    score: passage.score,
    council: null,
    committee: null,
    date: null,
    minute: null,
    minuteNumber: null,
    title: '',
    points: passage.points,
    text: passage.text,
    url: null,
    procedural: false,
    evidence: [],
    ...passage.hit,
  };
  return { ...passage, hit };
}

/** The reply through the same steps as a live one: reasoning removed, read, checked. */
function replay(record: RecordedReply) {
  const passages = record.passages.map(given);
  const draft = readReply(withoutThinking(record.reply));
  const checked = checkDraft(draft.sentences, {
    passages,
    question: record.question,
    instructions: answerInstructions(prompts, record.structured),
  });
  return { draft, checked };
}

describe.each(files)('replies in %s', (file) => {
  const { records } = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { records: RecordedReply[] };

  it('are there to replay', () => {
    expect(records.length).toBeGreaterThan(10);
  });

  it.each(records.map((r, i) => [r.hole ?? `${r.structured ? 'json' : 'prose'} #${i}: ${r.question}`, r] as const))(
    '%s: nothing kept has an unsupported figure, a delimiter or no citation',
    (_name, record) => {
      const { draft, checked } = replay(record);
      expect(oracleFindings(checked)).toEqual([]);
      expect(tokenize(checked.answer).length).toBeLessThanOrEqual(DEFAULT_ANSWER_LIMITS.maxWords + 3 * checked.kept);
      if (record.expect?.kept !== undefined) expect(checked.kept).toBe(record.expect.kept);
      if (record.expect?.refusal !== undefined) expect(draft.refusal).toBe(record.expect.refusal);
    },
  );
});

describe('a runaway reply (450–700 words) is capped', () => {
  it('keeps at most the word cap of supported sentences', () => {
    const sentences = [
      '622 households were in temporary accommodation at the end of December 2023 [1].',
      'That was up from 480 a year earlier [1].',
      'Spending on bed and breakfast placements had reached £2.3 million in 2023/24 [1].',
      'The Holloway Road hostel was expected in June 2024 [1].',
    ];
    const reply = Array.from({ length: 40 }, (_, i) =>
      sentences[i % 4]?.replace(' [1]', ` in the ${i + 1}st telling [1]`),
    ).join(' ');
    expect(tokenize(reply).length).toBeGreaterThan(450);
    const { checked } = replay({
      structured: false,
      question: 'What was said about temporary accommodation?',
      reply,
      passages: [
        {
          n: 1,
          text: `The Head of Housing reported that 622 households were in temporary accommodation at the end of December 2023, up from 480 a year earlier. Spending on bed and breakfast placements had reached £2.3 million in 2023/24. The Holloway Road hostel was expected in June 2024. ${Array.from({ length: 40 }, (_, i) => i + 1).join(' ')} telling.`,
          points: [],
          score: 1,
          hit: { date: '2024-02-13', minute: '47', title: 'Temporary Accommodation' },
        },
      ],
    });
    expect(tokenize(checked.answer).length).toBeLessThanOrEqual(DEFAULT_ANSWER_LIMITS.maxWords + 3 * checked.kept);
    expect(checked.dropped.some((d) => d.why === 'past the length cap')).toBe(true);
  });
});
