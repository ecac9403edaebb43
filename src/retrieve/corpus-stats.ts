import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { Glossary, stem, tokenize, type Vocabulary } from '../question/index.js';
import type { IndexStore } from '../store/index-store.js';

/**
 * What retrieval needs to know about the whole indexed corpus: the acronyms its minutes define,
 * how many items each word stem appears in (for weighting rare words above common ones), and the
 * words themselves (for reading a typo as the word the minutes use).
 */
export interface CorpusStats {
  /** Which index and generation these were computed from (see {@link indexStamp}). */
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

/** Beside the index; a cache, rebuilt whenever it is missing, unreadable or from another generation. */
const STATS_FILE = 'corpus-stats.json';
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
 * 100k passages), so they are saved beside the index and reused until the index changes; `ingest`
 * and `sync` build them at the end, so the first question after a sync does not pay.
 */
export function corpusStatsFor(store: IndexStore, logger: Logger): CorpusStats {
  const stamp = indexStamp(store);
  const file = path.join(store.dir, STATS_FILE);
  const saved = readStatsFile(file);
  if (saved?.stamp === stamp) return fromFile(saved);

  const started = performance.now();
  const glossary = new Glossary();
  const df = new Map<string, number>();
  const words = new Map<string, number>();
  let items = 0;
  for (const item of store.allItemTexts()) {
    items++;
    const text = `${item.title}\n${item.text}`;
    glossary.learn(text);
    const tokens = new Set(tokenize(text));
    for (const word of tokens) words.set(word, (words.get(word) ?? 0) + 1);
    for (const s of new Set([...tokens].map(stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const data: StatsFile = {
    version: STATS_VERSION,
    stamp,
    items,
    df: [...df],
    words: [...words],
    glossary: [...glossary.entries].map(([acronym, forms]) => [acronym, [...forms]]),
  };
  try {
    // Temp file and rename: a reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
  } catch (error) {
    // A read-only index is still searchable; it just rebuilds these in memory each start.
    logger.debug({ err: error, file }, 'could not save corpus statistics');
  }
  logger.debug(
    { items, acronyms: glossary.size, ms: Math.round(performance.now() - started) },
    'glossary and term statistics built',
  );
  return fromFile(data);
}

/**
 * Names the index's contents: a rebuilt index restarts its generation count, so the creation time
 * tells two indexes apart and the generation tells two states of one apart.
 */
export function indexStamp(store: IndexStore): string {
  const { createdAt, generation } = store.info;
  return `${createdAt}#${generation}`;
}

function readStatsFile(file: string): StatsFile | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<StatsFile>;
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
