import type { webApi } from '@slack/bolt';
import type { AlertStore } from '../alerts/types.js';
import type { Logger } from '../logger.js';
import { noMetrics, type ServeMetrics } from '../net/metrics.js';
import type { Answerer, IndexStats } from '../types.js';
import { AnswerCache } from './answer-cache.js';
import { cacheCoverage, coverageFromStats, type IndexCoverage } from './coverage.js';
import { DEFAULT_STREAM_INTERVAL_MS } from './draft-stream.js';
import { QuestionSlots } from './question-slots.js';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import { SeenKeys, type SeenStore } from './seen.js';

export type WebClient = webApi.WebClient;

/** Everything a listener needs besides the Slack payload. Built once per app, shared by handlers. */
export interface SlackDeps {
  answerer: Answerer;
  /** What is indexed, for the App Home; may reject when there is no index. */
  stats: () => Promise<IndexStats>;
  /** What the index covers, for the AI-app's suggested prompts; may reject when there is no index. */
  coverage: () => Promise<IndexCoverage>;
  logger: Logger;
  /** Events and messages already handled, so Slack's retries are answered once. */
  seen: SeenStore;
  rateLimiter: RateLimits;
  /** Caps questions being answered at once; past it, people are told to try again shortly. */
  slots: QuestionSlots;
  answers: AnswerCache;
  metrics: ServeMetrics;
  /** An answer taking longer than this is abandoned with a message in the thread. */
  askTimeoutMs: number;
  /** Earlier thread messages passed to the answerer as history. */
  historyTurns: number;
  /** Include the answer's text in feedback log events (off: logs hold no message text). */
  logFeedbackText: boolean;
  /** The least time between two Slack calls that stream one answer's draft. */
  streamIntervalMs: number;
  /** Follows for `/minutes follow` and the App Home; null when topic alerts are not set up. */
  alerts: AlertStore | null;
}

/** Tunables of the bot's behaviour, all optional. */
export interface SlackBehaviourOptions {
  /** Questions per user per `rateWindowMs` (default 6 a minute). */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Questions being answered at once before newcomers are told it is busy (default 50). */
  maxQuestionsInFlight?: number;
  askTimeoutMs?: number;
  historyTurns?: number;
  logFeedbackText?: boolean;
  /** Least time between two streaming calls for one answer (default 1 s). */
  streamIntervalMs?: number;
  /** Remembered event ids (default 5000). */
  dedupeSize?: number;
  /** Shared dedupe and rate limits (several `serve` processes on one database); in memory when unset. */
  sharedState?: { seen: SeenStore; rateLimiter: RateLimits };
  metrics?: ServeMetrics;
  /** The alert store beside the index, for `/minutes follow` and the App Home's follows. */
  alerts?: AlertStore;
}

/**
 * 50 at once. The answering thread shares its CPU among the questions it holds, so an admitted
 * question waits about (slots x CPU per question): on a 1,500-meeting index that is about 0.25 s
 * each on this 2-core machine, and `bench/slack-load.ts` (200 mentions in 10 s) measured answers at
 * p95 10-12.5 s with 50 slots, well inside the minute the "busy" reply asks the others to wait.
 */
export const DEFAULT_MAX_QUESTIONS_IN_FLIGHT = 50;

/** How long what the index covers is kept for suggested prompts (5 minutes). */
export const COVERAGE_TTL_MS = 5 * 60_000;

/** How long a question may take before it is abandoned with a message (2 minutes). */
export const DEFAULT_ASK_TIMEOUT_MS = 120_000;

/** Builds the shared dependencies with defaults for anything not given. */
export function createSlackDeps(
  parts: {
    answerer: Answerer;
    stats: () => Promise<IndexStats>;
    logger: Logger;
    /** Defaults to what the stats say (committees without their dates, no topics). */
    coverage?: (() => Promise<IndexCoverage>) | undefined;
  },
  options: SlackBehaviourOptions = {},
): SlackDeps {
  const { coverage, ...rest } = parts;
  return {
    ...rest,
    coverage: cacheCoverage(coverage ?? (async () => coverageFromStats(await parts.stats())), COVERAGE_TTL_MS),
    seen: options.sharedState?.seen ?? new SeenKeys(options.dedupeSize ?? 5000),
    rateLimiter:
      options.sharedState?.rateLimiter ??
      new RateLimiter({ limit: options.rateLimit ?? 6, windowMs: options.rateWindowMs ?? 60_000 }),
    slots: new QuestionSlots(options.maxQuestionsInFlight ?? DEFAULT_MAX_QUESTIONS_IN_FLIGHT),
    answers: new AnswerCache(),
    metrics: options.metrics ?? noMetrics,
    askTimeoutMs: options.askTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS,
    historyTurns: options.historyTurns ?? 10,
    logFeedbackText: options.logFeedbackText ?? false,
    streamIntervalMs: options.streamIntervalMs ?? DEFAULT_STREAM_INTERVAL_MS,
    alerts: options.alerts ?? null,
  };
}
