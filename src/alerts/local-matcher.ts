import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openRetriever } from '../retrieve/open.js';
import type { HybridRetriever } from '../retrieve/retriever.js';
import type { StoreTarget } from '../store/open-store.js';
import { matchFollow } from './match.js';
import type { FollowMatcher } from './types.js';

/**
 * Matches follows in this process, with a retriever (and embedding model) of its own: for
 * `minutebook alerts run`, which has no answering thread to ask. `serve` must not use it, or it
 * would hold a second copy of the model beside its answering thread's. The retriever is opened on
 * the first match and kept: it follows the index through writes and rebuilds.
 */
export class LocalMatcher {
  readonly #options: { target: StoreTarget; config: Config; logger: Logger; err?: (text: string) => void };
  #retriever: Promise<HybridRetriever> | null = null;

  /** `err` takes human notes (the CLI's stderr), e.g. that search is keyword-only. */
  constructor(options: { target: StoreTarget; config: Config; logger: Logger; err?: (text: string) => void }) {
    this.#options = options;
  }

  /** The matcher to give an `AlertsRunner`. */
  readonly match: FollowMatcher = async (request) =>
    matchFollow({ ...request, retriever: await this.#open(), logger: this.#options.logger });

  async close(): Promise<void> {
    const opening = this.#retriever;
    this.#retriever = null;
    // One that failed to open has nothing to close.
    await (await opening?.catch(() => null))?.close();
  }

  #open(): Promise<HybridRetriever> {
    if (this.#retriever) return this.#retriever;
    const { target, config, logger, err } = this.#options;
    // Kept as a promise so matches that start together open it once.
    const opening = openRetriever(
      { config, logger, ...(err ? { err } : {}) },
      target.kind === 'postgres' ? { databaseUrl: target.url } : { indexDir: target.dir },
    );
    this.#retriever = opening;
    // A failed open is tried again by the next match (the next pass), not remembered.
    opening.catch(() => {
      if (this.#retriever === opening) this.#retriever = null;
    });
    return opening;
  }
}
