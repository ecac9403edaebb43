import pg from 'pg';
import { BadInputError, IndexMismatchError, IndexMissingError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type {
  IndexStats,
  Meeting,
  MeetingRecords,
  RecordedMeeting,
  RecordReadOptions,
  SearchFilters,
} from '../../types.js';
import { indexStats } from '../index-stats.js';
import type {
  ExportedMeeting,
  IndexedMeeting,
  IndexModel,
  IndexWriter,
  LockWait,
  ScopeSummary,
  ScoredPassage,
  SearchOptions,
  StoredPassage,
  WriterLock,
} from '../types.js';
import { checkVectors } from '../vectors.js';
import { classifyPgError } from './errors.js';
import { deleteMeetingRows, insertMeetingRows } from './meeting-rows.js';
import { LOCK_CLASS, lockKey, migrate, SCHEMA_VERSION, schemaExists } from './migrations.js';
import * as queries from './queries.js';
import { recordedMeetings } from './records.js';
import { EMBEDDING_TYPE } from './sql.js';
import { inTransaction } from './transaction.js';
import { ident, type PostgresTarget } from './url.js';
import { AdvisoryWriterLocks } from './writer-lock.js';

/**
 * pgvector HNSW parameters, chosen with `bench/store-compare.ts` on calibrated vectors (recall@10
 * against exact search at 100k passages of dimension 384: m 16 / ef_construction 64 reached 0.959
 * at ef_search 100; 16 / 128 reached 0.979; 24 / 128 reached 0.987 for 1.35 times the build time of
 * 16 / 128). Recall falls as the index grows (24 / 128 at 300k: 0.934 at ef_search 100, 0.977 at 200,
 * 0.992 at 400 for a p95 of 25 ms), so the larger graph and the wider search. At 1M one graph tops
 * out below 0.98 (0.941 at 400, 0.976 at pgvector's ceiling of 1000, for twice the search time), so
 * passages are partitioned by council, one graph each (migration 4). At 1M passages of five councils
 * (200k each), m 24 / ef_construction 128 gave a council-scoped search 0.979 at ef_search 400, just
 * short of the 0.98 target; m 32 / ef_construction 200 gave 0.990 at the same ef_search (council-scoped
 * hybrid p95 98 ms on a quiet machine), for a graph build of 38 minutes instead of 22 at 1M (README).
 * Existing indexes get the new graph through migration 5.
 */
export const PG_HNSW = {
  m: 32,
  efConstruction: 200,
  /**
   * Candidate list while searching, unless the server, role or URL sets another; filtered searches
   * widen it by the share of passages their filter leaves out (queries.ts).
   */
  efSearch: 400,
} as const;

export interface PostgresOpenOptions {
  logger: Logger;
  /** As for the SQLite store: `undefined` any model, `null` keyword-only, an object must match (or be adopted). */
  model?: IndexModel | null;
}

export interface PostgresWriterOptions extends PostgresOpenOptions {
  purpose: string;
  /** Build a fresh index in a schema beside the live one; it replaces the live one at `close()`. */
  rebuild?: boolean;
  wait: LockWait;
  /** Refuse (IndexMissingError) rather than create an index where there is none. */
  mustExist?: boolean;
  /**
   * Many meetings are about to be written (`migrate`): when the index holds no passages yet, its
   * vector index is dropped now and built once at close, as a rebuild's is (an HNSW index kept up
   * to date row by row is several times slower to fill). Searches meanwhile scan exactly.
   */
  bulk?: boolean;
}

interface Meta {
  indexId: string;
  createdAt: string;
  generation: number;
  model: IndexModel | null;
  meetings: number;
  items: number;
  passages: number;
}

/**
 * The index in PostgreSQL: meetings, items and passages in one schema (`minutebook` by default),
 * passages carrying a full-text `tsvector` (GIN) and a pgvector embedding (HNSW, cosine). Each
 * meeting is written in one transaction, so a crash leaves it as it was or fully replaced; any
 * number of processes may read; writers take an advisory writer lock.
 *
 * A rebuild writes a second schema (`<schema>_rebuild`) and swaps it in at close by renaming both
 * schemas in one transaction, so readers see the old index or the new one, never a mix.
 */
export class PostgresStore implements IndexWriter {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #target: PostgresTarget;
  /** Quoted schema this store reads and writes (the rebuild schema while rebuilding). */
  readonly #s: string;
  readonly #logger: Logger;
  readonly #lock: WriterLock | null;
  readonly #rebuild: boolean;
  /** Whether the vector index is built at close rather than kept up to date (rebuild, bulk load). */
  #deferIndex = false;
  #meta: Meta;
  #closed = false;

  private constructor(init: {
    pool: pg.Pool;
    target: PostgresTarget;
    schema: string;
    logger: Logger;
    lock: WriterLock | null;
    rebuild: boolean;
    meta: Meta;
  }) {
    this.#pool = init.pool;
    this.#target = init.target;
    this.location = init.target.display;
    this.#s = ident(init.schema);
    this.#logger = init.logger;
    this.#lock = init.lock;
    this.#rebuild = init.rebuild;
    this.#meta = init.meta;
  }

  /** Opens the index for reading, applying any migrations it lacks. Throws IndexMissingError when there is none. */
  static async openReader(target: PostgresTarget, options: PostgresOpenOptions): Promise<PostgresStore> {
    const pool = makePool(target, 'reader', 4, options.logger);
    try {
      const client = await pool.connect();
      try {
        if (!(await schemaExists(client, target.schema))) throw new IndexMissingError(target.display);
        const migrating = (await schemaVersion(client, target.schema)) !== SCHEMA_VERSION;
        if (migrating) await migrate(client, target.schema);
        const meta = await checkModel(client, ident(target.schema), options.model, target.display, false);
        // A migration may have dropped the vector index to change its column (migration 3).
        if (migrating && meta.model) await createVectorIndex(client, ident(target.schema));
        return new PostgresStore({
          pool,
          target,
          schema: target.schema,
          logger: options.logger,
          lock: null,
          rebuild: false,
          meta,
        });
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw classifyPgError(error, target);
    }
  }

  /** Takes the writer lock, then opens (creating or migrating) the index, or a fresh one to rebuild into. */
  static async openWriter(target: PostgresTarget, options: PostgresWriterOptions): Promise<PostgresStore> {
    const lock = await new AdvisoryWriterLocks(target).acquire(options.purpose, options.wait);
    const pool = makePool(target, options.purpose, 2, options.logger);
    const rebuild = options.rebuild === true;
    const schema = rebuild ? `${target.schema}_rebuild` : target.schema;
    try {
      const client = await pool.connect();
      try {
        // A rebuild schema left by a crashed rebuild is ours to clear: we hold the writer lock.
        if (rebuild) await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
        else if (options.mustExist && !(await schemaExists(client, schema)))
          throw new IndexMissingError(target.display);
        await migrate(client, schema);
        const meta = await checkModel(client, ident(schema), options.model, target.display, !rebuild);
        const deferIndex = rebuild || (options.bulk === true && meta.model !== null && meta.passages === 0);
        if (deferIndex) await client.query(`DROP INDEX IF EXISTS ${ident(schema)}.passages_embedding`);
        // A bulk load killed before its close left no vector index: the next writer builds it again.
        else if (meta.model) await createVectorIndex(client, ident(schema));
        const store = new PostgresStore({ pool, target, schema, logger: options.logger, lock, rebuild, meta });
        store.#deferIndex = deferIndex;
        return store;
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      await lock.release();
      throw classifyPgError(error, target);
    }
  }

  get model(): IndexModel | null {
    return this.#meta.model;
  }

  async isSuperseded(): Promise<boolean> {
    if (this.#lock !== null) return false;
    const result = await this.#query(`SELECT value FROM ${this.#s}.meta WHERE key = 'indexId'`).catch(() => null);
    return result === null || result.rows[0]?.value !== this.#meta.indexId;
  }

  async changeStamp(): Promise<string> {
    const result = await this.#query(`SELECT key, value FROM ${this.#s}.meta WHERE key IN ('indexId', 'generation')`);
    const values = new Map(result.rows.map((row: Record<string, unknown>) => [row.key, row.value]));
    return `${String(values.get('indexId'))}#${String(values.get('generation'))}`;
  }

  async contentHash(source: string): Promise<string | null> {
    const result = await this.#query(`SELECT content_hash FROM ${this.#s}.meetings WHERE source = $1`, [source]);
    const value = (result.rows[0] as Record<string, unknown> | undefined)?.content_hash;
    return typeof value === 'string' ? value : null;
  }

  async replaceMeeting(
    meeting: Meeting,
    contentHash: string,
    vectors: Float32Array[] | null,
    records?: MeetingRecords,
  ): Promise<void> {
    this.#checkWritable();
    const passageCount = meeting.items.reduce((sum, item) => sum + item.passages.length, 0);
    checkVectors(meeting.source, this.model, passageCount, vectors);
    await this.#transaction(async (client) => {
      await this.#lockSource(client, meeting.source);
      const gone = await deleteMeetingRows(client, this.#s, meeting.source);
      await insertMeetingRows(client, this.#s, { meeting, records: records ?? null }, contentHash, vectors);
      await this.#bump(client, {
        meetings: gone ? 0 : 1,
        items: meeting.items.length - (gone?.items ?? 0),
        passages: passageCount - (gone?.passages ?? 0),
        vectors: (vectors ? passageCount : 0) - (gone?.vectors ?? 0),
      });
    });
  }

  async removeMeeting(source: string): Promise<boolean> {
    this.#checkWritable();
    return this.#transaction(async (client) => {
      await this.#lockSource(client, source);
      const gone = await deleteMeetingRows(client, this.#s, source);
      if (!gone) return false;
      await this.#bump(client, { meetings: -1, items: -gone.items, passages: -gone.passages, vectors: -gone.vectors });
      return true;
    });
  }

  async keywordSearch(query: string, options: SearchOptions): Promise<ScoredPassage[]> {
    return this.#run((db) => queries.keywordSearch(db, this.#s, query, options));
  }

  async vectorSearch(vector: Float32Array, options: SearchOptions): Promise<ScoredPassage[]> {
    // A search over several councils runs theirs at once, as many as the pool has connections.
    return this.#run((db) => queries.vectorSearch(db, this.#s, this.model, vector, options, db.options.max ?? 1));
  }

  async passages(ids: number[]): Promise<StoredPassage[]> {
    return this.#run((db) => queries.passagesById(db, this.#s, ids));
  }

  async meetingsInScope(filters: SearchFilters = {}): Promise<ScopeSummary> {
    return this.#run((db) => queries.meetingsInScope(db, this.#s, filters));
  }

  async stats(filters: SearchFilters = {}): Promise<IndexStats> {
    const scope = await this.meetingsInScope(filters);
    const meta = await this.#readMeta();
    const totals = { ...meta, model: meta.model?.id ?? null, dimensions: meta.model?.dimensions ?? null };
    return indexStats(filters, scope, totals, () => this.#run((db) => queries.countsInScope(db, this.#s, filters)));
  }

  async meetings(): Promise<IndexedMeeting[]> {
    return this.#run((db) => queries.listMeetings(db, this.#s));
  }

  async *itemTexts(): AsyncGenerator<{ itemId: number; title: string; text: string }> {
    this.#checkOpen();
    yield* queries.itemTexts(this.#pool, this.#s);
  }

  async recordedMeetings(filters: SearchFilters = {}, options: RecordReadOptions = {}): Promise<RecordedMeeting[]> {
    return this.#run((db) => recordedMeetings(db, this.#s, filters, options));
  }

  async *exportMeetings(): AsyncGenerator<ExportedMeeting> {
    this.#checkOpen();
    yield* queries.exportMeetings(this.#pool, this.#s, this.model !== null);
  }

  async readCache(name: string): Promise<string | null> {
    const result = await this.#query(`SELECT value FROM ${this.#s}.caches WHERE name = $1`, [name]);
    const value = (result.rows[0] as Record<string, unknown> | undefined)?.value;
    return typeof value === 'string' ? value : null;
  }

  async writeCache(name: string, value: string): Promise<void> {
    try {
      await this.#query(
        `INSERT INTO ${this.#s}.caches (name, value) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [name, value],
      );
    } catch (error) {
      // A read-only database user can still search; the cache is rebuilt in memory each start.
      this.#logger.debug({ err: error, name }, 'could not save a cache in the database');
    }
  }

  /**
   * Closes the connections and lets go of the writer lock. A rebuild first builds its vector index
   * (deferred until now: one build is far quicker than keeping it up to date row by row) and then
   * goes live by swapping schemas in one transaction.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      if (this.#rebuild) await this.#goLive();
      else if (this.#deferIndex && this.model) {
        await this.#transaction((client) => createVectorIndex(client, this.#s));
      }
    } finally {
      this.#closed = true;
      await this.#pool.end().catch(() => undefined);
      await this.#lock?.release();
    }
  }

  async discard(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#rebuild) await this.#pool.query(`DROP SCHEMA IF EXISTS ${this.#s} CASCADE`);
    } finally {
      await this.#pool.end().catch(() => undefined);
      await this.#lock?.release();
    }
  }

  // -------------------------------------------------------------------------------------------

  async #goLive(): Promise<void> {
    const live = this.#target.schema;
    const old = `${live}_replaced`;
    await this.#transaction(async (client) => {
      if (this.model) await createVectorIndex(client, this.#s);
      await client.query(`DROP SCHEMA IF EXISTS ${ident(old)} CASCADE`);
      if (await schemaExists(client, live)) await client.query(`ALTER SCHEMA ${ident(live)} RENAME TO ${ident(old)}`);
      await client.query(`ALTER SCHEMA ${this.#s} RENAME TO ${ident(live)}`);
      await client.query(`DROP SCHEMA IF EXISTS ${ident(old)} CASCADE`);
    });
    this.#logger.info({ index: this.location }, 'rebuilt index is now live');
  }

  /** Serialises writes of one source even without the writer lock (two writers on one meeting). */
  async #lockSource(client: pg.ClientBase, source: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, lockKey(`source:${source}`)]);
  }

  /** Moves the generation on and the counts by `delta`, inside the caller's transaction. */
  async #bump(
    client: pg.ClientBase,
    delta: { meetings: number; items: number; passages: number; vectors: number },
  ): Promise<void> {
    await client.query(
      `UPDATE ${this.#s}.meta SET value = (value::bigint + CASE key WHEN 'generation' THEN 1 WHEN 'meetings' THEN $1::bigint
         WHEN 'items' THEN $2::bigint WHEN 'passages' THEN $3::bigint ELSE $4::bigint END)::text
       WHERE key IN ('generation', 'meetings', 'items', 'passages', 'vectors')`,
      [delta.meetings, delta.items, delta.passages, delta.vectors],
    );
  }

  async #readMeta(): Promise<Meta> {
    const meta = await this.#run((db) => readMeta(db, this.#s, this.location));
    this.#meta = meta;
    return meta;
  }

  async #transaction<T>(body: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    this.#checkOpen();
    return inTransaction(this.#pool, body, this.#target);
  }

  async #query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.#run((db) => db.query(sql, params));
  }

  async #run<T>(fn: (db: pg.Pool) => Promise<T>): Promise<T> {
    this.#checkOpen();
    try {
      return await fn(this.#pool);
    } catch (error) {
      throw classifyPgError(error, this.#target);
    }
  }

  #checkOpen(): void {
    if (this.#closed) throw new Error('the index store is closed');
  }

  #checkWritable(): void {
    this.#checkOpen();
    if (this.#lock === null) throw new Error('the index store was opened for reading; open a writer to change it');
  }
}

