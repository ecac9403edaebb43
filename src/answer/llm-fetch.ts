import { Agent, fetch as undiciFetch } from 'undici';

/** The fetch the OpenAI SDK calls: the standard signature. */
export type LlmFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Connecting should never take long, whatever the model's own pace: a dead host is reported soon. */
const MAX_CONNECT_MS = 30_000;

/**
 * The fetch that reaches the chat endpoint. Node's built-in fetch gives up on a reply whose headers
 * or next chunk take more than 300 s (undici's defaults), whatever timeout the caller asked for; a
 * CPU-hosted model can take longer than that. This one's header and body timeouts are the answer's
 * own deadline, which the chat model enforces itself (and which closes the connection, so the
 * server stops generating).
 *
 * The one place the connection is built: a proxy-aware dispatcher belongs here too.
 */
export function createLlmFetch(timeoutMs: number): LlmFetch {
  const dispatcher = new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, MAX_CONNECT_MS),
  });
  // undici's fetch is the standard fetch with a `dispatcher` option; only its type names differ.
  return ((input, init) => undiciFetch(input as never, { ...(init as object), dispatcher })) as LlmFetch;
}
