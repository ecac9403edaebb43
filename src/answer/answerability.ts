import { splitSentences } from '../minutes/sentences.js';
import {
  askedOf,
  type Concept,
  type DocTerms,
  docTerms,
  type Facet,
  isStopword,
  mentions,
  namesAnotherPeriod,
  namesPeriodAsked,
  namesPeriodOfKind,
  type Periods,
  periodsNamed,
  type Question,
  type ReadConcept,
  saysAnyOf,
  sentenceGives,
  stem,
  stems,
  withoutMeetingMonth,
  wordClasses,
} from '../question/index.js';
import { MEANING_MATCH_AT, NOT_COVERED_BELOW, UNKNOWN_WORD_BELOW } from '../retrieve/retriever.js';
import type { SearchResult } from '../types.js';
import type { GivenPassage } from './passages.js';

/**
 * Whether the minutes answer a question: the one place that decides "not in the minutes", in both
 * modes (with a model or without). It looks at what the question is about (its concepts, with the
 * filler already gone: "hi", "thanks" or "@channel" cannot move it) and at what was found:
 *
 * - nothing found, or nothing found that mentions the topic at all: not found;
 * - a subject the minutes never mention ("library" in minutes without libraries): not found, or,
 *   when the rest of the topic is discussed, a near miss ("the minutes discuss school transport
 *   but never mention libraries") — unless the best item matches so well that the word can only
 *   be another way of saying what it does say. A word that is no English word either ("amt", a
 *   name) may be shorthand: with the vector half, the score of the whole question decides. Asked
 *   of one council, a subject only other councils' minutes mention counts as never mentioned;
 * - the best item scoring under the retriever's threshold: not found;
 * - the topic's words found only apart, never in one passage: a near miss ("the minutes discuss
 *   “leisure” and “centre” but never together");
 * - the topic discussed but not the particular thing asked — a cost, a number, a date, a closure,
 *   a vote, a person, which ones — in the sentences that name the topic best: a near miss ("the minutes
 *   discuss children's centres but don't record any closure"), rather than an answer built from a
 *   figure about something else.
 */
export type Answerability =
  | { answerable: true }
  | { answerable: false; reason: 'nothing_found' | 'off_topic' | 'low_score' }
  | {
      answerable: false;
      reason: 'near_miss';
      /** What the minutes do discuss, in the question's words. */
      discussed: string;
      /** What they leave out, as a predicate: "don't record when", "never mention building". */
      missing: string;
      /** The passages where the topic is discussed, best first. */
      where: GivenPassage[];
    };

export interface AnswerabilityOptions {
  /** Best-hit score below which nothing found counts: the retriever's own by default. */
  threshold?: number;
}

/** How each facet is said when the minutes don't record it. */
const NOT_RECORDED: Record<Facet, string> = {
  money: "don't record a sum of money for it",
  count: "don't record how many",
  share: "don't record a share or percentage",
  amount: "don't record a figure for it",
  duration: "don't record how long",
  date: "don't record when",
  closure: "don't record any closure",
  vote: "don't record a vote",
  rating: "don't record a rating or grade",
  person: "don't record who",
  holder: "don't record who",
  named: "don't name them",
};

/** Facets answered by a figure, which belongs to a period when the question names one. */
const FIGURE_FACETS: ReadonlySet<Facet> = new Set(['money', 'count', 'share', 'amount']);

/**
 * Below this share of the topic (by rarity) in any one passage, the topic's words are found only
 * apart: "new leisure centre" in minutes that mention leisure providers and children's centres.
 */
const TOGETHER_SHARE = 0.5;

/** The share of a question's subject (by rarity) a council's own minutes must lack to lack it. */
const LACKED_HERE_SHARE = 0.5;

/**
 * A sentence names the topic "best" when it covers at least this share of what the best one covers
 * (by rarity): minutes name a topic once and give its figure a few words on, without every word.
 */
const TOPIC_SENTENCE_SHARE = 0.8;

/** What an item records as a whole, wherever in it: the vote on its motion is said once, at its end. */
const ITEM_FACETS: ReadonlySet<Facet> = new Set(['vote']);

interface Sentence {
  passage: GivenPassage;
  text: string;
  doc: DocTerms;
  /** Every sentence of its passage, in order. */
  others: string[];
  /** Its place among them. */
  at: number;
}

