import { LlmUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { tokenize } from '../question/index.js';
import type { ChatModel, Citation, FallbackCode } from '../types.js';
import { type ContextBudget, choosePassages, estimateTokens } from './context.js';
import type { GivenPassage } from './passages.js';
import { ANSWER_STOP, answerInstructions, answerSchema, buildAnswerMessages, type Prompts } from './prompts.js';
import { draftText, readReply } from './reply.js';
import { type AnswerLimits, checkDraft, DEFAULT_ANSWER_LIMITS, type DroppedSentence } from './verify.js';

/**
 * Answering with the LLM: choose the passages that fit, ask (for JSON sentences with passage ids
 * where the endpoint supports it, else prose with `[n]` markers), read the reply whatever its
 * dress, and keep only the sentences the passages bear out. The caller gets a checked answer, the
 * model's refusal, or the reason to answer extractively instead.
 */

export interface ModelAnswerInput {
  chatModel: ChatModel;
  prompts: Prompts;
  logger: Logger;
  /** The question as searched (standalone). */
  question: string;
  /** The retrieved passages, best first. */
  ranked: GivenPassage[];
  history: boolean;
  budget: ContextBudget;
  limits?: AnswerLimits;
  signal?: AbortSignal;
  /** Receives the unchecked answer so far while the model writes it. */
  onDraft?: (draft: string) => void;
  /** Receives the model's whole reply and the passages it was given, before checking (for recording). */
  onReply?: (reply: string, passages: GivenPassage[]) => void;
}

export type ModelAnswer =
  | { kind: 'answer'; answer: string; citations: Citation[] }
  /** The model said the passages do not answer, and wrote nothing that survived checking. */
  | { kind: 'refused' }
  | { kind: 'fallback'; fallback: Fallback };

/** Why the model's answer was not used: a code for programs and a reason for people. */
export interface Fallback {
  code: FallbackCode;
  reason: string;
}

/** Tokens of the user message around the passages ("Passages from the minutes …", "Question: "). */
const WRAPPER_TOKENS = 40;
/** A reply this many times the word cap is a runaway: stop it there (the server stops generating). */
const RUNAWAY_FACTOR = 2;
/** Fewer than this share of the sentences that could be judged on substance surviving: the model is confabulating. */
const MIN_SURVIVING_SHARE = 0.5;

/** Why nothing of a model answer was kept. */
function nothingKept(dropped: DroppedSentence[]): Fallback {
  if (dropped.length === 0) return { code: 'unavailable', reason: 'the model wrote no answer' };
  if (dropped.every((d) => !d.cited)) {
    return { code: 'uncited', reason: 'the model cited none of the passages it was given' };
  }
  if (dropped.some((d) => d.substantive)) {
    return { code: 'unsupported', reason: 'no sentence of the model answer was borne out by the passages it cites' };
  }
  return { code: 'unsupported', reason: `no sentence of the model answer was usable (${dropped[0]?.why ?? 'empty'})` };
}

/** Asks the model and checks its answer. Throws only what is not the model's failure. */
export async function answerWithModel(input: ModelAnswerInput): Promise<ModelAnswer> {
  const limits = input.limits ?? DEFAULT_ANSWER_LIMITS;
  const structured = input.chatModel.structuredOutput;
  const instructions = answerInstructions(input.prompts, structured);
  const passages = choosePassages(input.ranked, {
    history: input.history,
    budget: input.budget,
    fixedTokens: estimateTokens(instructions) + estimateTokens(input.question) + WRAPPER_TOKENS,
  });

  let reply: string;
  try {
    let shown = '';
    reply = await input.chatModel.complete(
      buildAnswerMessages(input.prompts, passages, input.question, { structured }),
      {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(structured ? { jsonSchema: answerSchema(passages.length) } : { stop: ANSWER_STOP }),
        onText: (soFar) => {
          const draft = draftText(soFar);
          if (input.onDraft && draft !== shown) {
            shown = draft;
            input.onDraft(draft);
          }
          return tokenize(draft).length > limits.maxWords * RUNAWAY_FACTOR ? 'stop' : undefined;
        },
      },
    );
  } catch (error) {
    if (!(error instanceof LlmUnavailableError)) throw error;
    input.logger.warn(
      { event: 'llm_fallback', code: error.code, reason: error.message },
      'answering without the model',
    );
    return {
      kind: 'fallback',
      fallback: {
        code: error.timedOut ? 'timeout' : 'unavailable',
        reason: `the model was unavailable: ${error.message}`,
      },
    };
  }

  input.onReply?.(reply, passages);
  const draft = readReply(reply);
  const checked = checkDraft(draft.sentences, { passages, question: input.question, instructions }, limits);
  const judged = checked.kept + checked.dropped.filter((d) => d.substantive).length;
  input.logger.info(
    {
      event: 'llm_answer_checked',
      structured: draft.structured,
      passages: passages.length,
      kept: checked.kept,
      dropped: checked.dropped.map((d) => d.why),
      invalidCitations: checked.invalid,
    },
    'checked the model answer sentence by sentence',
  );

  if (checked.kept === 0) {
    if (draft.refusal) return { kind: 'refused' };
    return { kind: 'fallback', fallback: nothingKept(checked.dropped) };
  }
  if (checked.kept < judged * MIN_SURVIVING_SHARE) {
    return {
      kind: 'fallback',
      fallback: {
        code: 'unsupported',
        reason: `only ${checked.kept} of ${judged} sentences of the model answer were borne out by the passages they cite`,
      },
    };
  }
  return { kind: 'answer', answer: checked.answer, citations: checked.citations };
}
