import { BadInputError, ModelNotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../types.js';
import { type ModelDtype, modelNotFound, probeModel } from './model-files.js';
import { type ModelProfile, profileFor, queryText } from './models.js';
import { type HiddenStates, poolAndNormalize } from './pooling.js';
import { loadTransformers, type Transformers } from './transformers-loader.js';

export interface TransformersEmbedderOptions {
  /** Hugging Face model id, `<org>/<name>`. */
  modelId: string;
  /** Local model folder, `<modelDir>/<org>/<name>/...`; also where hub downloads are cached. */
  modelDir: string;
  /** Whether a model missing from `modelDir` may be downloaded from the hub. */
  allowRemote: boolean;
  /** Prefer int8 weights (`onnx/model_quantized.onnx`); falls back to fp32 when only those exist. */
  quantized?: boolean;
  /** Texts per forward pass. Larger batches amortise overhead but pad more. */
  batchSize?: number;
  /** A hub mirror; the library's default hub otherwise. */
  remoteHost?: string;
  logger?: Logger;
}

/**
 * Texts per forward pass unless told otherwise. On this 2-core machine (bench/embed-speed.ts,
 * 150-word passages, about 180 tokens) the encoder is compute-bound: batch 1 and 8 gave 6.8 and 6.1
 * passages per CPU-second, 16 and 32 gave 6.0 and 5.4 (more padding). 8 keeps per-call overhead
 * low for short texts without paying for padding on long ones.
 */
export const DEFAULT_BATCH_SIZE = 8;

type Tokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<Transformers['AutoModel']['from_pretrained']>>;

interface TensorLike {
  data: ArrayLike<number | bigint>;
  dims: number[];
}

function isTensorLike(value: unknown): value is TensorLike {
  if (typeof value !== 'object' || value === null) return false;
  const { data, dims } = value as { data?: unknown; dims?: unknown };
  return Array.isArray(dims) && typeof data === 'object' && data !== null && 'length' in data;
}

/**
 * Embeds text with a transformers.js (ONNX) model: tokenises, runs the encoder, pools as the
 * model's profile says and normalises. Load it with `TransformersEmbedder.create`.
 */
export class TransformersEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Which weights were loaded. */
  readonly dtype: ModelDtype;
  readonly profile: ModelProfile;
  readonly #tokenizer: Tokenizer;
  readonly #model: Model;
  readonly #batchSize: number;

  private constructor(parts: {
    profile: ModelProfile;
    dimensions: number;
    dtype: ModelDtype;
    tokenizer: Tokenizer;
    model: Model;
    batchSize: number;
  }) {
    this.modelId = parts.profile.id;
    this.profile = parts.profile;
    this.dimensions = parts.dimensions;
    this.dtype = parts.dtype;
    this.#tokenizer = parts.tokenizer;
    this.#model = parts.model;
    this.#batchSize = parts.batchSize;
  }

  /**
   * Loads the model from `modelDir`, or from the hub when it is missing there and `allowRemote`
   * holds. Throws ModelNotFoundError (with the command that fetches it) when neither works; with
   * `allowRemote` false that is decided from the files alone, before the library is even imported.
   */
  static async create(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { modelId, modelDir, allowRemote, quantized = true, batchSize = DEFAULT_BATCH_SIZE, logger } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new BadInputError(`embedding batch size must be a whole number of at least 1 (got ${batchSize})`);
    }
    const { profile, known } = profileFor(modelId);
    if (!known) {
      logger?.info(
        { modelId, pooling: profile.pooling },
        'no profile for this embedding model: using mean pooling and no query prefix',
      );
    }
    const location = { modelId, modelDir };
    const probe = probeModel(location, { quantized });
    if (!probe.present && !allowRemote) throw modelNotFound(location, probe);

    const dtype: ModelDtype = probe.dtype ?? (quantized ? 'q8' : 'fp32');
    if (quantized && dtype === 'fp32') {
      logger?.info({ modelId, folder: probe.folder }, 'no quantised weights found: using the fp32 model');
    }

    let tokenizer: Tokenizer;
    let model: Model;
    // transformers.js keeps its settings in one global `env`: two loads with different folders
    // must not interleave between configuring it and reading the files.
    const release = await acquireLoadLock();
    try {
      const transformers = await loadTransformers({
        modelDir,
        allowRemote,
        ...(options.remoteHost === undefined ? {} : { remoteHost: options.remoteHost }),
      });
      const local = { local_files_only: probe.present };
      tokenizer = await transformers.AutoTokenizer.from_pretrained(modelId, local);
      model = await transformers.AutoModel.from_pretrained(modelId, { ...local, dtype, device: 'cpu' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (probe.present) {
        throw new ModelNotFoundError(
          `embedding model files in ${probe.folder} could not be loaded (${reason}). Fetch them again with \`npx minutebook model fetch --model ${modelId}\``,
          { cause: error },
        );
      }
      const notFound = modelNotFound(location, probe, error);
      throw new ModelNotFoundError(`${notFound.message} (the hub download failed: ${reason})`, { cause: error });
    } finally {
      release();
    }

    const parts = { profile, dtype, tokenizer, model, batchSize };
    // One real forward pass settles the output size (unknown models) and proves the files work.
    const probeVector = await new TransformersEmbedder({ ...parts, dimensions: 0 }).#embedBatch(['dimension check']);
    const dimensions = probeVector[0]?.length ?? 0;
    if (profile.dimensions !== null && dimensions !== profile.dimensions) {
      throw new ModelNotFoundError(
        `embedding model ${modelId} gives ${dimensions}-dimensional vectors, its profile expects ${profile.dimensions}: check the files in ${probe.folder}`,
      );
    }
    logger?.debug({ modelId, dtype, dimensions, folder: probe.folder }, 'embedding model loaded');
    return new TransformersEmbedder({ ...parts, dimensions });
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    // Batches of similar length waste less work on padding; results go back in input order.
    const order = texts.map((_, i) => i).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += this.#batchSize) {
      const indices = order.slice(start, start + this.#batchSize);
      const vectors = await this.#embedBatch(indices.map((i) => texts[i] ?? ''));
      indices.forEach((textIndex, j) => {
        const vector = vectors[j];
        if (vector) out[textIndex] = vector;
      });
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.#embedBatch([queryText(this.profile, text)]);
    if (!vector) throw new Error('the embedding model returned no vector for the query');
    return vector;
  }

  /** Frees the ONNX session. The embedder must not be used afterwards. */
  async dispose(): Promise<void> {
    await this.#model.dispose();
  }

  async #embedBatch(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const inputs = this.#tokenizer(texts, { padding: true, truncation: true, max_length: this.profile.maxTokens });
    const output: unknown = await this.#model(inputs);
    const hidden = pickHiddenState(output);
    const mask: unknown = (inputs as { attention_mask?: unknown }).attention_mask;
    if (!isTensorLike(mask)) throw new Error('the tokenizer returned no attention mask');
    const [batch = 0, seq = 0, dim = 0] = hidden.dims;
    if (hidden.dims.length !== 3 || batch !== texts.length || !(hidden.data instanceof Float32Array)) {
      throw new Error(`unexpected embedding model output of shape [${hidden.dims.join(', ')}]`);
    }
    const states: HiddenStates = { data: hidden.data, batch, seq, dim };
    return poolAndNormalize(states, mask.data, this.profile.pooling);
  }
}

let loadQueue: Promise<void> = Promise.resolve();

/** Serialises model loads in this process; resolves with the function that lets the next one go. */
async function acquireLoadLock(): Promise<() => void> {
  let release: () => void = () => undefined;
  const turn = new Promise<void>((resolve) => {
    release = resolve;
  });
  const previous = loadQueue;
  loadQueue = previous.then(() => turn);
  await previous;
  return release;
}

/** The token vectors among the model's outputs: `last_hidden_state` by convention, else the first. */
function pickHiddenState(output: unknown): TensorLike {
  if (typeof output === 'object' && output !== null) {
    const record = output as Record<string, unknown>;
    const candidate = record.last_hidden_state ?? record.token_embeddings ?? Object.values(record)[0];
    if (isTensorLike(candidate)) return candidate;
  }
  throw new Error('the embedding model returned no token vectors (expected a last_hidden_state output)');
}
