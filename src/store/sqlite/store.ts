import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BadInputError, IndexCorruptError, IndexMissingError } from '../../errors.js';
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
import { classifyStoreError } from './errors.js';
import { exportMeetings } from './export.js';
import {
  isErrno,
  listHnswFiles,
  newDatabaseName,
  readCurrent,
  removeFiles,
  staleFiles,
  writeCurrent,
  writeFileAtomic,
} from './layout.js';
import { deleteMeetingRows, insertMeetingRows } from './meeting-rows.js';
import { checkManifest, makeFolder } from './open-checks.js';
import * as queries from './queries.js';
import { recordedMeetings } from './records.js';
import { createSchema, type Manifest, readManifest, writeManifest } from './schema.js';
import { vectorSearch } from './vector-search.js';
import { VectorSync } from './vector-sync.js';
import { FolderWriterLocks } from './writer-lock.js';

export interface SqliteOpenOptions {
  /**
   * The model whose vectors will be written or searched. `undefined`: don't care (keyword-only
   * readers of any index). `null`: the caller writes no vectors, so an index with a model is refused.
   * An object must match the index's model, except that an empty keyword-only index adopts it.
   */
  model?: IndexModel | null;
  logger: Logger;
  /**
   * Least time between two writes of the HNSW file during a run of writes (0: after every write).
   * The file is a cache the database can always restore, so a bulk ingest saves it less often: at
   * most once per this interval, and never more than a tenth of the time (a 170 MB graph at 100k
   * passages takes a while to write). `close()` always writes it. Default 1000 ms.
   */
  vectorSaveIntervalMs?: number;
}

export interface SqliteWriterOptions extends SqliteOpenOptions {
  /**
   * Start a fresh index beside the live one; it replaces the live one atomically at `close()`
   * (`discard()` drops it). A crash before then leaves the old index as it was.
   */
  rebuild?: boolean;
  /** What the writer is doing ("ingest", "sync"…), shown to a writer that has to wait. */
  purpose: string;
  wait: LockWait;
  /** Refuse (IndexMissingError) rather than create an index where there is none. */
  mustExist?: boolean;
}

const DB_OPEN_TIMEOUT_MS = 5000;

/**
 * The embedded index: meetings, minute items and passages in SQLite (the source of truth, vectors
 * kept as BLOBs), an FTS5 table for BM25 keyword search, and an HNSW graph over the vectors that is
 * a cache of the database (see VectorSync), all in one folder.
 *
 * Every write is one SQLite transaction, so a crash or `kill -9` leaves each meeting either as it
 * was or fully replaced. A writer holds the folder's writer lock from open to close, so two writers
 * never interleave and a rebuild never swaps away writes it did not make; readers take no lock.
 */
export class SqliteStore implements IndexWriter {
  readonly dir: string;
  private readonly db: Database.Database;
  private readonly dbName: string;
  private readonly logger: Logger;
  private manifest: Manifest;
  private readonly vectors: VectorSync;
  /** Set while rebuilding: the live database this one will replace at close. */
  private readonly replaces: string | null | undefined;
  /** Held by writers only. */
  private readonly lock: WriterLock | null;
  private closed = false;

  private constructor(init: {
    dir: string;
    db: Database.Database;
    dbName: string;
    logger: Logger;
    manifest: Manifest;
    saveIntervalMs: number;
    replaces: string | null | undefined;
    lock: WriterLock | null;
  }) {
    this.dir = init.dir;
    this.db = init.db;
    this.dbName = init.dbName;
    this.logger = init.logger;
    this.manifest = init.manifest;
    this.replaces = init.replaces;
    this.lock = init.lock;
    this.vectors = new VectorSync({
      db: init.db,
      dir: init.dir,
      dbName: init.dbName,
      identity: `${init.dbName}@${init.manifest.createdAt}`,
      logger: init.logger,
      saveIntervalMs: init.saveIntervalMs,
    });
  }

  /**
   * Opens the index in `dir` for reading. Throws IndexMissingError (no index), IndexMismatchError
   * (another model or format version) or IndexCorruptError (damaged files).
   */
  static async openReader(dir: string, options: SqliteOpenOptions): Promise<SqliteStore> {
    return SqliteStore.openReaderSync(dir, options);
  }