function makePool(target: PostgresTarget, role: string, max: number, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max,
    application_name: `minutebook ${role}`.slice(0, 63),
    // Every connection searches the HNSW graph the same way (see PG_HNSW), unless the database, the
    // role or the URL (`?options=-c hnsw.ef_search=200`) already chose an ef_search other than
    // pgvector's default of 40: an operator trading latency for recall needs no new release. Set
    // once per connection, and before the pool hands it out: a 'connect' listener's query would run
    // alongside the caller's first one (which pg deprecates) and could lose the race to it.
    onConnect: async (client) => {
      await client
        .query(
          `SELECT set_config('hnsw.ef_search', '${PG_HNSW.efSearch}', false) WHERE coalesce(current_setting('hnsw.ef_search', true), '40') = '40';
           SET hnsw.iterative_scan = relaxed_order`,
        )
        // A session without these settings still searches, only with pgvector's defaults.
        .catch((error: unknown) => logger.debug({ err: error }, 'could not set up a PostgreSQL session'));
    },
  });
  // An idle connection dropped by the server is replaced on next use; say so, but do not crash.
  pool.on('error', (error) => logger.warn({ err: error, index: target.display }, 'PostgreSQL connection lost'));
  return pool;
}

async function schemaVersion(client: pg.ClientBase, schema: string): Promise<number> {
  const result = await client.query(
    `SELECT coalesce(max(version), 0) AS version FROM ${ident(schema)}.schema_migrations`,
  );
  return Number((result.rows[0] as Record<string, unknown> | undefined)?.version ?? 0);
}

