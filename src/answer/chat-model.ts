import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { LlmConfig, ProxyConfig } from '../config.js';
import { LlmUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChatMessage, ChatModel, ChatOptions } from '../types.js';
import { createLlmFetch, type LlmFetch } from './llm-fetch.js';

/**
 * Local endpoints (Ollama, vLLM) need no key, but the SDK insists on one; this is sent instead.
 * It is not a secret.
 */
const PLACEHOLDER_API_KEY = 'minutebook-no-key';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const FIRST_RETRY_DELAY_MS = 500;
/** A server asking us to wait longer than this is treated as down: someone is waiting for the answer. */
const MAX_RETRY_DELAY_MS = 20_000;
/** Request fields an endpoint may refuse, each then left out (or renamed) for the rest of the run. */
type Adjustable = 'max_tokens' | 'temperature' | 'stop' | 'response_format';

export interface OpenAiChatModelOptions extends LlmConfig {
  logger: Logger;
  /** Waits between retries. Tests pass one that records the delay and returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How to reach the endpoint; by default {@link createLlmFetch} with the configured timeout and proxy. */
  fetch?: LlmFetch;
  /** Outbound proxy settings (HTTPS_PROXY, NO_PROXY …), when the endpoint is reached through one. */
  proxy?: ProxyConfig;
}

/** Waits `ms`, or less if `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** 429 (rate limit), 408/409 (try again) and 5xx are worth another try; other refusals are not. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The wait a server asks for in `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Exponential backoff with up to 25% jitter, so many clients do not retry in step. */
function backoffMs(attempt: number): number {
  return FIRST_RETRY_DELAY_MS * 2 ** attempt * (1 - Math.random() * 0.25);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The first choice of a chat-completions body or stream chunk, which is outside data until checked. */
function firstChoice(body: unknown): unknown {
  const choices = field(body, 'choices');
  return Array.isArray(choices) ? choices[0] : undefined;
}

/** Reads the answer text out of a chat-completions reply, which is outside data until checked. */
export function replyText(body: unknown): string | null {
  const content = field(field(firstChoice(body), 'message'), 'content');
  return typeof content === 'string' && content.trim() ? content : null;
}

/**
 * The reply without the model's reasoning: `<think>…</think>` blocks go, an unclosed one (the
 * reply was cut off while thinking) takes the rest with it, and a closing tag with no opening one
 * (servers that strip the opening tag) takes everything before it.
 */
export function withoutThinking(text: string): string {
  let visible = text.replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '');
  const stray = /<\/(?:think|thinking|reasoning)>/i.exec(visible);
  if (stray) visible = visible.slice(stray.index + stray[0].length);
  const open = /<(?:think|thinking|reasoning)>/i.exec(visible);
  if (open) visible = visible.slice(0, open.index);
  return visible.replace(/^\s+/, '');
}

/** Which request field a 400 refuses, read from the error's `param` and message; null when none of ours. */
export function refusedField(error: APIError): Adjustable | null {
  const message = error.message ?? '';
  const param = typeof error.param === 'string' ? error.param : '';
  const says = (name: string) => param === name || new RegExp(`\\b${name}\\b`).test(message);
  const refuses = /unsupported|not support|not allowed|invalid|unknown|unrecognized|not permitted/i.test(message);
  if (says('max_tokens') && /max_completion_tokens/.test(message)) return 'max_tokens';
  if (!refuses && error.code !== 'unsupported_parameter' && error.code !== 'unsupported_value') return null;
  if (says('response_format') || says('json_schema')) return 'response_format';
  if (says('temperature')) return 'temperature';
  if (says('stop')) return 'stop';
  return null;
}

/** One streamed (or whole) reply as read so far. */
interface Reading {
  text: string;
  finishReason: string | null;
}

/**
 * A chat model behind any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
 * llama.cpp…).
 *
 * Replies are streamed, so a deadline or a caller's stop closes the connection and the server stops
 * generating; a server that answers with one JSON body instead is read too. Fields an endpoint
 * refuses with a 400 (`max_tokens` on reasoning models, a temperature they do not take, `stop`,
 * `response_format`) are adjusted once and remembered. Retries are ours rather than the SDK's:
 * 429/5xx/connection failures are retried with backoff (honouring `retry-after` up to 20 s); a
 * timeout is not retried, so the caller can fall back promptly. Every failure becomes
 * `LlmUnavailableError`, with the API key scrubbed from its message.
 */
