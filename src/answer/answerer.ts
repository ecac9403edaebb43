import { BadInputError, LlmUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type Question, readQuestion, unknownBodyNamed } from '../question/index.js';
import { NOT_COVERED_BELOW } from '../retrieve/retriever.js';
import type { Answer, Answerer, AskOptions, ChatModel, Citation, Retriever, SearchResult } from '../types.js';
import { type Answerability, decideAnswerability } from './answerability.js';
import type { ContextBudget } from './context.js';
import { extractiveAnswer, glossaryOf } from './extractive.js';
import { rewriteFollowUp } from './follow-up.js';
import { answerWithModel, type Fallback } from './model-answer.js';
import { closestText, nearMissText, notFoundText, notHeld, searchedOf } from './not-found.js';
import { chronological, citationFor, type GivenPassage, numberPassages } from './passages.js';
import { buildFollowUpMessages, loadPrompts, type Prompts } from './prompts.js';
import { answerFromRecords, markDrafts } from './records.js';

/** Hits asked of the retriever: a history question needs more meetings than a question of fact. */
const K_FACT = 6;
const K_HISTORY = 10;
/** Evidence passages per hit and in all: bounds the prompt and the extractive scorer. */
const PASSAGES_PER_HIT = 3;
const MAX_PASSAGES = 18;
/** A rewritten follow-up longer than this is not a question: the model went off script. */
const MAX_STANDALONE_CHARS = 400;
/** Passages cited for where a near miss's topic is discussed, or where a refused answer comes closest. */
const NEAR_MISS_CITATIONS = 2;

export interface MinutesAnswererOptions {
  retriever: Retriever;
  /** The LLM; null answers extractively, with no model at all. */
  chatModel: ChatModel | null;
  logger: Logger;
  /** Best-hit score below which the minutes are taken not to cover the question (the retriever's by default). */
  notFoundThreshold?: number;
  /** The prompt texts; read from `prompts/` by default. */
  prompts?: Prompts;
  /** Hits to retrieve per question; by default 6, or 10 for a history question. */
  k?: number;
  /** The model's context window and answer length, in tokens; a 4k-token model by default. */
  context?: ContextBudget;
  /**
   * The council questions are asked of unless their filters or their words name another
   * (MINUTEBOOK_COUNCIL); none: every council of the index.
   */
  defaultCouncil?: string | null;
}

const DEFAULT_CONTEXT: ContextBudget = { contextTokens: 4_096, answerTokens: 800 };

/**
 * Answers questions from the minutes: retrieves, then answers with the LLM when one is configured
 * and extractively when not, checking every citation against the passages actually given.
 * Whenever the LLM fails, times out or cites nothing it was given, the answer falls back to
 * extractive and says why in `fallbackReason`.
 */
export class MinutesAnswerer implements Answerer {
  private readonly retriever: Retriever;
  private readonly chatModel: ChatModel | null;
  private readonly logger: Logger;
  private readonly threshold: number;
  private readonly prompts: Prompts;
  private readonly k: number | null;
  private readonly context: ContextBudget;
  private readonly defaultCouncil: string | undefined;

  constructor(options: MinutesAnswererOptions) {
    this.retriever = options.retriever;
    this.chatModel = options.chatModel;
    this.logger = options.logger;
    this.threshold = options.notFoundThreshold ?? NOT_COVERED_BELOW;
    if (!Number.isFinite(this.threshold)) throw new BadInputError('notFoundThreshold must be a finite number');
    this.k = options.k ?? null;
    this.context = options.context ?? DEFAULT_CONTEXT;
    this.defaultCouncil = options.defaultCouncil ?? undefined;
    if (this.k !== null && (!Number.isInteger(this.k) || this.k < 1)) {
      throw new BadInputError(`k must be a whole number of at least 1 (got ${options.k})`);
    }
    // Read now, not at the first question: a missing prompt file should stop start-up.
    this.prompts = options.prompts ?? loadPrompts();
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const answer = await this.answer(question, options);
    return { ...answer, citations: await markDrafts(answer.citations, this.retriever) };
  }

  /** The answer, from the records when the question asks for one, else from searching the minutes. */
  private async answer(question: string, options: AskOptions): Promise<Answer> {
    const asked = question.trim();
    if (!asked)
      throw new BadInputError('the question is empty: ask something, e.g. "What was said about school transport?"');

    const standalone = await this.standalone(asked, options);
    const interpreted = standalone !== asked ? { interpretedAs: standalone } : {};
    const fromRecords = await answerFromRecords(standalone, this.retriever, options.filters ?? {}, this.defaultCouncil);
    if (fromRecords) return { ...fromRecords, question: asked, ...interpreted };
    const bodyNotHeld = options.filters?.committee ? null : await this.bodyNotHeld(standalone);
    if (bodyNotHeld) return { ...bodyNotHeld, question: asked, ...interpreted };
    // Read here for how many items to ask for; the retriever reads it again knowing the minutes.
    const history = readQuestion(standalone).history;
    const result = await this.retriever.search(standalone, {
      ...(options.filters ? { filters: options.filters } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(this.defaultCouncil ? { defaultCouncil: this.defaultCouncil } : {}),
      k: this.k ?? (history ? K_HISTORY : K_FACT),
    });
    const ranked = numberPassages(result.hits, { perHit: PASSAGES_PER_HIT, max: MAX_PASSAGES });
    // A history question is answered oldest first, so the model reads the passages that way too
    // (chosen by rank first, so the cap never trades a strong recent item for a weak old one).
    const passages = history ? chronological(ranked) : ranked;
    const base = {
      question: asked,
      searched: searchedOf(result.scope),
      ...interpreted,
    };

    // A retriever that does not say how it read the question is read here, with what the passages define.
    const read = result.question ?? readQuestion(standalone, { glossary: glossaryOf(passages) });
    const decision = decideAnswerability(read, result, passages, { threshold: this.threshold });
    if (!decision.answerable) return { ...base, ...notAnswered(decision, result) };
    if (!this.chatModel) return this.extractive(base, read, passages, history, result, null);

    const outcome = await answerWithModel({
      chatModel: this.chatModel,
      prompts: this.prompts,
      logger: this.logger,
      question: read.text,
      ranked,
      history,
      budget: this.context,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onDraft ? { onDraft: options.onDraft } : {}),
    });
    if (outcome.kind === 'refused') return { ...base, ...closestPassages(ranked, result) };
    if (outcome.kind === 'fallback') {
      return this.extractive(base, read, passages, history, result, outcome.fallback);
    }
    return { ...base, mode: 'llm', answer: outcome.answer, citations: outcome.citations };
  }

