import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { IndexCorruptError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { IndexModel } from '../types.js';
import { HnswCache } from './hnsw-cache.js';
import { hnswFileName, hnswStampFile, listHnswFiles, removeFiles, writeFileAtomic } from './layout.js';
import { blobToVector, int } from './rows.js';

/**
 * Keeps the in-memory HNSW graph in line with the database it caches, and its file on disk.
 *
 * The file is named for its database and generation, and stamped (a `.id` file beside it) with the
 * database's identity: a graph copied in from another index, even renamed to fit, is not this
 * database's and is rebuilt from the stored vectors rather than searched.
 */
export class VectorSync {
  /** The graph, or null for a keyword-only index. */
  cache: HnswCache | null = null;
  /** The database generation the graph matches. */
  generation = -1;
  readonly #db: Database.Database;
  readonly #dir: string;
  readonly #dbName: string;
  readonly #identity: string;
  readonly #logger: Logger;
  readonly #saveIntervalMs: number;
  #dirty = false;
  #lastSave = 0;
  /** How long the last save took: saves are spaced so they cost at most a tenth of a write run. */
  #lastSaveMs = 0;

  constructor(init: {
    db: Database.Database;
    dir: string;
    dbName: string;
    /** Names this database among all indexes (its file name and creation time). */
    identity: string;
    logger: Logger;
    saveIntervalMs: number;
  }) {
    this.#db = init.db;
    this.#dir = init.dir;
    this.#dbName = init.dbName;
    this.#identity = init.identity;
    this.#logger = init.logger;
    this.#saveIntervalMs = init.saveIntervalMs;
  }

  /**
   * Reads the newest saved graph of this database, catches it up (ids are never reused, so "labels
   * not in the database" and "vectors not in the graph" are the whole difference), or rebuilds it
   * from the BLOBs when there is no usable file. Logs once.
   */
  load(model: IndexModel | null, generation: number): void {
    this.generation = generation;
    if (model === null) return;
    const owners = this.#vectorOwners();
    const saved = listHnswFiles(this.#dir, this.#dbName).find((f) => f.generation <= generation);
    let cache: HnswCache | null = null;
    if (saved && !this.#stampMatches(saved.file, saved.generation)) {
      this.#logger.warn(
        { file: saved.file },
        'vector index file does not belong to this database (copied from another index?); rebuilding it from the database',
      );
    } else if (saved) {
      try {
        const loaded = HnswCache.load(saved.file, model.dimensions, owners);
        cache = loaded.cache;
        // A file of this very generation already has its deletions marked.
        if (saved.generation !== generation) for (const label of loaded.extra) cache.remove(label, false);
        const missing = this.#addMissing(cache, owners);
        if (saved.generation !== generation || missing > 0) {
          this.#logger.info(
            {
              file: saved.file,
              fileGeneration: saved.generation,
              generation,
              added: missing,
              removed: loaded.extra.length,
            },
            'vector index file was behind the database; caught it up',
          );
          this.#dirty = true;
        }
      } catch (error) {
        this.#logger.warn(
          { file: saved.file, error: error instanceof Error ? error.message : String(error) },
          'vector index file is unreadable; rebuilding it from the database',
        );
        cache = null;
      }
    }
    if (cache === null) {
      if (!saved && owners.size > 0) {
        this.#logger.warn({ vectors: owners.size }, 'vector index file is missing; rebuilding it from the database');
      }
      cache = HnswCache.empty(model.dimensions, owners.size);
      this.#addMissing(cache, owners);
      this.#dirty = true;
    }
    this.cache = cache;
    this.save(true);
  }

  /** Catches the graph up with the database after writes it did not see (another process's). */
  catchUp(generation: number): void {
    const cache = this.cache;
    if (cache !== null) {
      const owners = this.#vectorOwners();
      for (const label of [...cache.liveLabels()]) if (!owners.has(label)) cache.remove(label);
      if (this.#addMissing(cache, owners) > 0 || generation !== this.generation) this.#dirty = true;
    }
    this.generation = generation;
  }

  /**
   * Applies a committed write to the graph, then saves the file (subject to the save interval).
   * `before` is the generation the write started from: if the graph was not at it, another process
   * wrote in between and the graph catches up from the database instead.
   */
  apply(
    write: { before: number; after: number; meetingId: number },
    removed: number[],
    added: Array<{ id: number; vector: Float32Array }>,
  ): void {
    const cache = this.cache;
    if (cache !== null) {
      if (this.generation !== write.before) {
        this.catchUp(write.after);
      } else {
        for (const id of removed) cache.remove(id);
        for (const { id, vector } of added) cache.add(id, write.meetingId, vector);
      }
      this.#dirty = true;
    }
    this.generation = write.after;
    this.save(false);
  }

  /** Writes the graph for the current generation and deletes older files. Failures are logged, not thrown. */
  save(now: boolean): void {
    const cache = this.cache;
    if (cache === null || !this.#dirty) return;
    const spacing = this.#saveIntervalMs === 0 ? 0 : Math.max(this.#saveIntervalMs, 10 * this.#lastSaveMs);
    if (!now && Date.now() - this.#lastSave < spacing) return;
    const started = Date.now();
    const file = path.join(this.#dir, hnswFileName(this.#dbName, this.generation));
    try {
      // Stamp first: a crash between the two leaves a stamp with no graph, which nothing reads.
      writeFileAtomic(hnswStampFile(file), this.#stamp(this.generation));
      cache.save(file);
      this.#dirty = false;
      this.#lastSave = Date.now();
      this.#lastSaveMs = this.#lastSave - started;
      const older = listHnswFiles(this.#dir, this.#dbName).filter((f) => f.file !== file);
      removeFiles(older.flatMap((f) => [f.file, hnswStampFile(f.file)]));
    } catch (error) {
      // The database is the truth; a missing file only costs a rebuild at the next open.
      this.#logger.warn(
        { file, error: error instanceof Error ? error.message : String(error) },
        'could not save the vector index file',
      );
    }
  }

  #stamp(generation: number): string {
    return JSON.stringify({ database: this.#identity, generation });
  }

  #stampMatches(file: string, generation: number): boolean {
    try {
      return fs.readFileSync(hnswStampFile(file), 'utf8') === this.#stamp(generation);
    } catch {
      return false;
    }
  }

  /** Label -> meeting id of every passage with a vector, from the covering partial index. */
  #vectorOwners(): Map<number, number> {
    const rows = this.#db.prepare('SELECT id, meeting_id FROM passages WHERE vector IS NOT NULL').raw().all() as Array<
      [number, number]
    >;
    return new Map(rows);
  }

  /** Adds to the graph every vector of `owners` it lacks, reading BLOBs in id order. Returns how many. */
  #addMissing(cache: HnswCache, owners: Map<number, number>): number {
    const missing = [...owners.keys()].filter((id) => !cache.has(id));
    if (missing.length === 0) return 0;
    const select = this.#db.prepare(
      'SELECT id, meeting_id, vector FROM passages WHERE id IN (SELECT value FROM json_each(?))',
    );
    const batch = 2048;
    for (let start = 0; start < missing.length; start += batch) {
      const rows = select.all(JSON.stringify(missing.slice(start, start + batch))) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const vector = blobToVector(row.vector, cache.dimensions);
        if (vector === null) {
          throw new IndexCorruptError(
            path.join(this.#dir, this.#dbName),
            `passage ${int(row.id)} has a damaged vector`,
          );
        }
        cache.add(int(row.id), int(row.meeting_id), vector);
      }
    }
    return missing.length;
  }
}
