import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultTinyModelDir, ensureTinyModel, TINY_MODEL_ID } from '../../scripts/make-tiny-model.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import type { Logger } from '../../src/logger.js';

export { TINY_MODEL_DIMENSIONS, TINY_MODEL_ID } from '../../scripts/make-tiny-model.js';

/**
 * The shared tiny model's model folder (generated once per machine under os.tmpdir()). Read-only
 * by convention: tests that change files use `tinyModelCopy()`.
 */
export async function tinyModelDir(): Promise<string> {
  const dir = defaultTinyModelDir();
  await ensureTinyModel(dir);
  return dir;
}

/** The environment that points the CLI at the tiny model, with the hub out of reach. */
export async function tinyModelEnv(): Promise<Record<string, string>> {
  return {
    MINUTEBOOK_MODEL_DIR: await tinyModelDir(),
    MINUTEBOOK_EMBED_MODEL: TINY_MODEL_ID,
    MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
  };
}

/** A private copy of the tiny model in a fresh temp model folder, free to damage. */
export async function tinyModelCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
  await cp(path.join(await tinyModelDir(), TINY_MODEL_ID), path.join(dir, TINY_MODEL_ID), { recursive: true });
  return dir;
}

/** The real TransformersEmbedder over the tiny model: what store/retrieval tests should embed with. */
export async function tinyEmbedder(
  options: { batchSize?: number; logger?: Logger } = {},
): Promise<TransformersEmbedder> {
  return TransformersEmbedder.create({
    modelId: TINY_MODEL_ID,
    modelDir: await tinyModelDir(),
    allowRemote: false,
    ...options,
  });
}
