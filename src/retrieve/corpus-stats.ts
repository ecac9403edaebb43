import type { Logger } from '../logger.js';
import { Glossary, stem, tokenize, type Vocabulary } from '../question/index.js';
import type { IndexReader } from '../store/types.js';

/**
 * What retrieval needs to know about the whole indexed corpus: the acronyms its minutes define,
 * how many items each word stem appears in (for weighting rare words above common ones), and the
 * words themselves (for reading a typo as the word the minutes use).
 */
export interface CorpusStats {
  /** Which index and generation these were computed from (the store's change stamp). */
  stamp: string;
  glossary: Glossary;
  /** Inverse document frequency of a stem. */
  idf(stem: string): number;
  /** The share of items (0 to 1) that contain a stem. */
  share(stem: string): number;
  /** How many items contain a stem. */
  itemsWith(stem: string): number;
  /** The words of the minutes (lower case, as written) and how many items use each. */
  vocabulary: Vocabulary;
}

/** Kept by the store beside the index; rebuilt whenever it is missing, unreadable or from another generation. */
const STATS_CACHE = 'corpus-stats';
const STATS_VERSION = 2;

interface StatsFile {
  version: number;
  stamp: string;
  items: number;
  df: Array<[string, number]>;
  /** Items using each word as written (lower case). */
  words: Array<[string, number]>;
  glossary: Array<[string, string[]]>;
}

/**
 * The corpus statistics for the index as it is now. Building them reads every item (seconds at
 * 100k passages), so the store keeps them beside the index and they are reused until the index
 * changes; `ingest` and `sync` build them at the end, so the first question after a sync does not
 * pay. `stamp` is the store's change stamp when the caller has just read it.
 */
export async function corpusStatsFor(store: IndexReader, logger: Logger, stamp?: string): Promise<CorpusStats> {
  const current = stamp ?? (await store.changeStamp());
  const saved = parseStats(await store.readCache(STATS_CACHE));
  if (saved?.stamp === current) return fromFile(saved);

  const started = performance.now();
  const glossary = new Glossary();
  const df = new Map<string, number>();
  const words = new Map<string, number>();
  let items = 0;
  for await (const item of store.itemTexts()) {
    items++;
    const text = `${item.title}\n${item.text}`;
    glossary.learn(text);
    const tokens = new Set(tokenize(text));
    for (const word of tokens) words.set(word, (words.get(word) ?? 0) + 1);
    for (const s of new Set([...tokens].map(stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const data: StatsFile = {
    version: STATS_VERSION,
    stamp: current,
    items,
    df: [...df],
    words: [...words],
    glossary: [...glossary.entries].map(([acronym, forms]) => [acronym, [...forms]]),
  };
  await store.writeCache(STATS_CACHE, JSON.stringify(data));
  logger.debug(
    { items, acronyms: glossary.size, ms: Math.round(performance.now() - started) },
    'glossary and term statistics built',
  );
  return fromFile(data);
}

function parseStats(raw: string | null): StatsFile | null {
  if (raw === null) return null;
  try {
    const data = JSON.parse(raw) as Partial<StatsFile>;
    const valid =
      data.version === STATS_VERSION &&
      typeof data.stamp === 'string' &&
      typeof data.items === 'number' &&
      Array.isArray(data.df) &&
      Array.isArray(data.words) &&
      Array.isArray(data.glossary);
    return valid ? (data as StatsFile) : null;
  } catch {
    return null;
  }
}

function fromFile(data: StatsFile): CorpusStats {
  const df = new Map(data.df);
  const words = new Map(data.words);
  const glossary = new Glossary();
  for (const [acronym, forms] of data.glossary) glossary.entries.set(acronym, new Set(forms));
  const itemsWith = (stem: string) => df.get(stem) ?? 0;
  return {
    stamp: data.stamp,
    glossary,
    idf: (stem) => Math.log(1 + (data.items + 1) / (itemsWith(stem) + 0.5)),
    share: (stem) => (data.items ? itemsWith(stem) / data.items : 0),
    itemsWith,
    vocabulary: { count: (word) => words.get(word) ?? 0, words: () => words.keys() },
  };
}
