/** One condition of being ready to answer, as last seen. */
export interface ReadinessCheck {
  ok: boolean;
  /** Shown on /readyz, e.g. why it is not ready. No secrets, no user data. */
  detail?: string;
}

/**
 * What `/readyz` reports: named checks (index open, model loaded, Slack connected), each read when
 * asked. `/healthz` says only that the process is up and serving HTTP.
 */
export class Readiness {
  readonly #checks = new Map<string, () => ReadinessCheck>();

  /** Adds or replaces the check called `name`. */
  set(name: string, check: () => ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  /** Every check now, and whether all pass. */
  report(): { ready: boolean; checks: Record<string, ReadinessCheck> } {
    const checks: Record<string, ReadinessCheck> = {};
    let ready = this.#checks.size > 0;
    for (const [name, check] of this.#checks) {
      let result: ReadinessCheck;
      try {
        result = check();
      } catch (error) {
        result = { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
      checks[name] = result;
      ready &&= result.ok;
    }
    return { ready, checks };
  }
}