export class OpenAiChatModel implements ChatModel {
  readonly modelId: string;
  private readonly client: OpenAI;
  private readonly options: OpenAiChatModelOptions;
  private readonly endpoint: string;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** What the endpoint turned out to refuse, for the rest of this run. */
  private readonly refused = new Set<Adjustable>();

  constructor(options: OpenAiChatModelOptions) {
    this.options = options;
    this.modelId = options.model;
    this.wait = options.sleep ?? sleep;
    const baseURL = options.baseUrl ?? DEFAULT_BASE_URL;
    // Only the host is ever shown: a base URL may carry credentials in its user-info part.
    this.endpoint = new URL(baseURL).host;
    this.client = new OpenAI({
      apiKey: options.apiKey ?? PLACEHOLDER_API_KEY,
      baseURL,
      timeout: options.timeoutMs,
      maxRetries: 0,
      fetch: options.fetch ?? createLlmFetch(options.timeoutMs, options.proxy),
      // The SDK's own logging would bypass our redaction; we log what matters ourselves.
      logLevel: 'off',
    });
  }

  get structuredOutput(): boolean {
    return this.options.structuredOutput && !this.refused.has('response_format');
  }

  async complete(messages: ChatMessage[], options: ChatOptions = {}): Promise<string> {
    for (let attempt = 0; ; ) {
      // One deadline for the whole reply, streaming included: the SDK's own timer stops at the
      // headers, and a server that sends headers then trickles must not hang the answer.
      const deadline = AbortSignal.timeout(this.options.timeoutMs);
      const stopper = new AbortController();
      const signal = AbortSignal.any([deadline, stopper.signal, ...(options.signal ? [options.signal] : [])]);
      try {
        const response = await this.client.chat.completions
          .create(this.body(messages, options), { signal, timeout: this.options.timeoutMs, maxRetries: 0 })
          .asResponse();
        return await this.read(response as unknown as Response, options, stopper);
      } catch (error) {
        if (error instanceof LlmUnavailableError) throw error;
        if (options.signal?.aborted) throw new LlmUnavailableError('the request to the model was cancelled');
        if (deadline.aborted || (error instanceof APIConnectionError && /timed? ?out/i.test(error.message))) {
          throw new LlmUnavailableError(
            `the model at ${this.endpoint} did not finish answering within ${this.options.timeoutMs} ms ` +
              '(raise MINUTEBOOK_LLM_TIMEOUT_MS if it is just slow)',
            { cause: error, timedOut: true },
          );
        }
        if (error instanceof APIError && error.status === 400 && this.adjustFor(error)) continue;
        const retryable =
          (error instanceof APIError && !(error instanceof APIUserAbortError) && error.status !== undefined
            ? isRetryableStatus(error.status)
            : false) ||
          (error instanceof APIConnectionError && !(error instanceof APIUserAbortError));
        const asked = error instanceof APIError ? retryAfterMs(error.headers) : null;
        if (!retryable || attempt >= this.options.maxRetries || (asked !== null && asked > MAX_RETRY_DELAY_MS)) {
          throw this.unavailable(error);
        }
        const delayMs = Math.round(asked ?? backoffMs(attempt));
        this.options.logger.warn(
          {
            event: 'llm_retry',
            status: error instanceof APIError ? error.status : null,
            attempt: attempt + 1,
            delayMs,
          },
          'the model endpoint refused or failed; retrying',
        );
        await this.wait(delayMs, options.signal);
        if (options.signal?.aborted) throw new LlmUnavailableError('the request to the model was cancelled');
        attempt++;
      }
    }
  }

