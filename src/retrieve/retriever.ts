import { onReferenceScale, profileFor } from '../embed/models.js';
import { BadInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  councilAskedOf,
  docTerms,
  type Glossary,
  isStopword,
  type KnownNames,
  mentions,
  namesOfCouncil,
  type Question,
  readQuestion,
  stem,
  tokenize,
  topicBesideCouncilNames,
  withinDates,
} from '../question/index.js';
import type { IndexReader, ScopeSummary, StoredPassage } from '../store/types.js';
import type {
  Embedder,
  IndexStats,
  RecordedMeeting,
  RecordReadOptions,
  RetrieveOptions,
  Retriever,
  SearchFilters,
  SearchHit,
  SearchResult,
} from '../types.js';
import { type CorpusStats, corpusStatsFor } from './corpus-stats.js';
import { WordsSaidOtherwise } from './words-said-otherwise.js';

/** Passages fetched from each half before fusion; items are built from their union. */
const CANDIDATES_PER_HALF = 80;
/** Weight of meaning (cosine similarity) against term coverage in a passage's score. */
const VECTOR_WEIGHT = 0.55;
/**
 * Housekeeping items ("Urgent items: none") rank below substance unless nothing else matches, or
 * the question asks for housekeeping (src/question/intent.ts, `asksForProcedure`).
 */
const PROCEDURAL_FACTOR = 0.6;
/** Items from a period, committee or council the question names ("in 2020") rank this much higher. */
const PREFERRED_SCOPE_FACTOR = 1.3;
/**
 * A day the question names ("the meeting after 18/6/25", "on 2 June 2020") is one meeting's: its
 * items rank higher still, above the same wording in other meetings ("date of next meeting").
 */
const PREFERRED_DAY_FACTOR = 1.6;
/** For "what has been said about…" questions, each further item of the same meeting counts less. */
const SAME_MEETING_FACTOR = 0.85;
/** Words in more than this share of items are too common to search by keyword. */
const COMMON_WORD_SHARE = 0.25;
/** Evidence passages kept per item. */
const EVIDENCE_PER_ITEM = 3;

/**
 * Best-hit score below which the minutes are taken not to cover a question, on this retriever's
 * scale (cosine similarity blended with rarity-weighted topic coverage; coverage alone when
 * keyword-only). The "not in the minutes" decision (src/answer/answerability.ts) applies it; it
 * lives here because it moves whenever the score above does. Calibrated with bench/answer-eval.ts
 * on the labelled questions' development part.
 */
export const NOT_COVERED_BELOW = 0.35;

/**
 * A question naming a word the minutes never use ("library" in minutes without libraries) is taken
 * to be about something they don't cover unless its best item scores at least this: so high that
 * the word must be another way of saying what the item does say ("how do BAME groups fare").
 */
export const UNKNOWN_WORD_BELOW = 0.55;

/**
 * A found item this close to the question in meaning alone (a hit's `similarity`) answers it even
 * when the question's words are not the minutes' ("the spring tidy up" for a litter pick, "the
 * boss" for the chair): people ask in their own words. The blended score cannot tell that, being
 * low exactly when words are missing. Calibrated with bench/answer-eval.ts on the tuning splits:
 * in 430 wordings of questions the minutes do not cover, the best item reached 0.555 at most.
 */
export const MEANING_MATCH_AT = 0.58;

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
 * Finds the minute items that answer a question. The question is read once (src/question: filler
 * out, shorthand and typos resolved, dates and names read); BM25 keyword search and vector search
 * each propose passages; each passage is scored by its meaning (cosine similarity) and by how much
 * of the question's topic it covers (words weighted by rarity, acronyms counted as their long forms
 * and back); passages are grouped into their items, housekeeping items are ranked down, and
 * history questions are spread across meetings. Scores are absolute, in [0, 1]: the answer's
 * "not in the minutes" decision (src/answer/answerability.ts) thresholds them.
 */
