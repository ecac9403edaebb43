import type { ServeMetrics } from '../net/metrics.js';
import { isRecord } from './payloads.js';

/** The Web API method a URL calls (`chat.postMessage`), or `response_url` for slash-command replies. */
function methodOf(url: string): string {
  const path = new URL(url).pathname;
  const method = /\/api\/([a-zA-Z.]+)$/.exec(path)?.[1];
  return method ?? 'response_url';
}

/**
 * A `fetch` for the Slack clients that counts failed calls by method: HTTP errors, network errors,
 * and Slack's `{ ok: false, error }` replies (which arrive as HTTP 200). It calls the global fetch
 * at request time, so a proxy set up at start is used.
 */
export function slackCallCounter(metrics: ServeMetrics): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      metrics.slackApiError(methodOf(url), 'network');
      throw error;
    }
    if (!response.ok) {
      metrics.slackApiError(methodOf(url), `http_${response.status}`);
    } else if (response.headers.get('content-type')?.includes('json')) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (isRecord(body) && body.ok === false) {
        metrics.slackApiError(methodOf(url), typeof body.error === 'string' ? body.error.slice(0, 64) : 'unknown');
      }
    }
    return response;
  };
}
