import { chronological, dataBlock, type GivenPassage } from './passages.js';

/**
 * Which passages the model reads. Budgeted in tokens, not passages: a 4k-context local model must
 * never be sent more than fits beside the instructions and its answer. And only passages that hold
 * up against the best one: a one-line fact question is answered by one or two passages, and a dozen
 * weak ones beside them only give a small model more to confuse.
 */

export interface ContextBudget {
  /** The model's context window, in tokens. */
  contextTokens: number;
  /** Tokens kept free for the answer. */
  answerTokens: number;
}

/**
 * Characters per token, on the low side for English (GPT and Llama tokenizers give about 4) so the
 * estimate errs towards sending less. No tokenizer is loaded: the model behind the endpoint is unknown.
 */
const CHARS_PER_TOKEN = 3.2;
/** Kept free besides the answer: chat-template tokens and estimation error. */
const SAFETY_SHARE = 0.1;
/**
 * A passage is read only if it scores at least this share of the best passage's score. A history
 * question goes wider: its answer spans meetings, and older mentions often score lower. Measured
 * over the 31 answerable dev and extra questions on the corpus: every answering item's best passage
 * scored at least 0.84 of the best for questions of fact, and at least 0.60 for history questions.
 */
export const RELATIVE_SCORE = { fact: 0.75, history: 0.55 } as const;

/** A conservative token count for `text`. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/**
 * The passages for the model, renumbered from 1: those scoring within {@link RELATIVE_SCORE} of the
 * best, best first, as many as fit in the tokens the budget leaves after the fixed part of the prompt
 * (`fixedTokens`) and the answer. At least the best passage is always given, cut to fit if need be.
 * A history question's passages are then put in date order, as its answer goes.
 */
export function choosePassages(
  ranked: GivenPassage[],
  options: { history: boolean; budget: ContextBudget; fixedTokens: number },
): GivenPassage[] {
  const best = Math.max(...ranked.map((p) => p.score));
  const floor = best * (options.history ? RELATIVE_SCORE.history : RELATIVE_SCORE.fact);
  const { contextTokens, answerTokens } = options.budget;
  let room = Math.floor(contextTokens * (1 - SAFETY_SHARE)) - answerTokens - options.fixedTokens;
  const chosen: GivenPassage[] = [];
  for (const passage of [...ranked].sort((a, b) => b.score - a.score || a.n - b.n)) {
    if (chosen.length > 0 && passage.score < floor) break;
    const numbered = { ...passage, n: chosen.length + 1 };
    const cost = estimateTokens(dataBlock(numbered)) + 2;
    if (cost > room) {
      if (chosen.length === 0) chosen.push(cutToFit(numbered, room));
      break;
    }
    chosen.push(numbered);
    room -= cost;
  }
  return options.history ? chronological(chosen) : chosen;
}

/** The passage cut at a word boundary so its block fits `tokens` (keeping at least a sentence's worth). */
function cutToFit(passage: GivenPassage, tokens: number): GivenPassage {
  const overhead = estimateTokens(dataBlock({ ...passage, text: '' }));
  const chars = Math.max(200, Math.floor((tokens - overhead) * CHARS_PER_TOKEN));
  if (passage.text.length <= chars) return passage;
  return { ...passage, text: `${passage.text.slice(0, chars).replace(/\s+\S*$/, '')} …` };
}