  /**
   * "What did the planning committee decide about…" over an index with no planning committee: an
   * answer from another body's minutes would read as that committee's, so it is told which bodies
   * there are instead. Only a body whose business is asked about counts, not one asked about.
   */
  private async bodyNotHeld(question: string): Promise<Answer | null> {
    const noNames = { committees: [], councils: [] };
    // Most questions name no body: the index's names are read only when one does.
    if (!unknownBodyNamed(question, noNames, { asScope: true })) return null;
    const stats = await this.retriever.stats();
    const body = unknownBodyNamed(question, stats, { asScope: true });
    return body ? notHeld(question, body, stats) : null;
  }

  /**
   * The question as it stands alone. With history, the model rewrites it when there is one (and
   * the rules do when it fails or there is none); without history, it is the question as asked.
   */
  private async standalone(question: string, options: AskOptions): Promise<string> {
    const turns = options.history ?? [];
    if (!turns.some((turn) => turn.role === 'user')) return question;
    const byRule = rewriteFollowUp(question, turns);
    if (!this.chatModel) return byRule;
    try {
      const reply = await this.chatModel.complete(buildFollowUpMessages(this.prompts, turns, question), {
        ...(options.signal ? { signal: options.signal } : {}),
        maxTokens: 120,
      });
      // The reply is outside data: one line of plain text, of a sane length, or it is not used.
      const line =
        reply
          .trim()
          .split('\n')[0]
          ?.trim()
          .replace(/^["'“]|["'”]$/g, '') ?? '';
      return line && line.length <= MAX_STANDALONE_CHARS ? line : byRule;
    } catch (error) {
      if (!(error instanceof LlmUnavailableError)) throw error;
      this.logger.warn(
        { event: 'follow_up_fallback', reason: error.message },
        'rewrote the follow-up without the model',
      );
      return byRule;
    }
  }

  private extractive(
    base: Pick<Answer, 'question' | 'searched'> & { interpretedAs?: string },
    question: Question,
    passages: GivenPassage[],
    history: boolean,
    result: SearchResult,
    fallback: Fallback | null,
  ): Answer {
    const reason = fallback ? { fallbackReason: fallback.reason, fallbackCode: fallback.code } : {};
    const extracted = extractiveAnswer({ question, passages, history, rankedByMeaning: !result.scope.keywordOnly });
    if (!extracted) {
      return { ...base, mode: 'not_found', answer: notFoundText(result.scope), citations: [], ...reason };
    }
    return { ...base, mode: 'extractive', answer: extracted.answer, citations: extracted.citations, ...reason };
  }
}

/** The answer when the model finds no answer in passages the search found relevant: where they come closest. */
function closestPassages(ranked: GivenPassage[], result: SearchResult): Pick<Answer, 'mode' | 'answer' | 'citations'> {
  const items = ranked.filter((passage, i) => ranked.findIndex((p) => p.hit === passage.hit) === i);
  const { citations, cited } = pointersTo(items);
  return { mode: 'not_found', answer: closestText(result.scope, cited), citations };
}

/** Where an answer that is no answer points: the first few passages, cited, and their `[n]` markers. */
function pointersTo(passages: GivenPassage[]): { citations: Citation[]; cited: string } {
  const citations = passages.slice(0, NEAR_MISS_CITATIONS).map((passage, i) => citationFor(passage, i + 1));
  return { citations, cited: citations.map((c) => `[${c.n}]`).join('') };
}

/**
 * The answer when the minutes don't answer: plainly not covered, or a near miss that says what the
 * minutes do discuss (cited) and what they leave out.
 */
function notAnswered(
  decision: Exclude<Answerability, { answerable: true }>,
  result: SearchResult,
): Pick<Answer, 'mode' | 'answer' | 'citations'> {
  if (decision.reason !== 'near_miss') {
    return { mode: 'not_found', answer: notFoundText(result.scope), citations: [] };
  }
  const { citations, cited } = pointersTo(decision.where);
  return {
    mode: 'not_found',
    answer: nearMissText(result.scope, { discussed: decision.discussed, missing: decision.missing, cited }),
    citations,
  };
}
