/** Options for {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Questions a user may ask per window. */
  limit: number;
  windowMs: number;
  /** Users remembered at once; the least recently active are forgotten first. */
  maxUsers?: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** A per-user limit on questions; shared by several `serve` processes when kept in PostgreSQL. */
export interface RateLimits {
  /** Counts a question from `user` if allowed; otherwise says how long until the next is. */
  take(user: string): RateDecision | Promise<RateDecision>;
}

/**
 * A per-user sliding-window limit, so one person (or a loop) cannot monopolise the answerer. Kept in
 * memory and bounded; a restart forgets it, which is fine for a courtesy limit.
 */
export class RateLimiter implements RateLimits {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxUsers: number;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimitOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`rate limit must be at least 1 question (got ${options.limit})`);
    }
    if (!(options.windowMs > 0)) throw new RangeError(`rate limit window must be positive (got ${options.windowMs})`);
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#maxUsers = options.maxUsers ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Counts a question from `user` if allowed; otherwise says how long until the next is. */
  take(user: string): RateDecision {
    const now = this.#now();
    const recent = (this.#hits.get(user) ?? []).filter((t) => now - t < this.#windowMs);
    this.#hits.delete(user);
    if (recent.length >= this.#limit) {
      this.#hits.set(user, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, this.#windowMs - (now - oldest)) };
    }
    recent.push(now);
    this.#hits.set(user, recent);
    if (this.#hits.size > this.#maxUsers) {
      const stalest = this.#hits.keys().next().value;
      if (stalest !== undefined) this.#hits.delete(stalest);
    }
    return { allowed: true };
  }
}
