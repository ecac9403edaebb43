import { describe, expect, it } from 'vitest';
import { correctTypo, Glossary, readQuestion, readSlip, stem, type Vocabulary } from '../../src/question/index.js';

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

/** How many items use a stem, from the same made-up minutes. */
const usedBy = (s: string) =>
  ['received', 'committee', 'schools', 'kick', 'start', 'transport', 'report'].some((w) => stem(w) === s) ? 2 : 0;

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
    ['how short r we gonna be', 'how short are we going to be'],
    ['xmas lights over the summer hols', 'christmas lights over the summer holidays'],
    ['who couldnt make the march mtg', 'who sent apologies to the march meeting'],
    ['who missed the last meeting?', 'who sent apologies to the last meeting?'],
    ['they could not make a decision', 'they could not make a decision'],
    ['dunno if they wanna keep it', 'do not know if they want to keep it'],
    ['leics vs east mids', 'leicestershire vs east midlands'],
    // Contractions typed without the apostrophe, and shorthand with a possessive.
    ['whos the chair', 'who is the chair'],
    ["whats the dept's plan", "what is the department's plan"],
    ['why didnt the cttee agree', 'why did not the committee agree'],
    ['re: the audit', 'about the audit'],
    ["any news on the kids' centres", "any news on the children' centres"],
    // Texting shorthand, as the public lists of SMS abbreviations give it.
    ['y was it moved w/ no notice', 'why was it moved with no notice'],
    [
      'anything abt parking w/o permits btwn 2019 and 2021',
      'anything about parking without permits between 2019 and 2021',
    ],
    // Streets as addresses shorten them.
    ['did the hollow ln houses get permission', 'did the hollow lane houses get permission'],
    ['parking on station rd', 'parking on station road'],
  ])('"%s"', (asked, written) => {
    expect(readQuestion(asked).text).toBe(written);
  });

  it('writes out "app" only for minutes that say "application" and never "app"', () => {
    const planning = vocabulary({ application: 12, planning: 20 });
    expect(readQuestion('was the hollow ln app refused', { vocabulary: planning }).text).toBe(
      'was the hollow lane application refused',
    );
    const parking = vocabulary({ app: 3, application: 12, parking: 9 });
    expect(readQuestion('when does the parking app launch', { vocabulary: parking }).text).toBe(
      'when does the parking app launch',
    );
  });

  it('reads a negative contraction typed with its apostrophe, and "else", as no word of the topic', () => {
    const topicWords = (asked: string) => readQuestion(asked).concepts.map((c) => c.word);
    expect(topicWords("if a child isn't in school, how do we know they weren't excluded?")).toEqual([
      'child',
      'school',
      'excluded',
    ]);
    expect(topicWords('how fast do we place children compared with everyone else')).toEqual([
      'fast',
      'place',
      'children',
      'compared',
    ]);
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

  it('reads an acronym typed in lower case by its initials when it has no vowel, which no word lacks', () => {
    const read = readQuestion('hillcrest sd budget 17/18?? rtt times better?', { vocabulary: MINUTES_WORDS });
    expect(read.concepts.find((c) => c.word === 'sd')?.initials).toBe('sd');
    expect(read.concepts.find((c) => c.word === 'rtt')?.initials).toBe('rtt');
    // A word with vowels is a word, or shorthand for one, not initials.
    expect(
      readQuestion('precept amt?', { vocabulary: MINUTES_WORDS }).concepts.find((c) => c.word === 'amt'),
    ).toMatchObject({
      initials: null,
    });
  });
});

