import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiChatModel, replyText, retryAfterMs, withoutThinking } from '../../src/answer/chat-model.js';
import { createLlmFetch } from '../../src/answer/llm-fetch.js';
import type { LlmConfig } from '../../src/config.js';
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
function modelFor(server: FakeOpenAi, overrides: Partial<LlmConfig> = {}) {
  const { logger, lines } = capturingLogger();
  const delays: number[] = [];
  const model = new OpenAiChatModel({
    ...llmConfigFor(server.baseUrl, { apiKey: KEY, maxTokens: 300, ...overrides }),
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
    expect(request.body).toMatchObject({ model: 'fake-model', max_tokens: 300, temperature: 0.1, stream: true });
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

/** The JSON body of the `i`th request the fake received. */
function bodyOf(server: FakeOpenAi, i: number): Record<string, unknown> {
  const body = server.requests[i]?.body;
  if (typeof body !== 'object' || body === null) throw new Error(`request ${i} has no JSON body`);
  return body as Record<string, unknown>;
}

describe('request parameters', () => {
  it('sends stop sequences and, while structured output holds, a JSON schema', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: '{}' }, { kind: 'answer', content: 'plain' });
    const { model } = modelFor(fake, { structuredOutput: true });
    const schema = { name: 'answer', schema: { type: 'object' } };
    await model.complete(HELLO, { jsonSchema: schema, stop: ['\nQuestion:', '<<<', '>>>', 'x', 'fifth'] });
    expect(bodyOf(fake, 0)).toMatchObject({
      stop: ['\nQuestion:', '<<<', '>>>', 'x'],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
      },
    });
    const { model: plain } = modelFor(fake, { structuredOutput: false });
    await plain.complete(HELLO, { jsonSchema: schema });
    expect(bodyOf(fake, 1)).not.toHaveProperty('response_format');
  });

  it('switches to max_completion_tokens when the endpoint refuses max_tokens, and remembers', async () => {
    fake = await FakeOpenAi.start(
      {
        kind: 'status',
        status: 400,
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
      { kind: 'answer', content: 'first' },
      { kind: 'answer', content: 'second' },
    );
    const { model, lines } = modelFor(fake, { reasoningTokens: 1_000 });
    await expect(model.complete(HELLO)).resolves.toBe('first');
    await expect(model.complete(HELLO)).resolves.toBe('second');
    expect(bodyOf(fake, 0)).toHaveProperty('max_tokens', 300);
    // The cap covers hidden reasoning as well as the answer.
    expect(bodyOf(fake, 1)).toMatchObject({ max_completion_tokens: 1_300 });
    expect(bodyOf(fake, 1)).not.toHaveProperty('max_tokens');
    expect(bodyOf(fake, 2)).toMatchObject({ max_completion_tokens: 1_300 });
    expect(lines.filter((l) => l.includes('"event":"llm_request_adjusted"'))).toHaveLength(1);
  });

  it('uses max_completion_tokens from the start when configured', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: 'ok' });
    const { model } = modelFor(fake, { tokenLimitParam: 'max_completion_tokens', reasoningTokens: 0 });
    await model.complete(HELLO);
    expect(bodyOf(fake, 0)).toMatchObject({ max_completion_tokens: 300 });
  });

  it('drops a temperature or a JSON schema the endpoint refuses, and says structured output is off', async () => {
    fake = await FakeOpenAi.start(
      {
        kind: 'status',
        status: 400,
        message:
          "Unsupported value: 'temperature' does not support 0.1 with this model. Only the default (1) value is supported.",
        param: 'temperature',
        code: 'unsupported_value',
      },
      {
        kind: 'status',
        status: 400,
        message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
      },
      { kind: 'answer', content: 'plain answer' },
    );
    const { model } = modelFor(fake, { structuredOutput: true });
    expect(model.structuredOutput).toBe(true);
    await expect(model.complete(HELLO, { jsonSchema: { name: 'a', schema: {} } })).resolves.toBe('plain answer');
    expect(bodyOf(fake, 2)).not.toHaveProperty('temperature');
    expect(bodyOf(fake, 2)).not.toHaveProperty('response_format');
    expect(model.structuredOutput).toBe(false);
  });

  it('does not loop on a 400 it has already adjusted for', async () => {
    const refusal = {
      kind: 'status' as const,
      status: 400,
      message: 'stop is not supported',
      param: 'stop',
      code: 'unsupported_parameter',
    };
    fake = await FakeOpenAi.start(refusal, refusal, { kind: 'answer', content: 'never reached' });
    const { model } = modelFor(fake);
    const error = await failure(model.complete(HELLO, { stop: ['x'] }));
    expect(error.message).toMatch(/HTTP 400/);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('streamed replies', () => {
  it('reads a streamed reply, reporting the text so far as it grows, reasoning removed', async () => {
    fake = await FakeOpenAi.start({
      kind: 'slow',
      chunks: ['<think>Let', ' me see.</think>', 'There were', ' 622', ' households.'],
      delayMs: 20,
    });
    const { model } = modelFor(fake);
    const seen: string[] = [];
    const text = await model.complete(HELLO, { onText: (soFar) => void seen.push(soFar) });
    expect(text).toBe('There were 622 households.');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((s) => !s.includes('think') && !s.includes('Let me'))).toBe(true);
    expect(seen.at(-1)).toBe('There were 622 households.');
  });

  it('reads a whole JSON reply from a server that ignores stream', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: 'whole', json: true });
    await expect(modelFor(fake).model.complete(HELLO)).resolves.toBe('whole');
  });

  it('stops a reply when the caller has enough, and the server sees the connection close', async () => {
    fake = await FakeOpenAi.start({
      kind: 'slow',
      chunks: Array.from({ length: 40 }, (_, i) => `w${i} `),
      delayMs: 30,
    });
    const { model } = modelFor(fake);
    const text = await model.complete(HELLO, { onText: (soFar) => (soFar.includes('w3') ? 'stop' : undefined) });
    expect(text).toBe('w0 w1 w2 w3 ');
    const request = await fake.settled(0);
    expect(request.closedEarly).toBe(true);
    expect(request.chunksSent).toBeLessThan(10);
  });

  it('gives up on a slow stream at the deadline and closes the connection, so generation stops', async () => {
    fake = await FakeOpenAi.start({ kind: 'slow', chunks: Array.from({ length: 50 }, () => 'word '), delayMs: 40 });
    const { model } = modelFor(fake, { timeoutMs: 400 });
    const started = Date.now();
    const error = await failure(model.complete(HELLO));
    expect(error.message).toMatch(/did not finish answering within 400 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
    const request = await fake.settled(0);
    expect(request.closedEarly).toBe(true);
    expect(request.chunksSent).toBeLessThan(50);
  });

  it('closes the connection when the caller cancels mid-reply', async () => {
    fake = await FakeOpenAi.start({ kind: 'slow', chunks: Array.from({ length: 50 }, () => 'word '), delayMs: 40 });
    const { model } = modelFor(fake);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await failure(model.complete(HELLO, { signal: controller.signal }));
    expect(error.message).toMatch(/cancelled/);
    expect((await fake.settled(0)).closedEarly).toBe(true);
  });

  it('says to raise the token cap when the model spent it all before answering', async () => {
    fake = await FakeOpenAi.start({ kind: 'answer', content: '<think>on and on', finishReason: 'length' });
    const error = await failure(modelFor(fake).model.complete(HELLO));
    expect(error.message).toMatch(/MINUTEBOOK_LLM_MAX_TOKENS/);
  });
});

