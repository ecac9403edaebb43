import { afterEach, describe, expect, it } from 'vitest';
import { MinutesAnswerer } from '../../src/answer/answerer.js';
import { OpenAiChatModel } from '../../src/answer/chat-model.js';
import type { LlmConfig } from '../../src/config.js';
import type { SearchHit } from '../../src/types.js';
import { FakeOpenAi, llmConfigFor, messagesOf, type ReplyScript } from '../helpers/fake-openai.js';
import { ADAPTATIONS, EMPTY_HOMES, eastmereHit, TEMPORARY_ACCOMMODATION } from './eastmere.js';
import { capturingLogger, FixtureRetriever } from './fixtures.js';

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const HITS = [TEMPORARY_ACCOMMODATION, EMPTY_HOMES, ADAPTATIONS];
const QUESTION = 'How many households were in temporary accommodation?';

async function answererWith(hits: SearchHit[], replies: ReplyScript[], config: Partial<LlmConfig> = {}) {
  const { logger, lines } = capturingLogger();
  fake = await FakeOpenAi.start(...replies);
  const llm = llmConfigFor(fake.baseUrl, config);
  const answerer = new MinutesAnswerer({
    retriever: new FixtureRetriever(hits),
    chatModel: new OpenAiChatModel({ ...llm, logger, sleep: async () => {} }),
    logger,
    notFoundThreshold: 0.3,
    context: { contextTokens: llm.contextTokens, answerTokens: llm.maxTokens },
  });
  return { answerer, lines, server: fake };
}

function userMessage(server: FakeOpenAi): string {
  const request = server.requests[0];
  if (!request) throw new Error('no request reached the fake model');
  return messagesOf(request)[1]?.content ?? '';
}