async function readMeta(db: pg.Pool | pg.ClientBase, s: string, location: string): Promise<Meta> {
  const result = await db.query(`SELECT key, value FROM ${s}.meta`);
  const values = new Map<string, string | null>(
    result.rows.map((row: Record<string, unknown>) => [
      String(row.key),
      typeof row.value === 'string' ? row.value : null,
    ]),
  );
  const model = values.get('model') ?? null;
  const dimensions = Number(values.get('dimensions'));
  const count = (key: string) => Number(values.get(key) ?? 0);
  const indexId = values.get('indexId');
  if (!indexId)
    throw new IndexMismatchError(
      `${location}: the index's meta table has no indexId; rebuild it with \`npx minutebook ingest --rebuild <files>\``,
    );
  return {
    indexId,
    createdAt: values.get('createdAt') ?? '',
    generation: count('generation'),
    model: model !== null && Number.isSafeInteger(dimensions) && dimensions > 0 ? { id: model, dimensions } : null,
    meetings: count('meetings'),
    items: count('items'),
    passages: count('passages'),
  };
}

/**
 * Checks the index's model against the caller's, as the SQLite store does; an empty keyword-only
 * index adopts the caller's model (the embedding column gets its dimensions and, unless a rebuild
 * defers it, its HNSW index).
 */
