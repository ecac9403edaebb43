import { type Concept, conceptsOf } from './concepts.js';
import { type QuestionDates, readQuestionDates, withoutDatePhrases } from './dates.js';
import { isCommonWord, isEnglishWord } from './english.js';
import { withoutFiller } from './filler.js';
import { Glossary } from './glossary.js';
import {
  askedFacets,
  asksForAverage,
  asksForLevel,
  asksForMeetingDates,
  asksForProcedure,
  asksForSomeone,
  countedWords,
  type Facet,
  isHistoryQuestion,
  officesAsked,
  type Stance,
  stanceAsked,
  sumKindsAsked,
} from './intent.js';
import { type KnownNames, namedScope } from './names.js';
import { type RecordAsk, readRecordAsk } from './records.js';
import { withoutMinutesShorthand, withoutShorthand } from './shorthand.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { readSlip, type Vocabulary } from './typos.js';
import { verbForms, type WordClass, wordClasses } from './word-class.js';
import { meaningInMinutes, verbsOfNoun, wordsMeaning } from './wordnet.js';
import { tokenize } from './words.js';

/**
 * The one reader of a question. Retrieval and answering both work from what it returns, so they
 * agree on what was asked: the filler is gone, shorthand and typos are resolved, dates, committee
 * and council names are read out, and what remains is the topic, as concepts.
 */

/** Questions longer than this (a pasted page) have no typo correction. */
const MAX_WORDS_FOR_TYPOS = 60;

/** What is known about the indexed minutes when a question is read; all optional. */
export interface QuestionContext {
  /** Acronyms the minutes define (and the common ones they may not). */
  glossary?: Glossary;
  /** The minutes' words, for matching typos to them. */
  vocabulary?: Vocabulary;
  /** How many items use a stem: 0 means the minutes never mention it. */
  itemsWith?: (stem: string) => number;
  /** How rare a stem is in the minutes (inverse document frequency): rare words say more. */
  rarity?: (stem: string) => number;
  /** The index's committees and councils, to recognise them when named. */
  names?: KnownNames;
  /** Today, for "last year". */
  today?: Date;
}

/** A concept of the question, with what the minutes say about its word. */
export interface ReadConcept extends Concept {
  /** Whether the minutes use it at all; null when that cannot be told (no statistics, or initials). */
  known: boolean | null;
  /** How much it says about the topic: its rarity in the minutes (1 without statistics). */
  weight: number;
  /**
   * Unknown to the minutes and no English word, read as no slip of theirs: chat shorthand nobody
   * wrote out ("amt") or a name they never give. Whether it names the topic cannot be told from it.
   */
  unreadable: boolean;
}

/** A question as read. */
export interface Question {
  /** As the person typed it. */
  asked: string;
  /** The question itself: filler removed, shorthand written out, typos corrected. */
  text: string;
  /** `text` with acronyms' long forms beside them: what the embedding model reads. */
  searchText: string;
  /** `text` without its date phrases: what the question is about. */
  topic: string;
  concepts: ReadConcept[];
  dates: QuestionDates;
  /** Asks how a topic was treated across meetings. */
  history: boolean;
  /** Asks when meetings are ("when is the next meeting?"). */
  meetingDates: boolean;
  /**
   * Asks for a meeting's housekeeping (apologies, declarations of interest, the last meeting's
   * minutes, the next meeting…): the items that record it are then not ranked down.
   */
  procedural: boolean;
  /** The particular things asked for (a cost, a number, a date…). */
  facets: Facet[];
  /** Stems of what a "how many" counts. */
  counted: string[];
  /**
   * Stems (each verb in all its forms) of what the counted did, as a "how many" says after naming
   * them: "attended" in "how many people attended the conference". A count of people that says
   * nothing of attending is a count of something else.
   */
  countedActs: string[];
  /** Stems of the words a "how many" puts before what it counts (see {@link countedModifiers}). */
  countedModifiers: string[];
  /** Stems of the kinds of sum the question names ("budget", "savings"), for a money answer. */
  sumKinds: string[];
  /** Whether it asks for an average ("the average weekly cost"): a single case's figure is no answer. */
  average: boolean;
  /** Whether it asks for a level or a total ("the precept after the rise"): a change alone is no answer. */
  level: boolean;
  /** The side it asks about ("how many spoke in favour"): a figure for the other side alone is no answer. */
  stance: Stance | null;
  /** The offices a "who holds it" names, each as the stems that say it ("chair", "chairman"…). */
  offices: string[][];
  /** Whether a "which" asks for someone (see {@link asksForSomeone}): only a name answers. */
  someone: boolean;
  /** Committees and councils the question names; `councilPlaces` as {@link NamedScope} gives it. */
  scope: {
    committees: string[];
    councils: string[];
    councilPlaces: Map<string, string[]>;
    councilsWritten: Map<string, string[]>;
  };
  /** Words read as typos of words the minutes use (no English word, so nothing else they could be). */
  corrections: Array<{ from: string; to: string }>;
  /** English words the minutes never use, read beside a near spelling of theirs ("skools": "schools"). */
  alternatives: Array<{ word: string; reading: string }>;
  /**
   * Everyday words the minutes never use, with a word of theirs that means the same ("cops":
   * "police", from WordNet). They only keep the word from deciding "not in the minutes"; search
   * reads the question as asked.
   */
  meanings: Array<{ word: string; reading: string }>;
  /** The minutes' one-word forms of words the question splits ("noticeboard" for "notice board"). */
  compounds: string[];
  /** What the minutes' records answer, when the question asks for one (a decision, a vote, who chaired…). */
  records: RecordAsk | null;
}

