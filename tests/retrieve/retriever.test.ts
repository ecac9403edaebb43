import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { evaluate, readEvalQuestions } from '../../src/retrieve/evaluate.js';
import type { HybridRetriever } from '../../src/retrieve/retriever.js';
import type { Embedder } from '../../src/types.js';
import { corpusDir, evalQuestionsFile, examplesDir, hasCorpus } from '../helpers/corpus.js';
import { buildIndex, openTestRetriever } from '../helpers/index.js';
import { tinyEmbedder } from '../helpers/tiny-model.js';

let embedder: Embedder;
let retriever: HybridRetriever;
let keywordOnly: HybridRetriever;

beforeAll(async () => {
  embedder = await tinyEmbedder();
  const manifest = path.join(examplesDir, 'meetings.json');
  const hybrid = await buildIndex([examplesDir], { embedder, manifest });
  retriever = openTestRetriever(hybrid.indexDir, embedder, new Date('2025-02-01T00:00:00Z'));
  const keywords = await buildIndex([examplesDir], { embedder: null, manifest });
  keywordOnly = openTestRetriever(keywords.indexDir, null);
});
afterAll(async () => {
  await retriever?.close();
  await keywordOnly?.close();
});

const ids = (hits: Array<{ date: string | null; minute: string | null }>) => hits.map((h) => `${h.date}#${h.minute}`);

