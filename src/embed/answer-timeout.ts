/** How long a hub request may take to start answering before we give up on it. */
export const HUB_ANSWER_TIMEOUT_MS = 15_000;

/**
 * A fetch that gives up when the server has not started answering within `ms`, but lets a
 * started download take as long as it needs. Networks that silently drop traffic to the hub
 * would otherwise leave a command hanging for minutes before keyword-only mode or an error.
 */
export function fetchWithAnswerTimeout(ms: number = HUB_ANSWER_TIMEOUT_MS, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer from ${String(input)} within ${ms / 1000} s`)),
      ms,
    );
    try {
      return await base(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  };
}
