import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerMode, FallbackCode, IndexStats } from '../types.js';
import type { QuestionOutcome, ServeMetrics } from './metrics.js';
import type { MetricsPage } from './ops-routes.js';

/** Answer times in seconds: extractive answers take well under a second, LLM answers several. */
const ANSWER_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

/**
 * `serve`'s metrics in Prometheus' text format, in a registry of their own: questions by outcome,
 * answer time, answers by mode, LLM fallbacks by reason, Slack API errors, index size, and the
 * process's own (CPU, memory, event loop lag).
 */
export class PrometheusMetrics implements ServeMetrics, MetricsPage {
  readonly registry = new Registry();
  readonly #questions: Counter<'outcome'>;
  readonly #answers: Counter<'mode'>;
  readonly #duration: Histogram<'mode'>;
  readonly #fallbacks: Counter<'reason'>;
  readonly #slackErrors: Counter<'method' | 'error'>;

  /** `indexStats` is read on each scrape for the index size gauges. */
  constructor(indexStats: () => Promise<IndexStats>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'minutebook_' });
    this.#questions = new Counter({
      name: 'minutebook_questions_total',
      help: 'Questions asked in Slack, by how they ended (answered, failed, busy, rate_limited).',
      labelNames: ['outcome'],
      registers,
    });
    this.#answers = new Counter({
      name: 'minutebook_answers_total',
      help: 'Answers given, by mode (llm, extractive, not_found).',
      labelNames: ['mode'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'minutebook_answer_duration_seconds',
      help: 'Time to answer a question (retrieval plus any LLM call), by mode.',
      labelNames: ['mode'],
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.#fallbacks = new Counter({
      name: 'minutebook_llm_fallbacks_total',
      help: 'Answers made without the configured LLM, by reason (timeout, unavailable, uncited, unsupported).',
      labelNames: ['reason'],
      registers,
    });
    this.#slackErrors = new Counter({
      name: 'minutebook_slack_api_errors_total',
      help: "Failed Slack Web API calls, by method and Slack's error code (or HTTP status, or network).",
      labelNames: ['method', 'error'],
      registers,
    });
    const sizeGauge = (name: string, help: string, read: (stats: IndexStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          // While the answering thread restarts there are no stats: the gauge keeps its last value.
          const stats = await indexStats().catch(() => null);
          if (stats) this.set(read(stats));
        },
      });
    sizeGauge('minutebook_index_meetings', 'Meetings in the index.', (s) => s.meetings);
    sizeGauge('minutebook_index_items', 'Minute items in the index.', (s) => s.items);
    sizeGauge('minutebook_index_passages', 'Passages in the index.', (s) => s.passages);
  }

  question(outcome: QuestionOutcome): void {
    this.#questions.inc({ outcome });
  }

  answered(mode: AnswerMode, seconds: number, fallback: FallbackCode | undefined): void {
    this.#answers.inc({ mode });
    this.#duration.observe({ mode }, seconds);
    if (fallback) this.#fallbacks.inc({ reason: fallback });
  }

  slackApiError(method: string, error: string): void {
    this.#slackErrors.inc({ method, error });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