describe('hybrid retrieval over a real index', () => {
  it('returns minute items, best first, each with its evidence passages', async () => {
    const { hits, scope } = await retriever.search('How many EHCP assessments were issued within 20 weeks?', { k: 3 });
    expect(hits[0]).toMatchObject({
      date: '2024-03-12',
      minute: '48',
      minuteNumber: 48,
      title: 'Education, Health and Care Plan Assessments',
    });
    expect(hits[0]?.evidence.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(new Set(ids(hits)).size).toBe(hits.length);
    expect(scope).toMatchObject({ meetings: 3, from: '2023-11-07', to: '2024-06-18', keywordOnly: false });
  });

  it('reports how close each item is in meaning alone, and only when there is a vector half', async () => {
    const question = 'How many EHCP assessments were issued within 20 weeks?';
    const { hits } = await retriever.search(question, { k: 3 });
    for (const hit of hits) expect(hit.similarity).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.similarity).toBeLessThanOrEqual(1.0001);
    // A passage asked word for word is as close in meaning as anything can be.
    const passage = hits[0]?.evidence[0]?.text ?? '';
    const verbatim = await retriever.search(passage, { k: 1 });
    expect(verbatim.hits[0]?.similarity).toBeGreaterThan(Math.max(...hits.map((h) => h.similarity ?? 0)));
    for (const hit of (await keywordOnly.search(question, { k: 3 })).hits) expect(hit.similarity).toBeUndefined();
  });

  it('expands acronyms learned from the minutes, both ways', async () => {
    expect((await retriever.glossary()).expand('EHCP')).toEqual(['Education Health and Care Plan']);
    // The 2023 transport minute spells out "Education, Health and Care Plan (EHCP)"; the question only says EHCP.
    const short = await keywordOnly.search('EHCP transport costs', { k: 2 });
    expect(ids(short.hits)).toContain('2023-11-07#34');
    const long = await keywordOnly.search('Education Health and Care Plan bus passes', { k: 3 });
    expect(ids(long.hits)).toContain('2024-06-18#52');
  });

  it('finds names and exact numbers', async () => {
    expect(ids((await keywordOnly.search('What did Mr Tom Briar ask?', { k: 1 })).hits)).toEqual(['2024-06-18#52']);
    expect(ids((await keywordOnly.search('£3.2m overspend', { k: 1 })).hits)).toEqual(['2024-06-18#54']);
  });

  it('applies date and committee filters given as options', async () => {
    const { hits, scope } = await retriever.search('knife crime', { filters: { after: '2024-01-01' }, k: 5 });
    expect(hits.every((h) => (h.date ?? '') >= '2024-01-01')).toBe(true);
    expect(ids(hits)).toContain('2024-06-18#55');
    expect(scope).toMatchObject({ meetings: 2, from: '2024-03-12', filtersFromQuestion: false });
    const none = await retriever.search('knife crime', { filters: { committee: 'Planning' } });
    expect(none.hits).toEqual([]);
    expect(none.scope.meetings).toBe(0);
  });

  it('reads date limits out of the question', async () => {
    const since = await retriever.search('What was said about knife crime since 2024?');
    expect(since.scope).toMatchObject({ filtersFromQuestion: true, filters: { after: '2024-01-01' } });
    expect(since.hits.every((h) => (h.date ?? '') >= '2024-01-01')).toBe(true);
    const meeting = await retriever.search('What was decided at the March 2024 meeting about foster carers?');
    expect(meeting.scope.filters).toEqual({ after: '2024-03-01', before: '2024-03-31' });
    expect(ids(meeting.hits)[0]).toBe('2024-03-12#49');
    // "last year" is relative to today (2025-02-01 here).
    const lastYear = await retriever.search('What did we hear about youth services last year?');
    expect(lastYear.scope.filters).toEqual({ after: '2024-01-01', before: '2024-12-31' });
  });

  it('ranks items from a period the question mentions first, without dropping others', async () => {
    const { hits, scope } = await keywordOnly.search('knife crime in 2023', { k: 5 });
    expect(ids(hits)[0]).toBe('2023-11-07#35');
    expect(ids(hits)).toContain('2024-06-18#55');
    expect(scope.filtersFromQuestion).toBe(false);
  });

  it('spreads "what has been said" questions across meetings', async () => {
    const { hits } = await keywordOnly.search('What has been said about school transport?', { k: 3 });
    expect(new Set(hits.map((h) => h.date)).size).toBeGreaterThanOrEqual(2);
  });

  it('ranks housekeeping down unless it is what was asked about', async () => {
    const { hits } = await keywordOnly.search('urgent items consideration report', { k: 5 });
    const urgent = hits.find((h) => h.title === 'Urgent Items');
    expect(urgent?.procedural).toBe(true);
    const apologies = await keywordOnly.search('Who sent apologies for absence?', { k: 1 });
    expect(apologies.hits[0]?.title).toBe('Apologies for Absence');
  });

  it('gives a question the minutes do not cover a low score', async () => {
    const { hits } = await keywordOnly.search('What was decided about the Lutterworth bypass?');
    expect(hits[0]?.score ?? 0).toBeLessThan(0.2);
  });

  it('says how it read the question: filler out, typos read as the minutes spell them, unknown words marked', async () => {
    const { question, hits } = await keywordOnly.search(
      '<@U07MB1234> hi! are school libraries closing because of transport costs? thx <!channel>',
    );
    expect(question?.text).toBe('are school libraries closing because of transport costs?');
    const concept = (word: string) => question?.concepts.find((c) => c.word === word);
    // "school" and "transport" are in the minutes; "libraries" is not: the answer decides what that means.
    expect(concept('libraries')).toMatchObject({ known: false, subject: true });
    expect(concept('transport')).toMatchObject({ known: true, subject: true });
    expect(ids(hits)[0]).toBe('2023-11-07#34');
    const typo = await keywordOnly.search('what did the Head of Fosterng report on alowances?');
    expect(typo.question?.corrections).toEqual([
      { from: 'Fosterng', to: 'fostering' },
      { from: 'alowances', to: 'allowances' },
    ]);
    expect(ids(typo.hits)[0]).toBe('2024-03-12#49');
  });

  it('finds the same items whatever the question is wrapped in', async () => {
    const plain = await retriever.search('How many EHCP assessments were issued within 20 weeks?');
    for (const asked of [
      '<@U07MB1234> hey, how many EHCP assessments were issued within 20 weeks? <!here> thanks!',
      'Good morning! Could you tell me how many ehcp assessments were issued within 20 weeks, please? :pray:',
    ]) {
      const wrapped = await retriever.search(asked);
      expect(ids(wrapped.hits)).toEqual(ids(plain.hits));
      expect(wrapped.hits.map((h) => h.score)).toEqual(plain.hits.map((h) => h.score));
    }
  });

  it('refuses an empty question and k below 1 with a clear message', async () => {
    await expect(retriever.search('   ')).rejects.toThrow(BadInputError);
    await expect(retriever.search('transport', { k: 0 })).rejects.toThrow(/k must be a whole number of at least 1/);
  });
});

describe.skipIf(!hasCorpus)('retrieval quality on the real corpus (keyword half, no model needed)', () => {
  it('finds an answering item in the top 5 for the dev questions', async () => {
    const { indexDir } = await buildIndex([corpusDir], {
      embedder: null,
      manifest: path.join(corpusDir, 'meetings.json'),
    });
    const corpus = openTestRetriever(indexDir, null);
    try {
      const report = await evaluate(corpus, readEvalQuestions(evalQuestionsFile), 5);
      expect(report.recallAtK).toBeGreaterThanOrEqual(0.9);
      expect(report.mrr).toBeGreaterThanOrEqual(0.8);
      for (const u of report.unanswerableTopScores)
        expect(u.topScore ?? 0).toBeLessThan(report.lowestAnsweredTopScore ?? 1);
    } finally {
      await corpus.close();
    }
  });
});
