import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { Embedder } from '../../src/types.js';
import { buildIndex, countingEmbedder, examplesCopy, silentLogger } from '../helpers/index.js';
import { tinyEmbedder } from '../helpers/tiny-model.js';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await tinyEmbedder();
});

const stats = async (indexDir: string) => {
  const store = await SqliteStore.openReader(indexDir, { logger: silentLogger });
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
};

describe('ingest pipeline', () => {
  it('indexes every meeting, then does no embedding work for unchanged files', async () => {
    const dir = examplesCopy();
    const manifest = path.join(dir, 'meetings.json');
    const first = countingEmbedder(embedder);
    const { indexDir, summary } = await buildIndex([dir], { embedder: first, manifest });
    // 19 minute items and 5 kept lead/closing texts (title, attendance, page headers, signing-off).
    expect(summary).toMatchObject({ meetings: 3, items: 24, failed: 0, unchanged: 0 });
    expect(first.documents).toBe(summary.passages);
    expect(await stats(indexDir)).toMatchObject({
      meetings: 3,
      items: 24,
      passages: summary.passages,
      model: embedder.modelId,
    });

    const again = countingEmbedder(embedder);
    const second = await buildIndex([dir], { indexDir, embedder: again, manifest });
    expect(second.summary).toMatchObject({ meetings: 0, unchanged: 3, failed: 0 });
    expect(again.documents).toBe(0);
  });

  it('replaces exactly the changed meeting, and re-parses when its manifest entry changes', async () => {
    const dir = examplesCopy();
    const manifest = path.join(dir, 'meetings.json');
    const { indexDir, summary } = await buildIndex([dir], { embedder, manifest });
    const file = path.join(dir, 'northbridge-2024-06-18-page.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\nDate of next meeting\.[\s\S]*$/, '\n'));
    const counter = countingEmbedder(embedder);
    const changed = await buildIndex([dir], { indexDir, embedder: counter, manifest });
    expect(changed.summary).toMatchObject({ meetings: 1, unchanged: 2, items: 7 });
    expect(counter.documents).toBe(changed.summary.passages);
    expect(await stats(indexDir)).toMatchObject({ meetings: 3, items: 23, passages: summary.passages - 1 });

    const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Array<{ committee: string }>;
    entries[0] = { ...entries[0], committee: 'Children and Young People Scrutiny Committee (renamed)' } as never;
    writeFileSync(manifest, JSON.stringify(entries));
    const rehinted = await buildIndex([dir], { indexDir, embedder, manifest });
    expect(rehinted.summary).toMatchObject({ meetings: 1, unchanged: 2 });
  });

  it('records a bad file and indexes the rest', async () => {
    const dir = examplesCopy();
    writeFileSync(path.join(dir, 'broken.txt'), '');
    const { indexDir, summary } = await buildIndex([dir], { embedder, manifest: path.join(dir, 'meetings.json') });
    expect(summary.failed).toBe(1);
    expect(summary.errors[0]?.error.message).toMatch(/broken\.txt: is empty/);
    expect((await stats(indexDir)).meetings).toBe(3);
  });

  it('builds a keyword-only index when no model is available', async () => {
    const { indexDir, summary } = await buildIndex([examplesCopy()], { embedder: null });
    expect(summary.meetings).toBe(3);
    expect(await stats(indexDir)).toMatchObject({ meetings: 3, model: null });
    // Without the manifest, the undated meetings are reported, not guessed.
    expect(summary.warnings.some((w) => /no meeting date/.test(w.warning))).toBe(true);
  });
});
