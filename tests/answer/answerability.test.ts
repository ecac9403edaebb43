import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAnswerability } from '../../src/answer/answerability.js';
import { MinutesAnswerer } from '../../src/answer/answerer.js';
import { OpenAiChatModel } from '../../src/answer/chat-model.js';
import { numberPassages } from '../../src/answer/passages.js';
import type { Question } from '../../src/question/index.js';
import { type HybridRetriever, MEANING_MATCH_AT } from '../../src/retrieve/retriever.js';
import type { Answer, SearchResult } from '../../src/types.js';
import { examplesDir } from '../helpers/corpus.js';
import { FakeOpenAi, llmConfigFor } from '../helpers/fake-openai.js';
import { buildIndex, openTestRetriever, silentLogger, tempDir } from '../helpers/index.js';
import { tinyEmbedder } from '../helpers/tiny-model.js';

/**
 * The "not in the minutes" decision over a real index of the sample minutes: plain misses, near
 * misses (the topic discussed, not the thing asked) and answers, whatever the question is wrapped in.
 */

let retriever: HybridRetriever;
let answerer: MinutesAnswerer;

beforeAll(async () => {
  const { indexDir } = await buildIndex([examplesDir], {
    embedder: null,
    manifest: path.join(examplesDir, 'meetings.json'),
  });
  retriever = openTestRetriever(indexDir, null);
  answerer = new MinutesAnswerer({ retriever, chatModel: null, logger: silentLogger });
});
afterAll(() => retriever?.close());

/** A keyword-only answerer over one meeting's minutes written for the test. */
async function answererOver(fileName: string, lines: string[]): Promise<{ answerer: MinutesAnswerer; close(): void }> {
  const dir = tempDir('minutebook-answerability-');
  writeFileSync(path.join(dir, fileName), lines.join('\n'));
  const { indexDir } = await buildIndex([dir], { embedder: null });
  const opened = openTestRetriever(indexDir, null);
  return {
    answerer: new MinutesAnswerer({ retriever: opened, chatModel: null, logger: silentLogger }),
    close: () => opened.close(),
  };
}

const cited = (answer: Answer) => answer.citations.map((c) => `${c.date}#${c.minute}`);

