import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCorruptError, IndexMismatchError, IndexUnwritableError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { IndexStore } from '../../src/store/index-store.js';
import { capturingLogger, MODEL, seriesMeeting, tempDir, vectorsOf } from './fixtures/meetings.js';

const logger = createLogger({ level: 'silent' });

/** Builds an index of `count` series meetings in `dir` and closes it. */
function build(dir: string, count: number): void {
  const store = IndexStore.open(dir, { create: true, model: MODEL, logger });
  for (let n = 1; n <= count; n++) store.replaceMeeting(seriesMeeting(n), `hash-${n}`, vectorsOf(seriesMeeting(n)));
  store.close();
}

function dbFile(dir: string): string {
  return path.join(dir, fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8').trim());
}

function hnswFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.hnsw'));
}

describe('IndexStore when things go wrong', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('refuses an index built with another model, telling the user to rebuild', () => {
    build(dir, 3);
    expect(() => IndexStore.open(dir, { model: { id: 'other/model', dimensions: 16 }, logger })).toThrow(
      IndexMismatchError,
    );
    expect(() => IndexStore.open(dir, { model: { id: MODEL.id, dimensions: 32 }, logger })).toThrow(
      /built with test\/bag-of-words \(16 dimensions\), not test\/bag-of-words \(32 dimensions\); rebuild it with `npx minutebook ingest --rebuild <files>`/,
    );
    expect(() => IndexStore.open(dir, { model: null, logger })).toThrow(/model fetch/);
    // A reader that does not care about the model (keyword-only search) still gets in.
    const reader = IndexStore.open(dir, { logger });
    expect(reader.keywordSearch('parking', { limit: 3 }).length).toBeGreaterThan(0);
    reader.close();
  });

  it('refuses an index of another format version', () => {
    build(dir, 1);
    const db = new Database(dbFile(dir));
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'formatVersion'").run();
    db.close();
    expect(() => IndexStore.open(dir, { logger })).toThrow(IndexMismatchError);
    expect(() => IndexStore.open(dir, { logger })).toThrow(/format version 99 .* reads version 2; rebuild/);
  });

  it('reports a database file full of garbage as corrupt', () => {
    build(dir, 2);
    fs.writeFileSync(dbFile(dir), Buffer.alloc(64 * 1024, 'not a database '));
    fs.rmSync(`${dbFile(dir)}-wal`, { force: true });
    fs.rmSync(`${dbFile(dir)}-shm`, { force: true });
    expect(() => IndexStore.open(dir, { logger })).toThrow(IndexCorruptError);
    expect(() => IndexStore.open(dir, { logger })).toThrow(/is damaged or not an index database.*--rebuild/);
  });

  it('reports a truncated database file as corrupt', () => {
    build(dir, 30);
    const file = dbFile(dir);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    expect(() => IndexStore.open(dir, { logger })).toThrow(IndexCorruptError);
  });

  it('reports a CURRENT file that names no database as corrupt', () => {
    build(dir, 1);
    fs.writeFileSync(path.join(dir, 'CURRENT'), 'garbage\n');
    expect(() => IndexStore.open(dir, { logger })).toThrow(IndexCorruptError);
    fs.writeFileSync(path.join(dir, 'CURRENT'), 'minutebook-abc-00ff.db\n');
    expect(() => IndexStore.open(dir, { logger })).toThrow(/names minutebook-abc-00ff.db, which is missing/);
  });

  it('rebuilds a missing HNSW file from the database, logging it once', () => {
    build(dir, 5);
    const before = IndexStore.open(dir, { logger });
    const expected = before.vectorCount;
    before.close();
    for (const name of hnswFiles(dir)) fs.rmSync(path.join(dir, name));

    const log = capturingLogger();
    const store = IndexStore.open(dir, { logger: log.logger });
    expect(store.vectorCount).toBe(expected);
    expect(store.vectorSearch(vectorsOf(seriesMeeting(2))[0] ?? new Float32Array(), { limit: 1 })).toHaveLength(1);
    const messages = log.lines().map((line) => line.msg);
    expect(messages.filter((msg) => String(msg).includes('missing; rebuilding'))).toHaveLength(1);
    store.close();
    expect(hnswFiles(dir)).toHaveLength(1);

    // Now that the file is back, the next open does no rebuilding.
    const quiet = capturingLogger();
    IndexStore.open(dir, { logger: quiet.logger }).close();
    expect(quiet.lines().filter((line) => line.level === 40)).toEqual([]);
  });

  it('rebuilds an unreadable HNSW file and catches up a stale one', () => {
    build(dir, 4);
    const [name] = hnswFiles(dir);
    const saved = path.join(dir, name ?? 'none');
    const stale = fs.readFileSync(saved);

    fs.writeFileSync(saved, Buffer.alloc(4096, 7));
    const log = capturingLogger();
    const store = IndexStore.open(dir, { logger: log.logger });
    expect(log.lines().some((line) => String(line.msg).includes('unreadable'))).toBe(true);
    const count = store.vectorCount;
    expect(count).toBe(store.info.vectors);
    store.replaceMeeting(seriesMeeting(9), 'h9', vectorsOf(seriesMeeting(9)));
    store.removeMeeting(seriesMeeting(1).source);
    const after = store.vectorCount;
    store.close();

    // Put the old generation's file back: it is behind by two writes and must be caught up.
    for (const file of hnswFiles(dir)) fs.rmSync(path.join(dir, file));
    fs.writeFileSync(saved, stale);
    const again = capturingLogger();
    const reopened = IndexStore.open(dir, { logger: again.logger });
    expect(again.lines().some((line) => String(line.msg).includes('caught it up'))).toBe(true);
    expect(reopened.vectorCount).toBe(after);
    const hits = reopened.vectorSearch(vectorsOf(seriesMeeting(1))[0] ?? new Float32Array(), { limit: 50 });
    expect(reopened.passages(hits.map((h) => h.passageId)).map((p) => p.meeting.source)).not.toContain(
      seriesMeeting(1).source,
    );
    reopened.close();
  });

  it('says the folder is unwritable instead of failing with a stack trace', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    // Root ignores permission bits, so a path under a regular file is the portable unwritable folder.
    expect(() => IndexStore.open(path.join(file, 'index'), { create: true, logger })).toThrow(IndexUnwritableError);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, 'locked');
      fs.mkdirSync(locked, { mode: 0o555 });
      expect(() => IndexStore.open(locked, { create: true, logger })).toThrow(/cannot write the index in/);
    }
  });

  it('rebuilds beside the live index and swaps only at close', () => {
    build(dir, 3);
    const rebuild = IndexStore.open(dir, { rebuild: true, model: MODEL, logger });
    rebuild.replaceMeeting(seriesMeeting(7), 'h7', vectorsOf(seriesMeeting(7)));

    const reader = IndexStore.open(dir, { logger });
    expect(reader.stats().meetings).toBe(3);
    expect(reader.isSuperseded()).toBe(false);

    rebuild.close();
    // A reader that was open keeps its (now replaced) index readable, and can tell it should reopen.
    expect(reader.isSuperseded()).toBe(true);
    expect(reader.stats().meetings).toBe(3);
    reader.close();
    const after = IndexStore.open(dir, { logger });
    expect(after.meetings().map((m) => m.source)).toEqual([seriesMeeting(7).source]);
    expect(after.vectorCount).toBe(after.info.vectors);
    after.close();
    // The replaced database and its HNSW files are gone.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
    expect(hnswFiles(dir)).toHaveLength(1);
  });

  it('keeps the live index when a rebuild is discarded', () => {
    build(dir, 2);
    const rebuild = IndexStore.open(dir, { rebuild: true, model: { id: 'new/model', dimensions: 8 }, logger });
    rebuild.discard();
    const store = IndexStore.open(dir, { model: MODEL, logger });
    expect(store.stats().meetings).toBe(2);
    store.close();
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  });
});
