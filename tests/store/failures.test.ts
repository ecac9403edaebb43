import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCorruptError, IndexMismatchError, IndexUnwritableError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { type SqliteOpenOptions, SqliteStore, type SqliteWriterOptions } from '../../src/store/sqlite/store.js';
import { capturingLogger, MODEL, seriesMeeting, tempDir, vectorsOf } from './fixtures/meetings.js';

const logger = createLogger({ level: 'silent' });

function writer(dir: string, options: Partial<SqliteWriterOptions> = {}): Promise<SqliteStore> {
  return SqliteStore.openWriter(dir, { purpose: 'test', wait: { waitMs: 5000 }, logger, ...options });
}

function reader(dir: string, options: Partial<SqliteOpenOptions> = {}): Promise<SqliteStore> {
  return SqliteStore.openReader(dir, { logger, ...options });
}

/** Builds an index of `count` series meetings in `dir` and closes it. */
async function build(dir: string, count: number): Promise<void> {
  const store = await writer(dir, { model: MODEL });
  for (let n = 1; n <= count; n++)
    await store.replaceMeeting(seriesMeeting(n), `hash-${n}`, vectorsOf(seriesMeeting(n)));
  await store.close();
}

function dbFile(dir: string): string {
  return path.join(dir, fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim());
}

function hnswFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.hnsw'));
}