export class HybridRetriever implements Retriever {
  #store: IndexReader;
  readonly #reopen: (() => Promise<IndexReader>) | undefined;
  readonly #embedder: Embedder | null;
  readonly #wordsSaidOtherwise: WordsSaidOtherwise | null;
  readonly #logger: Logger;
  readonly #today: () => Date;
  readonly #ownsStore: boolean;
  readonly #mode: RetrievalMode;
  #corpus: CorpusStats | null = null;
  #names: KnownNames | null = null;

  constructor(options: HybridRetrieverOptions) {
    this.#store = options.store;
    this.#embedder = options.embedder;
    this.#wordsSaidOtherwise = options.embedder ? new WordsSaidOtherwise(options.embedder) : null;
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

  /** The meetings within `filters` with their records, from the index as it now stands. */
  async records(filters: SearchFilters = {}, options: RecordReadOptions = {}): Promise<RecordedMeeting[]> {
    await this.#followRebuild();
    return this.#store.recordedMeetings(filters, options);
  }

  /** What `filters` cover (meetings, dates, committees), without searching: for describing the index. */
  scope(filters?: SearchFilters): Promise<ScopeSummary> {
    return this.#store.meetingsInScope(filters);
  }

  async search(question: string, options: RetrieveOptions = {}): Promise<SearchResult> {
    if (!question.trim())
      throw new BadInputError('the question is empty: ask something, e.g. "what was said about school transport?"');
    const k = options.k ?? 5;
    if (!Number.isInteger(k) || k < 1) throw new BadInputError(`k must be a whole number of at least 1 (got ${k})`);

    await this.#followRebuild();
    // Once per question: checking that they are current costs a query of the index.
    const corpus = await this.#corpusStats();
    let read = readQuestion(question, {
      glossary: corpus.glossary,
      vocabulary: corpus.vocabulary,
      itemsWith: corpus.itemsWith,
      rarity: corpus.idf,
      names: this.#names ?? { committees: [], councils: [] },
      today: this.#today(),
    });
    const explicit = options.filters ?? {};
    // Without a default council a named council only ranks its items higher (preferenceFor); with one,
    // every question is asked of one council: the named one, else the default.
    const council = options.defaultCouncil
      ? councilAskedOf(explicit.council, read.scope.councils, options.defaultCouncil)
      : explicit.council;
    const namedAlone = council === undefined ? councilNamedAlone(read) : null;
    if (namedAlone?.inFull) {
      return this.search(question, { ...options, filters: { ...explicit, council: namedAlone.council } });
    }
    const scoped: SearchFilters = council ? { ...explicit, council } : explicit;
    const councilByDefault = !explicit.council && council !== undefined && council === options.defaultCouncil;
    const fromQuestion = !explicit.after && !explicit.before && Object.keys(read.dates.filters).length > 0;
    const filters: SearchFilters = fromQuestion ? { ...scoped, ...read.dates.filters } : scoped;

    const weights = coverageWeights(read, filters.council);
    const useKeywords = this.#mode !== 'vector';
    const embedder = this.#mode === 'keyword' ? null : this.#embedder;
    const keywordQuery = keywordQueryFor(read, corpus, embedder === null);
    // The halves are independent: run at once, a search takes the longer of them, not their sum.
    const [keyword, cosine] = await Promise.all([
      useKeywords && keywordQuery
        ? this.#store.keywordSearch(keywordQuery, { filters, limit: CANDIDATES_PER_HALF })
        : Promise.resolve([]),
      this.#similarities(embedder, withoutCouncilSearched(read, filters.council), filters, options.signal),
    ]);
    const ids = [...new Set([...keyword.map((h) => h.passageId), ...cosine.keys()])];
    const passages = await this.#store.passages(ids);
    // A council named by a place no other council's passages found here name is the council asked of.
    if (namedAlone && !placeNamedElsewhere(namedAlone, passages)) {
      return this.search(question, { ...options, filters: { ...explicit, council: namedAlone.council } });
    }
    // Passages the vector half did not return are at most as similar as the least it did return.
    const cosineFloor = cosine.size ? Math.min(...cosine.values()) : 0;
    // A word the minutes never use may be the asker's for one the closest passages do use.
    if (this.#wordsSaidOtherwise && cosine.size > 0) {
      const closest = passages
        .filter((p) => cosine.has(p.passageId))
        .map((p) => ({ text: p.text, title: p.item.title, cosine: cosine.get(p.passageId) ?? 0 }));
      read = { ...read, concepts: await this.#wordsSaidOtherwise.read(read.concepts, closest) };
      options.signal?.throwIfAborted();
    }
    const { concepts } = read;

    // Which of the question's concepts each passage covers; an item covers what any of its passages does.
    const items = new Map<number, ItemEntry>();
    for (const passage of passages) {
      const doc = docTerms(`${passage.item.title} ${passage.text}`);
      const present = concepts.map((concept) => mentions(doc, concept));
      const entry = items.get(passage.item.id) ?? { passages: [], present: [], covered: concepts.map(() => false) };
      entry.passages.push(passage);
      entry.present.push(present);
      present.forEach((found, c) => {
        if (found) entry.covered[c] = true;
      });
      items.set(passage.item.id, entry);
    }
    const cosineOf = (passage: StoredPassage) => Math.max(0, cosine.get(passage.passageId) ?? cosineFloor);
    const scoreOf = (entry: ItemEntry, i: number) => {
      const covered =
        0.5 * weightedShare(weights, entry.present[i] ?? []) + 0.5 * weightedShare(weights, entry.covered);
      const similarity = cosineOf(entry.passages[i] as StoredPassage);
      if (!embedder) return covered;
      return useKeywords ? VECTOR_WEIGHT * similarity + (1 - VECTOR_WEIGHT) * covered : similarity;
    };

    const ranked = [...items.values()]
      .map((entry) => {
        const order = entry.passages.map((_, i) => [scoreOf(entry, i), i] as const).sort((a, b) => b[0] - a[0]);
        const best = entry.passages[order[0]?.[1] ?? 0] as StoredPassage;
        let score = order[0]?.[0] ?? 0;
        // Housekeeping ranks down, unless the question asks for housekeeping ("who sent apologies?")
        // or is about that very item ("who was appointed Chairman").
        // A title read from the text's first words (a preamble's "WILLOWBECK PARISH COUNCIL Minutes of
        // the meeting…") says what the item is not, however many of the question's words it has.
        const titled = !best.item.titleDerived && (best.item.kind ?? 'item') === 'item';
        if (best.item.procedural && !read.procedural && !(titled && asksAbout(read, best.item.title))) {
          score *= PROCEDURAL_FACTOR;
        }
        // Ranked by the preferred score uncapped, so two items at the top of the scale keep their order.
        const rank = score * preferenceFor(read, best);
        const evidence = order.slice(0, EVIDENCE_PER_ITEM).map(([s, i]) => {
          const p = entry.passages[i] as StoredPassage;
          return { passageId: p.passageId, text: p.text, points: p.points, score: round(s) };
        });
        const hit = toHit(best, Math.min(1, rank), evidence);
        if (embedder) hit.similarity = round(Math.max(...entry.passages.map((p) => cosineOf(p))));
        return { hit, rank };
      })
      .sort((a, b) => b.rank - a.rank)
      .map(({ hit }) => hit);

    const hits = (read.history ? spreadAcrossMeetings(ranked) : ranked).slice(0, k);
    const scope = await this.#store.meetingsInScope(filters);
    return {
      hits,
      scope: {
        ...scope,
        filters,
        filtersFromQuestion: fromQuestion,
        keywordOnly: embedder === null,
        ...(councilByDefault ? { councilByDefault } : {}),
      },
      question: read,
    };
  }

  /** Cosine similarity of the passages nearest `text` in meaning, on the reference model's scale; none without a model. */
  async #similarities(
    embedder: Embedder | null,
    text: string,
    filters: SearchFilters,
    signal: AbortSignal | undefined,
  ): Promise<Map<number, number>> {
    const cosine = new Map<number, number>();
    if (!embedder) return cosine;
    const vector = await embedder.embedQuery(text);
    signal?.throwIfAborted();
    // Thresholds below are on one model's scale; other models' cosines are mapped onto it.
    const calibration = profileFor(embedder.modelId).profile.similarity;
    for (const hit of await this.#store.vectorSearch(vector, { filters, limit: CANDIDATES_PER_HALF })) {
      cosine.set(hit.passageId, onReferenceScale(calibration, hit.score));
    }
    return cosine;
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

  /** Glossary, words and document frequencies of the indexed items (see corpus-stats.ts). */
  async #corpusStats(): Promise<CorpusStats> {
    // Fresh whenever the index has been written since (a nightly sync under a running bot).
    const stamp = await this.#store.changeStamp();
    if (this.#corpus?.stamp !== stamp) {
      this.#corpus = await corpusStatsFor(this.#store, this.#logger, stamp);
      // The committees and councils change only when the index does: read them with the statistics.
      const stats = await this.#store.stats();
      this.#names = { committees: stats.committees, councils: stats.councils };
    }
    return this.#corpus;
  }
}

interface ItemEntry {
  passages: StoredPassage[];
  present: boolean[][];
  covered: boolean[];
}

/**
 * The words worth a keyword search: BM25 over a word found in most items ranks nearly the whole
 * index and tells little, so such words are left to scoring and the vector half. With no vector
 * half, the two rarest words are kept whatever their frequency. Acronym long forms go in as phrases,
 * and so do "quoted phrases" of the question, the minutes' spelling of a word that may be a slip,
 * the one word the minutes make of two the question splits ("noticeboard"), and the other words
 * the minutes may write for a chosen word ("knife" for "knives").
 */
function keywordQueryFor(read: Question, corpus: CorpusStats, keywordOnly: boolean): string {
  const common = (stemmed: string) => corpus.share(stemmed) > COMMON_WORD_SHARE;
  const words = read.concepts
    .filter((c) => c.initials === null)
    .map((c) => ({ word: c.word, share: corpus.share(c.stems[0] ?? c.word) }));
  let chosen = words.filter((w) => w.share <= COMMON_WORD_SHARE);
  if (chosen.length === 0 && keywordOnly) chosen = [...words].sort((a, b) => a.share - b.share).slice(0, 2);
  const quoted = [...read.text.matchAll(/"([^"]+)"/g)].map((m) => `"${m[1]}"`);
  // Long forms of acronyms, and the minutes' spelling of a word that may be a slip ("skools"). A
  // phrase made only of common words is left to the vector half as a common word is: its words are
  // in so many items that matching it means checking word positions in each of them (slow in
  // PostgreSQL's full-text search), and scoring still counts it where a passage has it. With no
  // vector half it is the only way to find them, so it stays.
  const phrases = read.concepts
    .flatMap((c) => [c.longForm, c.alternative])
    .filter((form): form is string => form !== null && (keywordOnly || !allWordsCommon(form, common)))
    .map((form) => `"${form}"`);
  const otherWords = read.concepts.filter((c) => chosen.some((w) => w.word === c.word)).flatMap((c) => c.otherWords);
  return [...quoted, ...chosen.map((w) => w.word), ...otherWords, ...read.compounds, ...phrases].join(' ');
}

/** Whether every content word of a phrase (stopwords aside) is common by `common`, judged by its stem. */
function allWordsCommon(phrase: string, common: (stemmed: string) => boolean): boolean {
  const words = tokenize(phrase).filter((w) => !isStopword(w));
  return words.length > 0 && words.every((w) => common(stem(w)));
}

/** The rarity-weighted share of the concepts that are present. */
function weightedShare(weights: number[], present: boolean[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return 0;
  return weights.reduce((sum, w, i) => sum + (present[i] ? w : 0), 0) / total;
}

/**
 * Whether the question names most of an item's title ("appointed Chairman" / "Appointment of
 * Chairman"), or asks when meetings are and the item gives one ("Date of next meeting").
 */
function asksAbout(read: Question, title: string): boolean {
  const titleStems = [
    ...new Set(
      tokenize(title)
        .filter((w) => w.length > 2 && !isStopword(w))
        .map(stem),
    ),
  ];
  if (read.meetingDates && /\bmeetings?\b/i.test(title)) return true;
  if (titleStems.length === 0) return false;
  const asked = new Set(read.concepts.flatMap((c) => c.stems));
  return titleStems.filter((s) => asked.has(s)).length / titleStems.length >= 0.5;
}

/**
 * How much higher an item ranks for being from the day or period the question names, and for being
 * from the committee or council it names: each that matches counts.
 */
function preferenceFor(read: Question, passage: StoredPassage): number {
  let factor = 1;
  const { prefer } = read.dates;
  if (prefer && withinDates(passage.meeting.date, prefer)) {
    factor *=
      prefer.after !== undefined && prefer.after === prefer.before ? PREFERRED_DAY_FACTOR : PREFERRED_SCOPE_FACTOR;
  }
  const { committees, councils } = read.scope;
  const named =
    (committees.length > 0 && committees.includes(passage.meeting.committee ?? '')) ||
    (councils.length > 0 && councils.includes(passage.meeting.council ?? ''));
  return named ? factor * PREFERRED_SCOPE_FACTOR : factor;
}

/**
 * The one council a question names, as the council it asks of: named in full ("at Aberwen Town
 * Council"), it is; named by a place word of its name ("anything from Wessmoor?"), it is unless
 * other councils' minutes name the place too ({@link placeNamedElsewhere}). A question about Kōtare
 * Bay is not answered from Tarrawong's minutes; "Leicester City Football Club" in the county's
 * minutes is no question about Leicester City Council, whose items only rank higher (preferenceFor).
 */
function councilNamedAlone(read: Question): { council: string; inFull: boolean; places: string[] } | null {
  const [council, ...others] = read.scope.councils;
  if (!council || others.length > 0) return null;
  const places = read.scope.councilPlaces.get(council);
  return { council, inFull: places === undefined, places: places ?? [] };
}

/**
 * The text searched by meaning, without the name of the council the search is limited to where the
 * question names it: within one council's minutes its name tells nothing apart, except their title
 * lines, which it would rank above the item asked about.
 */
function withoutCouncilSearched(read: Question, council: string | undefined): string {
  let text = read.searchText;
  for (const words of namesOfCouncil(read.scope, council)) {
    const pattern = words.map(escapeRegExp).join(String.raw`[^\p{L}\p{N}]+`);
    const name = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${pattern})(?![\p{L}\p{N}])`, 'giu');
    text = text.replace(name, ' ');
  }
  return text.trim() ? text.replace(/\s+/g, ' ').trim() : read.searchText;
}

/**
 * Each concept's weight in a passage's coverage. Within one council's minutes, the words that named
 * it tell nothing apart (as in the text searched by meaning): "Carrickmoor Harbour Board" would
 * otherwise make the harbour master's report cover most of any question asked of the board. A
 * question of nothing but the name keeps them.
 */
function coverageWeights(read: Question, council: string | undefined): number[] {
  const topical = new Set(topicBesideCouncilNames(read.concepts, read.scope, [council]));
  return read.concepts.map((c) => (topical.has(c) ? c.weight : 0));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a passage of another council than the one named, among those found, names its place. */
function placeNamedElsewhere(named: { council: string; places: string[] }, passages: StoredPassage[]): boolean {
  return passages.some(
    (p) =>
      p.meeting.council !== named.council &&
      named.places.some((place) => tokenize(`${p.item.title} ${p.text}`).includes(place)),
  );
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
