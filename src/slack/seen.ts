/**
 * Keys already handled (event ids, message timestamps), so an event Slack delivers twice is answered
 * once. Several `serve` processes behind one Slack app share one (in PostgreSQL, see
 * `shared-state.ts`), so a retry delivered to another process is still a repeat.
 */
export interface SeenStore {
  /** Records `key`; true the first time any process sees it, false on every repeat. */
  firstTime(key: string): boolean | Promise<boolean>;
}

/**
 * A bounded memory of keys already handled (event ids, message timestamps), so an event Slack
 * delivers twice is answered once. Oldest keys are forgotten first; the bound keeps memory flat
 * however long the bot runs.
 */
export class SeenKeys implements SeenStore {
  readonly #max: number;
  readonly #keys = new Set<string>();

  constructor(max = 5000) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`SeenKeys max must be at least 1 (got ${max})`);
    this.#max = max;
  }

  /** Records `key`; true the first time it is seen, false on every repeat. */
  firstTime(key: string): boolean {
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    if (this.#keys.size > this.#max) {
      // Sets iterate in insertion order, so the first key is the oldest.
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.#keys.size;
  }
}