  /** The request body, with what this endpoint has refused left out. */
  private body(messages: ChatMessage[], options: ChatOptions) {
    const cap = Math.min(options.maxTokens ?? this.options.maxTokens, this.options.maxTokens);
    const completionParam = this.options.tokenLimitParam === 'max_completion_tokens' || this.refused.has('max_tokens');
    return {
      model: this.options.model,
      messages,
      stream: true as const,
      ...(completionParam ? { max_completion_tokens: cap + this.options.reasoningTokens } : { max_tokens: cap }),
      ...(this.refused.has('temperature') ? {} : { temperature: this.options.temperature }),
      ...(options.stop?.length && !this.refused.has('stop') ? { stop: options.stop.slice(0, 4) } : {}),
      ...(options.jsonSchema && this.structuredOutput
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: { name: options.jsonSchema.name, schema: options.jsonSchema.schema, strict: true },
            },
          }
        : {}),
    };
  }

  /** Learns from a 400 that refuses one of our fields; true when the request should be sent again. */
  private adjustFor(error: APIError): boolean {
    const refused = refusedField(error);
    if (refused === null || this.refused.has(refused)) return false;
    this.refused.add(refused);
    this.options.logger.warn(
      { event: 'llm_request_adjusted', refused },
      refused === 'max_tokens'
        ? 'the model wants max_completion_tokens instead of max_tokens; using it from now on'
        : `the model refused ${refused}; sending requests without it from now on`,
    );
    return true;
  }

  /** Reads a streamed reply (or a whole JSON one), calling `onText` as it grows. */
  private async read(response: Response, options: ChatOptions, stopper: AbortController): Promise<string> {
    const reading: Reading = { text: '', finishReason: null };
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const body: unknown = await response.json();
      reading.text = replyText(body) ?? '';
      const finish = field(firstChoice(body), 'finish_reason');
      reading.finishReason = typeof finish === 'string' ? finish : null;
    } else if (await this.readStream(response, reading, options.onText)) {
      // The caller has what it wants: closing the connection tells the server to stop generating.
      stopper.abort();
      return withoutThinking(reading.text);
    }
    const text = withoutThinking(reading.text);
    if (!text.trim()) {
      throw new LlmUnavailableError(
        reading.finishReason === 'length'
          ? `the model at ${this.endpoint} used all its tokens before answering: raise MINUTEBOOK_LLM_MAX_TOKENS ` +
              '(reasoning models spend tokens thinking; see MINUTEBOOK_LLM_REASONING_TOKENS)'
          : `the model at ${this.endpoint} sent a reply with no answer text in it`,
      );
    }
    return text;
  }

  /** Reads server-sent events into `reading`; true when `onText` asked to stop early. */
  private async readStream(response: Response, reading: Reading, onText: ChatOptions['onText']): Promise<boolean> {
    if (!response.body) return false;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(bytes, { stream: true });
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = events.pop() ?? '';
      let grew = false;
      for (const event of events) {
        const data = event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (!data || data === '[DONE]') continue;
        const chunk: unknown = JSON.parse(data);
        const problem = field(field(chunk, 'error'), 'message');
        if (typeof problem === 'string')
          throw new LlmUnavailableError(
            this.scrub(`the model at ${this.endpoint} failed mid-reply: ${problem.slice(0, 200)}`),
          );
        const choice = firstChoice(chunk);
        const content = field(field(choice, 'delta'), 'content');
        const finish = field(choice, 'finish_reason');
        if (typeof finish === 'string') reading.finishReason = finish;
        if (typeof content === 'string' && content) {
          reading.text += content;
          grew = true;
        }
      }
      if (grew && onText?.(withoutThinking(reading.text)) === 'stop') return true;
    }
    return false;
  }

  /** Turns any failure into a one-line LlmUnavailableError that says what to check. */
  private unavailable(error: unknown): LlmUnavailableError {
    let problem: string;
    if (error instanceof APIError && error.status !== undefined) {
      const hint =
        error.status === 401 || error.status === 403
          ? ': check OPENAI_API_KEY'
          : error.status === 404
            ? ': check MINUTEBOOK_CHAT_MODEL and OPENAI_BASE_URL'
            : error.status === 400 && /context|too long|maximum.*length|exceeds/i.test(error.message)
              ? ': the prompt does not fit the model; set MINUTEBOOK_LLM_CONTEXT_TOKENS to its context window'
              : '';
      problem = `answered HTTP ${error.status}${hint}`;
    } else if (error instanceof SyntaxError) {
      problem = 'sent a reply that is not valid JSON: check OPENAI_BASE_URL points at an OpenAI-compatible API';
    } else if (error instanceof APIConnectionError) {
      problem = 'could not be reached: check OPENAI_BASE_URL and the network';
    } else {
      problem = `failed (${error instanceof Error ? error.message : String(error)})`;
    }
    // An APIError carries the response body, which may quote the key: it is not kept as the cause.
    const options = error instanceof APIError ? {} : { cause: error };
    return new LlmUnavailableError(this.scrub(`the model at ${this.endpoint} ${problem}`), options);
  }

  /** Removes the API key from text that may have echoed it (some servers quote the key they refused). */
  private scrub(text: string): string {
    const key = this.options.apiKey;
    return key ? text.split(key).join('[redacted]') : text;
  }
}
