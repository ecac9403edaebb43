import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiChatModel, replyText, retryAfterMs } from '../../src/answer/chat-model.js';
import { LlmUnavailableError } from '../../src/errors.js';
import { FakeOpenAi, llmConfigFor, messagesOf } from '../helpers/fake-openai.js';
import { capturingLogger } from './fixtures.js';

const KEY = 'sk-test-SECRET-1234567890';
let fake: FakeOpenAi | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A model pointed at the fake, with retries recorded instead of waited for. */
function modelFor(
  server: FakeOpenAi,
  overrides: { apiKey?: string | null; timeoutMs?: number; maxRetries?: number } = {},
) {
  const { logger, lines } = capturingLogger();
  const delays: number[] = [];
  const model = new OpenAiChatModel({
    ...llmConfigFor(server.baseUrl, {
      apiKey: overrides.apiKey === undefined ? KEY : overrides.apiKey,
      timeoutMs: overrides.timeoutMs ?? 5_000,
      maxRetries: overrides.maxRetries ?? 2,
      maxTokens: 300,
    }),
    logger,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { model, lines, delays };
}

const HELLO = [{ role: 'user' as const, content: 'hello' }];

async function failure(promise: Promise<unknown>): Promise<LlmUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmUnavailableError);
  return error as LlmUnavailableError;
}

describe('OpenAiChatModel against a chat-completions server on 127.0.0.1', () => {
  it('returns the reply text and sends the model, the messages, the key and a capped max_tokens', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: 'Hello from the fake.' });
    const { model } = modelFor(fake);
    await expect(model.complete(HELLO, { maxTokens: 5_000 })).resolves.toBe('Hello from the fake.');
    const [request] = fake.requests;
    if (!request) throw new Error('the fake received no request');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({ model: 'fake-model', max_tokens: 300 });
    expect(messagesOf(request)).toEqual(HELLO);
  });

  it('sends a placeholder key when only a base URL is configured (Ollama, vLLM)', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: 'ok' });
    const { model } = modelFor(fake, { apiKey: null });
    await model.complete(HELLO);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer minutebook-no-key');
  });

  it('retries a 429 after the wait the server asks for, then succeeds', async () => {
    fake = await FakeOpenAi.start(
      { kind: 'status', status: 429, headers: { 'retry-after': '2' } },
      { kind: 'answer', content: 'after the rate limit' },
    );
    const { model, delays, lines } = modelFor(fake);
    await expect(model.complete(HELLO)).resolves.toBe('after the rate limit');
    expect(fake.requests).toHaveLength(2);
    expect(delays).toEqual([2_000]);
    expect(lines.some((line) => line.includes('"event":"llm_retry"') && line.includes('"status":429'))).toBe(true);
  });

  it('backs off exponentially on 5xx without retry-after, then gives up naming the status', async () => {
    fake = await FakeOpenAi.start(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 503 },
    );
    const { model, delays } = modelFor(fake, { maxRetries: 2 });
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/answered HTTP 503/);
    expect(fake.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    // 500 ms then 1000 ms, each less up to 25% jitter.
    expect(delays[0]).toBeGreaterThanOrEqual(375);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    expect(delays[1]).toBeLessThanOrEqual(1_000);
  });

  it('does not retry a refusal that will not change (400)', async () => {
    fake = await FakeOpenAi.start({ kind: 'status', status: 400 }, { kind: 'answer', content: 'never reached' });
    const { model } = modelFor(fake);
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/HTTP 400/);
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up at once when the server asks for a wait longer than a person would sit through', async () => {
    fake = await FakeOpenAi.start({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const { model, delays } = modelFor(fake);
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/HTTP 429/);
    expect(delays).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a reply that never comes, without retrying it', async () => {
    fake = await FakeOpenAi.start({ kind: 'hang' }, { kind: 'answer', content: 'never reached' });
    const { model } = modelFor(fake, { timeoutMs: 300 });
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/did not finish answering within 300 ms/);
    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports malformed JSON as an unavailable model', async () => {
    fake = await FakeOpenAi.start({ kind: 'raw', body: '{"choices": [ {"message": ' });
    const { model } = modelFor(fake);
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('reports well-formed JSON without answer text as an unavailable model', async () => {
    fake = await FakeOpenAi.start({ kind: 'raw', body: JSON.stringify({ choices: [] }) });
    const { model } = modelFor(fake);
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/no answer text/);
  });

  it('never lets the API key reach an error message or a log line, even when the server echoes it', async () => {
    fake = await FakeOpenAi.start(
      { kind: 'status', status: 500, message: `internal error for key ${KEY}` },
      { kind: 'status', status: 401, message: `Incorrect API key provided: ${KEY}` },
    );
    const { model, lines } = modelFor(fake, { maxRetries: 1 });
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/HTTP 401: check OPENAI_API_KEY/);
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(String(error.cause ?? '')).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('reports a server that is not listening as unreachable', async () => {
    const server = await FakeOpenAi.start();
    const { model } = modelFor(server, { maxRetries: 0 });
    await server.close();
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('reading replies and retry hints', () => {
  it('narrows a chat-completions body to its text', () => {
    expect(replyText({ choices: [{ message: { content: 'hi' } }] })).toBe('hi');
    expect(replyText({ choices: [{ message: { content: '   ' } }] })).toBeNull();
    expect(replyText({ choices: [{ message: { content: 42 } }] })).toBeNull();
    expect(replyText('a string body')).toBeNull();
    expect(replyText(null)).toBeNull();
  });

  it('reads retry-after-ms, retry-after seconds and retry-after dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }))).toBe(1_500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3_000);
    expect(retryAfterMs(new Headers({}))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
