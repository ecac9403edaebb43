import type { AnswerMode, FallbackCode } from '../types.js';

/** How a question ended, for counting. */
export type QuestionOutcome = 'answered' | 'failed' | 'busy' | 'rate_limited';

/**
 * What `serve` counts. The Slack app reports through this; `prometheus.ts` exposes it on /metrics.
 * Nothing here holds question or answer text: labels are small fixed sets.
 */
export interface ServeMetrics {
  /** A question came in and ended this way. */
  question(outcome: QuestionOutcome): void;
  /** An answer was made: its mode, how long it took, and why the LLM was not used if it was not. */
  answered(mode: AnswerMode, seconds: number, fallback: FallbackCode | undefined): void;
  /** A Slack Web API call failed (`error` is Slack's code, an HTTP status, or `network`). */
  slackApiError(method: string, error: string): void;
}

/** Counts nothing: for tests and tools that build the Slack app without `serve`. */
export const noMetrics: ServeMetrics = {
  question: () => {},
  answered: () => {},
  slackApiError: () => {},
};
