import pg from 'pg';

/**
 * Runs `body` in a transaction of its own on one pooled connection, so settings it makes with
 * `set_config(…, true)` last for its queries and end with it. A client handed in is used as it is
 * (its caller owns any transaction), and local settings then last only for its statement.
 */
export async function inTransaction<T>(
  db: pg.Pool | pg.ClientBase,
  body: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  if (!(db instanceof pg.Pool)) return body(db);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
