import { describe, expect, it } from 'vitest';
import { readQuestion, stem, type Vocabulary } from '../../src/question/index.js';
import { verbForms, wordClasses } from '../../src/question/word-class.js';
import { verbsOfNoun } from '../../src/question/wordnet.js';

/** Made-up minutes that speak of water charges, schools and the committee, and nothing else. */
const WORDS = [
  'water',
  'charges',
  'schools',
  'committee',
  'rates',
  'people',
  'transport',
  'bus',
  'children',
  'buy',
  'sell',
];
const vocabulary: Vocabulary = { count: (w) => (WORDS.includes(w) ? 3 : 0), words: () => WORDS };
const itemsWith = (s: string) => (WORDS.some((w) => stem(w) === s) ? 2 : 0);
const read = (question: string) => readQuestion(question, { vocabulary, itemsWith });
const subjectsOf = (question: string) =>
  read(question)
    .concepts.filter((c) => c.subject)
    .map((c) => c.word);

describe('how each word of a question is used', () => {
  it('tells the verbs and qualifiers of chat wording from its nouns', () => {
    const classes = wordClasses('how much more will people pay for water near the school?');
    expect(classes.get('pay')).toBe('verb');
    expect(classes.get('near')).toBe('modifier');
    expect(classes.get('water')).toBe('noun');
    expect(classes.get('people')).toBe('noun');
  });

  it('leaves "-ing" forms to the reader: the tagger reads them from the ending alone', () => {
    expect(wordClasses('recyling rates - what has the cttee heard?').get('recyling')).toBe('other');
  });
});

describe('a word the minutes never use counts against an answer only as a subject', () => {
  it.each([
    // Verbs and qualifiers in the asker's own words: how the question is put.
    ['how much more will people pay for water?', 'pay'],
    ['why did they shut the water works?', 'shut'],
    ['what charges near schools were agreed?', 'near'],
    // A British past form, which the tagger takes for a noun.
    ['how many children learnt to use the bus?', 'learnt'],
  ])('"%s": "%s" is not a subject', (question, word) => {
    expect(read(question).concepts.find((c) => c.word === word)).toMatchObject({ known: false, subject: false });
  });

  it.each([
    // Nouns the minutes lack still name something they do not cover.
    ['what was said about potholes near schools?', 'potholes'],
    ['were all children seeing a dentist?', 'dentist'],
    // A misspelt noun is not judged by what the tagger guesses from its ending.
    ['recyling rates - what has the cttee heard?', 'recyling'],
    // A plural the tagger reads as a verb ("someone patrols"): questions put verbs after "did".
    ['what was decided about school crossing patrols?', 'patrols'],
  ])('"%s": "%s" stays a subject', (question, word) => {
    expect(subjectsOf(question)).toContain(word);
  });

  it('leaves the words the minutes do use as they were read', () => {
    expect(subjectsOf('how much will people pay for water?')).toEqual(expect.arrayContaining(['water']));
  });
});

describe('a verb the minutes use in another form', () => {
  it('has its other forms, prefixed irregular ones included', () => {
    expect(verbForms('overspent')).toEqual(expect.arrayContaining(['overspend', 'overspending']));
    expect(verbForms('overspend')).toContain('overspent');
    expect(verbForms('withdrew')).toEqual(expect.arrayContaining(['withdraw', 'withdrawn']));
    expect(verbForms('library')).toEqual([]);
  });

  it('counts as the form the minutes use, in scoring and the "not in the minutes" decision alike', () => {
    const bought = read('how much transport was bought?').concepts.find((c) => c.word === 'bought');
    expect(bought).toMatchObject({ known: true });
    expect(bought?.stems).toContain(stem('buy'));
    expect(read('was the depot sold?').concepts.find((c) => c.word === 'sold')?.stems).toContain(stem('sell'));
  });

  it('reads a noun naming an act in the form of its verb: "its suspension" where minutes say "suspended"', () => {
    const closure = readQuestion('was the school bus closure agreed?', {
      vocabulary,
      itemsWith: (s) => (s === stem('closed') || itemsWith(s) > 0 ? 2 : 0),
    }).concepts.find((c) => c.word === 'closure');
    expect(closure?.known).toBe(true);
    expect(closure?.stems).toContain(stem('closed'));
  });

  it('leaves a noun alone: "the building" is no form of "build"', () => {
    const building = read('how much did the youth building cost?').concepts.find((c) => c.word === 'building');
    expect(building?.known).toBe(false);
  });
});

describe('the verb a noun is made from', () => {
  it('is the verb WordNet derives it from, sharing its start', () => {
    expect(verbsOfNoun('suspension')).toEqual(['suspend']);
    expect(verbsOfNoun('refurbishments')).toEqual(['refurbish']);
    // "pause" is one meaning of "suspension", not its verb.
    expect(verbsOfNoun('suspension')).not.toContain('pause');
    expect(verbsOfNoun('library')).toEqual([]);
  });
});
