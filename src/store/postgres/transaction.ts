import type pg from 'pg';
import { classifyPgError } from './errors.js';
import type { PostgresTarget } from './url.js';

/**
 * Runs `body` in one transaction on a connection of `pool`: committed when it resolves, rolled back
 * when it throws (the error classified, so a lost connection reads as one). The connection goes
 * back to the pool either way.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  target: PostgresTarget,
  body: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw classifyPgError(error, target);
  }
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw classifyPgError(error, target);
  } finally {
    client.release();
  }
}