describe('answering with structured output', () => {
  it('asks for JSON sentences with passage ids and answers from them', async () => {
    const { answerer, server } = await answererWith(
      HITS,
      [
        {
          kind: 'answer',
          content: JSON.stringify({
            not_in_minutes: false,
            sentences: [
              { text: '622 households were in temporary accommodation at the end of December 2023.', passages: [1] },
              { text: 'That was up from 2,489 a year earlier.', passages: [1] },
              { text: 'That was up from 480 a year earlier.', passages: [1] },
            ],
          }),
        },
      ],
      { structuredOutput: true },
    );
    const answer = await answerer.ask(QUESTION);
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toBe(
      '622 households were in temporary accommodation at the end of December 2023 [1]. That was up from 480 a year earlier [1].',
    );
    expect(answer.citations.map((c) => c.minute)).toEqual(['47']);
    const body = server.requests[0]?.body as { response_format?: { json_schema?: { schema?: unknown } } };
    expect(JSON.stringify(body.response_format?.json_schema?.schema)).toContain('"enum":[1');
    expect(messagesOf(server.requests[0] as never)[0]?.content).toContain('"not_in_minutes" is true only');
  });

  it('turns the JSON refusal into not_found', async () => {
    const { answerer } = await answererWith(
      HITS,
      [{ kind: 'answer', content: '{"not_in_minutes": true, "sentences": []}' }],
      { structuredOutput: true },
    );
    const answer = await answerer.ask(QUESTION);
    expect(answer.mode).toBe('not_found');
    // A refusal may be wrong (small models refuse readily): it still points at where the minutes come closest.
    expect(answer.answer).toMatch(/^The minutes I have don't answer that directly\. The closest they come is \[1\]/);
    expect(answer.citations[0]?.minute).toBe('47');
    expect(new Set(answer.citations.map((c) => `${c.date} ${c.minute}`)).size).toBe(answer.citations.length);
  });
});

describe('answering with prose', () => {
  it.each([
    '**NOT_IN_MINUTES**',
    'NOT_IN_MINUTES – the minutes do not record what the hostel cost.',
    'NOT_IN_MINUTES.',
  ])('treats the refusal %j as not_found, not as an uncited answer', async (reply) => {
    const { answerer } = await answererWith(HITS, [{ kind: 'answer', content: reply }]);
    const answer = await answerer.ask('How much did the Holloway Road hostel cost?');
    expect(answer.mode).toBe('not_found');
    expect(answer.fallbackReason).toBeUndefined();
  });

  it('sends stop sequences and no JSON schema', async () => {
    const { answerer, server } = await answererWith(HITS, [
      { kind: 'answer', content: '622 households were in temporary accommodation [1].' },
    ]);
    await answerer.ask(QUESTION);
    expect(server.requests[0]?.body).toMatchObject({ stop: expect.arrayContaining(['\nQuestion:', '<<<']) });
    expect(server.requests[0]?.body).not.toHaveProperty('response_format');
  });

  it('falls back to extractive, saying why, when most sentences are not borne out', async () => {
    const { answerer } = await answererWith(HITS, [
      {
        kind: 'answer',
        content:
          'There were 622 households in temporary accommodation [1]. It cost £9.9 million [1]. The hostel opened on 3 March 2025 [1]. Minute 99 approved a new hostel [1].',
      },
    ]);
    const answer = await answerer.ask(QUESTION);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe(
      'only 1 of 4 sentences of the model answer were borne out by the passages they cite',
    );
    expect(answer.fallbackCode).toBe('unsupported');
    expect(answer.answer).toContain('622 households');
  });

  it('falls back, saying why, when the reply is only a string of markers', async () => {
    const { answerer } = await answererWith(HITS, [{ kind: 'answer', content: '[1][2][3][1][2][3]' }]);
    const answer = await answerer.ask(QUESTION);
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toMatch(/^no sentence of the model answer was usable/);
    expect(answer.fallbackCode).toBe('unsupported');
  });
});

describe('streaming to a front end', () => {
  it('passes the draft as it grows, and returns only the checked answer', async () => {
    const { answerer } = await answererWith(HITS, [
      {
        kind: 'slow',
        chunks: [
          '622 households were in temporary ',
          'accommodation [1]. ',
          'It cost £9.9 million [1]. ',
          'Spending had reached £2.3 million [1].',
        ],
        delayMs: 15,
      },
    ]);
    const drafts: string[] = [];
    const answer = await answerer.ask(QUESTION, { onDraft: (draft) => drafts.push(draft) });
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(drafts.at(-1)).toContain('£9.9 million');
    expect(drafts.every((d) => !d.includes('[1]'))).toBe(true);
    expect(answer.answer).toBe(
      '622 households were in temporary accommodation [1]. Spending had reached £2.3 million [1].',
    );
  });

  it('stops a runaway reply (the server stops generating) and answers from what came', async () => {
    const sentence = '622 households were in temporary accommodation at the end of December 2023 [1]. ';
    const { answerer, server } = await answererWith(HITS, [
      { kind: 'slow', chunks: Array.from({ length: 200 }, () => sentence), delayMs: 2 },
    ]);
    const answer = await answerer.ask(QUESTION);
    const request = await server.settled(0);
    expect(request.closedEarly).toBe(true);
    expect(request.chunksSent).toBeLessThan(200);
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toBe(sentence.trim());
  });
});

describe('the passages the model reads', () => {
  const weak = (i: number) =>
    eastmereHit(
      { date: '2022-01-11', minute: String(100 + i), title: `Other business ${i}`, score: 0.3 },
      `The Panel noted item ${i} on the work programme without discussion.`,
    );

  it('leaves out passages far below the best one for a question of fact', async () => {
    const { answerer, server } = await answererWith(
      [TEMPORARY_ACCOMMODATION, EMPTY_HOMES, ...Array.from({ length: 5 }, (_, i) => weak(i))],
      [{ kind: 'answer', content: '622 households were in temporary accommodation [1].' }],
    );
    await answerer.ask(QUESTION);
    const user = userMessage(server);
    expect(user).toContain('numbered 1 to 2');
    expect(user).not.toContain('work programme');
  });

  it('fits a small context window, cutting even the best passage if it must', async () => {
    const long = eastmereHit(
      { date: '2024-02-13', minute: '47', title: 'Temporary Accommodation', score: 0.8 },
      `${TEMPORARY_ACCOMMODATION.text} `.repeat(40),
    );
    const { answerer, server } = await answererWith(
      [long, { ...EMPTY_HOMES, score: 0.79 }],
      [{ kind: 'answer', content: '622 households were in temporary accommodation [1].' }],
      { contextTokens: 1_500, maxTokens: 300 },
    );
    await answerer.ask(QUESTION);
    const request = server.requests[0];
    const total = messagesOf(request as never).reduce((sum, m) => sum + m.content.length, 0);
    // Within the window at a conservative 3.2 characters a token, leaving the answer its room.
    expect(total / 3.2).toBeLessThan(1_500 - 300);
    expect(userMessage(server)).toContain('numbered 1 to 1');
  });
});

describe('bracketed numbers in the minutes are not citations (issue 16, case 11)', () => {
  it('the extractive answer shows a minute’s own [1] inertly, so it cannot become a link', async () => {
    const { answerer } = await answererWith(
      [ADAPTATIONS, EMPTY_HOMES],
      [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
      ],
    );
    const answer = await answerer.ask('Were occupational therapists recruited for the backlog?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain('backlog {1}');
    const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.every((n) => answer.citations.some((c) => c.n === n))).toBe(true);
  });

  it('the model reads the minute’s [1] as inert text too', async () => {
    const { answerer, server } = await answererWith(
      [ADAPTATIONS],
      [{ kind: 'answer', content: 'Two occupational therapists were recruited [1].' }],
    );
    await answerer.ask('What was said about the backlog of Disabled Facilities Grants?');
    expect(userMessage(server)).toContain('asked about the backlog {1} and');
  });
});