/** Reads a question. Without a context it still removes filler and reads dates and intent. */
export function readQuestion(asked: string, context: QuestionContext = {}): Question {
  const plain = withoutFiller(asked) || asked.trim();
  // With no glossary of the minutes, the common abbreviations still read.
  const glossary = context.glossary ?? new Glossary();
  const { vocabulary } = context;
  const { text, corrections, alternatives, meanings } = vocabulary
    ? withTyposRead(
        withoutMinutesShorthand(withoutShorthand(plain), (word) => vocabulary.count(word) > 0),
        vocabulary,
        glossary,
      )
    : { text: withoutShorthand(plain), corrections: [], alternatives: [], meanings: [] };
  const dates = readQuestionDates(text, context.today);
  const history = isHistoryQuestion(text);
  const topic = withoutDatePhrases(text);
  const named = namedScope(topic, context.names);
  const meetingDates = asksForMeetingDates(text);
  const known = (word: string) => (vocabulary ? vocabulary.count(word) > 0 : true);
  const itemsWith = context.itemsWith;
  const meaningOf = new Map(meanings.map((m) => [m.word, m.reading]));
  const joined = vocabulary ? joinedWords(topic, vocabulary) : new Map<string, string>();
  // Tagged only when a word the minutes never use needs judging: most questions have none, and
  // the tagger costs milliseconds a question (and its lexicon a load) on every read.
  let classes: Map<string, WordClass> | null = null;
  const classOf = (word: string) => {
    classes ??= wordClasses(topic);
    return classes.get(word);
  };
  const concepts = conceptsOf(topic, {
    glossary,
    known,
    scopeWords: named.words,
    alternatives: new Map(alternatives.map((a) => [a.word, a.reading])),
    joined,
    ...(meetingDates ? { keep: new Set(['meeting', 'meetings', 'date', 'dates']) } : {}),
  }).map((written) => {
    const usedBy = (s: string) => (itemsWith?.(s) ?? 0) > 0;
    let concept = written;
    let used = concept.stems.some(usedBy) || concept.phrases.some((p) => p.every(usedBy));
    // A verb the minutes don't use in this form may be one they use in another ("overspent" where
    // they say "overspend"), and a noun naming the act of a verb may be said with the verb ("its
    // suspension": "the licence was suspended"); a noun naming a thing is not ("the building" is no
    // form of "build"). Tagged only for such words, as the tagger costs time on every question.
    if (!used && itemsWith && concept.initials === null) {
      const wordClass = classOf(concept.word);
      const forms =
        wordClass === 'verb'
          ? verbForms(concept.word)
          : wordClass === 'noun' && NAMES_AN_ACT.test(concept.word)
            ? verbsOfNoun(concept.word).flatMap((verb) => [verb, ...verbForms(verb)])
            : [];
      const otherForms = forms.map(stem).filter(usedBy);
      if (otherForms.length > 0) {
        concept = { ...concept, stems: [...new Set([...concept.stems, ...otherForms])] };
        used = true;
      }
    }
    // Unknowable without statistics, and for an acronym read by its initials (found or not in the
    // passages themselves); a word the minutes use only if it is a slip may be either.
    let known: boolean | null = used;
    if (!itemsWith || concept.initials !== null) known = null;
    else if (concept.alternative !== null) known = used ? null : false;
    // A word of the asker's for something the minutes name otherwise is not a subject they lack.
    const meaning = meaningOf.get(concept.word);
    if (known === false && meaning && tokenize(meaning).map(stem).every(usedBy)) known = null;
    return {
      ...concept,
      // A word the minutes never use, used here as a verb or to qualify ("learnt", "pay", "shut",
      // "near"), is how the asker puts it, not a subject the minutes lack; a noun ("potholes") is.
      subject: concept.subject && !(known === false && isHowPut(concept.word, classOf)),
      weight: context.rarity ? context.rarity(concept.stems[0] ?? concept.word) : 1,
      known,
      unreadable: known === false && isUnreadable(concept),
    };
  });
  // What is asked is read without the bodies the question names: "how much will the Quarry Falls
  // council spend" asks for a sum, not by how much something falls.
  const asking = withoutWords(text, named.words);
  const howManyWords = countedWords(text);
  return {
    asked,
    text,
    searchText: withAlternatives(withLongForms(text, concepts), concepts),
    topic,
    concepts,
    dates,
    history,
    meetingDates,
    procedural: asksForProcedure(text),
    facets: askedFacets(asking, history),
    counted: countedStems(howManyWords, concepts),
    countedModifiers: countedModifiers(howManyWords, classOf),
    countedActs: countedActs(howManyWords, classOf),
    sumKinds: [...new Set(sumKindsAsked(asking).map(stem))],
    average: asksForAverage(asking),
    stance: stanceAsked(asking),
    level: asksForLevel(asking),
    offices: officesAsked(text).map((word) => concepts.find((c) => c.word === word)?.stems ?? [stem(word)]),
    someone: asksForSomeone(asking, (words) => headNoun(words, classOf)),
    scope: {
      committees: named.committees,
      councils: named.councils,
      councilPlaces: named.councilPlaces,
      councilsWritten: named.councilsWritten,
    },
    corrections,
    alternatives,
    meanings,
    compounds: [...new Set(joined.values())],
    records: readRecordAsk(text, topic),
  };
}

