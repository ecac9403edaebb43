import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { IndexReader } from '../../src/store/types.js';
import { silentLogger } from '../helpers/index.js';
import { type StoreKit, storeKinds } from '../helpers/stores.js';
import { BALLAST, passageCount, seriesMeeting, vectorsOf } from './fixtures/meetings.js';

const writer = fileURLToPath(new URL('./fixtures/write-series.ts', import.meta.url));

/** The writer's argument for a kit's index: its folder or its URL. */
function whereOf(kit: StoreKit): string {
  return kit.target.kind === 'sqlite' ? kit.target.dir : kit.target.url;
}

/**
 * Starts the writer and kills it with SIGKILL once it has committed `after` meetings (it goes on
 * writing as fast as it can, so the kill lands in the middle of a transaction or a file write).
 * Resolves with how many it reported committed.
 */
function runAndKill(args: string[], after: number): Promise<{ lastCommitted: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let committed = 0;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.on('data', (chunk) => {
      buffered += String(chunk);
      for (const line of buffered.split('\n').slice(0, -1)) {
        const n = /^committed (\d+)$/.exec(line)?.[1];
        if (n !== undefined) committed += 1;
        if (n !== undefined && committed === after) child.kill('SIGKILL');
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code} before it was killed: ${stderr}`));
      else resolve({ lastCommitted: committed, child });
    });
  });
}

/** Checks that every indexed meeting of the series is whole, in both halves. Returns their numbers. */
async function expectWholeSeries(store: IndexReader, kit: StoreKit): Promise<number[]> {
  const w = await kit.writer();
  const meetings = await w.meetings();
  await w.close();
  for (const m of meetings) {
    const expected = seriesMeeting(Number(/series-(\d+)/.exec(m.source)?.[1]), BALLAST);
    expect(m.items).toBe(expected.items.length);
    expect(m.passages).toBe(passageCount(expected));
    // The vector half holds the meeting whole too: its last passage is found by its own vector.
    const vectors = vectorsOf(expected);
    const [hit] = await store.vectorSearch(vectors[vectors.length - 1] ?? new Float32Array(), {
      limit: 1,
      filters: {},
    });
    expect(hit?.score).toBeCloseTo(1, 4);
  }
  const stats = await store.stats();
  expect(stats.passages).toBe(meetings.reduce((sum, m) => sum + m.passages, 0));
  expect(stats.meetings).toBe(meetings.length);
  expect((await store.keywordSearch('parking charges', { limit: 5 })).length).toBeGreaterThan(0);
  return meetings.map((m) => Number(/series-(\d+)/.exec(m.source)?.[1])).sort((a, b) => a - b);
}

for (const kind of storeKinds) {
  describe.skipIf(kind.skip)(`the ${kind.name} store under kill -9`, () => {
    let kit: StoreKit;
    beforeEach(() => {
      kit = kind.make();
    });
    afterEach(async () => {
      await kit.cleanup();
    });

    it('leaves every committed meeting whole and the index readable after a killed ingest', async () => {
      const { lastCommitted } = await runAndKill([whereOf(kit), '1', '100000'], 12);
      let store = await kit.reader();
      const numbers = await expectWholeSeries(store, kit);
      await store.close();
      // Everything reported committed is there; at most the one in flight also made it.
      expect(numbers.slice(0, lastCommitted)).toEqual(Array.from({ length: lastCommitted }, (_, i) => i + 1));
      expect(numbers.length - lastCommitted).toBeLessThanOrEqual(1);

      // A second killed run on top of the first: still whole, and nothing already committed lost.
      await runAndKill([whereOf(kit), '200', '100000'], 5);
      store = await kit.reader();
      const after = await expectWholeSeries(store, kit);
      await store.close();
      expect(after.slice(0, numbers.length)).toEqual(numbers);
      if (kit.target.kind === 'sqlite') {
        const sqlite = await SqliteStore.openReader(kit.target.dir, { logger: silentLogger });
        expect(sqlite.vectorCount).toBe(sqlite.info.vectors);
        await sqlite.close();
        // A writer that opens next clears temp files the killed process left mid-write.
        await (await kit.writer()).close();
        expect(fs.readdirSync(kit.target.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
    });

    it('leaves the previous index exactly as it was when a rebuild is killed', async () => {
      const store = await kit.writer({ model: null });
      for (let n = 1; n <= 3; n++) await store.replaceMeeting(seriesMeeting(n), `h${n}`, null);
      const before = await store.stats();
      await store.close();
      const files = kit.target.kind === 'sqlite' ? fs.readdirSync(kit.target.dir).sort() : [];

      await runAndKill([whereOf(kit), '500', '100000', '--rebuild'], 6);

      const reopened = await kit.reader();
      expect(await reopened.stats()).toEqual(before);
      expect(reopened.model).toBeNull();
      await reopened.close();
      if (kit.target.kind === 'sqlite') {
        // The half-built database is left beside it (cleaned at the next rebuild), never made live.
        expect(fs.readFileSync(path.join(kit.target.dir, 'CURRENT'), 'utf8')).toBe(
          `${files.find((name) => name.endsWith('.db'))}\n`,
        );
      }
      // The killed rebuild let go of the writer lock with its process: the next writer gets in at once.
      const next = await kit.writer({ waitMs: 0 });
      await next.close();
    });
  });
}
