import { IndexBusyError } from '../errors.js';
import type { LockWait } from './types.js';

/** How often a waiting writer tries again. */
const RETRY_MS = 250;

/**
 * Tries `attempt` until it returns a lock, telling `wait.onWait` once who holds it, and gives up
 * with IndexBusyError after `wait.waitMs`. Shared by both stores' writer locks.
 */
export async function waitForLock<T>(
  attempt: () => Promise<T | null> | T | null,
  holder: () => Promise<string> | string,
  wait: LockWait & { location: string },
): Promise<T> {
  const started = Date.now();
  let told = false;
  let who = 'another writer';
  for (;;) {
    const lock = await attempt();
    if (lock !== null) return lock;
    if (!told) {
      who = await holder();
      wait.onWait?.(who);
      told = true;
    }
    const left = wait.waitMs - (Date.now() - started);
    if (left <= 0) throw new IndexBusyError(wait.location, who, wait.waitMs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS, left)));
  }
}