describe('near misses: the minutes discuss the topic but not what is asked', () => {
  it.each([
    ['Which youth centres were closed?', /^The minutes discuss youth centres \[1\] but don't record any closure\./],
    [
      'How much did the youth centres cost to run?',
      /^The minutes discuss youth centres \[1\] but don't record a sum of money for it\./,
    ],
    ['Who chairs the detached youth work team?', /^The minutes discuss youth work team \[1\] but don't record who\./],
    [
      'Are school libraries closing because of transport costs?',
      /^The minutes discuss school and transport \[1\]\[2\] but never mention libraries\./,
    ],
  ])('"%s"', async (question, said) => {
    const answer = await answerer.ask(question);
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(said);
    expect(answer.answer).toMatch(/I searched 3 meetings/);
    // Where the topic is discussed is cited, so the asker can read it; no figure is offered.
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.answer.replace(/\[\d\]/g, '')).not.toMatch(/£|\d+%/);
  });

  it('reads the kind of sum from the sentence naming the topic when the sum follows it', async () => {
    // "Members asked whether the overspend would recur." then "…£1.9m of it was expected to continue".
    const recurring = await answerer.ask('How much of the overspend is expected to continue into 2024/25?');
    expect(recurring.mode).toBe('extractive');
    expect(recurring.answer).toContain('£1.9m');
    const saved = await answerer.ask('How much has the youth service review saved?');
    expect(saved.mode).toBe('not_found');
  });

  it('answers the same topic when the minutes do record what is asked', async () => {
    const money = await answerer.ask('How much is being spent on home to school transport?');
    expect(money.mode).toBe('extractive');
    expect(money.answer).toContain('£8.4m');
    expect(cited(money)).toContain('2023-11-07#34');
    const when = await answerer.ask('When is the EHCP assessment backlog expected to clear?');
    expect(when.mode).toBe('extractive');
    expect(when.answer).toContain('December 2024');
    const growth = await answerer.ask('How much has attendance at the youth centres grown?');
    expect(growth.answer).toContain('15%');
    const which = await answerer.ask('Which councillor declared an interest at the November 2023 meeting?');
    expect(which.mode).toBe('extractive');
    expect(cited(which)).toContain('2023-11-07#32');
  });

  it('is decided before any model is asked, so a model cannot answer a near miss with a figure', async () => {
    // Scripted for one question: a near miss must not use it.
    const fake = await FakeOpenAi.start({
      kind: 'answer',
      content: 'Spending rose to a forecast £8.4m in 2023/24 [1].',
    });
    try {
      const chatModel = new OpenAiChatModel({ ...llmConfigFor(fake.baseUrl), logger: silentLogger });
      const withModel = new MinutesAnswerer({ retriever, chatModel, logger: silentLogger });
      const near = await withModel.ask('How much did the youth centres cost to run?');
      expect(near.mode).toBe('not_found');
      expect(near.answer).toMatch(/^The minutes discuss youth centres \[1\] but don't record a sum of money for it\./);
      expect(near.answer).not.toContain('£2.5m');
      expect(fake.requests).toHaveLength(0);
      // An answerable question still goes to the model.
      const answered = await withModel.ask('How much is being spent on home to school transport?');
      expect(answered.mode).toBe('llm');
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('still says plainly "not covered" when nothing of the subject is in the minutes', async () => {
    for (const question of [
      'What did the committee decide about the Lutterworth bypass?',
      'How many potholes were filled?',
    ]) {
      const answer = await answerer.ask(question);
      expect(answer).toMatchObject({ mode: 'not_found', citations: [] });
      expect(answer.answer).toMatch(/^The minutes I have don't cover that\./);
    }
  });
});

describe('words that carry no topic never change the decision', () => {
  const WRAPPINGS = [
    (q: string) => q,
    (q: string) => `<@U07MB1234> hey! ${q} <!channel>`,
    (q: string) => `Hi there, could you please tell me ${q.charAt(0).toLowerCase()}${q.slice(1)} Thanks!`,
    (q: string) => `:wave: ${q.toLowerCase()} thx 🙏`,
    (q: string) => `Good morning. ${q} Cheers, Sarah`,
  ];

  it.each([
    'How much is being spent on home to school transport?',
    'How many new fostering households were approved in 2023?',
    'What has been said about school transport?',
    'Which youth centres were closed?',
    'What did the committee decide about the Lutterworth bypass?',
  ])('"%s"', async (question) => {
    const answers = await Promise.all(WRAPPINGS.map((wrap) => answerer.ask(wrap(question))));
    const [plain, ...others] = answers;
    for (const answer of others) {
      expect(answer.mode).toBe(plain?.mode);
      expect(cited(answer)).toEqual(cited(plain as Answer));
      expect(answer.answer).toBe(plain?.answer);
    }
  });
});

describe('a word that is neither English nor the minutes’ own (shorthand, a name they never give)', () => {
  it('is left to the score of the whole question with a vector half, and counts as unknown with keywords alone', async () => {
    const result = await retriever.search('overspend estd in 2023/24?');
    const read = result.question as Question;
    expect(read.concepts.find((c) => c.word === 'estd')).toMatchObject({ known: false, unreadable: true });
    const passages = numberPassages(result.hits, { perHit: 3, max: 18 });
    // Keyword-only (this index): nothing but the words to go on, so "estd" is a subject the minutes lack.
    expect(decideAnswerability(read, result, passages)).toMatchObject({ answerable: false, reason: 'near_miss' });
    // With a vector half the same words are judged by how well the whole question matches.
    const hybrid = { ...result, scope: { ...result.scope, keywordOnly: false } };
    expect(decideAnswerability(read, hybrid, passages, { threshold: 0 })).toEqual({ answerable: true });
  });

  it('leaves an English word the minutes never use deciding, in both modes', async () => {
    const result = await retriever.search('overspend on potholes in 2023/24?');
    const read = result.question as Question;
    expect(read.concepts.find((c) => c.word === 'potholes')).toMatchObject({ known: false, unreadable: false });
    const passages = numberPassages(result.hits, { perHit: 3, max: 18 });
    const hybrid = { ...result, scope: { ...result.scope, keywordOnly: false } };
    expect(decideAnswerability(read, hybrid, passages, { threshold: 0 })).toMatchObject({ answerable: false });
  });
});

describe('a question in the asker’s own words: the meaning of the whole question decides', () => {
  /** The same search, as a vector half that found the best item this close in meaning would report it. */
  const withMeaning = (result: SearchResult, similarity: number): SearchResult => ({
    ...result,
    scope: { ...result.scope, keywordOnly: false },
    hits: result.hits.map((hit, i) => ({ ...hit, similarity: i === 0 ? similarity : 0.2 })),
  });

  it.each([
    // Words the minutes never use for what an item says: "dosh" and "forking out" for spending.
    'how much dosh are we forking out on getting kids to school?',
    // An English noun the minutes lack ("potholes"): the same rule; only the meaning score differs.
    'overspend on potholes in 2023/24?',
  ])('"%s": answered when an item means it, refused when none comes close', async (question) => {
    const result = await retriever.search(question);
    const read = result.question as Question;
    expect(read.concepts.some((c) => c.subject && c.known === false)).toBe(true);
    const passages = numberPassages(result.hits, { perHit: 3, max: 18 });
    expect(decideAnswerability(read, withMeaning(result, MEANING_MATCH_AT), passages)).toEqual({ answerable: true });
    expect(decideAnswerability(read, withMeaning(result, MEANING_MATCH_AT - 0.1), passages)).toMatchObject({
      answerable: false,
    });
  });

  it('keeps a near miss a near miss: meaning says the topic is there, not that the figure asked is', async () => {
    const result = await retriever.search('Which youth centres were closed?');
    const read = result.question as Question;
    const passages = numberPassages(result.hits, { perHit: 3, max: 18 });
    expect(decideAnswerability(read, withMeaning(result, 0.9), passages)).toMatchObject({
      answerable: false,
      reason: 'near_miss',
      missing: "don't record any closure",
    });
  });
});

describe('a search scoped to a body the index holds no minutes of', () => {
  it('says which bodies it holds instead of answering from another body’s minutes', async () => {
    const answer = await answerer.ask('What did the planning committee decide about school transport?');
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/^I hold no minutes of a body called “planning committee”\. The committees I hold/);
    expect(answer.citations).toEqual([]);
  });

  it('answers as before when the body is held, or is what the question is about', async () => {
    const held = await answerer.ask('What did the scrutiny committee decide about school transport?');
    expect(held.mode).not.toBe('not_found');
    const topic = await answerer.ask('What has been said about the planning committee?');
    expect(topic.answer).not.toMatch(/I hold no minutes of a body/);
  });
});

describe('a figure for another period than the one asked', () => {
  let periodAnswerer: MinutesAnswerer;
  let close = () => {};

  beforeAll(async () => {
    ({ answerer: periodAnswerer, close } = await answererOver('trust-board-2023-07-06.txt', [
      'Hollinwood Hospitals NHS Trust Board',
      'Minutes of the meeting held on 6 July 2023',
      '',
      '14. Finance Report',
      'The Finance Director reported a deficit of £2.1m at month two, £0.4m worse than plan.',
      'The Board noted the report.',
      '',
      '15. Quarterly Performance Report 2023/24',
      'There were 5,120 emergency attendances in the first quarter, against 4,870 in 2022/23.',
      'Waiting lists were expected to grow in 2024/25.',
      '',
      '16. Any Other Business',
      'The next three meetings would be held in public.',
      '',
      '17. Capital Programme Outturn 2022/23',
      'The capital programme had overspent by £1.4m, mostly on the new ward block.',
    ]));
  });
  afterAll(() => close());

  it('is a near miss, not an answer: month two for month three', async () => {
    const answer = await periodAnswerer.ask("What was the Trust's deficit at month three?");
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/^The minutes discuss .*deficit.* but don't record a sum of money for it\./);
    expect(answer.answer).not.toMatch(/2\.1m/);
  });

  it('answers the period the figure is for, and a question naming no period', async () => {
    for (const question of ["What was the Trust's deficit at month two?", "What was the Trust's deficit?"]) {
      const answer = await periodAnswerer.ask(question);
      expect(answer.mode, question).toBe('extractive');
      expect(answer.answer, question).toMatch(/£2\.1m/);
    }
  });

  it("reads a figure that names no period as its item's: another year's outturn is no answer", async () => {
    const other = await periodAnswerer.ask('By how much did the capital programme overspend in 2023/24?');
    expect(other.mode).toBe('not_found');
    expect(other.answer).not.toMatch(/1\.4m/);
    const asked = await periodAnswerer.ask('By how much did the capital programme overspend in 2022/23?');
    expect(asked.mode).toBe('extractive');
    expect(asked.answer).toMatch(/£1\.4m/);
  });

  it('answers from an item about the period asked, whatever other periods it looks to', async () => {
    const answer = await periodAnswerer.ask('How many emergency attendances were there in 2023/24?');
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/5,120/);
  });
});

describe('a subject another council’s minutes use, asked of a council whose minutes lack it', () => {
  let twoCouncils: MinutesAnswerer;
  let closeIndex: () => void;
  beforeAll(async () => {
    const dir = tempDir('minutebook-two-councils-');
    const meetings = [
      {
        file: 'ashby-licensing-2025-07-01.txt',
        council: 'Ashby Vale District Council',
        committee: 'Licensing Sub-Committee',
        date: '2025-07-01',
        lines: [
          '5. Premises licence - The Old Forge',
          'The Sub-Committee granted the premises licence with conditions on opening hours.',
          '6. Premises licence - Corner Stores',
          'The variation was refused because of repeated sales to under-age customers.',
          '7. Temporary event notice - Village Green',
          'No objection was made to the summer fair notice.',
        ],
      },
      {
        file: 'brook-council-2025-06-10.txt',
        council: 'Brookmere Town Council',
        committee: 'Full Council',
        date: '2025-06-10',
        lines: [
          '21. Taxi rank',
          'Council agreed to move the taxi rank and to hear from each taxi driver at the next meeting.',
          '22. Allotments',
          'The allotment rents would rise by £5 a plot.',
          '23. Bus shelter',
          'A new bus shelter would be installed on Mill Road.',
        ],
      },
    ];
    for (const m of meetings) writeFileSync(path.join(dir, m.file), m.lines.join('\n'));
    const manifest = path.join(dir, 'meetings.json');
    writeFileSync(manifest, JSON.stringify(meetings.map(({ lines, ...rest }) => rest)));
    const { indexDir } = await buildIndex([dir], { embedder: null, manifest });
    const opened = openTestRetriever(indexDir, null);
    twoCouncils = new MinutesAnswerer({ retriever: opened, chatModel: null, logger: silentLogger });
    closeIndex = () => opened.close();
  });
  afterAll(() => closeIndex());

  it('is a subject that council’s minutes lack, not one to answer from its other business', async () => {
    const answer = await twoCouncils.ask('Did the Ashby Vale licensing sub-committee consider a taxi driver licence?');
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/never mention taxi/);
  });

  it('is found as usual when the council asked of has it', async () => {
    const answer = await twoCouncils.ask('What did Brookmere Town Council decide about the taxi rank?');
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.map((c) => c.minute)).toContain('21');
  });
});

describe('words naming the meeting’s own body', () => {
  let board: MinutesAnswerer;
  let closeIndex: () => void;
  beforeAll(async () => {
    const dir = tempDir('minutebook-own-body-');
    const file = 'fernlea-lgb-2025-05-14.txt';
    writeFileSync(
      path.join(dir, file),
      [
        'Minutes of the Fernlea Primary School Governing Board held on 14 May 2025, chaired by Mrs Okafor',
        '',
        '1. Apologies',
        'None were received.',
        '2. Staffing',
        'Governors noted one resignation (Class 3 teacher, effective 31 August) and a replacement from September.',
        '3. Premises',
        'The boiler would be replaced over the summer for £14,200.',
      ].join('\n'),
    );
    const manifest = path.join(dir, 'meetings.json');
    writeFileSync(
      manifest,
      JSON.stringify([
        {
          file,
          council: 'Fernlea Learning Trust',
          committee: 'Fernlea Primary School Governing Board',
          date: '2025-05-14',
        },
      ]),
    );
    const { indexDir } = await buildIndex([dir], { embedder: null, manifest });
    const opened = openTestRetriever(indexDir, null);
    board = new MinutesAnswerer({ retriever: opened, chatModel: null, logger: silentLogger });
    closeIndex = () => opened.close();
  });
  afterAll(() => closeIndex());

  it('do not make its heading the sentence about the topic: the staffing item names no teacher', async () => {
    const answer = await board.ask('Which teacher resigned from Fernlea Primary School?');
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toMatch(/but don't name them/);
  });

  it('still let the item that says it answer', async () => {
    const answer = await board.ask('How much is the Fernlea Primary School boiler replacement?');
    expect(answer.mode).toBe('extractive');
    expect(cited(answer)).toContain('2025-05-14#3');
  });
});

describe('what an item records once for all it says', () => {
  it('answers "by what vote" from the tally at the item’s end, sentences after the motion', async () => {
    const dir = tempDir('minutebook-item-vote-');
    writeFileSync(
      path.join(dir, 'tamsin-county-2025-10-07.txt'),
      [
        'TAMSIN COUNTY BOARD OF SUPERVISORS',
        'Minutes of the regular meeting of October 7, 2025',
        '',
        '8.1 Planning Matters',
        'Supervisor Lee moved to approve the Halvorsen gravel pit expansion with 14 conditions.',
        'Residents spoke about truck traffic on County Road 9.',
        'Staff said hauling hours would be limited.',
        'Motion carried 3-2.',
        '',
        '8.2 Library Hours',
        'The board extended Saturday opening hours.',
      ].join('\n'),
    );
    // With a vector half, as served: keyword coverage alone scores this one-meeting index too low.
    const embedder = await tinyEmbedder();
    const { indexDir } = await buildIndex([dir], { embedder });
    const opened = openTestRetriever(indexDir, embedder);
    try {
      const board = new MinutesAnswerer({ retriever: opened, chatModel: null, logger: silentLogger });
      const answer = await board.ask(
        'Did the supervisors approve the Halvorsen gravel pit expansion, and by what vote?',
      );
      expect(answer.mode).toBe('extractive');
      expect(cited(answer)).toContain('2025-10-07#8.1');
    } finally {
      opened.close();
    }
  });
});
