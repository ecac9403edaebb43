import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import type { LlmConfig } from '../config.js';
import { LlmUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChatMessage, ChatModel } from '../types.js';

/**
 * Local endpoints (Ollama, vLLM) need no key, but the SDK insists on one; this is sent instead.
 * It is not a secret.
 */
const PLACEHOLDER_API_KEY = 'minutebook-no-key';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const FIRST_RETRY_DELAY_MS = 500;
/** A server asking us to wait longer than this is treated as down: someone is waiting for the answer. */
const MAX_RETRY_DELAY_MS = 20_000;

export interface OpenAiChatModelOptions extends LlmConfig {
  logger: Logger;
  /** Waits between retries. Tests pass one that records the delay and returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
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

/** Reads the answer text out of a chat-completions reply, which is outside data until checked. */
export function replyText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('choices' in body)) return null;
  const { choices } = body;
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const first: unknown = choices[0];
  if (typeof first !== 'object' || first === null || !('message' in first)) return null;
  const { message } = first;
  if (typeof message !== 'object' || message === null || !('content' in message)) return null;
  const { content } = message;
  return typeof content === 'string' && content.trim() ? content : null;
}

/**
 * A chat model behind any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM…).
 *
 * Retries are ours rather than the SDK's: the SDK retries timeouts too and obeys any `retry-after`
 * however long, while a person in Slack is waiting. Here 429/5xx/connection failures are retried
 * with backoff (honouring `retry-after` up to 20 s); a timeout is not retried, so the caller can
 * fall back to an extractive answer promptly. Every failure becomes `LlmUnavailableError`, with
 * the API key scrubbed from its message.
 */
export class OpenAiChatModel implements ChatModel {
  readonly modelId: string;
  private readonly client: OpenAI;
  private readonly options: OpenAiChatModelOptions;
  private readonly endpoint: string;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;

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
      // The SDK's own logging would bypass our redaction; we log what matters ourselves.
      logLevel: 'off',
    });
  }

  async complete(messages: ChatMessage[], options: { signal?: AbortSignal; maxTokens?: number } = {}): Promise<string> {
    const maxTokens = Math.min(options.maxTokens ?? this.options.maxTokens, this.options.maxTokens);
    for (let attempt = 0; ; attempt++) {
      // Our own deadline as well as the SDK's: the SDK's timer stops once headers arrive, and a
      // server that sends headers then stalls the body must not hang the answer.
      const deadline = AbortSignal.timeout(this.options.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
      try {
        const body: unknown = await this.client.chat.completions.create(
          { model: this.options.model, messages, max_tokens: maxTokens },
          { signal, timeout: this.options.timeoutMs, maxRetries: 0 },
        );
        const text = replyText(body);
        if (text === null) {
          throw new LlmUnavailableError(`the model at ${this.endpoint} sent a reply with no answer text in it`);
        }
        return text;
      } catch (error) {
        if (error instanceof LlmUnavailableError) throw error;
        if (options.signal?.aborted) throw new LlmUnavailableError('the request to the model was cancelled');
        if (deadline.aborted || (error instanceof APIConnectionError && /timed? ?out/i.test(error.message))) {
          throw new LlmUnavailableError(
            `the model at ${this.endpoint} did not answer within ${this.options.timeoutMs} ms ` +
              '(raise MINUTEBOOK_LLM_TIMEOUT_MS if it is just slow)',
            { cause: error },
          );
        }
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
      }
    }
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
