import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../src/retrieve/retriever.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { IndexReader } from '../../src/store/types.js';
import { buildIndex, silentLogger, tempDir } from '../helpers/index.js';
import { tinyEmbedder } from '../helpers/tiny-model.js';

/**
 * Made-up minutes in the printed layout: "road", "safety" and "works" are in most items, so the
 * long form "Road Safety Works" (RSW) is made of common words only; "Quillon Marsh Fund" (QMF) has
 * a word only one item uses.
 */
const MINUTES = `Minutes of a meeting of the Highways and Environment Committee held at the
Civic Hall, Farrowby on Tuesday, 4 March 2025.
PRESENT
Councillor T. Brennick (in the Chair)
Councillor L. Ossory

11.

Road Safety Works Programme.
The Committee received a report on the Road Safety Works (RSW) programme for 2025/26. Members noted
that road safety works near six schools would start in April.

12.

Winter Road Maintenance.
Officers reported that gritting had kept the main road network open; safety checks on footways
and repair works would follow in the spring.

13.

Town Centre Road Closures.
Members asked about road closures for the market; officers said safety barriers and works to the
kerbs would be finished before the summer.

14.

Quillon Marsh Fund Bid.
The Committee agreed to bid to the Quillon Marsh Fund (QMF) for wetland planting beside the old quarry.
Members asked about safety fencing on the road along the marsh and the timing of the works.

15.

Street Lighting.
Officers reported that 300 lanterns had been replaced with LED units, cutting energy costs.

16.

Knife Crime in the Town Centre.
The Community Safety Officer reported eleven knife offences since October and a new amnesty bin.
`;

/** The queries the retriever sent to the store's keyword half, recorded on their way to the real store. */
function recordingKeywordQueries(store: IndexReader): { store: IndexReader; queries: string[] } {
  const queries: string[] = [];
  const recording = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'keywordSearch' || typeof value !== 'function') return value;
      return (query: string, ...rest: unknown[]) => {
        queries.push(query);
        return value.call(target, query, ...rest);
      };
    },
  });
  return { store: recording, queries };
}

let indexDir: string;
const open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  const dir = tempDir('minutebook-keyword-query-');
  const file = path.join(dir, 'farrowby-2025-03-04.txt');
  writeFileSync(file, MINUTES);
  ({ indexDir } = await buildIndex([file], { embedder: await tinyEmbedder() }));
});
afterAll(async () => {
  for (const thing of open) await thing.close();
});

async function retrieverOver(keywordOnly: boolean): Promise<{ retriever: HybridRetriever; queries: string[] }> {
  const real = await SqliteStore.openReader(indexDir, { logger: silentLogger });
  open.push(real);
  const { store, queries } = recordingKeywordQueries(real);
  const embedder = keywordOnly ? null : await tinyEmbedder();
  return { retriever: new HybridRetriever({ store, embedder, logger: silentLogger }), queries };
}

describe('what the keyword half is asked for', () => {
  it('leaves an acronym long form of common words only to the vector half, and still sends one with a rare word', async () => {
    const { retriever, queries } = await retrieverOver(false);
    expect((await retriever.glossary()).expand('RSW')).toEqual(['Road Safety Works']);

    const common = await retriever.search('what was said about the RSW programme?');
    expect(queries.at(-1)).not.toMatch(/road safety works/i);
    // Scoring still counts the long form: the item that defines it is found.
    expect(common.hits.map((h) => h.minute)).toContain('11');

    const rare = await retriever.search('what was said about the QMF bid?');
    expect(queries.at(-1)).toMatch(/"Quillon Marsh Fund"/);
    expect(rare.hits[0]?.minute).toBe('14');
  });

  it('keeps the common long form when there is no vector half to find it', async () => {
    const { retriever, queries } = await retrieverOver(true);
    const { hits } = await retriever.search('what was said about the RSW programme?');
    expect(queries.at(-1)).toMatch(/"Road Safety Works"/);
    expect(hits[0]?.minute).toBe('11');
  });

  it('asks for the singular of a plural the stemmer keeps apart from it ("knives": "knife")', async () => {
    const { retriever, queries } = await retrieverOver(true);
    const { hits } = await retriever.search('what has been said about young people carrying knives?');
    expect(queries.at(-1)).toMatch(/\bknife\b/);
    expect(hits[0]?.minute).toBe('16');
  });
});
