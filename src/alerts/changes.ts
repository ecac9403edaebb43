import type { Logger } from '../logger.js';
import type { StoreTarget } from '../store/open-store.js';
import type { Meeting } from '../types.js';
import { ensureBaseline } from './baseline.js';
import { notedMeeting } from './keys.js';
import { openAlertStore } from './open.js';
import type { NotedMeeting } from './types.js';

/**
 * What one `ingest` or `sync` run wrote, recorded for alerts once the index has been closed (so a
 * rebuild has gone live and every write is committed before anything is matched against it).
 * Keeps only keys, not text, so a large rebuild costs little memory.
 */
export class IndexChanges {
  readonly #noted: NotedMeeting[] = [];

  /** Called for each meeting the run wrote to the index. */
  add(meeting: Meeting): void {
    this.#noted.push(notedMeeting(meeting));
  }

  get size(): number {
    return this.#noted.length;
  }

  /**
   * Queues the written meetings for matching against the follows (`alerts run`, or a running
   * `serve`, does the matching and posting). Resolves the meetings queued.
   */
  async record(target: StoreTarget, logger: Logger): Promise<number> {
    if (this.#noted.length === 0) return 0;
    const store = await openAlertStore(target, { logger });
    try {
      await ensureBaseline(store, target, logger);
      await store.noteMeetings(this.#noted);
      return this.#noted.length;
    } finally {
      await store.close();
    }
  }

  /**
   * `record`, with a failure said through `warn` rather than thrown: the index is already written,
   * and a run that wrote it should not fail because alerts could not be queued.
   */
  async recordOrWarn(target: StoreTarget, logger: Logger, warn: (text: string) => void): Promise<void> {
    try {
      await this.record(target, logger);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warn(`warning: ${this.#noted.length} changed meeting(s) were not queued for topic alerts: ${reason}`);
    }
  }
}