/**
 * Endings that make a noun of a verb's act ("suspension", "refurbishment", "closure", "refusal",
 * "clearance"); "-ing" is left out, as it names things as often ("building", "housing").
 */
const NAMES_AN_ACT = /(?:ion|ment|ure|al|ance|ence)s?$/;

/**
 * The question with each word the minutes don't use read against the words they do: one that is no
 * English word is replaced by the word of theirs it is most likely a slip for; one that is an
 * English word keeps its place and has a near spelling of theirs noted beside it, as an alternative
 * (see typos.ts). Stopwords, all-capital acronyms and known abbreviations are left alone.
 */
function withTyposRead(
  question: string,
  vocabulary: Vocabulary,
  glossary: Glossary,
): Pick<Question, 'text' | 'corrections' | 'alternatives' | 'meanings'> {
  const corrections: Question['corrections'] = [];
  const alternatives: Question['alternatives'] = [];
  const meanings: Question['meanings'] = [];
  // A question is a few dozen words; a pasted page is not checked word by word against the minutes.
  if (question.split(/\s+/).length > MAX_WORDS_FOR_TYPOS)
    return { text: question, corrections, alternatives, meanings };
  const text = question.replace(/(?<![\p{L}\p{N}'’])\p{L}+(?![\p{L}\p{N}])/gu, (word) => {
    const lower = word.toLowerCase();
    if (isStopword(lower) || /^\p{Lu}+$/u.test(word) || glossary.expand(word).length > 0) return word;
    const slip = readSlip(lower, vocabulary);
    if (!slip) {
      // An everyday word of the asker's for one of the minutes' ("cops" for "police"): noted, so the
      // word does not decide "not in the minutes"; the text is left as asked.
      const meaning = isEnglishWord(lower) ? meaningInMinutes(lower, vocabulary) : null;
      if (meaning) meanings.push({ word: lower, reading: meaning });
      return word;
    }
    if (!slip.certain) {
      alternatives.push({ word: lower, reading: slip.reading });
      return word;
    }
    corrections.push({ from: word, to: slip.reading });
    return slip.reading;
  });
  return { text, corrections, alternatives, meanings };
}

/**
 * A word that is no English word, is not the minutes' and reads as no slip of theirs: chat shorthand
 * nobody has written out ("amt", "abt"), or a name the minutes never give. A name everyone says
 * ("Christmas", "London") is not shorthand: the minutes never mentioning it decides. It cannot tell a question
 * about something the minutes lack from one put in shorthand, so it decides nothing; an English
 * word the minutes never use ("potholes") does.
 */
function isUnreadable(concept: Concept): boolean {
  return concept.phrases.length === 0 && !isCommonWord(concept.word);
}

/**
 * Neighbouring words of the question that the minutes write as one word ("notice board",
 * "noticeboard"; "play ground"), each mapped to that word.
 */
function joinedWords(topic: string, vocabulary: Vocabulary): Map<string, string> {
  const joined = new Map<string, string>();
  const words = tokenize(topic);
  for (let i = 0; i + 1 < words.length; i++) {
    const [left, right] = [words[i] ?? '', words[i + 1] ?? ''];
    if (isStopword(left) || isStopword(right) || left.length < 3 || right.length < 3) continue;
    if (vocabulary.count(left + right) > 0) {
      joined.set(left, left + right);
      joined.set(right, left + right);
    }
  }
  return joined;
}

/** "how many new skools" -> "how many new skools (schools)": the model reads both. */
function withAlternatives(text: string, concepts: Concept[]): string {
  let out = text;
  for (const concept of concepts) {
    if (!concept.alternative) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${concept.word})(?![\\p{L}\\p{N}])`, 'iu');
    out = out.replace(pattern, (word) => `${word} (${concept.alternative})`);
  }
  return out;
}

/** "How many LAC?" -> "How many LAC (looked after children)?": the model knows long forms better. */
function withLongForms(text: string, concepts: Concept[]): string {
  const flat = ` ${tokenize(text).map(stem).join(' ')} `;
  let out = text;
  for (const concept of concepts) {
    if (!concept.longForm || concept.phrases.some((p) => flat.includes(` ${p.join(' ')} `))) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${concept.word}s?)(?![\\p{L}\\p{N}])`, 'iu');
    out = out.replace(pattern, (acronym) => `${acronym} (${concept.longForm})`);
  }
  return out;
}

