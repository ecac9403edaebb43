import { describe, expect, it } from 'vitest';
import { correctTypo, Glossary, readQuestion, type Vocabulary } from '../../src/question/index.js';

/** A vocabulary of made-up minutes' words, with how many items use each. */
function vocabulary(counts: Record<string, number>): Vocabulary {
  return { count: (word) => counts[word] ?? 0, words: () => Object.keys(counts) };
}

const MINUTES_WORDS = vocabulary({
  received: 9,
  committee: 40,
  recruitment: 6,
  allowances: 3,
  fostering: 4,
  leicestershire: 30,
  westmereshire: 3,
  leicester: 5,
  schools: 12,
  skills: 2,
  kick: 1,
  start: 3,
  transport: 8,
  report: 40,
});

describe('council shorthand is written out', () => {
  it.each([
    ['what did the cttee say about transport', 'what did the committee say about transport'],
    ['were the mins of the last mtg agreed', 'were the minutes of the last meeting agreed'],
    ['what did cllr Hale declare', 'what did councillor Hale declare'],
    ['what did the Cllrs ask', 'what did the councillors ask'],
    ['any s106 money for schools', 'any section 106 money for schools'],
    ['how many ppl b4 the dept review', 'how many people before the department review'],
    ['the q3 performance report', 'the quarter 3 performance report'],
    ['no. of foster carers', 'number of foster carers'],
    ['what r the kids waiting for', 'what are the children waiting for'],
    ['leics vs east mids', 'leicestershire vs east midlands'],
  ])('"%s"', (asked, written) => {
    expect(readQuestion(asked).text).toBe(written);
  });

  it('reads "re" as "about" only where it stands alone, never inside "re-referral"', () => {
    expect(readQuestion('what was agreed re the re-referral audit').text).toBe(
      'what was agreed about the re-referral audit',
    );
  });

  it('understands common acronyms in any case, and the minutes win where they define their own', () => {
    const read = readQuestion('what did the PC say about the ehcp backlog');
    expect(read.concepts.find((c) => c.word === 'pc')?.longForm).toBe('parish council');
    expect(read.concepts.find((c) => c.word === 'ehcp')?.longForm).toBe('education health and care plan');
    // The model reads the long forms beside the acronyms.
    expect(read.searchText).toBe(
      'what did the PC (parish council) say about the ehcp (education health and care plan) backlog',
    );
    const glossary = new Glossary();
    glossary.learn('the Planning Committee (PC) met');
    expect(readQuestion('what did the PC decide', { glossary }).concepts[0]?.longForm).toBe('Planning Committee');
  });

  it('reads an undefined capitalised acronym by its initials ("LCFC")', () => {
    const read = readQuestion("what was LCFC's scheme called", { vocabulary: MINUTES_WORDS });
    expect(read.concepts.find((c) => c.word === 'lcfc')?.initials).toBe('lcfc');
  });
});

describe('typos are read as the words the minutes use', () => {
  it.each([
    ['recieved', 'received'],
    ['comittee', 'committee'],
    ['recruitmnet', 'recruitment'],
    ['alowances', 'allowances'],
    ['Leicestr', 'leicester'],
    ['Westms', 'westmereshire'],
    ['kickstart', null],
  ])('%s -> %s', (typed, meant) => {
    const read = readQuestion(`what was ${typed} about it`, { vocabulary: MINUTES_WORDS });
    if (meant) expect(read.corrections).toEqual([{ from: typed, to: meant }]);
    else expect(read.corrections).toEqual([]);
  });

  it('leaves real words the minutes never use alone, so a question about them stays unanswerable', () => {
    for (const word of ['potholes', 'libraries', 'parking', 'bypass']) {
      expect(correctTypo(word, MINUTES_WORDS)).toBeNull();
    }
  });

  it('never guesses a short word or changes the first letter', () => {
    expect(correctTypo('shcools', MINUTES_WORDS)).toBe('schools');
    expect(correctTypo('cshools', MINUTES_WORDS)).toBeNull();
    expect(correctTypo('tpsr', MINUTES_WORDS)).toBeNull();
  });

  it('splits two of the minutes words run together when the result is not a word itself', () => {
    expect(correctTypo('transportreport', MINUTES_WORDS)).toBe('transport report');
  });
});
