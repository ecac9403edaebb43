import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexBusyError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { examplesDir } from '../helpers/corpus.js';
import { type StoreKit, storeKinds } from '../helpers/stores.js';
import { seriesMeeting, vectorsOf } from './fixtures/meetings.js';

/**
 * One writer at a time (issue 16, case 1): real writer processes racing on one index. Before the
 * lock, a sync during `ingest --rebuild` was thrown away by the swap, and one of two first-time
 * ingests into a new index lost its meetings.
 */

const writerScript = fileURLToPath(new URL('./fixtures/write-series.ts', import.meta.url));

interface Writer {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves when a line matching `pattern` has been printed. */
  saw: (pattern: RegExp) => Promise<void>;
  exit: Promise<number | null>;
}

function startWriter(args: string[]): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    buffered += String(chunk);
    lines.push(...buffered.split('\n').slice(0, -1));
    buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    stderr: () => stderr,
    exit,
    saw: async (pattern) => {
      while (!lines.some((line) => pattern.test(line))) {
        const done = await Promise.race([
          new Promise<boolean>((resolve) => waiters.push(() => resolve(false))),
          exit.then(() => true),
        ]);
        if (done && !lines.some((line) => pattern.test(line)))
          throw new Error(`writer exited before printing ${pattern}: ${stderr}`);
      }
    },
  };
}

function whereOf(kit: StoreKit): string {
  return kit.target.kind === 'sqlite' ? kit.target.dir : kit.target.url;
}

async function sourcesIn(kit: StoreKit): Promise<number[]> {
  const store = await kit.writer();
  const meetings = await store.meetings();
  await store.close();
  return meetings.map((m) => Number(/series-(\d+)/.exec(m.source)?.[1])).sort((a, b) => a - b);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

for (const kind of storeKinds) {
  describe.skipIf(kind.skip)(`the ${kind.name} store's writer lock`, () => {
    let kit: StoreKit;
    const children: ChildProcess[] = [];
    beforeEach(() => {
      kit = kind.make();
    });
    afterEach(async () => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
      await kit.cleanup();
    });
    const start = (args: string[]) => {
      const w = startWriter(args);
      children.push(w.child);
      return w;
    };

    it('makes an ingest wait for a running --rebuild, so the swap keeps its writes', async () => {
      const seed = await kit.writer({ model: { id: 'test/bag-of-words', dimensions: 16 } });
      for (const n of [1, 2, 3]) await seed.replaceMeeting(seriesMeeting(n), `h${n}`, vectorsOf(seriesMeeting(n)));
      await seed.close();

      const rebuild = start([whereOf(kit), '500', '530', '--rebuild', '--hold', '4000']);
      await rebuild.saw(/^committed 500$/);
      const ingest = start([whereOf(kit), '100', '104', '--light']);
      await ingest.saw(/^waiting for .*write-series 500-530/);
      expect(await rebuild.exit).toBe(0);
      expect(await ingest.exit).toBe(0);
      // The rebuild replaced meetings 1-3; the ingest that waited for it wrote after the swap.
      expect(await sourcesIn(kit)).toEqual([...range(100, 104), ...range(500, 530)]);
    });

    it('lets two first-time ingests into a new index both land', async () => {
      for (let round = 0; round < 3; round++) {
        const first = start([whereOf(kit), `${round * 100 + 1}`, `${round * 100 + 8}`, '--light']);
        const second = start([whereOf(kit), `${round * 100 + 51}`, `${round * 100 + 58}`, '--light']);
        expect([await first.exit, await second.exit], first.stderr() + second.stderr()).toEqual([0, 0]);
      }
      const expected = [0, 1, 2].flatMap((round) => [
        ...range(round * 100 + 1, round * 100 + 8),
        ...range(round * 100 + 51, round * 100 + 58),
      ]);
      expect(await sourcesIn(kit)).toEqual(expected.sort((a, b) => a - b));
    });

    it('refuses clearly once its bounded wait is over, naming who holds the index', async () => {
      const holder = start([whereOf(kit), '1', '100000']);
      await holder.saw(/^committed 2$/);
      await expect(kit.writer({ waitMs: 300 })).rejects.toThrow(IndexBusyError);
      await expect(kit.writer({ waitMs: 300 })).rejects.toThrow(
        /is being written by .*write-series 1-100000.*gave up after waiting 0 s.*--wait <seconds>/,
      );

      const flag = kit.target.kind === 'sqlite' ? ['--index', kit.target.dir] : ['--database', kit.target.url];
      const cli = await runCli(
        ['ingest', path.join(examplesDir, 'northbridge-2023-11-07-printed.txt'), ...flag, '--wait', '1'],
        {
          env: { MINUTEBOOK_MODEL_DIR: path.join(examplesDir, 'no-models'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' },
        },
      );
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(
        /note: the index in .* is being written by .*write-series 1-100000.*; waiting up to 1 s/,
      );
      expect(cli.stderr.trim().split('\n').pop()).toMatch(
        /^minutebook: the index in .* is being written by .*gave up after waiting 1 s/,
      );
      // The holder was never disturbed: it is still writing.
      expect(holder.child.exitCode).toBeNull();
    });
  });
}
