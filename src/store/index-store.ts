import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BadInputError, IndexCorruptError, IndexMismatchError, IndexMissingError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { IndexStats, Meeting, SearchFilters } from '../types.js';
import { checkLimit, hasFilters, meetingCondition } from './filters.js';
import { buildMatchExpression } from './fts-query.js';
import { HnswCache } from './hnsw-cache.js';
import {
  hnswFileName,
  isErrno,
  listHnswFiles,
  newDatabaseName,
  readCurrent,
  removeFiles,
  staleFiles,
  writeCurrent,
} from './layout.js';
import { deleteMeetingRows, insertMeetingRows } from './meeting-rows.js';
import { checkManifest, type IndexModel, makeFolder } from './open-checks.js';
import { blobToVector, int, PASSAGE_COLUMNS, type StoredPassage, str, strOrNull, toStoredPassage } from './rows.js';
import { BM25_WEIGHTS, createSchema, type Manifest, readManifest, writeManifest } from './schema.js';
import { classifyStoreError } from './sqlite-errors.js';

export type { IndexModel } from './open-checks.js';
export type { StoredPassage } from './rows.js';

export interface OpenOptions {
  /** Create the index when the folder has none (writers). Readers leave it off to get IndexMissingError. */
  create?: boolean;
  /**
   * Start a fresh index beside the live one; it replaces the live one atomically at `close()`
   * (`discard()` drops it). A crash before then leaves the old index as it was. Implies `create`.
   */
  rebuild?: boolean;
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

/** What a set of filters covers, for "what was searched" in answers. */
export interface ScopeSummary {
  meetings: number;
  from: string | null;
  to: string | null;
  committees: string[];
  councils: string[];
}

/** An indexed meeting, as listed by `meetings()`. */
export interface IndexedMeeting {
  source: string;
  council: string | null;
  committee: string | null;
  date: string | null;
  items: number;
  passages: number;
}

export interface ScoredPassage {
  passageId: number;
  /** Higher is better: negated BM25 for keyword search, cosine similarity for vector search. */
  score: number;
}

/** Scopes with at most this many vectors are searched exactly from the BLOBs instead of through HNSW. */
const EXACT_SCAN_LIMIT = 1000;
/** Largest unfiltered over-fetch tried before filtering inside the HNSW walk instead. */
const MAX_OVERFETCH = 1000;
const DB_OPEN_TIMEOUT_MS = 5000;

/**
 * The index: meetings, minute items and passages in SQLite (the source of truth, vectors kept as
 * BLOBs), an FTS5 table for BM25 keyword search, and an HNSW graph over the vectors that is a cache
 * of the database, saved beside it and rebuilt from it whenever it is missing, stale or damaged.
 *
 * Every write is one SQLite transaction, so a crash or `kill -9` leaves each meeting either as it
 * was or fully replaced. Not safe for concurrent writers in one process; other processes may read.
 */
export class IndexStore {
  readonly dir: string;
  private readonly db: Database.Database;
  private readonly dbName: string;
  private readonly logger: Logger;
  private readonly saveIntervalMs: number;
  private manifest: Manifest;
  private vectors: HnswCache | null = null;
  /** The database generation the in-memory HNSW graph matches. */
  private vectorsGeneration = -1;
  private vectorsDirty = false;
  private lastVectorSave = 0;
  /** How long the last save took: saves are spaced so they cost at most a tenth of a write run. */
  private lastVectorSaveMs = 0;
  /** Set while rebuilding: the live database this one will replace at close. */
  private readonly replaces: string | null | undefined;
  private closed = false;

  private constructor(init: {
    dir: string;
    db: Database.Database;
    dbName: string;
    logger: Logger;
    manifest: Manifest;
    saveIntervalMs: number;
    replaces: string | null | undefined;
  }) {
    this.dir = init.dir;
    this.db = init.db;
    this.dbName = init.dbName;
    this.logger = init.logger;
    this.manifest = init.manifest;
    this.saveIntervalMs = init.saveIntervalMs;
    this.replaces = init.replaces;
  }