describe('what is and is not a word of the topic', () => {
  const words = (q: string) => readQuestion(q).concepts.map((c) => c.word);
  const subject = (q: string, word: string) => readQuestion(q).concepts.find((c) => c.word === word)?.subject;

  it('leaves out a month that no date phrase took ("in aug")', () => {
    expect(words('no ward surgery in aug - why?')).toEqual(['ward', 'surgery']);
  });

  it('tells verbs from nouns by their ending and what comes before', () => {
    expect(subject('what are they putting out to bid', 'putting')).toBe(false);
    expect(subject('what about parking charges', 'parking')).toBe(true);
    // "-ed" is a past form only where what is left is a word: "speed" is a noun.
    expect(subject('what about speed cameras', 'speed')).toBe(true);
    expect(subject('who funded it', 'funded')).toBe(false);
    expect(subject('are waiting times better or worse?', 'better')).toBe(false);
  });

  it('reads the words that ask for something of the topic as no subject of it, plurals too', () => {
    expect(subject('did we hit our fostering numbers last year', 'numbers')).toBe(false);
    expect(subject('any progress on the post-16 transport review', 'progress')).toBe(false);
    expect(subject('who declared an interest and whats the connection', 'connection')).toBe(false);
    expect(subject('what percentage of plans were issued on time', 'percentage')).toBe(false);
    // The topic's own words stay subjects.
    expect(subject('whats the latest on the library', 'library')).toBe(true);
  });

  it('reads words the minutes write as one, split in the question ("notice board")', () => {
    const read = readQuestion('where is the notice board', {
      vocabulary: vocabulary({ noticeboard: 1 }),
      itemsWith: (s) => (s === 'noticeboard' ? 1 : 0),
    });
    expect(read.concepts.find((c) => c.word === 'notice')).toMatchObject({ known: true });
    expect(read.concepts.find((c) => c.word === 'notice')?.stems).toContain('noticeboard');
  });

  it('marks a word that is neither English nor the minutes’ as unreadable, an English one not', () => {
    const read = readQuestion('precept amt for potholes', { vocabulary: MINUTES_WORDS, itemsWith: usedBy });
    expect(read.concepts.find((c) => c.word === 'amt')).toMatchObject({ known: false, unreadable: true });
    expect(read.concepts.find((c) => c.word === 'potholes')).toMatchObject({ known: false, unreadable: false });
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

  it('reads a word cut short as the minutes word it starts, the one more items use', () => {
    const words = vocabulary({ licence: 9, licensing: 4, licensee: 2, half: 7, halfway: 1, schedule: 3 });
    expect(readSlip('lic', words)).toEqual({ reading: 'licence', certain: true });
    expect(readSlip('sched', words)).toEqual({ reading: 'schedule', certain: true });
    // Too little left off to be a cut ("haf" is no "half"), and an English word is meant as written.
    expect(readSlip('haf', vocabulary({ half: 7 }))).toBeNull();
    expect(readSlip('lib', vocabulary({ library: 7 }))).toBeNull();
  });

  it('leaves words in everyday use alone, so a question about them stays unanswerable', () => {
    // "cameras" is two edits from "carers", "lanes" one from "lines": both are meant as written.
    const words = vocabulary({ carers: 12, lines: 5, ...Object.fromEntries(['schools', 'report'].map((w) => [w, 9])) });
    for (const word of ['potholes', 'libraries', 'parking', 'bypass', 'cameras', 'lanes']) {
      expect(correctTypo(word, MINUTES_WORDS)).toBeNull();
      expect(readSlip(word, words)).toBeNull();
    }
  });

  it('reads a dictionary word people hardly say as an alternative, never a correction', () => {
    // "skools" and "kickstart" are in the dictionary (slang, a trade name) but nobody says them.
    expect(readSlip('skools', MINUTES_WORDS)).toEqual({ reading: 'schools', certain: false });
    expect(readSlip('kickstart', MINUTES_WORDS)).toEqual({ reading: 'kick start', certain: false });
    expect(readSlip('recieved', MINUTES_WORDS)).toEqual({ reading: 'received', certain: true });

    const read = readQuestion('how many new skools r there', { vocabulary: MINUTES_WORDS, itemsWith: usedBy });
    expect(read.text).toBe('how many new skools are there');
    expect(read.corrections).toEqual([]);
    expect(read.alternatives).toEqual([{ word: 'skools', reading: 'schools' }]);
    // Both spellings count, and the word is neither known nor unknown: it may be either.
    expect(read.concepts.find((c) => c.word === 'skools')).toMatchObject({
      stems: ['skool', 'school'],
      alternative: 'schools',
      known: null,
    });
    expect(read.searchText).toBe('how many new skools (schools) are there');
    // Run together, the two words are a phrase of the concept.
    const kick = readQuestion('who funded kickstart', { vocabulary: MINUTES_WORDS, itemsWith: usedBy });
    expect(kick.concepts.find((c) => c.word === 'kickstart')?.phrases).toEqual([['kick', 'start']]);
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

describe('committees and councils named in part', () => {
  const names = {
    committees: ['Children and Young People Committee', 'Planning Committee'],
    councils: ['Pellham Parish Council', 'Wessmoor County Council'],
  };

  it('by the place in the name ("anything from pellham"), which is then scope, not topic', () => {
    const read = readQuestion('who chairs the meetings in pellham?', { names });
    expect(read.scope.councils).toEqual(['Pellham Parish Council']);
    expect(read.scope.councilPlaces).toEqual(new Map([['Pellham Parish Council', ['pellham']]]));
    expect(read.concepts.find((c) => c.word === 'pellham')?.subject).toBe(false);
    // Named in full, a council is named by no place word alone.
    expect(readQuestion('who chairs Pellham Parish Council?', { names }).scope.councilPlaces).toEqual(new Map());
  });

  it('in full with the kind of body cut to its initials ("pellham PC", "wessmoor cc")', () => {
    const read = readQuestion('who chairs pellham PC?', { names });
    expect(read.scope.councils).toEqual(['Pellham Parish Council']);
    expect(read.scope.councilPlaces).toEqual(new Map());
    expect(read.concepts.find((c) => c.word === 'pc')?.subject).toBe(false);
    expect(readQuestion('wessmoor cc budget 24/25?', { names }).scope.councils).toEqual(['Wessmoor County Council']);
    // Initials that are not the rest of the name name nothing.
    expect(readQuestion('wessmoor pc budget?', { names }).scope.councilPlaces).toEqual(
      new Map([['Wessmoor County Council', ['wessmoor']]]),
    );
  });

  it('with the place first ("Quarry Falls City Council" for the City of Quarry Falls), kept as written', () => {
    const towns = { committees: ['City Council'], councils: ['City of Quarry Falls', 'Borough of Kellsville'] };
    const read = readQuestion('Did the Quarry Falls City Council discuss a new police station?', { names: towns });
    expect(read.scope.councils).toEqual(['City of Quarry Falls']);
    expect(read.scope.councilsWritten).toEqual(new Map([['City of Quarry Falls', ['quarry', 'falls', 'city']]]));
    expect(read.concepts.filter((c) => c.subject).map((c) => c.word)).toEqual(['new', 'police', 'station']);
    expect(readQuestion('kellsville borough parking fines?', { names: towns }).scope.councils).toEqual([
      'Borough of Kellsville',
    ]);
    // By its initials alone, three letters or more ("TMU"); two name too much.
    const university = { committees: ['Council'], councils: ['Thornbury Metropolitan University'] };
    expect(readQuestion('TMU council - library phase 2 decision?', { names: university }).scope.councils).toEqual([
      'Thornbury Metropolitan University',
    ]);
    expect(readQuestion('QF budget?', { names: towns }).scope.councils).toEqual([]);
    // Two initials name the place when the body's noun follows them.
    expect(readQuestion('QF council new depot?', { names: towns }).scope.councils).toEqual(['City of Quarry Falls']);
    const county = { committees: ['Cabinet'], councils: ['Ashby Vale District Council'] };
    expect(readQuestion('av council leisure contract?', { names: county }).scope.councils).toEqual([
      'Ashby Vale District Council',
    ]);
    expect(readQuestion('av equipment budget?', { names: county }).scope.councils).toEqual([]);
    // A place of two words or more, named whole; a committee is never named by its first words.
    expect(readQuestion('is ashby vale building a new depot?', { names: county }).scope.councils).toEqual([
      'Ashby Vale District Council',
    ]);
    const care = { committees: ['Social Care Committee'], councils: [] };
    expect(readQuestion('what about social care?', { names: care }).scope.committees).toEqual([]);
    // A body's name asks for nothing: "Falls" is no fall.
    expect(
      readQuestion('How much will the Quarry Falls City Council spend on the depot?', { names: towns }).facets,
    ).toEqual(['money']);
  });

  it('never by a word questions are about ("children", "planning")', () => {
    const read = readQuestion('how many children need school places?', { names });
    expect(read.scope).toEqual({ committees: [], councils: [], councilPlaces: new Map(), councilsWritten: new Map() });
    expect(readQuestion('any planning applications refused?', { names }).scope.committees).toEqual([]);
    // In full, a committee is named whatever its words.
    expect(readQuestion('what did the Planning Committee refuse?', { names }).scope.committees).toEqual([
      'Planning Committee',
    ]);
  });
});

describe('everyday words read as the minutes’ words for the same thing (WordNet)', () => {
  const policing = vocabulary({ officers: 6, officer: 4, police: 9, vegetable: 3, allotments: 5, library: 0 });
  const itemsWith = (s: string) => (['offic', 'vegetabl', 'allot', 'polic'].includes(s) ? 3 : 0);

  it('reads slang and plain synonyms as the minutes’ words, so the word is not taken for a subject they lack', () => {
    const cops = readQuestion('how many more cops will the precept pay for', { vocabulary: policing, itemsWith });
    expect(cops.meanings).toEqual([{ word: 'cops', reading: 'police' }]);
    expect(cops.concepts.find((c) => c.word === 'cops')?.known).toBeNull();
    const veg = readQuestion('any news on the veg plots', { vocabulary: policing, itemsWith });
    expect(veg.meanings).toEqual([{ word: 'veg', reading: 'vegetable' }]);
  });

  it('reads no meaning the minutes do not use, and no wider word: a library is not read as a room', () => {
    const minutes = vocabulary({ room: 8, rooms: 3, building: 9 });
    const read = readQuestion('when will the new library open', { vocabulary: minutes, itemsWith: () => 0 });
    expect(read.meanings).toEqual([]);
    expect(read.concepts.find((c) => c.word === 'library')?.known).toBe(false);
  });
});
