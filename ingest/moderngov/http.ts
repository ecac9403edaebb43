/**
 * Polite HTTP for council websites: few requests at a time, a timeout on each, retries with
 * backoff on the failures that are worth retrying, and a User-Agent that says who we are. Council
 * sites are small servers run for the public; a sync must never look like an attack.
 */
import { SourceUnavailableError } from '../../src/errors.js';
import { Limiter } from '../../src/limiter.js';
import type { Logger } from '../../src/logger.js';

export interface PoliteFetchOptions {
  /** Sent on every request so a council's web team can see who is calling and how to reach us. */
  userAgent: string;
  /** Requests in flight at once, across everything this fetcher does. Default 2. */
  concurrency?: number;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Extra attempts after the first, for timeouts, network errors, 429 and 5xx. Default 3. */
  retries?: number;
  /** First backoff; doubled on each retry, with jitter. Default 1 s. */
  backoffMs?: number;
  /** The longest a Retry-After header may make us wait. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Responses larger than this are refused (a printed-minutes PDF is a few MB). Default 50 MB. */
  maxBytes?: number;
  /** Injected for tests and for proxies; the global fetch by default. */
  fetch?: typeof fetch;
  logger?: Logger;
}

export interface RequestInit {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Says a failed status is an answer, not a hiccup, so retrying it would only add load. */
  final?: (error: HttpStatusError) => boolean;
}

/** A response body read in full, with what the caller needs to judge it. */
export interface FetchedBody {
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  text(): string;
}

/** Thrown for an HTTP status that retrying will not fix; keeps the body for protocol sniffing. */
export class HttpStatusError extends SourceUnavailableError {
  readonly status: number;
  readonly body: string;
  /** What the server's Retry-After asked for, in ms, if it said. */
  readonly retryAfterMs: number | null;

  constructor(url: string, status: number, body: string, retryAfterMs: number | null = null, message?: string) {
    super(message ?? `${url} answered HTTP ${status}${statusAdvice(status)}`);
    this.status = status;
    this.body = body;
    this.retryAfterMs = retryAfterMs;
  }
}

function statusAdvice(status: number): string {
  if (status === 401 || status === 403) return ': the site refuses us; ask the council whether the web service is open';
  if (status === 404) return ': check the ModernGov base URL (it is the part before /mgWebService.asmx)';
  if (status >= 500) return ': the council site is failing; try again later';
  return '';
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** An HTTP client that keeps to the limits above. One per sync, shared by every request. */
export class PoliteFetcher {
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly maxBytes: number;

  constructor(private readonly options: PoliteFetchOptions) {
    this.limiter = new Limiter(options.concurrency ?? 2);
    this.timeoutMs = positive('timeoutMs', options.timeoutMs ?? 30_000);
    this.retries = Math.max(0, Math.floor(options.retries ?? 3));
    this.backoffMs = Math.max(0, options.backoffMs ?? 1_000);
    this.maxRetryAfterMs = Math.max(0, options.maxRetryAfterMs ?? 60_000);
    this.fetchImpl = options.fetch ?? fetch;
    this.maxBytes = positive('maxBytes', options.maxBytes ?? 50 * 1024 * 1024);
  }

  /**
   * Fetches `url`, retrying what is worth retrying. Throws SourceUnavailableError (HttpStatusError
   * for a final bad status) naming the URL and what happened.
   */
  async request(url: string, init: RequestInit = {}): Promise<FetchedBody> {
    let lastError: SourceUnavailableError | null = null;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.delayFor(attempt, lastError));
      try {
        return await this.limiter.run(() => this.once(url, init));
      } catch (error) {
        lastError = asUnavailable(url, error, this.timeoutMs);
        const retryable =
          !(lastError instanceof HttpStatusError) ||
          (RETRYABLE_STATUS.has(lastError.status) && !(init.final?.(lastError) ?? false));
        // Per attempt, for debugging; the caller reports the final failure once.
        this.options.logger?.debug({ url, attempt: attempt + 1, retryable, err: lastError.message }, 'request failed');
        if (!retryable) throw lastError;
      }
    }
    throw lastError ?? new SourceUnavailableError(`${url}: no attempt was made`);
  }

  private async once(url: string, init: RequestInit): Promise<FetchedBody> {
    const response = await this.fetchImpl(url, {
      method: init.method ?? 'GET',
      headers: { 'user-agent': this.options.userAgent, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'follow',
    });
    const bytes = await this.readBody(url, response);
    const text = () => new TextDecoder('utf-8').decode(bytes);
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      throw new HttpStatusError(url, response.status, text().slice(0, 2_000), retryAfter);
    }
    return {
      url: response.url || url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      bytes,
      text,
    };
  }

  /** Reads the body, stopping as soon as it passes the size limit (whatever Content-Length claimed). */
  private async readBody(url: string, response: Response): Promise<Uint8Array> {
    // Reported as a final status so it is not retried: the document will not shrink.
    const limitSize = this.maxBytes < 1024 * 1024 ? `${this.maxBytes}-byte` : `${this.maxBytes / 1024 / 1024} MB`;
    const limit = `over the ${limitSize} limit`;
    // The limit is one meeting's minutes (MINUTEBOOK_MAX_FILE_MB): a reply or document bigger is not one meeting.
    const tooBig = () =>
      new HttpStatusError(
        url,
        413,
        limit,
        null,
        `${url} sent a response ${limit} for one meeting's minutes (MINUTEBOOK_MAX_FILE_MB); fetch it by hand`,
      );
    if (Number(response.headers.get('content-length') ?? '0') > this.maxBytes) {
      await response.body?.cancel();
      throw tooBig();
    }
    if (!response.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(chunk.value);
    }
    return Buffer.concat(chunks);
  }

  private delayFor(attempt: number, error: SourceUnavailableError | null): number {
    if (error instanceof HttpStatusError && error.retryAfterMs !== null) {
      return Math.min(error.retryAfterMs, this.maxRetryAfterMs);
    }
    const base = this.backoffMs * 2 ** (attempt - 1);
    return base + Math.random() * base * 0.25;
  }
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function asUnavailable(url: string, error: unknown, timeoutMs: number): SourceUnavailableError {
  if (error instanceof SourceUnavailableError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SourceUnavailableError(`${url} did not answer within ${timeoutMs} ms; the site may be down or slow`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? (describeCause(error) ?? error.message) : String(error);
  return new SourceUnavailableError(`${url} could not be reached (${detail}); check the address and the network`, {
    cause: error,
  });
}

/** undici hides the useful part ("ECONNREFUSED", "bad port") in `cause`. */
function describeCause(error: Error): string | null {
  const cause: unknown = error.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error && cause.message) return cause.message;
  return null;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be more than 0 (got ${value})`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