describe('the SQLite store when things go wrong', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('refuses an index built with another model, but lets a keyword-only reader in', async () => {
    await build(dir, 3);
    await expect(reader(dir, { model: { id: 'other/model', dimensions: 16 } })).rejects.toThrow(IndexMismatchError);
    await expect(reader(dir, { model: null })).rejects.toThrow(/model fetch/);
    const store = await reader(dir);
    expect((await store.keywordSearch('parking', { limit: 3 })).length).toBeGreaterThan(0);
    await store.close();
  });

  it('refuses an index of another format version', async () => {
    await build(dir, 1);
    const db = new Database(dbFile(dir));
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'formatVersion'").run();
    db.close();
    await expect(reader(dir)).rejects.toThrow(IndexMismatchError);
    await expect(reader(dir)).rejects.toThrow(/format version 99 .* reads version 3; rebuild/);
  });

  it('reports a database file full of garbage as corrupt', async () => {
    await build(dir, 2);
    fs.writeFileSync(dbFile(dir), Buffer.alloc(64 * 1024, 'not a database '));
    fs.rmSync(`${dbFile(dir)}-wal`, { force: true });
    fs.rmSync(`${dbFile(dir)}-shm`, { force: true });
    await expect(reader(dir)).rejects.toThrow(IndexCorruptError);
    await expect(reader(dir)).rejects.toThrow(/is damaged or not an index database.*--rebuild/);
  });

  it('reports a truncated database file as corrupt', async () => {
    await build(dir, 30);
    const file = dbFile(dir);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    await expect(reader(dir)).rejects.toThrow(IndexCorruptError);
  });

  it('reports a CURRENT file that names no database as corrupt', async () => {
    await build(dir, 1);
    fs.writeFileSync(path.join(dir, 'CURRENT'), 'garbage\n');
    await expect(reader(dir)).rejects.toThrow(IndexCorruptError);
    fs.writeFileSync(path.join(dir, 'CURRENT'), 'minutebook-abc-00ff.db\n');
    await expect(reader(dir)).rejects.toThrow(/names minutebook-abc-00ff.db, which is missing/);
  });

  it('rebuilds a missing HNSW file from the database, logging it once', async () => {
    await build(dir, 5);
    const before = await reader(dir);
    const expected = before.vectorCount;
    await before.close();
    for (const name of hnswFiles(dir)) fs.rmSync(path.join(dir, name));

    const log = capturingLogger();
    const store = await reader(dir, { logger: log.logger });
    expect(store.vectorCount).toBe(expected);
    expect(await store.vectorSearch(vectorsOf(seriesMeeting(2))[0] ?? new Float32Array(), { limit: 1 })).toHaveLength(
      1,
    );
    expect(log.lines().filter((line) => String(line.msg).includes('missing; rebuilding'))).toHaveLength(1);
    await store.close();
    expect(hnswFiles(dir)).toHaveLength(1);

    // Now that the file is back, the next open does no rebuilding.
    const quiet = capturingLogger();
    await (await reader(dir, { logger: quiet.logger })).close();
    expect(quiet.lines().filter((line) => line.level === 40)).toEqual([]);
  });

  it('rebuilds an unreadable HNSW file and catches up a stale one', async () => {
    await build(dir, 4);
    const [name] = hnswFiles(dir);
    const saved = path.join(dir, name ?? 'none');
    const stale = fs.readFileSync(saved);
    const staleStamp = fs.readFileSync(`${saved}.id`);

    fs.writeFileSync(saved, Buffer.alloc(4096, 7));
    const log = capturingLogger();
    const store = await writer(dir, { logger: log.logger });
    expect(log.lines().some((line) => String(line.msg).includes('unreadable'))).toBe(true);
    expect(store.vectorCount).toBe(store.info.vectors);
    await store.replaceMeeting(seriesMeeting(9), 'h9', vectorsOf(seriesMeeting(9)));
    await store.removeMeeting(seriesMeeting(1).source);
    const after = store.vectorCount;
    await store.close();

    // Put the old generation's file back: it is behind by two writes and must be caught up.
    for (const file of fs.readdirSync(dir).filter((f) => /\.hnsw(\.id)?$/.test(f))) fs.rmSync(path.join(dir, file));
    fs.writeFileSync(saved, stale);
    fs.writeFileSync(`${saved}.id`, staleStamp);
    const again = capturingLogger();
    const reopened = await reader(dir, { logger: again.logger });
    expect(again.lines().some((line) => String(line.msg).includes('caught it up'))).toBe(true);
    expect(reopened.vectorCount).toBe(after);
    const hits = await reopened.vectorSearch(vectorsOf(seriesMeeting(1))[0] ?? new Float32Array(), { limit: 50 });
    const sources = (await reopened.passages(hits.map((h) => h.passageId))).map((p) => p.meeting.source);
    expect(sources).not.toContain(seriesMeeting(1).source);
    await reopened.close();
  });

  it('refuses an HNSW file copied in from another index, even renamed to fit, and rebuilds it (issue 16, case 14)', async () => {
    const other = tempDir();
    try {
      // Another index whose passage ids overlap this one's but whose vectors are other meetings'.
      const foreign = await writer(other.dir, { model: MODEL });
      for (let n = 50; n <= 55; n++)
        await foreign.replaceMeeting(seriesMeeting(n), `h${n}`, vectorsOf(seriesMeeting(n)));
      await foreign.close();
      await build(dir, 6);
      const [ours] = hnswFiles(dir);
      const [theirs] = hnswFiles(other.dir);
      fs.copyFileSync(path.join(other.dir, theirs ?? ''), path.join(dir, ours ?? ''));
      fs.copyFileSync(path.join(other.dir, `${theirs}.id`), path.join(dir, `${ours}.id`));

      const log = capturingLogger();
      const store = await reader(dir, { logger: log.logger });
      expect(log.lines().some((line) => String(line.msg).includes('does not belong to this database'))).toBe(true);
      // Search is this index's: the nearest passage to a meeting's own vector is that meeting's.
      for (const n of [2, 5]) {
        const [hit] = await store.vectorSearch(vectorsOf(seriesMeeting(n))[0] ?? new Float32Array(), { limit: 1 });
        expect(hit?.score).toBeCloseTo(1, 4);
        expect((await store.passages([hit?.passageId ?? -1]))[0]?.meeting.source).toBe(seriesMeeting(n).source);
      }
      await store.close();
      // Rebuilt and stamped: the next open reads it without complaint.
      const quiet = capturingLogger();
      await (await reader(dir, { logger: quiet.logger })).close();
      expect(quiet.lines().filter((line) => line.level === 40)).toEqual([]);
    } finally {
      other.cleanup();
    }
  });

  it('says the folder is unwritable instead of failing with a stack trace', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    // Root ignores permission bits, so a path under a regular file is the portable unwritable folder.
    await expect(writer(path.join(file, 'index'))).rejects.toThrow(IndexUnwritableError);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, 'locked');
      fs.mkdirSync(locked, { mode: 0o555 });
      await expect(writer(locked)).rejects.toThrow(/cannot write the index in/);
    }
  });

  it('leaves one database and its own HNSW file after a rebuild, and none of a discarded one', async () => {
    await build(dir, 3);
    const rebuild = await writer(dir, { rebuild: true, model: MODEL });
    await rebuild.replaceMeeting(seriesMeeting(7), 'h7', vectorsOf(seriesMeeting(7)));
    await rebuild.close();
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
    expect(hnswFiles(dir)).toHaveLength(1);
    const after = await reader(dir);
    expect(after.vectorCount).toBe(after.info.vectors);
    await after.close();

    const discarded = await writer(dir, { rebuild: true, model: { id: 'new/model', dimensions: 8 } });
    await discarded.discard();
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((name) => /\.hnsw(\.id)?$/.test(name))).toHaveLength(2);
  });
});
