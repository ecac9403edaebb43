import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { openIndexReader, openIndexWriter, type StoreTarget } from '../../src/store/open-store.js';
import type { IndexModel, IndexReader, IndexWriter } from '../../src/store/types.js';

/**
 * Both stores, for suites that run the same tests against each. PostgreSQL is the database named by
 * MINUTEBOOK_TEST_DATABASE_URL (`.ci/run` starts one with scripts/pg-test-server.sh); each kit gets a
 * schema of its own, dropped at cleanup. Without a reachable database, the PostgreSQL half is
 * skipped and `postgresSkipReason` says why.
 */

const quiet = pino({ level: 'silent' });

export const testDatabaseUrl = process.env.MINUTEBOOK_TEST_DATABASE_URL?.trim() || null;

/** Null when the test database answers; otherwise why PostgreSQL tests are skipped. */
export const postgresSkipReason: string | null = await (async () => {
  if (!testDatabaseUrl) {
    return 'MINUTEBOOK_TEST_DATABASE_URL is not set (start one with `scripts/pg-test-server.sh start`)';
  }
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `the test database did not answer (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
})();

if (postgresSkipReason) {
  // Visible in the test output, so a green run without PostgreSQL is not mistaken for a full one.
  console.warn(`note: PostgreSQL store tests skipped: ${postgresSkipReason}`);
}

/** One store under test: where its index is, and how to open it. */
export interface StoreKit {
  name: 'sqlite' | 'postgres';
  target: StoreTarget;
  writer(options?: {
    model?: IndexModel | null;
    rebuild?: boolean;
    waitMs?: number;
    purpose?: string;
  }): Promise<IndexWriter>;
  reader(options?: { model?: IndexModel | null }): Promise<IndexReader>;
  cleanup(): Promise<void>;
}

function kit(name: StoreKit['name'], target: StoreTarget, cleanup: () => Promise<void>): StoreKit {
  return {
    name,
    target,
    writer: (options = {}) =>
      openIndexWriter(target, {
        logger: quiet,
        purpose: options.purpose ?? 'test',
        rebuild: options.rebuild === true,
        wait: { waitMs: options.waitMs ?? 10_000 },
        ...(options.model !== undefined ? { model: options.model } : {}),
      }),
    reader: (options = {}) =>
      openIndexReader(target, { logger: quiet, ...(options.model !== undefined ? { model: options.model } : {}) }),
    cleanup,
  };
}

/** A SQLite index in a fresh temp folder. */
export function sqliteKit(): StoreKit {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minutebook-store-'));
  return kit('sqlite', { kind: 'sqlite', dir: path.join(dir, 'index') }, async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
}

/** A PostgreSQL index in a fresh schema of the test database. */
export function postgresKit(): StoreKit {
  const schema = freshSchema();
  return kit('postgres', { kind: 'postgres', url: schemaUrl(schema) }, () => dropSchemas(schema));
}

/** A schema name no other test uses. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** The test database's URL pointing at `schema`. */
export function schemaUrl(schema: string): string {
  const url = new URL(testDatabaseUrl ?? 'postgres://unset');
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops `schema` and the schemas that go with it (rebuild, Slack state, alerts). */
export async function dropSchemas(schema: string): Promise<void> {
  if (!testDatabaseUrl) return;
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    for (const name of [schema, `${schema}_rebuild`, `${schema}_replaced`, `${schema}_slack`, `${schema}_alerts`]) {
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
  } finally {
    await client.end();
  }
}

/** The kits a contract suite runs against: SQLite always, PostgreSQL when the test database answers. */
export const storeKinds: Array<{ name: StoreKit['name']; make: () => StoreKit; skip: boolean }> = [
  { name: 'sqlite', make: sqliteKit, skip: false },
  { name: 'postgres', make: postgresKit, skip: postgresSkipReason !== null },
];
