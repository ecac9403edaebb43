import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IndexCorruptError } from '../../errors.js';

/**
 * Where an index's files live inside its folder.
 *
 * The folder holds `CURRENT` (the name of the live database file), the database itself
 * (`minutebook-<stamp>.db` plus SQLite's `-wal`/`-shm`), and the HNSW cache of that database
 * (`minutebook-<stamp>.g<generation>.hnsw`). A rebuild writes a second database beside the live one
 * and goes live by renaming a new `CURRENT` over the old: one atomic step, so a crash at any moment
 * leaves either the old index or the new one, and the folder itself (with any README in it) stays.
 */

export const CURRENT_FILE = 'CURRENT';
const DB_NAME = /^minutebook-[a-z0-9]+-[a-f0-9]+\.db$/;
const TEMP_SUFFIX = '.tmp';

/** The live database's file name, or null when the folder holds no index. */
export function readCurrent(dir: string): string | null {
  const file = path.join(dir, CURRENT_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
  const name = raw.trim();
  if (!DB_NAME.test(name)) throw new IndexCorruptError(file, 'does not name an index database');
  return name;
}

/** A fresh, unique database file name (unique so a rebuild never collides with the live index). */
export function newDatabaseName(): string {
  return `minutebook-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.db`;
}

/** Makes `dbName` the live index: written beside, flushed, then renamed over `CURRENT`. */
export function writeCurrent(dir: string, dbName: string): void {
  writeFileAtomic(path.join(dir, CURRENT_FILE), `${dbName}\n`);
}

/** The HNSW cache file of `dbName` as of database generation `generation`. */
export function hnswFileName(dbName: string, generation: number): string {
  return `${dbName.replace(/\.db$/, '')}.g${generation}.hnsw`;
}

/** The stamp beside an HNSW file: which database (and generation) the graph in it was built from. */
export function hnswStampFile(hnswFile: string): string {
  return `${hnswFile}.id`;
}

/** HNSW cache files of `dbName` in `dir`, newest generation first. */
export function listHnswFiles(dir: string, dbName: string): Array<{ file: string; generation: number }> {
  const prefix = `${dbName.replace(/\.db$/, '')}.g`;
  const found: Array<{ file: string; generation: number }> = [];
  for (const name of safeReaddir(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.hnsw')) continue;
    const generation = Number(name.slice(prefix.length, -'.hnsw'.length));
    if (Number.isSafeInteger(generation) && generation >= 0) found.push({ file: path.join(dir, name), generation });
  }
  return found.sort((a, b) => b.generation - a.generation);
}

/** Index files in `dir` that belong to neither `keep` database: leftovers of replaced or crashed builds. */
export function staleFiles(dir: string, keep: string[]): string[] {
  const bases = keep.map((name) => name.replace(/\.db$/, ''));
  return safeReaddir(dir)
    .filter((name) => name.startsWith('minutebook-') || name.endsWith(TEMP_SUFFIX))
    .filter((name) => !bases.some((base) => name.startsWith(`${base}.`) && !name.endsWith(TEMP_SUFFIX)))
    .map((name) => path.join(dir, name));
}

/** A temp name beside `file`, unique per process so two writers never share one. */
export function tempFileFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(3).toString('hex')}${TEMP_SUFFIX}`;
}

/** Writes `file` so that readers see the old content or the new, never a mix (temp + fsync + rename). */
export function writeFileAtomic(file: string, content: string): void {
  const temp = tempFileFor(file);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  renameDurably(temp, file);
}

/** Renames and flushes the folder entry, so the rename itself survives a power cut. */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  try {
    const dirFd = fs.openSync(path.dirname(to), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Some filesystems refuse fsync on a folder; the rename is still atomic, only less durable.
  }
}

/** Deletes files, ignoring ones already gone (another process may have cleaned them first). */
export function removeFiles(files: string[]): void {
  for (const file of files) fs.rmSync(file, { force: true });
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
