import type { Logger } from '../logger.js';
import type { StoreTarget } from '../store/open-store.js';
import { ensureBaseline } from './baseline.js';
import { type AlertsPassReport, claimantName, type DeliverAlert, runAlertsPass } from './pass.js';
import type { AlertStore, FollowMatcher } from './types.js';

export interface AlertsRunnerOptions {
  store: AlertStore;
  /** The index the follows are matched against (the one the store sits beside), read for its baseline. */
  target: StoreTarget;
  /**
   * Puts a follow to a meeting. The runner holds no retriever or model of its own: `serve` passes
   * its answering thread's (which holds them already), `alerts run` a `LocalMatcher`'s.
   */
  match: FollowMatcher;
  logger: Logger;
  /** Posts an alert; null queues alerts without posting them. */
  deliver: DeliverAlert | null;
}

/**
 * Runs alert passes over one index: once (`minutebook alerts run`) or every so often (inside
 * `serve`, which so notices what `ingest` and `sync` queue without being told). Matching goes
 * through the matcher it is given; what a pass leaves (a meeting that failed to match, a post that
 * failed) stays in the store for the next.
 */
export class AlertsRunner {
  readonly #options: AlertsRunnerOptions;
  readonly #claimant = claimantName();
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
      match: this.#options.match,
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

  /** Stops passes and waits for one under way (the store and the matcher are the caller's to close). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }
}