  /**
   * Opens the index in `dir`. Throws IndexMissingError (no index and not `create`),
   * IndexMismatchError (another model or format version), IndexCorruptError (damaged files) or
   * IndexUnwritableError (the folder cannot be written).
   */
  static open(dir: string, options: OpenOptions): IndexStore {
    const root = path.resolve(dir);
    const rebuild = options.rebuild === true;
    const create = rebuild || options.create === true;
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
      const store = new IndexStore({
        dir: root,
        db,
        dbName,
        logger: options.logger,
        manifest,
        saveIntervalMs: options.vectorSaveIntervalMs ?? 1000,
        replaces: rebuild ? current : undefined,
      });
      if (create) store.removeDeadTempFiles();
      store.loadVectors();
      // Only a complete, empty index goes live, so a crash while creating leaves no half an index.
      if (fresh && !rebuild) writeCurrent(root, dbName);
      return store;
    } catch (error) {
      db?.close();
      if (fresh) removeFiles([dbFile, `${dbFile}-wal`, `${dbFile}-shm`]);
      throw classifyStoreError(error, { dir: root, dbFile });
    }
  }

  /** The model of the index's vectors, or null for a keyword-only index. */
  get model(): IndexModel | null {
    const { model, dimensions } = this.manifest;
    return model !== null && dimensions !== null ? { id: model, dimensions } : null;
  }

  /** Whether vector search has anything to search. */
  get hasVectors(): boolean {
    return this.vectors !== null && this.vectors.size > 0;
  }

  /** Number of vectors in the HNSW graph (equals the passages with vectors once in sync). */
  get vectorCount(): number {
    this.sync();
    return this.vectors?.size ?? 0;
  }

  /** The manifest as last read: format, model, generation and counts. */
  get info(): Readonly<Manifest> {
    this.sync();
    return { ...this.manifest };
  }

  /**
   * Whether another process has swapped in a rebuilt index since this one was opened; a
   * long-running reader should then close and reopen.
   */
  isSuperseded(): boolean {
    if (this.replaces !== undefined) return false;
    try {
      return readCurrent(this.dir) !== this.dbName;
    } catch {
      return true;
    }
  }

  /** The content hash recorded for `source`, or null when it is not indexed. */
  contentHash(source: string): string | null {
    return this.guard(() => {
      const row = this.db.prepare('SELECT content_hash FROM meetings WHERE source = ?').get(source) as
        | { content_hash: unknown }
        | undefined;
      return row ? strOrNull(row.content_hash) : null;
    });
  }