describe('waiting longer than fetch’s built-in 300 s', () => {
  // Node's fetch gives up when headers or the next chunk take longer than its dispatcher's
  // timeouts (300 s by default), whatever deadline the caller set. Scaled down: a dispatcher that
  // waits 300 ms stands in for that default, and a model whose headers take 0.7–1.5 s for a slow
  // CPU-hosted one.
  const slowHeaders = { kind: 'slow' as const, chunks: ['late ', 'but here'], delayMs: 0, headersDelayMs: 700 };

  it('a dispatcher’s header timeout cuts the wait short, whatever deadline the caller set', async () => {
    // undici checks its timers about once a second, so the gap is wide.
    fake = await FakeOpenAi.start({ ...slowHeaders, headersDelayMs: 1_500 });
    const capped = new Agent({ headersTimeout: 300 });
    const error = await undiciFetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(5_000),
      dispatcher: capped,
    }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(String((error?.cause as Error | undefined)?.message)).toMatch(/Headers Timeout/i);
    await capped.close();
  });

  it('the chat model’s own dispatcher waits as long as the configured deadline, and no longer', async () => {
    fake = await FakeOpenAi.start(slowHeaders, { ...slowHeaders, headersDelayMs: 1_500 });
    await expect(modelFor(fake, { timeoutMs: 3_000 }).model.complete(HELLO)).resolves.toBe('late but here');
    const response = await createLlmFetch(3_000)(`${fake.baseUrl}/chat/completions`, { method: 'POST', body: '{}' });
    expect(await response.text()).toContain('but here');
    fake.script({ ...slowHeaders, headersDelayMs: 1_500 });
    const late = await createLlmFetch(500)(`${fake.baseUrl}/chat/completions`, { method: 'POST', body: '{}' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(String((late?.cause as Error | undefined)?.message)).toMatch(/Headers Timeout/i);
  });
});

describe('withoutThinking', () => {
  it('removes reasoning blocks, an unclosed one, and text before a stray closing tag', () => {
    expect(withoutThinking('<think>hmm</think>Answer.')).toBe('Answer.');
    expect(withoutThinking('Answer. <thinking>more')).toBe('Answer. ');
    expect(withoutThinking('reasoning without an opening tag</think>\nAnswer.')).toBe('Answer.');
  });
});
