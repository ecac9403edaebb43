import { describe, expect, it } from 'vitest';
import { readQuestion, stem } from '../../src/question/index.js';
import { SAID_OTHERWISE_AT, WordsSaidOtherwise } from '../../src/retrieve/words-said-otherwise.js';
import type { Embedder } from '../../src/types.js';

/**
 * Stands in for the embedding model, which is not ours: each word has a fixed unit vector, so the
 * cosine between two words is chosen by the test. Every other word is orthogonal to all of these.
 */
class WordTable implements Embedder {
  readonly modelId = 'test/word-table';
  readonly dimensions = 4;
  readonly embedded: string[][] = [];
  readonly #table: Map<string, number[]>;

  constructor(table: Record<string, number[]>) {
    this.#table = new Map(Object.entries(table));
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    this.embedded.push(texts);
    return texts.map((text) => {
      const v = this.#table.get(text) ?? [0, 0, 0, 1];
      const norm = Math.hypot(...v);
      return Float32Array.from(v.map((x) => x / norm));
    });
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.embedDocuments([text]))[0] as Float32Array;
  }
}

/** A word at `cosine` to [1, 0, 0, 0]. */
const at = (cosine: number) => [cosine, Math.sqrt(1 - cosine * cosine), 0, 0];

/** Concepts as the retriever reads them over minutes that use every word but `unused`. */
function conceptsOf(question: string, unused: string[]) {
  const never = new Set(unused.map(stem));
  return readQuestion(question, { itemsWith: (s) => (never.has(s) ? 0 : 3) }).concepts;
}

const passage = (text: string, cosine = 0.6) => ({ text, title: 'Health of Children in Care', cosine });

describe('a word the minutes never use, read as one of theirs that means the same', () => {
  it('counts "dental" for "dentist" when the closest passages say "dental"', async () => {
    const words = new WordTable({ dentist: [1, 0, 0, 0], dental: at(0.9) });
    const concepts = conceptsOf('were all children in care seeing a dentist?', ['dentist']);
    expect(concepts.find((c) => c.word === 'dentist')).toMatchObject({ known: false, subject: true });

    const read = await new WordsSaidOtherwise(words).read(concepts, [
      passage('Dental checks for children in care were at 98 per cent.'),
    ]);
    expect(read.find((c) => c.word === 'dentist')).toMatchObject({ known: true, otherWords: ['dental'] });
    expect(read.find((c) => c.word === 'dentist')?.stems).toContain(stem('dental'));
  });

  it('leaves a word alone when the nearest word of the passages is only related ("cinema", "theatre")', async () => {
    const below = SAID_OTHERWISE_AT - 0.1;
    const words = new WordTable({ cinema: [1, 0, 0, 0], theatre: at(below) });
    const concepts = conceptsOf('what was said about the cinema?', ['cinema']);
    const read = await new WordsSaidOtherwise(words).read(concepts, [passage('The theatre roof was repaired.')]);
    expect(read.find((c) => c.word === 'cinema')).toMatchObject({ known: false, otherWords: [] });
  });

  it('offers only the words of the closest passages', async () => {
    const words = new WordTable({ dentist: [1, 0, 0, 0], dental: at(0.9) });
    const concepts = conceptsOf('were all children in care seeing a dentist?', ['dentist']);
    const farAway = Array.from({ length: 6 }, (_, i) => passage(`Care placements review number ${i}.`, 0.7));
    const read = await new WordsSaidOtherwise(words).read(concepts, [
      ...farAway,
      passage('Dental checks were at 98 per cent.', 0.2),
    ]);
    expect(read.find((c) => c.word === 'dentist')?.known).toBe(false);
  });

  it('embeds nothing when every word of the question is the minutes’ own', async () => {
    const words = new WordTable({});
    const concepts = conceptsOf('were dental checks for children in care at 100%?', []);
    expect(await new WordsSaidOtherwise(words).read(concepts, [passage('Dental checks…')])).toEqual(concepts);
    expect(words.embedded).toEqual([]);
  });

  it('embeds a word once however many questions offer it', async () => {
    const words = new WordTable({ dentist: [1, 0, 0, 0], dental: at(0.9) });
    const otherwise = new WordsSaidOtherwise(words);
    const concepts = conceptsOf('were all children in care seeing a dentist?', ['dentist']);
    const passages = [passage('Dental checks were at 98 per cent.')];
    await otherwise.read(concepts, passages);
    await otherwise.read(concepts, passages);
    expect(words.embedded.flat().filter((w) => w === 'dental')).toHaveLength(1);
  });
});
