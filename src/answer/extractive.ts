import { formatLongDate } from '../dates.js';
import { splitSentences } from '../minutes/sentences.js';
import {
  askedOf,
  type Concept,
  type DocTerms,
  docTerms,
  Glossary,
  mentions,
  type Question,
  sentenceGives,
  stems,
  topicBesideCouncilNames,
  withinDates,
} from '../question/index.js';
import type { Citation } from '../types.js';
import { formatMeetingRef } from './citation.js';
import { citationFor, type GivenPassage } from './passages.js';
import { looksLikeInstruction } from './text.js';

/**
 * Sentences every item has ("The Committee considered a report of the Director…", "That the report
 * be noted"): they name the topic without saying anything about it.
 */
const BOILERPLATE =
  /^(?:RESOLVED:?\s*)?(?:\(?[a-h]\)\s*)?That the (?:report|update|information|presentation|comments).{0,120}\bbe (?:noted|forwarded)|^The (?:Committee|Commission|Board|Panel) (?:considered|received) (?:a|the) (?:report|presentation)/i;

/** About how long an extractive answer may run: long enough to answer, short enough to read in Slack. */
const WORD_BUDGET = 130;
/** Share of the question's concepts one of a meeting's sentences must exceed for it to join the answer. */
const MIN_COVERAGE = 0.5;
/** Sentences from a meeting in the period a question names score this much higher. */
const PREFERRED_PERIOD_FACTOR = 1.3;
/**
 * How much a sentence gains for its item's place in the search ranking (first, second…), as a share
 * of the rarest concept's weight. Ranked by words alone, the ranking says little the sentence's own
 * words don't; ranked by meaning too, it knows what a question in other words ("kids learnt to use
 * the bus on their own") is about when the sentences share few of its words. On the tuning
 * questions (bench/answer-eval.ts), raising it from 0.3 to 1.0 with a vector half cited the right
 * item for 92 of 181 own-words questions instead of 87, with every other wording as good or better;
 * keyword-only, 1.0 cost two.
 */
const RANK_SHARE = { byMeaning: 1.0, byWords: 0.3 } as const;
/** A sentence longer than this is cut with an ellipsis: minutes sometimes run a paragraph as one. */
const MAX_SENTENCE_WORDS = 60;

export interface ExtractiveInput {
  /** The question as read (src/question). */
  question: Question;
  /** The numbered passages, best hit first. */
  passages: GivenPassage[];
  /** Answer meeting by meeting in date order, naming the first and latest mention. */
  history: boolean;
  /**
   * Whether the search that ranked the hits read the question's meaning (a vector half), not just
   * its words: then the ranking counts for more than the words a sentence shares with the question.
   */
  rankedByMeaning?: boolean;
}

export interface ExtractiveAnswer {
  answer: string;
  citations: Citation[];
}

interface Candidate {
  passage: GivenPassage;
  /** Position in the passage, to keep a meeting's sentences in the order they were minuted. */
  position: number;
  text: string;
  score: number;
  /** Share of the question's concepts the sentence mentions, 0..1. */
  coverage: number;
}

/** A meeting, as the unit an answer is grouped by. */
interface MeetingGroup {
  key: string;
  date: string | null;
  committee: string | null;
  best: number;
  candidates: Candidate[];
}

/** The acronyms the passages (and their items) define for themselves. */
export function glossaryOf(passages: GivenPassage[]): Glossary {
  const glossary = new Glossary();
  for (const text of new Set(passages.flatMap((p) => [p.text, p.hit.text]))) glossary.learn(text);
  return glossary;
}

/**
 * The question's concepts, with the long forms of acronyms the passages themselves define, so
 * "EHCP" finds "Education, Health and Care Plan" here even when the index's glossary lacks it.
 */
function conceptsFor(question: Question, passages: GivenPassage[]): Concept[] {
  const glossary = glossaryOf(passages);
  // Not the words naming a council the question names: its signature lines ("A true record,
  // attest: … Town of Harlow Notch") say them, its substance does not.
  return topicBesideCouncilNames(question.concepts, question.scope, question.scope.councils).map((concept) => {
    if (concept.phrases.length > 0 || !glossary.defines(concept.word)) return concept;
    const longForms = glossary.expand(concept.word);
    return { ...concept, phrases: longForms.map((form) => stems(form)), longForm: longForms[0] ?? null };
  });
}

