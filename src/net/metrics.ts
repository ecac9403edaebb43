import type { AnswerMode } from '../types.js';

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
  answered(mode: AnswerMode, seconds: number, fallbackReason: string | undefined): void;
  /** A Slack Web API call failed (`error` is Slack's code, an HTTP status, or `network`). */
  slackApiError(method: string, error: string): void;
}

/** Counts nothing: for tests and tools that build the Slack app without `serve`. */
export const noMetrics: ServeMetrics = {
  question: () => {},
  answered: () => {},
  slackApiError: () => {},
};

/**
 * The LLM fallback reasons as a few stable labels. The answerer words its reasons for people
 * ("the model at api.example did not answer within 30000 ms"); a metric needs a small fixed set.
 */
export function fallbackLabel(reason: string): 'timeout' | 'unavailable' | 'uncited' | 'other' {
  if (/did not answer within|timed? ?out/i.test(reason)) return 'timeout';
  if (/cited none/i.test(reason)) return 'uncited';
  if (/unavailable|could not be reached|answered HTTP|cancelled/i.test(reason)) return 'unavailable';
  return 'other';
}
