import { tokenize } from '../question/index.js';
import type { Citation } from '../types.js';
import { formatCitation } from './citation.js';
import { unsupportedFacts, wordSupport } from './grounding.js';
import { citationFor, type GivenPassage } from './passages.js';
import type { DraftSentence } from './reply.js';
import { looksLikeInstruction } from './text.js';

/**
 * Checks a model's draft sentence by sentence and keeps only what the passages bear out. A sentence
 * is kept when it cites at least one passage it was given, every figure, date and minute number in
 * it is in a passage it cites, most of its words are too, and it is plain prose of the answer (no
 * markup, delimiters, links, mentions, echoed instructions or question). Citations are rebuilt from
 * the passages, never from what the model wrote, and numbered in order of first use.
 */

export interface CheckContext {
  /** The passages the model was given, numbered as it saw them. */
  passages: GivenPassage[];
  question: string;
  /** The instructions the model was given, to recognise them when echoed back. */
  instructions: string;
}

export interface AnswerLimits {
  /** Words in the whole answer; sentences past it are left out. */
  maxWords: number;
  maxSentences: number;
}

/** Roomier than the prompt's "about 180 words", so a good answer is never cut, a runaway one always. */
export const DEFAULT_ANSWER_LIMITS: AnswerLimits = { maxWords: 230, maxSentences: 12 };
/** A sentence longer than this is a run-on or a loop, not minutes prose. */
const MAX_SENTENCE_WORDS = 80;
/** Share of a sentence's topic words that must come from the passages it cites. */
const MIN_WORD_SUPPORT = 0.5;

export interface DroppedSentence {
  text: string;
  why: string;
  /**
   * True when the sentence failed on substance (uncited, or saying what its passages do not); false
   * for form (markup, an echo, a repeat, the length cap), which says nothing of the model's accuracy.
   */
  substantive: boolean;
  /** Whether it cited at least one passage it was given. */
  cited: boolean;
}

export interface CheckedAnswer {
  /** The kept sentences with `[n]` markers, paragraphs separated by a blank line. */
  answer: string;
  citations: Citation[];
  kept: number;
  dropped: DroppedSentence[];
  /** Passage numbers cited that were never given. */
  invalid: number[];
}

/** Lower-case words only, for comparing a sentence with text it may have been copied from. */
function normalised(text: string): string {
  return tokenize(text).join(' ').toLowerCase();
}

/** What makes a sentence not plain answer prose, or null. */
function formProblem(text: string, context: CheckContext, labels: string[]): string | null {
  if (/<\s*<|>\s*>|<<|>>/.test(text)) return 'contains the data delimiters';
  if (/<\/?[a-z][^>]*>|<\|[^|]*\|>/i.test(text)) return 'contains markup';
  if (/\bhttps?:\/\/|\bwww\./i.test(text)) return 'contains a link';
  if (/(?:^|\s)@[\w-]|<[!@#]/.test(text) || looksLikeInstruction(text)) return 'addresses people or gives instructions';
  const count = tokenize(text).length;
  if (count < 3) return 'too short to be a sentence';
  if (count > MAX_SENTENCE_WORDS) return `one sentence of over ${MAX_SENTENCE_WORDS} words`;
  if (/\?["”']?$/.test(text)) return 'a question, not an answer';
  const plain = normalised(text);
  const question = normalised(context.question);
  if (plain.length >= 24 && normalised(context.instructions).includes(plain)) return 'echoes the instructions';
  if (question && (question.includes(plain) || plain.includes(question))) return 'echoes the question';
  if (labels.some((label) => plain.includes(label))) return "echoes a passage's citation line";
  return null;
}

/** "rose by 9%" + [1, 2] + "." -> "rose by 9% [1][2]." */
function withMarkers(text: string, numbers: number[]): string {
  const end = /[.!?]["”’)]*$/.exec(text);
  const body = end ? text.slice(0, end.index) : text;
  const stop = end ? end[0] : '.';
  return `${body.trimEnd()} ${numbers.map((n) => `[${n}]`).join('')}${stop}`;
}

/** The meeting a sentence is about, to lay a multi-meeting answer out a paragraph per meeting. */
function meetingOf(passage: GivenPassage | undefined): string {
  return passage ? `${passage.hit.committee ?? ''}|${passage.hit.date ?? ''}` : '';
}

/** Checks `draft` against the passages; see the module comment for what is kept. */
export function checkDraft(
  draft: DraftSentence[],
  context: CheckContext,
  limits: AnswerLimits = DEFAULT_ANSWER_LIMITS,
): CheckedAnswer {
  const byNumber = new Map(context.passages.map((p) => [p.n, p]));
  const labels = context.passages
    .map((p) => normalised(formatCitation({ ...p.hit, points: p.points })))
    .filter((label) => label.length >= 20);
  const renumbered = new Map<number, number>();
  const citations: Citation[] = [];
  const invalid = new Set<number>();
  const dropped: DroppedSentence[] = [];
  const seen = new Set<string>();
  const paragraphs: string[][] = [];
  let words_ = 0;
  let kept = 0;
  let lastMeeting = '';

  for (const sentence of draft) {
    const given = sentence.cites.filter((n) => byNumber.has(n));
    const drop = (why: string, substantive: boolean) =>
      dropped.push({ text: sentence.text, why, substantive, cited: given.length > 0 });
    for (const n of sentence.cites) if (!byNumber.has(n)) invalid.add(n);
    const form = sentence.problem ?? formProblem(sentence.text, context, labels);
    if (form) {
      drop(form, false);
      continue;
    }
    if (given.length === 0) {
      drop(sentence.cites.length > 0 ? 'cites only passages it was not given' : 'cites no passage', true);
      continue;
    }
    const cited = given.map((n) => byNumber.get(n) as GivenPassage);
    const facts = unsupportedFacts(sentence.text, cited);
    if (facts.length > 0) {
      drop(`states ${facts.join(', ')}, not in the passages it cites`, true);
      continue;
    }
    if (wordSupport(sentence.text, cited) < MIN_WORD_SUPPORT) {
      drop('most of its words are not in the passages it cites', true);
      continue;
    }
    const plain = normalised(sentence.text);
    if (seen.has(plain)) {
      drop('repeats an earlier sentence', false);
      continue;
    }
    const length = tokenize(sentence.text).length;
    if (kept >= limits.maxSentences || words_ + length > limits.maxWords) {
      drop('past the length cap', false);
      continue;
    }
    seen.add(plain);
    kept++;
    words_ += length;

    const numbers: number[] = [];
    for (const n of given) {
      let m = renumbered.get(n);
      if (m === undefined) {
        m = renumbered.size + 1;
        renumbered.set(n, m);
        citations.push(citationFor(byNumber.get(n) as GivenPassage, m));
      }
      if (!numbers.includes(m)) numbers.push(m);
    }
    const meeting = meetingOf(cited[0]);
    const current = paragraphs[paragraphs.length - 1];
    if (!current || sentence.paragraph || meeting !== lastMeeting)
      paragraphs.push([withMarkers(sentence.text, numbers)]);
    else current.push(withMarkers(sentence.text, numbers));
    lastMeeting = meeting;
  }

  return {
    answer: paragraphs.map((p) => p.join(' ')).join('\n\n'),
    citations,
    kept,
    dropped,
    invalid: [...invalid].sort((a, b) => a - b),
  };
}