/** Removes a leading sub-point label ("(ii) ", "b) ") which reads oddly out of its list. */
function tidy(sentence: string): string {
  const text = sentence.replace(/^\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})\)\s+/i, '').trim();
  const all = text.split(/\s+/);
  if (all.length <= MAX_SENTENCE_WORDS) return text;
  return `${all
    .slice(0, MAX_SENTENCE_WORDS)
    .join(' ')
    .replace(/[,;:]$/, '')}…`;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** What a concept named only in a sentence's item title counts for, against naming it in the sentence. */
const TITLE_ONLY_SHARE = 0.5;

/**
 * Scores every sentence of every passage by the question's concepts it mentions, each weighted by
 * how rare it is among the sentences (so "EHCP" counts for more than "children"), plus small
 * nudges: figures for "how many", names for "who", and the retriever's ranking of the hit (see
 * {@link RANK_SHARE}).
 */
function scoreSentences(question: Question, passages: GivenPassage[], rankShare: number): Candidate[] {
  const concepts = conceptsFor(question, passages);
  const raw: Array<{ passage: GivenPassage; position: number; text: string; present: DocTerms; title: DocTerms }> = [];
  for (const passage of passages) {
    const title = docTerms(passage.hit.title);
    splitSentences(passage.text).forEach((text, position) => {
      // Text that talks to the reader like a prompt is data at best: never offered as an answer.
      // Fragments (a date range, a heading) and lead-ins ending in a colon answer nothing.
      if (looksLikeInstruction(text) || wordCount(text) < 5 || /:$/.test(text)) return;
      raw.push({ passage, position, text, present: docTerms(text), title });
    });
  }
  const weights = concepts.map((concept) => {
    const df = raw.filter((r) => mentions(r.present, concept)).length;
    return Math.log(1 + raw.length / (1 + df));
  });
  const maxWeight = Math.max(0, ...weights);
  // The retriever's ranking, read from its scores: passages may be given in date order.
  const hits = [...new Set(passages.map((p) => p.hit))].sort((a, b) => b.score - a.score);
  const hitRank = new Map(hits.map((hit, rank) => [hit, rank]));
  const asked = askedOf(question);
  const givesAsked = (text: string) => question.facets.some((facet) => sentenceGives(facet, text, asked));

  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const prefer = question.dates.prefer;
  return raw.map((r) => {
    let score = 0;
    let matched = 0;
    concepts.forEach((concept, i) => {
      if (!mentions(r.present, concept)) return;
      score += weights[i] ?? 0;
      matched++;
    });
    // An item whose title names the topic speaks of it in every sentence, naming it or not
    // ("Quality Committee: The chair reported on…"): such sentences are candidates, below any
    // sentence that names the topic itself.
    if (score === 0) {
      concepts.forEach((concept, i) => {
        if (mentions(r.title, concept)) score += TITLE_ONLY_SHARE * (weights[i] ?? 0);
      });
    }
    const coverage = concepts.length > 0 ? matched / concepts.length : 0;
    if (score > 0) {
      // A sentence naming all of the question's topic outranks one that shares a single word.
      score *= 0.5 + (0.5 * score) / totalWeight;
      // A sentence giving what is asked (the figure, the date, the name) outranks one that only names the topic.
      if (givesAsked(r.text)) score += 0.5 * maxWeight;
      score += rankShare * maxWeight * (1 / (1 + (hitRank.get(r.passage.hit) ?? 0)));
      // Very long sentences match by sheer size; temper that a little.
      score /= 1 + wordCount(r.text) / 120;
      if (BOILERPLATE.test(r.text)) score *= 0.6;
      // A meeting from the period the question names ("after 18 June 2025", "in 2020") comes first.
      if (prefer && withinDates(r.passage.hit.date, prefer)) score *= PREFERRED_PERIOD_FACTOR;
    }
    return { passage: r.passage, position: r.position, text: r.text, score, coverage };
  });
}

