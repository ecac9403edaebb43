import path from 'node:path';
import type { Config } from '../config.js';
import { BadInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PostgresStore } from './postgres/store.js';
import { parseDatabaseUrl, redactUrl } from './postgres/url.js';
import { SqliteStore } from './sqlite/store.js';
import type { IndexModel, IndexReader, IndexWriter, LockWait } from './types.js';

/**
 * The one place a store is chosen. A PostgreSQL URL (`--database`, else MINUTEBOOK_DATABASE_URL)
 * selects PostgreSQL; otherwise the SQLite index folder (`--index`, else MINUTEBOOK_INDEX_DIR, else
 * ./index). A flag beats the environment, so `--index` still reaches a folder when the URL is set.
 */
export type StoreTarget = { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };

/** How long a writer waits for another to finish before refusing, unless told otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 120_000;

export function storeTarget(
  config: Pick<Config, 'indexDir' | 'databaseUrl'>,
  flags: { index?: string; database?: string } = {},
): StoreTarget {
  if (flags.database !== undefined) return { kind: 'postgres', url: checkUrl(flags.database, '--database') };
  if (flags.index !== undefined) return { kind: 'sqlite', dir: path.resolve(flags.index) };
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'sqlite', dir: config.indexDir };
}

/** Where the target is, for messages and output: a folder, or the URL without its password. */
export function describeTarget(target: StoreTarget): string {
  if (target.kind === 'sqlite') return target.dir;
  try {
    return parseDatabaseUrl(target.url).display;
  } catch {
    return redactUrl(target.url);
  }
}

export interface ReaderOptions {
  logger: Logger;
  /** The model the caller will search with; `undefined` for "any" (keyword-only readers, stats). */
  model?: IndexModel | null;
}

export interface WriterOptions extends ReaderOptions {
  /** What the writer is doing, shown to a writer that has to wait ("ingest", "sync", "remove"…). */
  purpose: string;
  /** Start a fresh index that replaces the live one at close (the live one stays until then). */
  rebuild?: boolean;
  wait?: LockWait;
  /** Refuse (IndexMissingError) rather than create an index where there is none (`remove`). */
  mustExist?: boolean;
  /** PostgreSQL only: many writes into a maybe empty index follow; build its vector index once, at close. */
  bulk?: boolean;
  /** SQLite only: least time between saves of the HNSW file during a run of writes (see SqliteStore). */
  vectorSaveIntervalMs?: number;
}

/** Opens an index for reading (many readers may be open at once, in any number of processes). */
export async function openIndexReader(target: StoreTarget, options: ReaderOptions): Promise<IndexReader> {
  const model = options.model === undefined ? {} : { model: options.model };
  if (target.kind === 'postgres')
    return PostgresStore.openReader(parseDatabaseUrl(target.url), { logger: options.logger, ...model });
  return SqliteStore.openReader(target.dir, { logger: options.logger, ...model });
}

/** Takes the index's writer lock and opens it for writing, creating it where there is none. */
export async function openIndexWriter(target: StoreTarget, options: WriterOptions): Promise<IndexWriter> {
  const common = {
    logger: options.logger,
    ...(options.model === undefined ? {} : { model: options.model }),
    purpose: options.purpose,
    rebuild: options.rebuild === true,
    wait: options.wait ?? { waitMs: DEFAULT_LOCK_WAIT_MS },
    mustExist: options.mustExist === true,
  };
  if (target.kind === 'postgres') {
    return PostgresStore.openWriter(parseDatabaseUrl(target.url), { ...common, bulk: options.bulk === true });
  }
  const interval = options.vectorSaveIntervalMs;
  return SqliteStore.openWriter(target.dir, {
    ...common,
    ...(interval !== undefined ? { vectorSaveIntervalMs: interval } : {}),
  });
}

function checkUrl(raw: string, name: string): string {
  if (!/^postgres(?:ql)?:\/\//i.test(raw.trim())) {
    throw new BadInputError(
      `${name} must be a PostgreSQL URL, postgres://user:password@host:5432/database (got "${redactUrl(raw)}")`,
    );
  }
  return raw.trim();
}
