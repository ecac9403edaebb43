import { BadInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type {
  Embedder,
  IndexReader,
  IndexStats,
  Retriever,
  SearchFilters,
  SearchHit,
  SearchResult,
  StoredPassage,
} from '../types.js';
import { type CorpusStats, corpusStatsFor } from './corpus-stats.js';
import type { Glossary } from './glossary.js';
import { readQuestionDates, withinDates } from './question-dates.js';
import { contentStems, contentWords, hasStem, stem, tokenize } from './terms.js';

/** Passages fetched from each half before fusion; items are built from their union. */
const CANDIDATES_PER_HALF = 80;
/** Weight of meaning (cosine similarity) against term coverage in a passage's score. */
const VECTOR_WEIGHT = 0.55;
/** Housekeeping items ("Urgent items: none") rank below substance unless nothing else matches. */
const PROCEDURAL_FACTOR = 0.6;
/**
 * A question naming something no indexed item mentions ("library closures" in minutes that never
 * say "library") is about something the minutes do not cover, however close the rest of it is.
 */
const UNKNOWN_SUBJECT_FACTOR = 0.6;
/** Items from a period the question mentions ("in 2020") rank this much higher. */
const PREFERRED_PERIOD_FACTOR = 1.3;
/** For "what has been said about…" questions, each further item of the same meeting counts less. */
const SAME_MEETING_FACTOR = 0.85;
/** Words in more than this share of items are too common to search by keyword. */
const COMMON_WORD_SHARE = 0.25;
/** Evidence passages kept per item. */
const EVIDENCE_PER_ITEM = 3;

/** Questions that ask for a history across meetings rather than one fact. */
export const HISTORY_QUESTION =
  /\b(?:what (?:was|has been|have been|were|is being) (?:said|discussed|raised|reported)|what has the \w+ (?:heard|discussed|been told)|over the years|over time|history of|when did we (?:last|first)|how (?:often|many times)|(?:first|last) (?:discussed|raised|mentioned))\b/i;

/** One concept of a question: a word, with acronym expansions as alternatives. */
interface Concept {
  /** The word as the question has it. */
  word: string;
  stems: string[];
  /** Multi-word alternatives that must appear as phrases ("education health and care plan"). */
  phrases: string[];
  weight: number;
}

export interface HybridRetrieverOptions {
  store: IndexReader;
  /** Null: keyword half only (no model available); the scope says so. */
  embedder: Embedder | null;
  logger: Logger;
  /** Today, for "last year"; injectable for tests. */
  today?: () => Date;
  /** Whether `close()` closes the store (the retriever opened it). */
  ownsStore?: boolean;
  /**
   * Opens the index afresh. Given, a long-running retriever (the Slack bot) moves to the new index
   * when `ingest --rebuild` swaps one in, instead of serving the old one until restarted.
   */
  reopen?: () => Promise<IndexReader>;
  /** Both halves (default), or one alone, for measuring what each contributes. */
  mode?: RetrievalMode;
}

export type RetrievalMode = 'hybrid' | 'keyword' | 'vector';

/**
 * Finds the minute items that answer a question: BM25 keyword search and vector search each
 * propose passages; each passage is scored by its meaning (cosine similarity) and by how much of
 * the question's subject it covers (words weighted by rarity, acronyms counted as their long forms
 * and back); passages are grouped into their items, housekeeping items are ranked down, and
 * history questions are spread across meetings. Scores are absolute, in [0, 1], so one threshold
 * can tell "not in the minutes".
 */
export class HybridRetriever implements Retriever {
  #store: IndexReader;
  readonly #reopen: (() => Promise<IndexReader>) | undefined;
  readonly #embedder: Embedder | null;
  readonly #logger: Logger;
  readonly #today: () => Date;
  readonly #ownsStore: boolean;
  readonly #mode: RetrievalMode;
  #corpus: CorpusStats | null = null;

  constructor(options: HybridRetrieverOptions) {
    this.#store = options.store;
    this.#embedder = options.embedder;
    this.#logger = options.logger;
    this.#today = options.today ?? (() => new Date());
    this.#ownsStore = options.ownsStore ?? false;
    this.#mode = options.mode ?? 'hybrid';
    this.#reopen = options.reopen;
    if (this.#mode === 'vector' && !options.embedder) {
      throw new BadInputError(
        'vector-only retrieval needs the embedding model: fetch it with `npx minutebook model fetch`',
      );
    }
  }

  /** The same index and model, searched another way. */
  withMode(mode: RetrievalMode): HybridRetriever {
    return new HybridRetriever({
      store: this.#store,
      embedder: this.#embedder,
      logger: this.#logger,
      today: this.#today,
      mode,
    });
  }

  /** Closes the index if this retriever opened it. */
  async close(): Promise<void> {
    if (this.#ownsStore) await this.#store.close();
  }

  /** The acronyms learned from the indexed minutes (built on first use). */
  async glossary(): Promise<Glossary> {
    return (await this.#corpusStats()).glossary;
  }

  get keywordOnly(): boolean {
    return this.#embedder === null;
  }

  stats(): Promise<IndexStats> {
    return this.#store.stats();
  }

  async search(
    question: string,
    options: { filters?: SearchFilters; k?: number; signal?: AbortSignal } = {},
  ): Promise<SearchResult> {
    const text = question.trim();
    if (!text)
      throw new BadInputError('the question is empty: ask something, e.g. "what was said about school transport?"');
    const k = options.k ?? 5;
    if (!Number.isInteger(k) || k < 1) throw new BadInputError(`k must be a whole number of at least 1 (got ${k})`);

    await this.#followRebuild();
    const dates = readQuestionDates(text, this.#today());
    const explicit = options.filters ?? {};
    const fromQuestion = !explicit.after && !explicit.before && Object.keys(dates.filters).length > 0;
    const filters: SearchFilters = fromQuestion ? { ...explicit, ...dates.filters } : explicit;

    // Once per question: checking that they are current costs a query of the index.
    const corpus = await this.#corpusStats();
    const concepts = questionConcepts(text, corpus);
    const useKeywords = this.#mode !== 'vector';
    const embedder = this.#mode === 'keyword' ? null : this.#embedder;
    const keywordQuery = keywordQueryFor(text, concepts, corpus, embedder === null);
    const keyword =
      useKeywords && keywordQuery
        ? await this.#store.keywordSearch(keywordQuery, { filters, limit: CANDIDATES_PER_HALF })
        : [];
    const cosine = new Map<number, number>();
    if (embedder) {
      const vector = await embedder.embedQuery(text);
      options.signal?.throwIfAborted();
      for (const hit of await this.#store.vectorSearch(vector, { filters, limit: CANDIDATES_PER_HALF })) {
        cosine.set(hit.passageId, hit.score);
      }
    }
    const ids = [...new Set([...keyword.map((h) => h.passageId), ...cosine.keys()])];
    const passages = await this.#store.passages(ids);
    // Passages the vector half did not return are at most as similar as the least it did return.
    const cosineFloor = cosine.size ? Math.min(...cosine.values()) : 0;

    // Which of the question's concepts each passage covers; an item covers what any of its passages does.
    const items = new Map<number, { passages: StoredPassage[]; present: boolean[][]; covered: boolean[] }>();
    for (const passage of passages) {
      const present = presentConcepts(concepts, `${passage.item.title} ${passage.text}`);
      const entry = items.get(passage.item.id) ?? { passages: [], present: [], covered: concepts.map(() => false) };
      entry.passages.push(passage);
      entry.present.push(present);
      present.forEach((found, c) => {
        if (found) entry.covered[c] = true;
      });
      items.set(passage.item.id, entry);
    }
    const scoreOf = (entry: { passages: StoredPassage[]; present: boolean[][]; covered: boolean[] }, i: number) => {
      const passage = entry.passages[i] as StoredPassage;
      const covered =
        0.5 * weightedShare(concepts, entry.present[i] ?? []) + 0.5 * weightedShare(concepts, entry.covered);
      const similarity = Math.max(0, cosine.get(passage.passageId) ?? cosineFloor);
      if (!embedder) return covered;
      return useKeywords ? VECTOR_WEIGHT * similarity + (1 - VECTOR_WEIGHT) * covered : similarity;
    };

    const history = HISTORY_QUESTION.test(text);
    const questionStems = new Set(contentStems(text));
    const namesUnknown = concepts.some(
      (c) => isSubject(c.word) && !c.phrases.length && c.stems.every((s) => corpus.share(s) === 0),
    );
    const ranked = [...items.values()]
      .map((entry) => {
        const order = entry.passages.map((_, i) => [scoreOf(entry, i), i] as const).sort((a, b) => b[0] - a[0]);
        const best = entry.passages[order[0]?.[1] ?? 0] as StoredPassage;
        let score = order[0]?.[0] ?? 0;
        // Housekeeping ranks down, unless the question is about that very item ("who was appointed Chairman").
        if (best.item.procedural && !asksAbout(questionStems, best.item.title)) score *= PROCEDURAL_FACTOR;
        if (namesUnknown) score *= UNKNOWN_SUBJECT_FACTOR;
        if (dates.prefer && withinDates(best.meeting.date, dates.prefer))
          score = Math.min(1, score * PREFERRED_PERIOD_FACTOR);
        const evidence = order.slice(0, EVIDENCE_PER_ITEM).map(([s, i]) => {
          const p = entry.passages[i] as StoredPassage;
          return { passageId: p.passageId, text: p.text, points: p.points, score: round(s) };
        });
        return toHit(best, score, evidence);
      })
      .sort((a, b) => b.score - a.score);

    const hits = (history ? spreadAcrossMeetings(ranked) : ranked).slice(0, k);
    const scope = await this.#store.meetingsInScope(filters);
    return {
      hits,
      scope: { ...scope, filters, filtersFromQuestion: fromQuestion, keywordOnly: embedder === null },
    };
  }

  /** Moves to the index a rebuild swapped in, if one did (and this retriever can reopen). */
  async #followRebuild(): Promise<void> {
    if (!this.#reopen || !(await this.#store.isSuperseded())) return;
    const next = await this.#reopen();
    if (this.#ownsStore) await this.#store.close();
    this.#store = next;
    this.#corpus = null;
    this.#logger.info('index was rebuilt: now searching the new one');
  }

  /** Glossary and document frequencies of the indexed items (see corpus-stats.ts). */
  async #corpusStats(): Promise<CorpusStats> {
    // Fresh whenever the index has been written since (a nightly sync under a running bot).
    const stamp = await this.#store.changeStamp();
    if (this.#corpus?.stamp !== stamp) {
      this.#corpus = await corpusStatsFor(this.#store, this.#logger, stamp);
    }
    return this.#corpus;
  }
}

/** The question's concepts: content words weighted by rarity, with acronym long forms and back. */
function questionConcepts(question: string, corpus: CorpusStats): Concept[] {
  const { glossary, idf } = corpus;
  const concepts: Concept[] = [];
  const words = tokenize(question);
  for (const s of contentStems(question)) {
    const original = words.find((w) => w.startsWith(s)) ?? s;
    const phrases = glossary.expand(original).map((form) => tokenize(form).join(' '));
    concepts.push({ word: original, stems: [s], phrases, weight: idf(s) });
  }
  for (const acronym of glossary.acronymsIn(question)) {
    const word = acronym.toLowerCase();
    concepts.push({ word, stems: [word], phrases: [], weight: idf(word) });
  }
  return concepts;
}

/**
 * The words worth a keyword search: BM25 over a word found in most items ranks nearly the whole
 * index and tells little, so such words are left to scoring and the vector half. With no vector
 * half, the two rarest words are kept whatever their frequency. Acronym long forms go in as phrases.
 */
function keywordQueryFor(text: string, concepts: Concept[], corpus: CorpusStats, keywordOnly: boolean): string {
  const { share } = corpus;
  const words = contentWords(text).map((word) => ({ word, share: share(stem(word)) }));
  let chosen = words.filter((w) => w.share <= COMMON_WORD_SHARE);
  if (chosen.length === 0 && keywordOnly) chosen = [...words].sort((a, b) => a.share - b.share).slice(0, 2);
  const quoted = [...text.matchAll(/"([^"]+)"/g)].map((m) => `"${m[1]}"`);
  const phrases = concepts.flatMap((c) => c.phrases.map((p) => `"${p}"`));
  return [...quoted, ...chosen.map((w) => w.word), ...phrases].join(' ');
}

/** Which concepts a text has (by stem, or an acronym's long form as a phrase). */
function presentConcepts(concepts: Concept[], text: string): boolean[] {
  const tokens = tokenize(text);
  const stems = new Set(tokens.map(stem));
  let flat: string | null = null;
  return concepts.map(
    (concept) =>
      concept.stems.some((s) => hasStem(stems, s)) ||
      concept.phrases.some((p) => {
        flat ??= ` ${tokens.join(' ')} `;
        return flat.includes(` ${p} `);
      }),
  );
}

/** The rarity-weighted share of the concepts that are present. */
function weightedShare(concepts: Concept[], present: boolean[]): number {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  return concepts.reduce((sum, c, i) => sum + (present[i] ? c.weight : 0), 0) / total;
}

/**
 * Whether a question word can name what the question is about. Verb and adverb forms ("worried",
 * "closing", "recently") are how a question is put, and minutes often say it another way
 * ("concern was raised"); nouns ("library", "bypass") are what it is about.
 */
function isSubject(word: string): boolean {
  return word.length >= 3 && /^\p{L}+$/u.test(word) && !/(?:ed|ing|ly)$/.test(word);
}

/** Whether the question names most of an item's title ("appointed Chairman" / "Appointment of Chairman"). */
function asksAbout(questionStems: ReadonlySet<string>, title: string): boolean {
  const titleStems = contentStems(title);
  if (titleStems.length === 0) return false;
  const named = titleStems.filter((t) =>
    [...questionStems].some((q) => q.startsWith(t.slice(0, 5)) || t.startsWith(q.slice(0, 5))),
  );
  return named.length / titleStems.length >= 0.5;
}

/** Re-ranks so that a meeting's second and later items give way to other meetings' best ones. */
function spreadAcrossMeetings(hits: SearchHit[]): SearchHit[] {
  const seen = new Map<string, number>();
  return hits
    .map((hit) => {
      const key = `${hit.committee}|${hit.date}`;
      const before = seen.get(key) ?? 0;
      seen.set(key, before + 1);
      return { hit, adjusted: hit.score * SAME_MEETING_FACTOR ** before };
    })
    .sort((a, b) => b.adjusted - a.adjusted)
    .map(({ hit }) => hit);
}

function toHit(best: StoredPassage, score: number, evidence: SearchHit['evidence']): SearchHit {
  return {
    score: round(score),
    council: best.meeting.council,
    committee: best.meeting.committee,
    date: best.meeting.date,
    minute: best.item.minute,
    minuteNumber: best.item.minuteNumber,
    title: best.item.title,
    points: evidence[0]?.points ?? [],
    text: best.item.text,
    url: best.item.url ?? best.meeting.url,
    procedural: best.item.procedural,
    evidence,
  };
}

const round = (n: number) => Math.round(n * 10000) / 10000;