/**
 * A question that names a day ("the meeting after 18/6/25", "on 2 June 2020") names one meeting:
 * when the minutes have a meeting that day, the answer comes from it alone, not from the same
 * wording in other meetings.
 */
function onTheDayNamed(groups: MeetingGroup[], question: Question): MeetingGroup[] {
  const day = question.dates.prefer;
  if (!day?.after || day.after !== day.before) return groups;
  const thatDay = groups.filter((g) => g.date === day.after);
  return thatDay.length > 0 ? thatDay : groups;
}

function meetingKey(passage: GivenPassage): string {
  return `${passage.hit.committee ?? ''}|${passage.hit.date ?? ''}|${passage.hit.date ? '' : passage.hit.title}`;
}

function groupByMeeting(candidates: Candidate[]): MeetingGroup[] {
  const groups = new Map<string, MeetingGroup>();
  for (const candidate of candidates) {
    const key = meetingKey(candidate.passage);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        date: candidate.passage.hit.date,
        committee: candidate.passage.hit.committee,
        best: 0,
        candidates: [],
      };
      groups.set(key, group);
    }
    group.candidates.push(candidate);
    group.best = Math.max(group.best, candidate.score);
  }
  for (const group of groups.values()) group.candidates.sort((a, b) => b.score - a.score);
  return [...groups.values()];
}

/** Oldest first; undated meetings last. */
function byDate(a: MeetingGroup, b: MeetingGroup): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/**
 * Picks the meetings and sentences to show. A question of fact takes the few best meetings and up
 * to three sentences from the best; a history question takes every meeting that clearly mentions
 * the topic, a sentence or two each. Both stop at the word budget.
 */
function select(groups: MeetingGroup[], history: boolean): Map<MeetingGroup, Candidate[]> {
  const best = Math.max(0, ...groups.map((g) => g.best));
  // A meeting earns its place by its best sentence: close to the best overall, and (after the
  // first) mentioning more than half of what the question asks about, so a meeting that only
  // shares one word ("growth" without "EHCP") does not pass for a mention.
  const ranked = groups
    .filter((g) => g.best >= best * (history ? 0.35 : 0.6))
    .sort((a, b) => b.best - a.best)
    .filter((g, i) => i === 0 || Math.max(...g.candidates.map((c) => c.coverage)) > MIN_COVERAGE);
  const meetings = ranked.slice(0, history ? 6 : 3);
  const perMeeting = history ? (meetings.length <= 3 ? 2 : 1) : meetings.length === 1 ? 3 : 2;
  const floor = history ? 0.5 : 0.4;
  const chosen = new Map<MeetingGroup, Candidate[]>(meetings.map((g) => [g, []]));
  let budget = WORD_BUDGET;

  // Round by round: every meeting's best sentence first, then second sentences while room remains.
  for (let round = 0; round < perMeeting; round++) {
    for (const group of meetings) {
      const candidate = group.candidates[round];
      if (!candidate || candidate.score < group.best * floor) continue;
      const cost = wordCount(tidy(candidate.text));
      const picked = chosen.get(group) ?? [];
      if (picked.length > 0 && cost > budget) continue;
      // A history answer keeps one sentence per meeting even over budget: leaving a meeting out
      // would misstate when the topic came up.
      if (picked.length === 0 && cost > budget && !history && [...chosen.values()].some((c) => c.length > 0)) continue;
      picked.push(candidate);
      chosen.set(group, picked);
      budget -= cost;
    }
  }
  // Minutes often name the topic in one sentence and give the substance in the next: for a
  // question of fact, the best sentence brings the one after it when that is still on the subject.
  const top = meetings[0];
  const lead = top ? chosen.get(top)?.[0] : undefined;
  if (!history && top && lead) {
    const next = top.candidates
      .filter((c) => c.passage === lead.passage && c.position > lead.position)
      .sort((a, b) => a.position - b.position)[0];
    const picked = chosen.get(top) ?? [];
    if (next && !picked.includes(next) && wordCount(tidy(next.text)) <= budget) picked.push(next);
  }
  for (const [group, picked] of chosen) if (picked.length === 0) chosen.delete(group);
  return chosen;
}

