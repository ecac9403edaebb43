import type { Config } from '../config.js';
import { fetchWithAnswerTimeout } from './answer-timeout.js';

/** The `@huggingface/transformers` module, typed as the library declares it. */
export type Transformers = typeof import('@huggingface/transformers');

export interface LoaderOptions {
  /** Local model folder (`<modelDir>/<org>/<name>/...`), also where hub downloads are cached. */
  modelDir: Config['embed']['modelDir'];
  /** Whether the hub may be asked for files missing from `modelDir`. */
  allowRemote: Config['embed']['allowRemote'];
  /** A hub mirror (e.g. a council's own proxy); the library's default hub otherwise. */
  remoteHost?: string;
}

let defaultRemoteHost: string | null = null;

/**
 * The one place the heavy library is imported and configured. Importing it costs about a second
 * and loads onnxruntime, so callers that may not need it (keyword-only mode) never reach here.
 *
 * Hub downloads are cached into `modelDir` itself: transformers.js names cached files
 * `<model id>/<file>`, the same layout it reads local models from, so a model fetched on first use
 * is found locally next time and `model status` sees it. With `allowRemote` false the library's
 * fetch is replaced by one that refuses, so no code path inside it can reach the network.
 */
export async function loadTransformers(options: LoaderOptions): Promise<Transformers> {
  const transformers = await import('@huggingface/transformers');
  const { env, LogLevel } = transformers;
  defaultRemoteHost ??= env.remoteHost;
  env.allowLocalModels = true;
  env.localModelPath = withTrailingSlash(options.modelDir);
  env.useFSCache = true;
  env.cacheDir = withTrailingSlash(options.modelDir);
  env.remoteHost = options.remoteHost ?? defaultRemoteHost;
  env.allowRemoteModels = options.allowRemote;
  env.fetch = options.allowRemote ? fetchWithAnswerTimeout() : refuseNetwork;
  // The library's own warnings ("Unable to load from local path") are noise next to our errors.
  env.logLevel = LogLevel.ERROR;
  return transformers;
}

function withTrailingSlash(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`;
}

async function refuseNetwork(input: string | URL): Promise<never> {
  throw new Error(`remote models are disabled (MINUTEBOOK_ALLOW_REMOTE_MODELS=false); refused to fetch ${input}`);
}
