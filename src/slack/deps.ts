import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Answerer, IndexStats } from '../types.js';
import { AnswerCache } from './answer-cache.js';
import { ConcurrencyLimit } from './concurrency.js';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import { SeenKeys, type SeenStore } from './seen.js';

export type WebClient = webApi.WebClient;

/** Everything a listener needs besides the Slack payload. Built once per app, shared by handlers. */
export interface SlackDeps {
  answerer: Answerer;
  /** What is indexed, for the App Home; may throw when there is no index. */
  stats: () => Promise<IndexStats>;
  logger: Logger;
  /** Events and messages already handled, so Slack's retries are answered once. */
  seen: SeenStore;
  rateLimiter: RateLimits;
  /** Caps questions answered at once; the rest queue. */
  concurrency: ConcurrencyLimit;
  answers: AnswerCache;
  /** An answer taking longer than this is abandoned with a message in the thread. */
  askTimeoutMs: number;
  /** Earlier thread messages passed to the answerer as history. */
  historyTurns: number;
  /** Include the answer's text in feedback log events (off: logs hold no message text). */
  logFeedbackText: boolean;
}

/** Tunables of the bot's behaviour, all optional. */
export interface SlackBehaviourOptions {
  /** Questions per user per `rateWindowMs` (default 6 a minute). */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Questions answered at once (default 4). */
  maxConcurrentAnswers?: number;
  askTimeoutMs?: number;
  historyTurns?: number;
  logFeedbackText?: boolean;
  /** Remembered event ids (default 5000). */
  dedupeSize?: number;
  /** Shared dedupe and rate limits (several `serve` processes on one database); in memory when unset. */
  sharedState?: { seen: SeenStore; rateLimiter: RateLimits };
}

/** Builds the shared dependencies with defaults for anything not given. */
export function createSlackDeps(
  parts: { answerer: Answerer; stats: () => Promise<IndexStats>; logger: Logger },
  options: SlackBehaviourOptions = {},
): SlackDeps {
  return {
    ...parts,
    seen: options.sharedState?.seen ?? new SeenKeys(options.dedupeSize ?? 5000),
    rateLimiter:
      options.sharedState?.rateLimiter ??
      new RateLimiter({ limit: options.rateLimit ?? 6, windowMs: options.rateWindowMs ?? 60_000 }),
    concurrency: new ConcurrencyLimit(options.maxConcurrentAnswers ?? 4),
    answers: new AnswerCache(),
    askTimeoutMs: options.askTimeoutMs ?? 120_000,
    historyTurns: options.historyTurns ?? 10,
    logFeedbackText: options.logFeedbackText ?? false,
  };
}
