import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openRetriever } from '../retrieve/open.js';
import type { HybridRetriever } from '../retrieve/retriever.js';
import type { StoreTarget } from '../store/open-store.js';
import { ensureBaseline } from './baseline.js';
import { type AlertsPassReport, claimantName, type DeliverAlert, runAlertsPass } from './pass.js';
import type { AlertStore } from './types.js';

export interface AlertsRunnerOptions {
  store: AlertStore;
  /** The index the follows are matched against (the one the store sits beside). */
  target: StoreTarget;
  config: Config;
  logger: Logger;
  /** Posts an alert; null queues alerts without posting them. */
  deliver: DeliverAlert | null;
  /** Human notes (the CLI's stderr), e.g. that search is keyword-only. */
  err?: (text: string) => void;
}

/**
 * Runs alert passes over one index: once (`minutebook alerts run`) or every so often (inside
 * `serve`, which so notices what `ingest` and `sync` queue without being told). The retriever is
 * opened on the first meeting to match and kept: it follows the index through writes and rebuilds.
 */
export class AlertsRunner {
  readonly #options: AlertsRunnerOptions;
  readonly #claimant = claimantName();
  #retriever: HybridRetriever | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;

  constructor(options: AlertsRunnerOptions) {
    this.#options = options;
  }

  /** One pass: record the index's baseline if it has none yet, match what is queued, post what is due. */
  async runOnce(): Promise<AlertsPassReport> {
    const { store, target, logger } = this.#options;
    await ensureBaseline(store, target, logger);
    return runAlertsPass({
      store,
      retriever: () => this.#openRetriever(),
      deliver: this.#options.deliver,
      logger,
      claimant: this.#claimant,
    });
  }

  /** Runs a pass now and then every `intervalMs`; a failed pass is logged and the next one tries again. */
  start(intervalMs: number): void {
    const tick = () => {
      this.#running = this.runOnce()
        .then((report) => {
          if (report.meetings + report.sent + report.failed > 0) {
            this.#options.logger.info({ event: 'alerts.pass', ...report }, 'alerts pass');
          }
        })
        .catch((error: unknown) =>
          this.#options.logger.error({ err: error, event: 'alerts.pass_failed' }, 'alerts pass failed'),
        )
        .finally(() => {
          this.#running = null;
          if (!this.#stopped) this.#timer = setTimeout(tick, intervalMs).unref();
        });
    };
    tick();
  }

  /** Stops passes, waits for one under way, and closes the retriever (not the store: the caller's). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
    await this.#retriever?.close();
    this.#retriever = null;
  }

  async #openRetriever(): Promise<HybridRetriever> {
    if (this.#retriever) return this.#retriever;
    const { target, config, logger, err } = this.#options;
    this.#retriever = await openRetriever(
      { config, logger, ...(err ? { err } : {}) },
      target.kind === 'postgres' ? { databaseUrl: target.url } : { indexDir: target.dir },
    );
    return this.#retriever;
  }
}
