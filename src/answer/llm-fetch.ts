import { Agent, EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { ProxyConfig } from '../config.js';
import { hasProxy } from '../net/proxy.js';

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
 * Being its own dispatcher, it does not use the process-wide proxy (src/net/proxy.ts); given the
 * proxy settings it goes through the proxy itself, with the same deadlines and NO_PROXY honoured.
 */
export function createLlmFetch(timeoutMs: number, proxy?: ProxyConfig): LlmFetch {
  const timeouts = {
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: Math.min(timeoutMs, MAX_CONNECT_MS),
  };
  const dispatcher =
    proxy && hasProxy(proxy)
      ? // An unset variable must stay unset: undici would otherwise fall back to reading the environment.
        new EnvHttpProxyAgent({
          ...timeouts,
          httpProxy: proxy.httpProxy ?? '',
          httpsProxy: proxy.httpsProxy ?? '',
          noProxy: proxy.noProxy ?? '',
        })
      : new Agent(timeouts);
  // undici's fetch is the standard fetch with a `dispatcher` option; only its type names differ.
  return ((input, init) => undiciFetch(input as never, { ...(init as object), dispatcher })) as LlmFetch;
}
