import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LockWait, WriterLock, WriterLocks } from '../types.js';
import { waitForLock } from '../wait-for-lock.js';
import { classifyStoreError } from './errors.js';
import { writeFileAtomic } from './layout.js';
import { makeFolder } from './open-checks.js';

/** The lock file: an empty SQLite database whose exclusive lock is the writer lock. */
export const LOCK_FILE = 'writer.lock';
/** Who holds the lock, for the message a waiting writer prints. Advisory: the lock itself is the OS's. */
const HOLDER_FILE = 'writer.json';

/**
 * The writer lock of an index folder. The holder keeps an exclusive SQLite transaction open on
 * `writer.lock`: SQLite takes it as an OS file lock, which the kernel lets go when the process
 * ends, however it ends, so a killed writer never leaves the index locked. The file is never
 * deleted (deleting a lock file someone waits on is how two holders happen).
 */
export class FolderWriterLocks implements WriterLocks {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = path.resolve(dir);
  }

  async acquire(purpose: string, wait: LockWait): Promise<WriterLock> {
    makeFolder(this.#dir);
    const file = path.join(this.#dir, LOCK_FILE);
    const db = await waitForLock(
      () => this.#tryLock(file),
      () => this.#holder(),
      { ...wait, location: this.#dir },
    );
    try {
      writeFileAtomic(
        path.join(this.#dir, HOLDER_FILE),
        JSON.stringify({ purpose, pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
      );
    } catch {
      // Only the waiting message loses detail.
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        fs.rmSync(path.join(this.#dir, HOLDER_FILE), { force: true });
        db.close();
      },
    };
  }

  /** The lock if free now, or null when another connection holds it. */
  #tryLock(file: string): Database.Database | null {
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { timeout: 0 });
      db.exec('BEGIN EXCLUSIVE');
      return db;
    } catch (error) {
      db?.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return null;
      throw classifyStoreError(error, { dir: this.#dir, dbFile: file });
    }
  }

  #holder(): string {
    try {
      const raw: unknown = JSON.parse(fs.readFileSync(path.join(this.#dir, HOLDER_FILE), 'utf8'));
      if (raw && typeof raw === 'object' && 'purpose' in raw && 'pid' in raw && 'since' in raw) {
        return `${String(raw.purpose)} (pid ${String(raw.pid)}, since ${String(raw.since)})`;
      }
    } catch {
      // Written just after the lock is taken: a holder may not have written it yet.
    }
    return 'another writer';
  }
}