async function checkModel(
  client: pg.ClientBase,
  s: string,
  model: IndexModel | null | undefined,
  location: string,
  indexNow: boolean,
): Promise<Meta> {
  if (model && (!model.id.trim() || !Number.isSafeInteger(model.dimensions) || model.dimensions < 1)) {
    throw new BadInputError(
      `embedding model must have an id and a positive number of dimensions (got ${JSON.stringify(model)})`,
    );
  }
  const meta = await readMeta(client, s, location);
  if (model === undefined) return meta;
  const built =
    meta.model === null
      ? 'keyword-only (no embedding model)'
      : `with ${meta.model.id} (${meta.model.dimensions} dimensions)`;
  const rebuildHint = 'rebuild it with `npx minutebook ingest --rebuild <files>`';
  if (model === null) {
    if (meta.model === null) return meta;
    throw new IndexMismatchError(
      `the index in ${location} was built ${built} but no embedding model is available now; fetch it with \`npx minutebook model fetch\`, or ${rebuildHint} to index keyword-only`,
    );
  }
  if (meta.model?.id === model.id && meta.model.dimensions === model.dimensions) return meta;
  if (meta.model === null && meta.passages === 0) {
    await client.query('BEGIN');
    try {
      await client.query(
        `ALTER TABLE ${s}.passages ALTER COLUMN embedding TYPE ${EMBEDDING_TYPE}(${model.dimensions})`,
      );
      await client.query(
        `UPDATE ${s}.meta SET value = CASE key WHEN 'model' THEN $1 ELSE $2 END WHERE key IN ('model', 'dimensions')`,
        [model.id, String(model.dimensions)],
      );
      if (indexNow) await createVectorIndex(client, s);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { ...meta, model: { ...model } };
  }
  throw new IndexMismatchError(
    `the index in ${location} was built ${built}, not ${model.id} (${model.dimensions} dimensions); ${rebuildHint}`,
  );
}

/** HNSW build parameters: the store's own (PG_HNSW), or others a benchmark compares. */
export interface HnswBuild {
  m: number;
  efConstruction: number;
}

/** Most memory an index build asks for, whatever the index's size: a server with less RAM sets its own. */
const MAX_BUILD_MEMORY_KB = 4 * 1024 * 1024;

/**
 * The HNSW index over the embeddings (cosine), unless it exists. A build whose graph outgrows
 * maintenance_work_mem goes on writing it to disk page by page, many times slower (pgvector warns
 * "hnsw graph no longer fits into maintenance_work_mem"), so the build asks for enough for the whole
 * graph: per vector its half-precision values, its 2·m layer-0 neighbours and pgvector's own
 * bookkeeping, with a quarter to spare (about 1.8 GB at 1M passages of 384 dimensions), at most 4 GB. A
 * server already configured with more keeps its own setting.
 */
export async function createVectorIndex(client: pg.ClientBase, s: string, params: HnswBuild = PG_HNSW): Promise<void> {
  const exists = await client.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`${s}.passages_embedding`]);
  if ((exists.rows[0] as Record<string, unknown> | undefined)?.found === true) return;
  const counts = await client.query(
    `SELECT (SELECT value FROM ${s}.meta WHERE key = 'vectors')::bigint AS vectors,
       (SELECT value FROM ${s}.meta WHERE key = 'dimensions')::bigint AS dimensions`,
  );
  const row = (counts.rows[0] ?? {}) as Record<string, unknown>;
  const bytesPerVector = 2 * Number(row.dimensions ?? 0) + 2 * params.m * 16 + 256;
  const kb = Math.min(MAX_BUILD_MEMORY_KB, Math.ceil((1.25 * Number(row.vectors ?? 0) * bytesPerVector) / 1024));
  // For this session, not this transaction: some callers build outside one. Inside one that fails,
  // the rollback undoes the setting anyway.
  await client.query(
    `SELECT set_config('maintenance_work_mem', $1, false) FROM pg_settings
     WHERE name = 'maintenance_work_mem' AND setting::bigint < $2`,
    [`${kb}kB`, kb],
  );
  try {
    await client.query(
      `CREATE INDEX passages_embedding ON ${s}.passages USING hnsw (embedding ${EMBEDDING_TYPE}_cosine_ops)
       WITH (m = ${params.m}, ef_construction = ${params.efConstruction})`,
    );
  } finally {
    await client.query('RESET maintenance_work_mem').catch(() => undefined);
  }
}