/**
 * Stems of what a "how many" counts, with an acronym's long form ("FGCs": family, group,
 * conference) and, where the long form is what was typed ("unaccompanied asylum seeking
 * children"), the acronym the minutes may count by instead ("103 UASC").
 */
function countedStems(howManyWords: string[], concepts: Concept[]): string[] {
  const words = howManyWords.filter((word) => !isStopword(word));
  const flat = ` ${words.map(stem).join(' ')} `;
  const acronyms = concepts
    .filter((c) => c.phrases.some((p) => flat.includes(` ${p.join(' ')} `)))
    .flatMap((c) => c.stems);
  return [
    ...words.flatMap((word) => {
      const concept = concepts.find((c) => c.word === word);
      return [stem(word), ...(concept?.phrases.flat() ?? [])];
    }),
    ...acronyms,
  ];
}

/**
 * Stems of the words a "how many" puts before the noun it counts ("parking" of "how many parking
 * spaces"): a number counting one of them counts something else ("five car parks").
 */
function countedModifiers(howManyWords: string[], classOf: (word: string) => WordClass | undefined): string[] {
  const head = headNoun(howManyWords, classOf);
  // What "how many" counts is a plural ("spaces", "children"); a word read otherwise ("kids learnt",
  // the tagger's noun) leaves the words unsplit.
  if (head === null || !/(?:s|children|people|men|women)$/.test(head)) return [];
  const before = howManyWords.slice(0, howManyWords.indexOf(head)).filter((word) => !isStopword(word));
  return [...new Set(before.map(stem))].filter((s) => s !== stem(head));
}