  /** `openReader` for callers that cannot wait (an embedded index opens without any I/O wait). */
  static openReaderSync(dir: string, options: SqliteOpenOptions): SqliteStore {
    return SqliteStore.open(path.resolve(dir), options, null, false);
  }

  /**
   * Takes the folder's writer lock (waiting as `options.wait` says), then opens the index for
   * writing, creating it when the folder has none. Throws IndexBusyError when the lock stays
   * held, IndexUnwritableError when the folder cannot be written, and what `openReader` throws.
   */
  static async openWriter(dir: string, options: SqliteWriterOptions): Promise<SqliteStore> {
    const root = path.resolve(dir);
    // Checked before locking too, so asking to change a missing index leaves no folder behind.
    if (options.mustExist && !SqliteStore.exists(root)) throw new IndexMissingError(root);
    const lock = await new FolderWriterLocks(root).acquire(options.purpose, options.wait);
    try {
      return SqliteStore.open(root, options, lock, options.rebuild === true, options.mustExist !== true);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static exists(root: string): boolean {
    try {
      return readCurrent(root) !== null;
    } catch {
      return true;
    }
  }

  private static open(
    root: string,
    options: SqliteOpenOptions,
    lock: WriterLock | null,
    rebuild: boolean,
    create = false,
  ): SqliteStore {
    const model = options.model;
    if (model && (!model.id.trim() || !Number.isSafeInteger(model.dimensions) || model.dimensions < 1)) {
      throw new BadInputError(
        `embedding model must have an id and a positive number of dimensions (got ${JSON.stringify(model)})`,
      );
    }
    let current: string | null;
    try {
      current = readCurrent(root);
    } catch (error) {
      throw classifyStoreError(error, { dir: root, dbFile: path.join(root, 'CURRENT') });
    }
    if (current === null && !create) throw new IndexMissingError(root);

    const fresh = rebuild || current === null;
    const dbName = fresh ? newDatabaseName() : current;
    if (dbName === null) throw new IndexMissingError(root);
    const dbFile = path.join(root, dbName);
    if (fresh) makeFolder(root);
    else if (!fs.existsSync(dbFile)) {
      throw new IndexCorruptError(path.join(root, 'CURRENT'), `names ${dbName}, which is missing`);
    }

    let db: Database.Database | null = null;
    try {
      db = new Database(dbFile, { fileMustExist: !fresh, timeout: DB_OPEN_TIMEOUT_MS });
      db.pragma('journal_mode = WAL');
      // NORMAL keeps every commit atomic under a process crash; only a power cut may lose the last few.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      if (fresh) createSchema(db, options.model ?? null);
      const manifest = checkManifest(db, dbFile, options.model);
      const store = new SqliteStore({
        dir: root,
        db,
        dbName,
        logger: options.logger,
        manifest,
        saveIntervalMs: options.vectorSaveIntervalMs ?? 1000,
        replaces: rebuild ? current : undefined,
        lock,
      });
      if (lock !== null) store.removeDeadTempFiles();
      store.vectors.load(store.model, manifest.generation);
      // Only a complete, empty index goes live, so a crash while creating leaves no half an index.
      if (fresh && !rebuild) writeCurrent(root, dbName);
      return store;
    } catch (error) {
      db?.close();
      if (fresh) removeFiles([dbFile, `${dbFile}-wal`, `${dbFile}-shm`]);
      throw classifyStoreError(error, { dir: root, dbFile });
    }
  }

  get location(): string {
    return this.dir;
  }

  /** The model of the index's vectors, or null for a keyword-only index. */
  get model(): IndexModel | null {
    const { model, dimensions } = this.manifest;
    return model !== null && dimensions !== null ? { id: model, dimensions } : null;
  }

  /** Whether vector search has anything to search. */
  get hasVectors(): boolean {
    return this.vectors.cache !== null && this.vectors.cache.size > 0;
  }

  /** Number of vectors in the HNSW graph (equals the passages with vectors once in sync). */
  get vectorCount(): number {
    this.refresh();
    return this.vectors.cache?.size ?? 0;
  }

  /** The manifest as last read: format, model, generation and counts. */
  get info(): Readonly<Manifest> {
    this.refresh();
    return { ...this.manifest };
  }

  async isSuperseded(): Promise<boolean> {
    if (this.replaces !== undefined) return false;
    try {
      return readCurrent(this.dir) !== this.dbName;
    } catch {
      return true;
    }
  }

  async changeStamp(): Promise<string> {
    const { createdAt, generation } = this.info;
    return `${createdAt}#${generation}`;
  }

  async contentHash(source: string): Promise<string | null> {
    this.checkOpen();
    return this.guard(() => {
      const value = this.db.prepare('SELECT content_hash FROM meetings WHERE source = ?').pluck().get(source);
      return typeof value === 'string' ? value : null;
    });
  }

  async replaceMeeting(
    meeting: Meeting,
    contentHash: string,
    vectors: Float32Array[] | null,
    records?: MeetingRecords,
  ): Promise<void> {
    this.checkWritable();
    const passageCount = meeting.items.reduce((sum, item) => sum + item.passages.length, 0);
    checkVectors(meeting.source, this.model, passageCount, vectors);
    const added: Array<{ id: number; vector: Float32Array }> = [];
    let meetingId = 0;
    const write = this.guard(() =>
      this.db
        .transaction(() => {
          added.length = 0;
          const gone = deleteMeetingRows(this.db, meeting.source);
          meetingId = insertMeetingRows(this.db, { meeting, records: records ?? null }, contentHash, vectors, added);
          const before = this.bumpGeneration({
            meetings: 1 - (gone ? 1 : 0),
            items: meeting.items.length - (gone?.items ?? 0),
            passages: passageCount - (gone?.passages.length ?? 0),
            vectors: added.length - (gone?.vectors ?? 0),
          });
          return { removed: gone?.passages ?? [], before };
        })
        .immediate(),
    );
    this.vectors.apply({ before: write.before, after: this.manifest.generation, meetingId }, write.removed, added);
  }

  async removeMeeting(source: string): Promise<boolean> {
    this.checkWritable();
    const write = this.guard(() =>
      this.db
        .transaction(() => {
          const gone = deleteMeetingRows(this.db, source);
          if (!gone) return null;
          const before = this.bumpGeneration({
            meetings: -1,
            items: -gone.items,
            passages: -gone.passages.length,
            vectors: -gone.vectors,
          });
          return { removed: gone.passages, before };
        })
        .immediate(),
    );
    if (!write) return false;
    this.vectors.apply({ before: write.before, after: this.manifest.generation, meetingId: 0 }, write.removed, []);
    return true;
  }

  async keywordSearch(query: string, options: SearchOptions): Promise<ScoredPassage[]> {
    this.checkOpen();
    return this.guard(() => queries.keywordSearch(this.db, query, options));
  }

  async vectorSearch(vector: Float32Array, options: SearchOptions): Promise<ScoredPassage[]> {
    this.refresh();
    return this.guard(() => vectorSearch(this.db, this.vectors.cache, this.manifest.model, vector, options));
  }

  async passages(ids: number[]): Promise<StoredPassage[]> {
    this.checkOpen();
    return this.guard(() => queries.passagesById(this.db, ids));
  }

  async meetingsInScope(filters: SearchFilters = {}): Promise<ScopeSummary> {
    this.checkOpen();
    return this.guard(() => queries.meetingsInScope(this.db, filters));
  }

  async stats(filters: SearchFilters = {}): Promise<IndexStats> {
    this.refresh();
    const scope = await this.meetingsInScope(filters);
    return indexStats(filters, scope, this.manifest, async () =>
      this.guard(() => queries.countsInScope(this.db, filters)),
    );
  }

  async meetings(): Promise<IndexedMeeting[]> {
    this.checkOpen();
    return this.guard(() => queries.listMeetings(this.db));
  }

  async *itemTexts(): AsyncGenerator<{ itemId: number; title: string; text: string }> {
    this.checkOpen();
    try {
      yield* queries.itemTexts(this.db);
    } catch (error) {
      throw classifyStoreError(error, this.where());
    }
  }

  async recordedMeetings(filters: SearchFilters = {}, options: RecordReadOptions = {}): Promise<RecordedMeeting[]> {
    this.checkOpen();
    return this.guard(() => recordedMeetings(this.db, filters, options));
  }

  async *exportMeetings(): AsyncGenerator<ExportedMeeting> {
    this.checkOpen();
    try {
      yield* exportMeetings(this.db, this.model?.dimensions ?? null);
    } catch (error) {
      throw classifyStoreError(error, this.where());
    }
  }

  async readCache(name: string): Promise<string | null> {
    try {
      return fs.readFileSync(this.cacheFile(name), 'utf8');
    } catch {
      return null;
    }
  }

  async writeCache(name: string, value: string): Promise<void> {
    try {
      writeFileAtomic(this.cacheFile(name), value);
    } catch (error) {
      // A read-only index is still searchable; it just rebuilds its caches in memory each start.
      this.logger.debug({ err: error, name }, 'could not save a cache beside the index');
    }
  }

  /**
   * Saves the HNSW file if it is behind, closes the database and lets go of the writer lock. A
   * rebuilt index goes live here, in one atomic rename; the index it replaces is then deleted.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      this.vectors.save(true);
      if (this.replaces === undefined) {
        this.closed = true;
        this.db.close();
        return;
      }
      this.guard(() => this.db.pragma('wal_checkpoint(TRUNCATE)'));
      this.closed = true;
      this.db.close();
      try {
        writeCurrent(this.dir, this.dbName);
      } catch (error) {
        throw classifyStoreError(error, this.where());
      }
      removeFiles(staleFiles(this.dir, [this.dbName]));
      this.logger.info({ dir: this.dir, replaced: this.replaces }, 'rebuilt index is now live');
    } finally {
      await this.lock?.release();
    }
  }

  async discard(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    try {
      if (this.replaces === undefined) return;
      const base = path.join(this.dir, this.dbName);
      const graphs = listHnswFiles(this.dir, this.dbName).map((f) => f.file);
      removeFiles([base, `${base}-wal`, `${base}-shm`, ...graphs, ...graphs.map((file) => `${file}.id`)]);
    } finally {
      await this.lock?.release();
    }
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Moves the manifest's generation and counts on (inside the caller's transaction), starting from
   * the database's own values. Returns the generation before this write.
   */
  private bumpGeneration(delta: { meetings: number; items: number; passages: number; vectors: number }): number {
    const current = readManifest(this.db);
    if (typeof current === 'string') throw new IndexCorruptError(path.join(this.dir, this.dbName), current);
    const next = {
      generation: current.generation + 1,
      meetings: current.meetings + delta.meetings,
      items: current.items + delta.items,
      passages: current.passages + delta.passages,
      vectors: current.vectors + delta.vectors,
    };
    writeManifest(this.db, next);
    // Only after the write: if the transaction throws, the cached manifest must not have moved.
    this.manifest = { ...current, ...next };
    return current.generation;
  }

  /**
   * Re-reads the manifest when another process moved the generation, and catches the graph up. One
   * indexed read per call when nothing changed.
   */
  private refresh(): void {
    this.checkOpen();
    const generation = this.guard(
      () => Number(this.db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get()) || 0,
    );
    if (generation === this.vectors.generation && generation === this.manifest.generation) return;
    this.guard(() => {
      const manifest = readManifest(this.db);
      if (typeof manifest === 'string') throw new IndexCorruptError(path.join(this.dir, this.dbName), manifest);
      this.manifest = manifest;
      this.vectors.catchUp(manifest.generation);
    });
  }

  /** Deletes temp files left by processes that died mid-write (their pid is in the name). */
  private removeDeadTempFiles(): void {
    for (const name of fs.readdirSync(this.dir)) {
      const match = /\.(\d+)\.[a-f0-9]+\.tmp$/.exec(name);
      if (!match || isAlive(Number(match[1]))) continue;
      fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private cacheFile(name: string): string {
    if (!/^[a-z0-9-]+$/.test(name)) throw new BadInputError(`cache name must be lower-case words (got "${name}")`);
    return path.join(this.dir, `${name}.json`);
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('the index store is closed');
  }

  private checkWritable(): void {
    this.checkOpen();
    if (this.lock === null) throw new Error('the index store was opened for reading; open a writer to change it');
  }

  private where(): { dir: string; dbFile: string } {
    return { dir: this.dir, dbFile: path.join(this.dir, this.dbName) };
  }

  /** Runs `fn`, turning SQLite's corruption and permission failures into errors users can act on. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw classifyStoreError(error, this.where());
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isErrno(error, 'ESRCH');
  }
}
