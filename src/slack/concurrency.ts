/**
 * Runs at most `max` tasks at once; the rest wait in order. Answering loads the index and may call
 * an LLM, so a burst of questions queues here instead of multiplying memory.
 */
export class ConcurrencyLimit {
  readonly #max: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be at least 1 (got ${max})`);
    this.#max = max;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    try {
      return await task();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** Tasks running now plus those waiting. */
  get pending(): number {
    return this.#running + this.#waiting.length;
  }
}
