import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadManifest } from '../../ingest/manifest.js';
import { type IngestSummary, ingestFiles } from '../../ingest/pipeline.js';
import { HybridRetriever } from '../../src/retrieve/retriever.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { Embedder } from '../../src/types.js';
import { examplesDir } from './corpus.js';

/** A logger that drops everything: tests that assert on logs build their own destination. */
export const silentLogger = pino({ level: 'silent' });

/** A fresh temp folder. */
export function tempDir(prefix = 'minutebook-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A private copy of examples/ that a test may change. */
export function examplesCopy(): string {
  const dir = tempDir('minutebook-examples-');
  cpSync(examplesDir, dir, { recursive: true });
  return dir;
}

/** Ingests minutes into a real index on disk, the way `minutebook ingest` does. */
export async function buildIndex(
  inputs: string[],
  options: { indexDir?: string; embedder: Embedder | null; manifest?: string },
): Promise<{ indexDir: string; summary: IngestSummary }> {
  const indexDir = options.indexDir ?? tempDir('minutebook-index-');
  const model = options.embedder ? { id: options.embedder.modelId, dimensions: options.embedder.dimensions } : null;
  const store = await SqliteStore.openWriter(indexDir, {
    purpose: 'test',
    wait: { waitMs: 10_000 },
    model,
    logger: silentLogger,
  });
  try {
    const manifest = options.manifest ? loadManifest(options.manifest) : undefined;
    const summary = await ingestFiles(inputs, { store, embedder: options.embedder, ...(manifest ? { manifest } : {}) });
    return { indexDir, summary };
  } finally {
    await store.close();
  }
}

/** Opens a retriever over an index folder, as the CLI does (the caller closes it). */
export function openTestRetriever(indexDir: string, embedder: Embedder | null, today?: Date): HybridRetriever {
  const store = SqliteStore.openReaderSync(indexDir, { logger: silentLogger });
  return new HybridRetriever({
    store,
    embedder,
    logger: silentLogger,
    ownsStore: true,
    ...(today ? { today: () => today } : {}),
  });
}

/** Counts the texts an embedder is asked to embed, passing the work through to the real one. */
export function countingEmbedder(inner: Embedder): Embedder & { documents: number } {
  const counter = {
    documents: 0,
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embedDocuments(texts: string[]) {
      counter.documents += texts.length;
      return inner.embedDocuments(texts);
    },
    embedQuery: (text: string) => inner.embedQuery(text),
  };
  return counter;
}
