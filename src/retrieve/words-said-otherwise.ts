import { onReferenceScale, profileFor } from '../embed/models.js';
import { isStopword, type ReadConcept, stem, tokenize } from '../question/index.js';
import type { Embedder } from '../types.js';

/**
 * People ask in their own words: "were kids in care seeing a dentist?" of minutes that record
 * "dental checks", "what about knives" of "knife crime", "drinks licence" of "alcohol licence". A
 * word of the question that the minutes never use is otherwise read as a subject they lack, and the
 * question is refused. This finds, among the words of the passages the meaning search ranked
 * closest, one the embedding model reads as the same word: that word then counts as the asker's
 * ("dental" for "dentist"), in scoring and in the "not in the minutes" decision alike.
 *
 * Only words of the passages the question is already closest to are offered, so a word is read as
 * another only where the minutes talk about something near what was asked; and only a near-identity
 * of meaning counts (see {@link SAID_OTHERWISE_AT}), so "cinema" does not become "theatre".
 */

/**
 * Cosine, on the reference model's scale, from which two single words are read as one: "dentist" and
 * "dental" 0.88, "knives" and "knife" 0.87, "kids" and "children" 0.89 under all-MiniLM-L6-v2;
 * "drinks" and "alcohol" 0.76, "cinema" and "theatre" 0.71, "library" and "books" 0.63 are not
 * the same thing said otherwise. On the tuning questions (bench/answer-eval.ts --split tuning),
 * 0.7, 0.75 and 0.8 answer the same own-words questions (87 of 181, from 86), and only 0.8 lets no
 * further unanswerable wording through.
 */
export const SAID_OTHERWISE_AT = 0.8;

/** How many of the closest passages offer their words. */
const PASSAGES_OFFERING_WORDS = 5;

/** Word vectors kept between questions: the same minutes offer the same words again and again. */
const CACHED_WORDS = 20_000;

/** A passage the meaning search returned, with its cosine to the question. */
export interface ClosePassage {
  text: string;
  title: string;
  cosine: number;
}

export class WordsSaidOtherwise {
  readonly #embedder: Embedder;
  readonly #vectors = new Map<string, Float32Array>();

  constructor(embedder: Embedder) {
    this.#embedder = embedder;
  }

  /**
   * The concepts, each word the minutes never use that names a subject given, where one is found,
   * the word of the closest passages that means the same (as an other word, counting as it).
   */
  async read(concepts: ReadConcept[], passages: ClosePassage[]): Promise<ReadConcept[]> {
    const unknown = concepts.filter((c) => c.subject && c.known === false && !c.unreadable);
    if (unknown.length === 0) return concepts;
    const offered = wordsOf([...passages].sort((a, b) => b.cosine - a.cosine).slice(0, PASSAGES_OFFERING_WORDS));
    if (offered.length === 0) return concepts;
    const vectors = await this.#vectorsOf([...unknown.map((c) => c.word), ...offered]);
    const calibration = profileFor(this.#embedder.modelId).profile.similarity;
    return concepts.map((concept) => {
      if (!unknown.includes(concept)) return concept;
      const own = vectors.get(concept.word);
      let best: { word: string; similarity: number } | null = null;
      for (const word of offered) {
        const other = vectors.get(word);
        if (!own || !other) continue;
        const similarity = onReferenceScale(calibration, dot(own, other));
        if (similarity >= SAID_OTHERWISE_AT && (!best || similarity > best.similarity)) best = { word, similarity };
      }
      if (!best) return concept;
      return {
        ...concept,
        known: true,
        otherWords: [...concept.otherWords, best.word],
        stems: [...new Set([...concept.stems, stem(best.word)])],
      };
    });
  }

  async #vectorsOf(words: string[]): Promise<Map<string, Float32Array>> {
    const missing = [...new Set(words)].filter((w) => !this.#vectors.has(w));
    if (missing.length > 0) {
      const embedded = await this.#embedder.embedDocuments(missing);
      // Bounded: a long-running bot meets new words for ever; starting again costs one batch.
      if (this.#vectors.size + missing.length > CACHED_WORDS) this.#vectors.clear();
      missing.forEach((word, i) => {
        const vector = embedded[i];
        if (vector) this.#vectors.set(word, vector);
      });
    }
    return new Map(words.flatMap((w) => (this.#vectors.has(w) ? [[w, this.#vectors.get(w) as Float32Array]] : [])));
  }
}

/** The distinct content words of passages: no stopwords, numbers or scraps. */
function wordsOf(passages: ClosePassage[]): string[] {
  const words = new Set<string>();
  for (const passage of passages) {
    for (const token of tokenize(`${passage.title} ${passage.text}`)) {
      if (token.length >= 3 && /^\p{L}+$/u.test(token) && !isStopword(token)) words.add(token);
    }
  }
  return [...words];
}

/** Cosine of two unit vectors (the embedders normalise). */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
