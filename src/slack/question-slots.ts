/** A place taken by one question until it is answered; release it exactly once. */
export interface QuestionSlot {
  release(): void;
}

/**
 * The bound on questions being answered at once. Questions are not queued behind each other here:
 * the answering thread works on all admitted questions together, so one waiting on a hung LLM holds
 * only its own place. Past the bound a question is turned away at once ("busy, try again"), which
 * keeps the wait of those admitted, and memory, bounded in a burst.
 */
export class QuestionSlots {
  readonly #max: number;
  #taken = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`question slots must be at least 1 (got ${max})`);
    this.#max = max;
  }

  /** A slot, or null when every one is taken. */
  tryTake(): QuestionSlot | null {
    if (this.#taken >= this.#max) return null;
    this.#taken++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.#taken--;
      },
    };
  }

  /** Questions being answered now. */
  get taken(): number {
    return this.#taken;
  }

  get max(): number {
    return this.#max;
  }
}