/**
 * The noun a phrase is about: the last of its first run of nouns ("parking spaces" -> spaces,
 * "families with children" -> families, "looked after children" -> children), or null when the
 * tagger reads no noun in it. A name after the noun starts a clause of its own ("recommendations
 * Ofsted made"), so a word no dictionary has ends the run.
 */
function headNoun(words: readonly string[], classOf: (word: string) => WordClass | undefined): string | null {
  const isNoun = (word: string | undefined) => word !== undefined && !isStopword(word) && classOf(word) === 'noun';
  let at = words.findIndex((word) => isNoun(word));
  if (at < 0) return null;
  while (isNoun(words[at + 1]) && isEnglishWord(words[at + 1] ?? '')) at++;
  return words[at] ?? null;
}

/**
 * Verbs that carry little of their own ("took part", "got funding", "had a place"): a count need
 * not repeat them.
 */
const LIGHT_VERBS = new Set(
  'take took taken get got gotten have had make made go went gone do did done give gave given be keep kept put'.split(
    ' ',
  ),
);

const MODALS = new Set('would will could can should may might must did does do'.split(' '));
const PLACED_BY = new Set(['under', 'within', 'into', 'inside']);

/**
 * What the counted did, as a "how many" says it after naming them (see `Question.countedActs`):
 * each verb in its forms and in the one-word verbs of its commonest senses ("finished": "completed").
 */
function countedActs(words: string[], classOf: (word: string) => WordClass | undefined): string[] {
  // After a modal the clause has another subject: "how many officers would the precept pay for".
  const modal = words.findIndex((word) => MODALS.has(word));
  const clause = modal < 0 ? words : words.slice(0, modal);
  const counted = clause.findIndex((word) => !isStopword(word));
  const verbs = clause.filter(
    (word, at) =>
      at > counted &&
      !isStopword(word) &&
      isEnglishWord(word) &&
      classOf(word) === 'verb' &&
      !LIGHT_VERBS.has(word) &&
      // The word after a light verb is its object, however tagged ("took part", "got fed").
      !LIGHT_VERBS.has(clause[at - 1] ?? '') &&
      // "Sit under", "come within": where the counted belong, not what they did.
      !PLACED_BY.has(clause[at + 1] ?? ''),
  );
  const sayings = verbs.flatMap((verb) => {
    const forms = [verb, ...verbForms(verb)];
    const others = forms.flatMap((form) => wordsMeaning(form, ['verb'])).filter((w) => /^\p{L}+$/u.test(w));
    return [...forms, ...others.filter((w) => !LIGHT_VERBS.has(w)).flatMap((w) => [w, ...verbForms(w)])];
  });
  return [...new Set(sayings.map(stem))];
}

/**
 * Whether a word so used says how a question is put rather than what it is about. Only an English
 * word is judged by its use: the tagger guesses a misspelt or shortened one from its ending.
 */
function isHowPut(word: string, classOf: (word: string) => WordClass | undefined): boolean {
  if (!isEnglishWord(word)) return false;
  const wordClass = classOf(word);
  // "-s" is a plural far more often than a verb in a question, which puts its verb after "does" or
  // "did": the tagger reads "school crossing patrols" as someone who patrols.
  if (wordClass === 'verb' && /[^s]s$/.test(word)) return false;
  return wordClass === 'verb' || wordClass === 'modifier';
}

/**
 * `text` with every whole word of `words` (lower case) taken out, small words ("of", "the") kept,
 * and one space left where they were: the asking patterns read "what were the Board's fees" with
 * the words spaced as typed.
 */
function withoutWords(text: string, words: ReadonlySet<string>): string {
  if (words.size === 0) return text;
  return text
    .replace(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu, (word) => {
      const lower = word.toLowerCase();
      return words.has(lower) && !isStopword(lower) ? ' ' : word;
    })
    .replace(/ {2,}/g, ' ');
}
