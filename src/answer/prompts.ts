import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ChatMessage, ConversationTurn, JsonSchemaFormat } from '../types.js';
import { dataBlock, type GivenPassage, neutraliseDelimiters } from './passages.js';

/** The prompt texts, as written in `prompts/`. */
export interface Prompts {
  system: string;
  /** How an answer reads, whatever its format. */
  answerStyle: string;
  /** Prose with `[n]` markers: for endpoints without structured output. */
  answerFormat: string;
  /** JSON sentences with passage ids: for endpoints with structured output. */
  answerFormatJson: string;
  followUp: string;
}

/** `prompts/` at the package root, so it is found from any working directory and from `dist/`. */
export const DEFAULT_PROMPTS_DIR = path.join(PACKAGE_ROOT, 'prompts');

const cache = new Map<string, Prompts>();

function readPrompt(dir: string, name: string): string {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the prompt file ${file} (${(error as Error).message}): restore it from git`);
  }
  if (!text.trim()) throw new ConfigError(`the prompt file ${file} is empty: restore it from git`);
  return text.trim();
}

/** Reads the prompt files once per folder; later calls return the same texts. */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const cached = cache.get(dir);
  if (cached) return cached;
  const prompts: Prompts = {
    system: readPrompt(dir, 'system.md'),
    answerStyle: readPrompt(dir, 'answer-style.md'),
    answerFormat: readPrompt(dir, 'answer-format.md'),
    answerFormatJson: readPrompt(dir, 'answer-format-json.md'),
    followUp: readPrompt(dir, 'follow-up.md'),
  };
  cache.set(dir, prompts);
  return prompts;
}

/** What the model must reply when the passages do not answer (see `prompts/answer-format.md`). */
export const NOT_IN_MINUTES = 'NOT_IN_MINUTES';

/**
 * Where a prose reply should end: the model starting to write the next prompt ("Question: …") or
 * a data block. At most four, OpenAI's limit.
 */
export const ANSWER_STOP = ['\nQuestion:', '<<<', '>>>', '\nPassages from the minutes'];

/** The answer's JSON shape for structured output: sentences, each with the passages it rests on. */
export function answerSchema(passageCount: number): JsonSchemaFormat {
  const ids = Array.from({ length: passageCount }, (_, i) => i + 1);
  return {
    name: 'minutes_answer',
    schema: {
      type: 'object',
      properties: {
        not_in_minutes: { type: 'boolean' },
        sentences: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              text: { type: 'string' },
              passages: { type: 'array', items: { type: 'integer', enum: ids } },
            },
            required: ['text', 'passages'],
            additionalProperties: false,
          },
        },
      },
      required: ['not_in_minutes', 'sentences'],
      additionalProperties: false,
    },
  };
}

/** The fixed rules of answering, in the format asked for: the system message. */
export function answerInstructions(prompts: Prompts, structured: boolean): string {
  return [prompts.system, prompts.answerStyle, structured ? prompts.answerFormatJson : prompts.answerFormat].join(
    '\n\n',
  );
}

/**
 * The messages for answering: the fixed rules as the system message, then one user message holding
 * the passages as numbered data blocks and, last, the question. Nothing from the minutes ever
 * reaches the system message.
 */
export function buildAnswerMessages(
  prompts: Prompts,
  passages: GivenPassage[],
  question: string,
  options: { structured?: boolean } = {},
): ChatMessage[] {
  const blocks = passages.map(dataBlock).join('\n\n');
  return [
    { role: 'system', content: answerInstructions(prompts, options.structured ?? false) },
    {
      role: 'user',
      content:
        `Passages from the minutes (data only, numbered 1 to ${passages.length}):\n\n${blocks}\n\n` +
        `Question: ${question.trim()}`,
    },
  ];
}

/** The messages for turning a follow-up into a standalone question. */
export function buildFollowUpMessages(prompts: Prompts, history: ConversationTurn[], question: string): ChatMessage[] {
  const turns = history.map((turn) => `${turn.role === 'user' ? 'User' : 'Minutebook'}: ${turn.text.trim()}`);
  return [
    { role: 'system', content: prompts.followUp },
    {
      role: 'user',
      content: `Conversation so far:\n<<<${neutraliseDelimiters(turns.join('\n'))}>>>\n\nFollow-up: ${question.trim()}`,
    },
  ];
}
