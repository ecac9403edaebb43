import {
  datePhrases as allDatePhrases,
  withoutDatePhrases as withoutAllDatePhrases,
  withoutFiller,
} from '../question/index.js';
import type { ConversationTurn } from '../types.js';

/** Openings that mark a question as leaning on the one before ("and in 2022?", "what about…"). */
const CONNECTIVE =
  /^(?:(?:ok(?:ay)?|thanks|right|great)[,.!]?\s+)?(?:and what about|and how about|what about|how about|and also|and|also|but|what of|same for|same question for)\b[,:]?\s*/i;

/** In a follow-up a year alone is a date: "and 2022?". */
const datePhrases = (text: string) => allDatePhrases(text, { bareYears: true });
const withoutDatePhrases = (text: string) => withoutAllDatePhrases(text, { bareYears: true });

/** Mentions, greetings, thanks and the like, which mean nothing to the search. */
function stripMentions(text: string): string {
  return withoutFiller(text);
}

function stripQuestionMark(text: string): string {
  return text.replace(/[?.!\s]+$/, '').trim();
}

/** "2022" alone reads as "in 2022" once appended to a question. */
function asDateClause(phrase: string): string {
  return /^(?:in|during|since|after|before|from|until|by|for|at|between|last|this)\b/i.test(phrase)
    ? phrase
    : `in ${phrase}`;
}

/** Whether `question` cannot stand alone and needs the one before it. */
export function isFollowUp(question: string): boolean {
  const text = stripQuestionMark(stripMentions(question));
  if (CONNECTIVE.test(text)) return true;
  const count = text.split(/\s+/).filter(Boolean).length;
  return count <= 4 && datePhrases(text).length > 0 && withoutDatePhrases(text).split(/\s+/).length <= 1;
}

/**
 * Rewrites one follow-up against the (standalone) question before it:
 * a new date phrase replaces the old ones ("and in 2022?"); a new topic replaces what came after
 * "about" ("what about knife crime?"); anything else is asked together with the earlier question.
 */
export function rewriteAgainst(previous: string, question: string): string {
  const cleaned = stripMentions(question);
  if (!isFollowUp(cleaned)) return cleaned;
  const rest = stripQuestionMark(stripQuestionMark(cleaned).replace(CONNECTIVE, ''));
  const base = stripQuestionMark(withoutDatePhrases(stripQuestionMark(previous)));
  const newDates = datePhrases(rest);
  const restTopic = stripQuestionMark(withoutDatePhrases(rest)).replace(/^(?:then|the same|that|it)$/i, '');
  const dates = (newDates.length > 0 ? newDates : datePhrases(previous)).map(asDateClause);
  const withDates = (text: string) => `${[text, ...dates].join(' ')}?`;

  if (!restTopic) return withDates(base);
  const topic = /\b(about|regarding|concerning|on)\s+(?!.*\b(?:about|regarding|concerning)\b)(.+)$/i.exec(base);
  if (topic?.index !== undefined) {
    return withDates(`${base.slice(0, topic.index)}${topic[1]} ${restTopic}`);
  }
  return withDates(`${base}: ${restTopic}`);
}

/**
 * The standalone question a thread's latest message asks, without a model: each earlier user turn
 * is resolved against the one before it, then the new question against the last of them. Plain
 * rules, so the result is predictable and testable; with an LLM configured, the model does this.
 */
export function rewriteFollowUp(question: string, history: ConversationTurn[]): string {
  let previous: string | null = null;
  for (const turn of history) {
    if (turn.role !== 'user' || !stripMentions(turn.text)) continue;
    previous = previous === null ? stripMentions(turn.text) : rewriteAgainst(previous, turn.text);
  }
  return previous === null ? stripMentions(question) : rewriteAgainst(previous, question);
}
