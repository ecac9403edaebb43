import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { IndexStore } from '../../src/store/index-store.js';
import { BALLAST, passageCount, seriesMeeting, tempDir } from './fixtures/meetings.js';

const logger = createLogger({ level: 'silent' });
const writer = fileURLToPath(new URL('./fixtures/write-series.ts', import.meta.url));

/**
 * Starts the writer and kills it with SIGKILL once it has committed `after` meetings (it goes on
 * writing as fast as it can, so the kill lands in the middle of a transaction or a file write).
 * Resolves with the last meeting number it reported committed.
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

/** Checks that every indexed meeting of the series is whole, and both halves agree. */
function expectWholeSeries(dir: string): number[] {
  const store = IndexStore.open(dir, { logger });
  const numbers = store.meetings().map((m) => Number(/series-(\d+)/.exec(m.source)?.[1]));
  for (const m of store.meetings()) {
    const expected = seriesMeeting(Number(/series-(\d+)/.exec(m.source)?.[1]), BALLAST);
    expect(m.items).toBe(expected.items.length);
    expect(m.passages).toBe(passageCount(expected));
  }
  const info = store.info;
  expect(info.passages).toBe(store.meetings().reduce((sum, m) => sum + m.passages, 0));
  expect(store.vectorCount).toBe(info.vectors);
  expect(info.vectors).toBe(info.passages);
  expect(store.keywordSearch('parking charges', { limit: 5 }).length).toBeGreaterThan(0);
  store.close();
  return numbers.sort((a, b) => a - b);
}

describe('IndexStore under kill -9', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('leaves every committed meeting whole and the index readable after a killed ingest', async () => {
    const { lastCommitted } = await runAndKill([dir, '1', '100000'], 12);
    const numbers = expectWholeSeries(dir);
    // Everything reported committed is there; at most the one in flight also made it.
    expect(numbers.slice(0, lastCommitted)).toEqual(Array.from({ length: lastCommitted }, (_, i) => i + 1));
    expect(numbers.length - lastCommitted).toBeLessThanOrEqual(1);

    // A second killed run on top of the first: still whole, and nothing already committed lost.
    await runAndKill([dir, '200', '100000'], 5);
    const after = expectWholeSeries(dir);
    expect(after.slice(0, numbers.length)).toEqual(numbers);
    // A writer that opens next clears temp files the killed process left mid-write.
    IndexStore.open(dir, { create: true, logger }).close();
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the previous index exactly as it was when a rebuild is killed', async () => {
    const store = IndexStore.open(dir, { create: true, logger, model: null });
    for (let n = 1; n <= 3; n++) store.replaceMeeting(seriesMeeting(n), `h${n}`, null);
    const before = store.stats();
    store.close();
    const files = fs.readdirSync(dir).sort();

    await runAndKill([dir, '500', '100000', '--rebuild'], 6);

    const reopened = IndexStore.open(dir, { logger });
    expect(reopened.stats()).toEqual(before);
    expect(reopened.model).toBeNull();
    reopened.close();
    // The half-built database is left beside it (cleaned at the next rebuild), never made live.
    expect(fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8')).toBe(`${files.find((name) => name.endsWith('.db'))}\n`);
  });
});
