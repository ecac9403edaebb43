import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/question/index.js';
import { corpusStatsFor } from '../../src/retrieve/corpus-stats.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { examplesDir } from '../helpers/corpus.js';
import { buildIndex, silentLogger } from '../helpers/index.js';

describe('corpus statistics', () => {
  it('are saved beside the index, reused while it is unchanged, and rebuilt when it changes', async () => {
    const { indexDir } = await buildIndex([path.join(examplesDir, 'northbridge-2023-11-07-printed.txt')], {
      embedder: null,
    });
    const file = path.join(indexDir, 'corpus-stats.json');
    const store = await SqliteStore.openReader(indexDir, { logger: silentLogger });
    try {
      const first = await corpusStatsFor(store, silentLogger);
      expect(existsSync(file)).toBe(true);
      expect(first.stamp).toBe(await store.changeStamp());
      expect(first.glossary.expand('EHCP')).toEqual(['Education Health and Care Plan']);
      // Rarer words weigh more than common ones; counts are by Porter stem, as the keyword index has them.
      expect(first.idf(stem('knife'))).toBeGreaterThan(first.idf(stem('committee')));
      expect(first.itemsWith(stem('transported'))).toBe(first.itemsWith('transport'));
      expect(first.itemsWith(stem('potholes'))).toBe(0);
      // The words as written, for reading typos: "knife" is there, its misspelling is not.
      expect(first.vocabulary.count('knife')).toBeGreaterThan(0);
      expect(first.vocabulary.count('knfie')).toBe(0);

      // Reused: a marker put into the saved file comes back.
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { glossary: Array<[string, string[]]> };
      saved.glossary.push(['XYZ', ['Example Yield Zone']]);
      writeFileSync(file, JSON.stringify(saved));
      expect((await corpusStatsFor(store, silentLogger)).glossary.expand('XYZ')).toEqual(['Example Yield Zone']);
    } finally {
      await store.close();
    }

    // A write moves the generation: the marker is gone and the new meeting's words count.
    await buildIndex([path.join(examplesDir, 'northbridge-2024-06-18-page.txt')], { indexDir, embedder: null });
    const reopened = await SqliteStore.openReader(indexDir, { logger: silentLogger });
    try {
      const fresh = await corpusStatsFor(reopened, silentLogger);
      expect(fresh.glossary.expand('XYZ')).toEqual([]);
      expect(fresh.vocabulary.count('detached')).toBeGreaterThan(0);
      expect(fresh.stamp).toBe(await reopened.changeStamp());
    } finally {
      await reopened.close();
    }
  });

  it('are rebuilt from a damaged file', async () => {
    const { indexDir } = await buildIndex([path.join(examplesDir, 'northbridge-2024-03-12-table.txt')], {
      embedder: null,
    });
    writeFileSync(path.join(indexDir, 'corpus-stats.json'), '{ truncated');
    const store = await SqliteStore.openReader(indexDir, { logger: silentLogger });
    try {
      expect((await corpusStatsFor(store, silentLogger)).idf(stem('foster'))).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(path.join(indexDir, 'corpus-stats.json'), 'utf8')).stamp).toBe(
        await store.changeStamp(),
      );
    } finally {
      await store.close();
    }
  });
});