  /**
   * Replaces everything indexed from `meeting.source` with `meeting`, in one transaction.
   * `vectors` align with the meeting's passages flattened in item order, and must be given exactly
   * when the index has a model (null for a keyword-only index).
   */
  replaceMeeting(meeting: Meeting, contentHash: string, vectors: Float32Array[] | null): void {
    this.checkOpen();
    const passageCount = meeting.items.reduce((sum, item) => sum + item.passages.length, 0);
    this.checkVectors(meeting.source, passageCount, vectors);
    const added: Array<{ id: number; vector: Float32Array }> = [];
    let meetingId = 0;
    const write = this.guard(() =>
      this.db
        .transaction(() => {
          added.length = 0;
          const gone = deleteMeetingRows(this.db, meeting.source);
          meetingId = insertMeetingRows(this.db, meeting, contentHash, vectors, added);
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
    this.applyToVectors(write.before, write.removed, added, meetingId);
  }

  /** Drops the meeting indexed from `source`. Returns false when there was none. */
  removeMeeting(source: string): boolean {
    this.checkOpen();
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
    this.applyToVectors(write.before, write.removed, [], 0);
    return true;
  }

  /**
   * BM25 keyword search over passage text, header and item title. Free text is turned into a safe
   * MATCH expression (every word quoted, ORed), so no question can break the query syntax.
   */
  keywordSearch(query: string, options: { filters?: SearchFilters; limit: number }): ScoredPassage[] {
    this.checkOpen();
    const limit = checkLimit(options.limit);
    const match = buildMatchExpression(query);
    if (match === null) return [];
    const rank = `bm25(passages_fts, ${BM25_WEIGHTS.text}, ${BM25_WEIGHTS.header}, ${BM25_WEIGHTS.title})`;
    const filtered = hasFilters(options.filters);
    const condition = filtered ? meetingCondition(options.filters ?? {}, 'm') : { sql: '1', params: [] };
    const sql = filtered
      ? `SELECT f.rowid AS id, ${rank} AS rank FROM passages_fts f
           JOIN passages p ON p.id = f.rowid JOIN meetings m ON m.id = p.meeting_id
         WHERE passages_fts MATCH ? AND ${condition.sql} ORDER BY rank LIMIT ?`
      : `SELECT rowid AS id, ${rank} AS rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?`;
    return this.guard(() => {
      const rows = this.db.prepare(sql).all(match, ...condition.params, limit) as Array<{ id: unknown; rank: unknown }>;
      return rows.map((row) => ({ passageId: int(row.id), score: -Number(row.rank) }));
    });
  }

  /**
   * Nearest passages to `vector` by cosine similarity, best first. With filters: a small scope is
   * searched exactly from the stored vectors, a broad one by over-fetching and keeping the hits in
   * scope, and anything between by filtering inside the HNSW walk; so a filter never leaves fewer
   * than `limit` results when that many exist.
   */
  vectorSearch(vector: Float32Array, options: { filters?: SearchFilters; limit: number }): ScoredPassage[] {
    this.checkOpen();
    const limit = checkLimit(options.limit);
    this.sync();
    const cache = this.vectors;
    if (cache === null || cache.size === 0) return [];
    if (vector.length !== cache.dimensions) {
      throw new IndexMismatchError(
        `the query vector has ${vector.length} dimensions but the index's model (${this.manifest.model}) has ${cache.dimensions}`,
      );
    }
    if (!hasFilters(options.filters)) {
      return cache.search(vector, limit).map(({ id, score }) => ({ passageId: id, score }));
    }
    const condition = meetingCondition(options.filters, 'm');
    const ids = this.guard(
      () =>
        this.db
          .prepare(`SELECT m.id FROM meetings m WHERE ${condition.sql}`)
          .pluck()
          .all(...condition.params) as number[],
    );
    const allowed = new Set(ids);
    const inScope = cache.countIn(allowed);
    if (inScope === 0) return [];
    if (inScope <= EXACT_SCAN_LIMIT) return this.guard(() => this.exactSearch(vector, JSON.stringify(ids), limit));
    // A broad scope: over-fetch without the filter and keep the hits in scope. Any better passage in
    // scope would have ranked higher overall, so if enough survive they are the scope's best.
    const fetch = Math.ceil((limit * 2 * cache.size) / inScope) + limit;
    if (fetch <= MAX_OVERFETCH) {
      const kept = cache.search(vector, fetch).filter(({ id }) => allowed.has(cache.meetingOf(id) ?? -1));
      if (kept.length >= limit) return kept.slice(0, limit).map(({ id, score }) => ({ passageId: id, score }));
    }
    // A narrow scope: filter inside the graph walk (slower per step, but never short of results).
    return cache
      .search(vector, limit, (meetingId) => allowed.has(meetingId))
      .map(({ id, score }) => ({ passageId: id, score }));
  }

  /** The passages with these ids, with their item and meeting, in the order asked; unknown ids are skipped. */
  passages(ids: number[]): StoredPassage[] {
    this.checkOpen();
    if (ids.length === 0) return [];
    return this.guard(() => {
      const rows = this.db
        .prepare(
          `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = p.meeting_id
           WHERE p.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
      const byId = new Map(rows.map((row) => [int(row.passage_id), toStoredPassage(row)]));
      return ids.map((id) => byId.get(id)).filter((p): p is StoredPassage => p !== undefined);
    });
  }

  /** What `filters` cover: meeting count, date range, committees and councils. */
  meetingsInScope(filters: SearchFilters = {}): ScopeSummary {
    this.checkOpen();
    const condition = meetingCondition(filters, 'm');
    return this.guard(() => {
      const range = this.db
        .prepare(
          `SELECT count(*) AS n, min(m.date) AS from_date, max(m.date) AS to_date FROM meetings m WHERE ${condition.sql}`,
        )
        .get(...condition.params) as { n: unknown; from_date: unknown; to_date: unknown };
      const distinct = (column: 'committee' | 'council') =>
        this.db
          .prepare(
            `SELECT DISTINCT m.${column} FROM meetings m WHERE m.${column} IS NOT NULL AND ${condition.sql} ORDER BY m.${column}`,
          )
          .pluck()
          .all(...condition.params)
          .map(str);
      return {
        meetings: int(range.n),
        from: strOrNull(range.from_date),
        to: strOrNull(range.to_date),
        committees: distinct('committee'),
        councils: distinct('council'),
      };
    });
  }

  /** What is indexed, for `minutebook stats` and the Slack App Home. */
  stats(): IndexStats {
    this.sync();
    const scope = this.meetingsInScope();
    return {
      councils: scope.councils,
      committees: scope.committees,
      meetings: this.manifest.meetings,
      items: this.manifest.items,
      passages: this.manifest.passages,
      from: scope.from,
      to: scope.to,
      model: this.manifest.model,
      dimensions: this.manifest.dimensions,
    };
  }

  /** Every indexed meeting, oldest first. */
  meetings(): IndexedMeeting[] {
    this.checkOpen();
    return this.guard(() => {
      const rows = this.db
        .prepare(
          `SELECT m.source, m.council, m.committee, m.date,
             (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS items,
             (SELECT count(*) FROM passages p WHERE p.meeting_id = m.id) AS passages
           FROM meetings m ORDER BY m.date, m.source`,
        )
        .all() as Array<Record<string, unknown>>;
      return rows.map((row) => ({
        source: str(row.source),
        council: strOrNull(row.council),
        committee: strOrNull(row.committee),
        date: strOrNull(row.date),
        items: int(row.items),
        passages: int(row.passages),
      }));
    });
  }

  /**
   * Every minute item's title and text, for building the acronym glossary from the corpus. Lazy:
   * finish (or break out of) the loop before writing to the store again.
   */
  *allItemTexts(): Generator<{ itemId: number; title: string; text: string }> {
    this.checkOpen();
    const rows = this.db.prepare('SELECT id, title, text FROM items ORDER BY id').iterate() as IterableIterator<
      Record<string, unknown>
    >;
    try {
      for (const row of rows) yield { itemId: int(row.id), title: str(row.title), text: str(row.text) };
    } catch (error) {
      throw classifyStoreError(error, this.where());
    }
  }

  /**
   * Saves the HNSW file if it is behind and closes the database. A rebuilt index goes live here, in
   * one atomic rename; the index it replaces is then deleted.
   */
  close(): void {
    if (this.closed) return;
    this.saveVectors(true);
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
  }

  /** Closes without making a rebuild live: the rebuilt files are deleted and the old index stays. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    if (this.replaces === undefined) return;
    const base = path.join(this.dir, this.dbName);
    removeFiles([base, `${base}-wal`, `${base}-shm`, ...listHnswFiles(this.dir, this.dbName).map((f) => f.file)]);
  }

  // -------------------------------------------------------------------------------------------
  // Writing rows
  // -------------------------------------------------------------------------------------------

  private checkVectors(source: string, passageCount: number, vectors: Float32Array[] | null): void {
    const model = this.model;
    if (model === null) {
      if (vectors !== null && vectors.length > 0) {
        throw new IndexMismatchError(
          `${source}: this index is keyword-only and cannot take vectors; rebuild it with a model: \`npx minutebook ingest --rebuild <files>\``,
        );
      }
      return;
    }
    if (vectors === null) {
      throw new IndexMismatchError(
        `${source}: this index holds ${model.id} vectors and every passage needs one; fetch the model (\`npx minutebook model fetch\`) or rebuild keyword-only with \`npx minutebook ingest --rebuild <files>\``,
      );
    }
    if (vectors.length !== passageCount) {
      throw new Error(`${source}: ${vectors.length} vectors for ${passageCount} passages`);
    }
    for (const vector of vectors) {
      if (vector.length !== model.dimensions || !vector.every(Number.isFinite)) {
        throw new Error(`${source}: a vector is not ${model.dimensions} finite numbers`);
      }
    }
  }

  /**
   * Moves the manifest's generation and counts on (inside the caller's transaction), starting from
   * the database's own values since another process may have written since we last read them.
   * Returns the generation before this write.
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

  // -------------------------------------------------------------------------------------------
  // The HNSW cache
  // -------------------------------------------------------------------------------------------

  /** Label -> meeting id of every passage with a vector, from the covering partial index. */
  private vectorOwners(): Map<number, number> {
    const rows = this.db.prepare('SELECT id, meeting_id FROM passages WHERE vector IS NOT NULL').raw().all() as Array<
      [number, number]
    >;
    return new Map(rows);
  }

  /**
   * Brings the HNSW graph in line with the database: reads the newest saved file, catches it up
   * (ids are never reused, so "labels not in the database" and "vectors not in the graph" are the
   * whole difference), or rebuilds it from the BLOBs when there is no usable file. Logs once.
   */
  private loadVectors(): void {
    const model = this.model;
    this.vectorsGeneration = this.manifest.generation;
    if (model === null) return;
    const owners = this.vectorOwners();
    const generation = this.manifest.generation;
    const saved = listHnswFiles(this.dir, this.dbName).find((f) => f.generation <= generation);
    let cache: HnswCache | null = null;
    if (saved) {
      try {
        const loaded = HnswCache.load(saved.file, model.dimensions, owners);
        cache = loaded.cache;
        // A file of this very generation already has its deletions marked.
        if (saved.generation !== generation) for (const label of loaded.extra) cache.remove(label, false);
        const missing = this.addMissingVectors(cache, owners);
        if (saved.generation !== generation || missing > 0) {
          this.logger.info(
            {
              file: saved.file,
              fileGeneration: saved.generation,
              generation,
              added: missing,
              removed: loaded.extra.length,
            },
            'vector index file was behind the database; caught it up',
          );
          this.vectorsDirty = true;
        }
      } catch (error) {
        this.logger.warn(
          { file: saved.file, error: error instanceof Error ? error.message : String(error) },
          'vector index file is unreadable; rebuilding it from the database',
        );
        cache = null;
      }
    }
    if (cache === null) {
      if (!saved && owners.size > 0) {
        this.logger.warn({ vectors: owners.size }, 'vector index file is missing; rebuilding it from the database');
      }
      cache = HnswCache.empty(model.dimensions, owners.size);
      this.addMissingVectors(cache, owners);
      this.vectorsDirty = owners.size > 0 || !saved;
    }
    this.vectors = cache;
    this.vectorsGeneration = generation;
    this.saveVectors(true);
  }

  /** Adds to the graph every vector of `owners` it lacks, reading BLOBs in id order. Returns how many. */
  private addMissingVectors(cache: HnswCache, owners: Map<number, number>): number {
    const missing = [...owners.keys()].filter((id) => !cache.has(id));
    if (missing.length === 0) return 0;
    const dimensions = cache.dimensions;
    const select = this.db.prepare(
      'SELECT id, meeting_id, vector FROM passages WHERE id IN (SELECT value FROM json_each(?))',
    );
    const batch = 2048;
    for (let start = 0; start < missing.length; start += batch) {
      const rows = select.all(JSON.stringify(missing.slice(start, start + batch))) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const vector = blobToVector(row.vector, dimensions);
        if (vector === null)
          throw new IndexCorruptError(path.join(this.dir, this.dbName), `passage ${int(row.id)} has a damaged vector`);
        cache.add(int(row.id), int(row.meeting_id), vector);
      }
    }
    return missing.length;
  }

  /**
   * Applies a committed write to the graph, then saves the file (subject to the save interval).
   * `before` is the generation the write started from: if the graph was not at it, another process
   * wrote in between and the graph catches up from the database instead.
   */
  private applyToVectors(
    before: number,
    removed: number[],
    added: Array<{ id: number; vector: Float32Array }>,
    meetingId: number,
  ): void {
    const cache = this.vectors;
    if (cache !== null) {
      if (this.vectorsGeneration !== before) {
        this.sync(true);
      } else {
        for (const id of removed) cache.remove(id);
        for (const { id, vector } of added) cache.add(id, meetingId, vector);
      }
      this.vectorsDirty = true;
    }
    this.vectorsGeneration = this.manifest.generation;
    this.saveVectors(false);
  }

  /**
   * Re-reads the manifest when another process (or a write here) moved the generation, and catches
   * the graph up. One indexed read per call when nothing changed.
   */
  private sync(force = false): void {
    this.checkOpen();
    const generation = this.guard(
      () => Number(this.db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get()) || 0,
    );
    if (!force && generation === this.vectorsGeneration && generation === this.manifest.generation) return;
    this.guard(() => {
      const manifest = readManifest(this.db);
      if (typeof manifest === 'string') throw new IndexCorruptError(path.join(this.dir, this.dbName), manifest);
      this.manifest = manifest;
      const cache = this.vectors;
      if (cache === null) return;
      const owners = this.vectorOwners();
      for (const label of [...cache.liveLabels()]) if (!owners.has(label)) cache.remove(label);
      this.addMissingVectors(cache, owners);
      this.vectorsGeneration = manifest.generation;
    });
  }

  /** Writes the graph for the current generation and deletes older files. Failures are logged, not thrown. */
  private saveVectors(now: boolean): void {
    const cache = this.vectors;
    if (cache === null || !this.vectorsDirty) return;
    const spacing = this.saveIntervalMs === 0 ? 0 : Math.max(this.saveIntervalMs, 10 * this.lastVectorSaveMs);
    if (!now && Date.now() - this.lastVectorSave < spacing) return;
    const started = Date.now();
    const file = path.join(this.dir, hnswFileName(this.dbName, this.vectorsGeneration));
    try {
      cache.save(file);
      this.vectorsDirty = false;
      this.lastVectorSave = Date.now();
      this.lastVectorSaveMs = this.lastVectorSave - started;
      removeFiles(
        listHnswFiles(this.dir, this.dbName)
          .filter((f) => f.file !== file)
          .map((f) => f.file),
      );
    } catch (error) {
      // The database is the truth; a missing file only costs a rebuild at the next open.
      this.logger.warn(
        { file, error: error instanceof Error ? error.message : String(error) },
        'could not save the vector index file',
      );
    }
  }

  /** Deletes temp files left by processes that died mid-write (their pid is in the name). */
  private removeDeadTempFiles(): void {
    for (const name of fs.readdirSync(this.dir)) {
      const match = /\.(\d+)\.[a-f0-9]+\.tmp$/.exec(name);
      if (!match || isAlive(Number(match[1]))) continue;
      fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  // -------------------------------------------------------------------------------------------

  private checkOpen(): void {
    if (this.closed) throw new Error('the index store is closed');
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

  /** Exact cosine search over the stored vectors of the meetings in `inScope` (a JSON id array). */
  private exactSearch(query: Float32Array, inScope: string, limit: number): ScoredPassage[] {
    const dimensions = query.length;
    const queryNorm = Math.hypot(...query) || 1;
    const scored: ScoredPassage[] = [];
    const rows = this.db
      .prepare(
        'SELECT id, vector FROM passages WHERE vector IS NOT NULL AND meeting_id IN (SELECT value FROM json_each(?))',
      )
      .raw()
      .iterate(inScope) as IterableIterator<[number, unknown]>;
    for (const [id, blob] of rows) {
      const vector = blobToVector(blob, dimensions);
      if (vector === null) continue;
      let dot = 0;
      let norm = 0;
      for (let i = 0; i < dimensions; i++) {
        const v = vector[i] ?? 0;
        dot += v * (query[i] ?? 0);
        norm += v * v;
      }
      scored.push({ passageId: id, score: dot / (queryNorm * (Math.sqrt(norm) || 1)) });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
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
