import type { Config } from '../config.js';
import { MinutebookError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../types.js';
import { modelNotFound, probeModel } from './model-files.js';
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
  const probe = probeModel(location);
  if (!probe.present && !config.embed.allowRemote) {
    return { embedder: null, unavailable: modelNotFound(location, probe).message };
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
