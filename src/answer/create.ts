import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ChatModel, Retriever } from '../types.js';
import { MinutesAnswerer } from './answerer.js';
import { OpenAiChatModel } from './chat-model.js';

/** The chat model the configuration asks for, or null to answer extractively with no model. */
export function createChatModel(config: Config, logger: Logger): ChatModel | null {
  return config.llm ? new OpenAiChatModel({ ...config.llm, proxy: config.proxy, logger }) : null;
}

/**
 * The answerer the front ends use: the configured LLM if any, over the given retriever. The one
 * place that chooses the default parts of answering.
 */
export function createAnswerer(options: {
  config: Config;
  logger: Logger;
  retriever: Retriever;
  notFoundThreshold?: number;
  k?: number;
}): MinutesAnswerer {
  return new MinutesAnswerer({
    retriever: options.retriever,
    chatModel: createChatModel(options.config, options.logger),
    logger: options.logger,
    ...(options.config.llm
      ? { context: { contextTokens: options.config.llm.contextTokens, answerTokens: options.config.llm.maxTokens } }
      : {}),
    ...(options.notFoundThreshold !== undefined ? { notFoundThreshold: options.notFoundThreshold } : {}),
    ...(options.k !== undefined ? { k: options.k } : {}),
    defaultCouncil: options.config.defaultCouncil,
  });
}