/** Where a sentence's passage sits in its item, so a meeting's sentences read in minuted order. */
function minutedOrder(candidate: Candidate): number {
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  const at = flat(candidate.passage.hit.text).indexOf(flat(candidate.passage.text).slice(0, 60));
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

/** A title cut to its first eight words: some run to a whole sentence. */
function shortTitle(title: string): string {
  const all = title.trim().split(/\s+/).filter(Boolean);
  return all.length <= 8
    ? all.join(' ')
    : `${all
        .slice(0, 8)
        .join(' ')
        .replace(/[,;:–-]$/, '')}…`;
}

/** "On 21 January 2020 (minute 58, Supporting Children with SEND)" or the plural for several items. */
function meetingHeading(group: MeetingGroup, picked: Candidate[], showCommittee: boolean): string {
  const when = group.date ? formatLongDate(group.date) : 'an undated meeting';
  const committee = showCommittee && group.committee ? `, ${group.committee}` : '';
  const items = [...new Map(picked.map((c) => [c.passage.hit, c.passage.hit])).values()];
  const minutes = items.map((hit) => hit.minute).filter((m): m is string => m !== null);
  let detail = '';
  if (items.length === 1 && items[0]) {
    const title = shortTitle(items[0].title);
    detail = [minutes[0] ? `minute ${minutes[0]}` : null, title || null].filter(Boolean).join(', ');
  } else if (minutes.length > 0) {
    detail = `minutes ${minutes.slice(0, -1).join(', ')}${minutes.length > 1 ? ' and ' : ''}${minutes[minutes.length - 1]}`;
  }
  return `On ${when}${committee}${detail ? ` (${detail})` : ''}`;
}

/**
 * Answers from the passages alone: the sentences that answer, grouped by meeting in date order,
 * each followed by the `[n]` of the passage it was taken from. Returns null when no sentence
 * mentions anything the question asks about.
 */
export function extractiveAnswer(input: ExtractiveInput): ExtractiveAnswer | null {
  const rankShare = input.rankedByMeaning ? RANK_SHARE.byMeaning : RANK_SHARE.byWords;
  const candidates = scoreSentences(input.question, input.passages, rankShare).filter((c) => c.score > 0);
  if (candidates.length === 0) return null;
  const chosen = select(onTheDayNamed(groupByMeeting(candidates), input.question), input.history);
  const meetings = [...chosen.keys()].sort(byDate);
  if (meetings.length === 0) return null;

  const citations: Citation[] = [];
  const numberOf = new Map<GivenPassage, number>();
  const cite = (passage: GivenPassage): number => {
    let n = numberOf.get(passage);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(passage, n);
      citations.push(citationFor(passage, n));
    }
    return n;
  };

  const showCommittee = new Set(meetings.map((g) => g.committee)).size > 1;
  const paragraphs: string[] = [];
  if (input.history) {
    const first = meetings[0];
    const last = meetings[meetings.length - 1];
    const firstItem = first ? chosen.get(first)?.[0]?.passage.hit : undefined;
    const lastItem = last ? chosen.get(last)?.[0]?.passage.hit : undefined;
    if (meetings.length > 1 && firstItem && lastItem) {
      paragraphs.push(
        `First raised on ${formatMeetingRef(firstItem.date, firstItem.minute)}; most recently on ` +
          `${formatMeetingRef(lastItem.date, lastItem.minute)}. ${meetings.length} meetings in the minutes searched discuss it:`,
      );
    } else if (firstItem) {
      paragraphs.push(
        `Only one meeting in the minutes searched discusses it: ${formatMeetingRef(firstItem.date, firstItem.minute)}.`,
      );
    }
  }
  for (const group of meetings) {
    const picked = [...(chosen.get(group) ?? [])].sort(
      (a, b) => minutedOrder(a) - minutedOrder(b) || a.passage.n - b.passage.n || a.position - b.position,
    );
    const sentences = picked.map((c) => {
      const text = tidy(c.text);
      const ended = /[.!?…]["”’)]?$/.test(text) ? text : `${text}.`;
      return `${ended} [${cite(c.passage)}]`;
    });
    paragraphs.push(`${meetingHeading(group, picked, showCommittee)}: ${sentences.join(' ')}`);
  }
  return { answer: paragraphs.join('\n\n'), citations };
}
