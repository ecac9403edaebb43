import pg from 'pg';
import { classifyPgError } from './errors.js';
import type { PostgresTarget } from './url.js';

/**
 * Runs `body` in a transaction of its own on one pooled connection: committed when it resolves,
 * rolled back when it throws, and the connection back to the pool either way. Settings made with
 * `set_config(…, true)` last for its queries and end with it. A client handed in is used as it is
 * (its caller owns any transaction, and local settings then last only for one statement). Given
 * the database's `target`, errors are classified, so a lost connection reads as one.
 */
export async function inTransaction<T>(
  db: pg.Pool | pg.ClientBase,
  body: (client: pg.ClientBase) => Promise<T>,
  target?: PostgresTarget,
): Promise<T> {
  const classified = (error: unknown) => (target ? classifyPgError(error, target) : error);
  if (!(db instanceof pg.Pool)) return body(db);
  let client: pg.PoolClient;
  try {
    client = await db.connect();
  } catch (error) {
    throw classified(error);
  }
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw classified(error);
  } finally {
    client.release();
  }
}
