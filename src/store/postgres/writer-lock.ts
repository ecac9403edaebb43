import pg from 'pg';
import type { LockWait, WriterLock, WriterLocks } from '../types.js';
import { waitForLock } from '../wait-for-lock.js';
import { classifyPgError } from './errors.js';
import { LOCK_CLASS, lockKey } from './migrations.js';
import type { PostgresTarget } from './url.js';

/**
 * The writer lock of an index in PostgreSQL: a session advisory lock on a connection of its own,
 * held from open to close. The server lets go of it when that connection ends, however the
 * process ends, so a killed writer never leaves the index locked.
 */
export class AdvisoryWriterLocks implements WriterLocks {
  readonly #target: PostgresTarget;

  constructor(target: PostgresTarget) {
    this.#target = target;
  }

  async acquire(purpose: string, wait: LockWait): Promise<WriterLock> {
    const key = lockKey(`writer:${this.#target.schema}`);
    const client = new pg.Client({
      connectionString: this.#target.connectionString,
      // Shown in pg_stat_activity, which is how a waiting writer learns who holds the lock.
      application_name: `minutebook ${purpose} (pid ${process.pid})`.slice(0, 63),
    });
    try {
      await client.connect();
    } catch (error) {
      throw classifyPgError(error, this.#target);
    }
    // A dropped connection drops the lock; the writer's own queries then fail on their connections.
    client.on('error', () => undefined);
    try {
      await waitForLock(
        async () => {
          const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
            LOCK_CLASS,
            key,
          ]);
          return result.rows[0]?.locked ? true : null;
        },
        async () => {
          const holder = await client.query<{ application_name: string; backend_start: Date }>(
            `SELECT a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2`,
            [LOCK_CLASS, key],
          );
          const row = holder.rows[0];
          return row
            ? `${row.application_name || 'another writer'}, connected since ${row.backend_start.toISOString()}`
            : 'another writer';
        },
        { ...wait, location: this.#target.display },
      );
    } catch (error) {
      await client.end().catch(() => undefined);
      throw classifyPgError(error, this.#target);
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await client.end().catch(() => undefined);
      },
    };
  }
}
