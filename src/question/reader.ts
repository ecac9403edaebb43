import { type Concept, conceptsOf } from './concepts.js';
import { type QuestionDates, readQuestionDates, withoutDatePhrases } from './dates.js';
import { withoutFiller } from './filler.js';
import { Glossary } from './glossary.js';
import { askedFacets, asksForMeetingDates, countedWords, type Facet, isHistoryQuestion } from './intent.js';
import { type KnownNames, namedScope } from './names.js';
import { withoutShorthand } from './shorthand.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { correctTypo, type Vocabulary } from './typos.js';
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
  /** The particular things asked for (a cost, a number, a date…). */
  facets: Facet[];
  /** Stems of what a "how many" counts. */
  counted: string[];
  /** Committees and councils the question names. */
  scope: { committees: string[]; councils: string[] };
  /** Words read as typos of words the minutes use. */
  corrections: Array<{ from: string; to: string }>;
}

/** Reads a question. Without a context it still removes filler and reads dates and intent. */
export function readQuestion(asked: string, context: QuestionContext = {}): Question {
  const plain = withoutFiller(asked) || asked.trim();
  // With no glossary of the minutes, the common abbreviations still read.
  const glossary = context.glossary ?? new Glossary();
  const { vocabulary } = context;
  const { text, corrections } = vocabulary
    ? withTyposRead(withoutShorthand(plain), vocabulary, glossary)
    : { text: withoutShorthand(plain), corrections: [] };
  const dates = readQuestionDates(text, context.today);
  const history = isHistoryQuestion(text);
  const topic = withoutDatePhrases(text);
  const named = namedScope(topic, context.names);
  const meetingDates = asksForMeetingDates(text);
  const known = (word: string) => (vocabulary ? vocabulary.count(word) > 0 : true);
  const itemsWith = context.itemsWith;
  const concepts = conceptsOf(topic, {
    glossary,
    known,
    scopeWords: named.words,
    ...(meetingDates ? { keep: new Set(['meeting', 'meetings', 'date', 'dates']) } : {}),
  }).map((concept) => ({
    ...concept,
    weight: context.rarity ? context.rarity(concept.stems[0] ?? concept.word) : 1,
    // An acronym read by its initials is found or not in the passages themselves.
    known:
      itemsWith && concept.initials === null
        ? concept.stems.some((s) => itemsWith(s) > 0) || concept.phrases.some((p) => p.every((s) => itemsWith(s) > 0))
        : null,
  }));
  return {
    asked,
    text,
    searchText: withLongForms(text, concepts),
    topic,
    concepts,
    dates,
    history,
    meetingDates,
    facets: askedFacets(text, history),
    counted: countedStems(text, concepts),
    scope: { committees: named.committees, councils: named.councils },
    corrections,
  };
}

/**
 * The question with each word the minutes don't use, and that is no English word either, read as
 * the word of theirs it is most likely a slip for. Stopwords, all-capital acronyms and known
 * abbreviations are left alone.
 */
function withTyposRead(
  question: string,
  vocabulary: Vocabulary,
  glossary: Glossary,
): { text: string; corrections: Question['corrections'] } {
  const corrections: Question['corrections'] = [];
  // A question is a few dozen words; a pasted page is not checked word by word against the minutes.
  if (question.split(/\s+/).length > MAX_WORDS_FOR_TYPOS) return { text: question, corrections };
  const text = question.replace(/(?<![\p{L}\p{N}'’])\p{L}+(?![\p{L}\p{N}])/gu, (word) => {
    const lower = word.toLowerCase();
    if (isStopword(lower) || /^\p{Lu}+$/u.test(word) || glossary.expand(word).length > 0) return word;
    const fixed = correctTypo(lower, vocabulary);
    if (!fixed) return word;
    corrections.push({ from: word, to: fixed });
    return fixed;
  });
  return { text, corrections };
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

/** Stems of what a "how many" counts, with an acronym's long form ("FGCs": family, group, conference). */
function countedStems(text: string, concepts: Concept[]): string[] {
  return countedWords(text)
    .filter((word) => !isStopword(word))
    .flatMap((word) => {
      const concept = concepts.find((c) => c.word === word);
      return [stem(word), ...(concept?.phrases.flat() ?? [])];
    });
}
