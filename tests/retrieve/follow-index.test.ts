import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/pipeline.js';
import { HybridRetriever } from '../../src/retrieve/retriever.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { examplesDir } from '../helpers/corpus.js';
import { buildIndex, silentLogger } from '../helpers/index.js';

describe('a long-running retriever (the Slack bot)', () => {
  it('sees meetings added by a later ingest, and moves to an index swapped in by --rebuild', async () => {
    const first = path.join(examplesDir, 'northbridge-2023-11-07-printed.txt');
    const { indexDir } = await buildIndex([first], { embedder: null });
    const retriever = new HybridRetriever({
      store: await SqliteStore.openReader(indexDir, { logger: silentLogger }),
      embedder: null,
      logger: silentLogger,
      ownsStore: true,
      reopen: () => SqliteStore.openReader(indexDir, { logger: silentLogger }),
    });
    try {
      expect((await retriever.search('youth service review detached')).scope.meetings).toBe(1);

      // A nightly sync adds a meeting to the same index while the bot runs.
      await buildIndex([path.join(examplesDir, 'northbridge-2024-06-18-page.txt')], { indexDir, embedder: null });
      const added = await retriever.search('detached youth work team');
      expect(added.scope.meetings).toBe(2);
      expect(added.hits[0]?.title).toBe('Youth Service Review');
      // The glossary is rebuilt for the new generation too.
      expect((await retriever.glossary()).defines('EHCP')).toBe(true);

      // A rebuild with one meeting replaces the whole index.
      const store = await SqliteStore.openWriter(indexDir, {
        purpose: 'test',
        wait: { waitMs: 10_000 },
        rebuild: true,
        model: null,
        logger: silentLogger,
      });
      await ingestFiles([path.join(examplesDir, 'northbridge-2024-03-12-table.txt')], { store, embedder: null });
      await store.close();
      const rebuilt = await retriever.search('foster carer recruitment');
      expect(rebuilt.scope.meetings).toBe(1);
      expect(rebuilt.hits[0]?.title).toBe('Foster Carer Recruitment');
    } finally {
      await retriever.close();
    }
  });
});