/** Decides whether the found passages answer the question (see {@link Answerability}). */
export function decideAnswerability(
  question: Question,
  result: SearchResult,
  passages: GivenPassage[],
  options: AnswerabilityOptions = {},
): Answerability {
  const best = result.hits[0];
  if (!best || passages.length === 0) return { answerable: false, reason: 'nothing_found' };

  const found = foundIn(passages);
  const topic = question.concepts;
  const subjects = topic.filter((c) => c.subject);
  // A question asked in words the minutes don't use, that means what a found item says.
  const meantByAnItem = result.hits.some((hit) => (hit.similarity ?? 0) >= MEANING_MATCH_AT);
  // Only a question that names something can be off topic: "what changed in 2020?" names nothing.
  if (subjects.length > 0 && !topic.some(found) && !meantByAnItem) return { answerable: false, reason: 'off_topic' };

  // A word that may be shorthand or a name ("amt", "orlo") is left to the meaning of the whole
  // question when there is a vector half to judge it; keyword search has only the words.
  const unknown = [
    ...subjects.filter((c) => c.known === false && !(c.unreadable && !result.scope.keywordOnly)),
    ...lackedByCouncilAsked(subjects, result, found),
  ];
  const discussed = subjects.filter((c) => c.known !== false && found(c));
  if (unknown.length > 0 && best.score < UNKNOWN_WORD_BELOW && !meantByAnItem) {
    if (discussed.length === 0) return { answerable: false, reason: 'off_topic' };
    return nearMiss(
      question,
      discussed,
      passages,
      `never mention ${listed(unknown.map((c) => wordAsAsked(question, c)))}`,
    );
  }
  if (best.score < (options.threshold ?? NOT_COVERED_BELOW) && !meantByAnItem) {
    return { answerable: false, reason: 'low_score' };
  }
  if (discussed.length > 1 && togetherShare(discussed, passages) < TOGETHER_SHARE) {
    return {
      answerable: false,
      reason: 'near_miss',
      discussed: listed(discussed.map((c) => `“${wordAsAsked(question, c)}”`)),
      missing: 'never together',
      where: passages.filter((p) => discussed.some((c) => mentions(docTerms(`${p.hit.title} ${p.text}`), c))),
    };
  }

  if (question.facets.length > 0 && discussed.length > 0) {
    const top = sentencesNamingTopic(discussed, passages);
    const given = new Set(topicStems(question));
    // A name the question or the item's title already gives answers no "who".
    // An office the item's title names ("Election of Vice-Chairman") need not be said again.
    const ofQuestion = askedOf(question);
    const asked = (s: Sentence, text: string) => {
      const title = new Set(stems(s.passage.hit.title));
      return {
        ...ofQuestion,
        // The kind of sum named where the topic is ("whether the overspend would recur") is the kind
        // of the sum said just after it ("£1.9m of it was expected to continue").
        sumKinds: text !== s.text && saysAnyOf(s.text, question.sumKinds) ? [] : question.sumKinds,
        questionStems: new Set([...given, ...title]),
        offices: question.offices.filter((office) => !office.some((said) => title.has(said))),
      };
    };
    // A figure for another period than the one asked ("month two" for "month three") is no answer,
    // unless the item itself is about the period asked ("Budget Outturn 2023/24"), when its other
    // periods are looks ahead or back. A date asked for is measured from the one named, not in it.
    const period = periodsNamed(question.text);
    // A figure that names no period is the item's: "overspent by £3.2m" under "Budget Outturn
    // 2023/24" is no answer for 2022/23.
    // One that names no period of the kind asked is for the period named last before it: "the
    // Return for 2024/25 … Section 2 … showing receipts (including precept of £52,500)".
    const otherPeriod = (s: Sentence, text: string) => {
      const asked = withoutMeetingMonth(period, s.passage.hit.date);
      const title = s.passage.hit.title;
      if (namesAnotherPeriod(text, asked)) return !namesPeriodAsked(title, asked);
      const carried = namesPeriodOfKind(text, asked) ? null : periodBefore(s.others, s.others.indexOf(text), asked);
      if (carried !== null) return namesAnotherPeriod(carried, asked) && !namesPeriodAsked(title, asked);
      return periodsNamed(text).size === 0 && namesAnotherPeriod(title, asked);
    };
    const gives = (facet: Facet, s: Sentence, text: string) =>
      sentenceGives(facet, text, asked(s, text)) && !(FIGURE_FACETS.has(facet) && otherPeriod(s, text));
    const missing = question.facets.find(
      (facet) =>
        !top.some(
          (s) =>
            gives(facet, s, s.text) ||
            // The sentence after the topic's, where minutes often put the substance.
            gives(facet, s, s.others[s.at + 1] ?? '') ||
            (ITEM_FACETS.has(facet) && s.others.some((other) => gives(facet, s, other))),
        ),
    );
    if (missing)
      return nearMiss(
        question,
        discussed,
        top.map((s) => s.passage),
        NOT_RECORDED[missing],
      );
  }
  return { answerable: true };
}

/** The nearest sentence before `at` that names a period of a kind asked about, or null. */
function periodBefore(sentences: readonly string[], at: number, asked: Periods): string | null {
  for (let i = at - 1; i >= 0; i--) {
    const sentence = sentences[i] ?? '';
    if (namesPeriodOfKind(sentence, asked)) return sentence;
  }
  return null;
}

/**
 * The subjects of a question asked of one council that its minutes lack though other councils'
 * use them ("staff pay awards" at a university whose minutes have none, a taxi driver's licence at
 * a licensing sub-committee of premises licences): words found in no passage of the search scoped
 * to it, when they are half the subject or more — a word or two the asker puts otherwise does not
 * make the rest unanswerable.
 */
function lackedByCouncilAsked(
  subjects: ReadConcept[],
  result: SearchResult,
  found: (concept: Concept) => boolean,
): ReadConcept[] {
  if (result.scope.filters.council === undefined || result.scope.councilByDefault) return [];
  const lacked = subjects.filter((c) => c.known === true && c.initials === null && !found(c));
  const weightOf = (concepts: ReadConcept[]) => concepts.reduce((sum, c) => sum + c.weight, 0);
  return weightOf(lacked) >= LACKED_HERE_SHARE * weightOf(subjects) ? lacked : [];
}

/** The largest share of the discussed concepts' weight that one passage (with its title) covers. */
function togetherShare(discussed: ReadConcept[], passages: GivenPassage[]): number {
  const total = discussed.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 1;
  let best = 0;
  for (const passage of passages) {
    const doc = docTerms(`${passage.hit.title} ${passage.text}`);
    best = Math.max(
      best,
      discussed.filter((c) => mentions(doc, c)).reduce((sum, c) => sum + c.weight, 0),
    );
  }
  return best / total;
}

/** Whether any passage (or its item's title or text) mentions a concept. */
function foundIn(passages: GivenPassage[]): (concept: Concept) => boolean {
  const docs = [...new Set(passages.flatMap((p) => [p.text, p.hit.title, p.hit.text]))].map(docTerms);
  return (concept) => docs.some((doc) => mentions(doc, concept));
}

/**
 * The sentences that name the topic best: those mentioning the most of the topic's concepts that
 * were found, each weighted by its rarity (each passage read with its item's title, which names what
 * every sentence is about).
 */
function sentencesNamingTopic(discussed: ReadConcept[], passages: GivenPassage[]): Sentence[] {
  const sentences: Array<Sentence & { covered: number }> = [];
  for (const passage of passages) {
    const title = docTerms(passage.hit.title);
    // Words naming the meeting's own body ("Ashcombe Vale Primary Academy" of its governing board)
    // are in its heading and page headers, not the sentence about the topic.
    const body = docTerms(`${passage.hit.council ?? ''} ${passage.hit.committee ?? ''}`);
    const topical = discussed.filter((c) => !mentions(body, c));
    const split = splitSentences(passage.text);
    split.forEach((text, i) => {
      const doc = docTerms(text);
      const covered = (topical.length > 0 ? topical : discussed)
        .filter((c) => mentions(doc, c) || mentions(title, c))
        .reduce((sum, c) => sum + c.weight, 0);
      sentences.push({ passage, text, doc, others: split, at: i, covered });
    });
  }
  const most = Math.max(0, ...sentences.map((s) => s.covered));
  return most === 0 ? [] : sentences.filter((s) => s.covered >= TOPIC_SENTENCE_SHARE * most);
}

function nearMiss(question: Question, discussed: ReadConcept[], where: GivenPassage[], missing: string): Answerability {
  return {
    answerable: false,
    reason: 'near_miss',
    discussed: phraseOf(question, discussed),
    missing,
    where: [...new Set(where)],
  };
}

/** The stems of every word of the question's topic, for telling names it gives from new ones. */
function topicStems(question: Question): string[] {
  return (question.topic.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}

/** A concept as the question wrote it ("children's centres" keeps its apostrophe). */
function wordAsAsked(question: Question, concept: Concept): string {
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${concept.word}[\\p{L}'’]*`, 'iu').exec(question.topic);
  return match?.[0] ?? concept.word;
}

/**
 * The discussed concepts as the question words them: runs of neighbouring words kept together
 * ("Knife Angel visit", "children's centres"), runs joined with commas and "and".
 */
function phraseOf(question: Question, discussed: Concept[]): string {
  const words = question.topic.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // What the question does to the topic ("who chairs the partnership") does not open the phrase.
  // (Only there: the tagger reads "youth centres cost" and "transport costs" with verbs in them.)
  const classes = wordClasses(question.topic);
  const isDiscussed = (word: string, opening: boolean) => {
    const lower = word.toLowerCase();
    const s = stem(lower.replace(/['’]s$/, ''));
    return (
      !(opening && classes.get(lower) === 'verb') && discussed.some((c) => c.stems.includes(s) || c.word === lower)
    );
  };
  const runs: string[][] = [];
  let run: string[] = [];
  let pending: string[] = [];
  for (const word of words) {
    if (isDiscussed(word, runs.length === 0 && run.length === 0)) {
      run.push(...pending, word);
      pending = [];
    } else if (run.length > 0 && pending.length < 2 && isStopword(word.toLowerCase())) {
      // "Lead Member for Children": small words between two discussed ones stay in the phrase.
      pending.push(word);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
      pending = [];
    }
  }
  if (run.length > 0) runs.push(run);
  // Every discussed word read as what the question does ("support boats" tagged as verbs): the words.
  if (runs.length === 0) return listed(discussed.map((c) => wordAsAsked(question, c)));
  return listed(runs.map((r) => r.join(' ')));
}

function listed(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
