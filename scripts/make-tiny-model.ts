/**
 * Generates a tiny BERT-like embedding model in transformers.js layout, so tests run the real
 * loading code (tokenizer.json, config.json, an ONNX session) without the real 20-90 MB model.
 *
 * The "encoder" is one embedding lookup: last_hidden_state = (word_vector + type_vector) * mask.
 * Word vectors are fixed pseudo-random unit-ish vectors seeded by the token text, so with mean
 * pooling texts that share words get similar vectors and unrelated texts nearly orthogonal ones:
 * enough for retrieval tests to mean something. Nothing here is downloaded.
 *
 *   npx tsx scripts/make-tiny-model.ts [modelDir]    # writes <modelDir>/minutebook/tiny-test-model
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';
import { type ModelDtype, probeModel, WEIGHT_FILES } from '../src/embed/model-files.js';

const { onnx } = onnxProto;

export const TINY_MODEL_ID = 'minutebook/tiny-test-model';
export const TINY_MODEL_DIMENSIONS = 64;
/** Bump when the generated files change, so cached copies are regenerated. */
const TINY_MODEL_VERSION = 2;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const PUNCTUATION = [...'.,;:!?\'"()-/&%£$'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const DIGITS = [...'0123456789'];
/** Function words: in the vocabulary (so they are single tokens) but nearly silent, as in a real model. */
const STOPWORDS = new Set(
  `the of and to a in is that for it as was with be by on not he this are or his from at which but have an they
you were her she there been one all we their has would when if so no will can more who what about up out them
some could other into than then its only do these any over also did`.split(/\s+/),
);
const WORDS = `the of and to a in is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will can more who what about
up out them some could other into than then its only do time two may these any new like our over also did
council committee meeting minutes member members chair chairman resolved agreed report officer cabinet budget
school schools pupils children child family families education care health social adult plan plans transport
road roads highway highways bus buses travel parking housing homes planning application library libraries
police crime knife safety fire waste recycling park parks money cost costs funding fund grant spending saving
year years month week january february march april may june july august september october november december
young people looked after special needs send ehcp support service services review scrutiny strategy policy
public question questions answer asked reply county city district local authority government national
increase decrease growth number numbers total per cent percent million thousand rate level levels`.split(/\s+/);

/** Every token, in id order: specials first (so [PAD] is 0), then characters, pieces and words. */
export function tinyVocabulary(): string[] {
  const pieces = [...LETTERS, ...DIGITS].map((c) => `##${c}`);
  const words = [...new Set(WORDS.filter((w) => w.length > 1))];
  return [...SPECIAL_TOKENS, ...PUNCTUATION, ...LETTERS, ...DIGITS, ...pieces, ...words];
}

/** FNV-1a: a stable seed per token, so vectors never change between runs or machines. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function embeddingTable(vocab: string[], dim: number): Float32Array {
  const table = new Float32Array(vocab.length * dim);
  vocab.forEach((token, id) => {
    const next = random(seedOf(token));
    // Special tokens, single characters and function words carry little meaning: keep them quiet so
    // a shared [CLS] or "the" does not make every text look alike.
    const quiet = token.startsWith('[') || token.replace('##', '').length === 1 || STOPWORDS.has(token);
    const scale = quiet ? 0.1 : 1;
    for (let d = 0; d < dim; d++) table[id * dim + d] = (next() * 2 - 1) * scale;
  });
  return table;
}

function tensor(name: string, dims: number[], data: Float32Array | BigInt64Array) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: data instanceof Float32Array ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.INT64,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

function valueInfo(name: string, elemType: number, shape: Array<string | number>) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

/** The ONNX graph, serialised: BERT's inputs and `last_hidden_state` output, one lookup inside. */
export function tinyOnnxModel(vocab: string[], dim: number = TINY_MODEL_DIMENSIONS): Uint8Array {
  const { INT64, FLOAT } = onnx.TensorProto.DataType;
  const node = (opType: string, input: string[], output: string[], attribute: object[] = []) =>
    onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] ?? opType });
  const graph = onnx.GraphProto.create({
    name: 'tiny-test-model',
    input: [
      valueInfo('input_ids', INT64, ['batch', 'sequence']),
      valueInfo('attention_mask', INT64, ['batch', 'sequence']),
      valueInfo('token_type_ids', INT64, ['batch', 'sequence']),
    ],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim])],
    initializer: [
      tensor('word_embeddings', [vocab.length, dim], embeddingTable(vocab, dim)),
      tensor(
        'token_type_embeddings',
        [2, dim],
        embeddingTable(['type-0', 'type-1'], dim).map((x) => x * 0.01),
      ),
      tensor('last_axis', [1], new BigInt64Array([-1n])),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['embeddings']),
      node(
        'Cast',
        ['attention_mask'],
        ['mask_float'],
        [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }],
      ),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['embeddings', 'mask_3d'], ['last_hidden_state']),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'minutebook/scripts/make-tiny-model.ts',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** tokenizer.json for a lower-casing BERT WordPiece tokenizer over `vocab`. */
export function tinyTokenizerJson(vocab: string[]): object {
  const id = (token: string) => vocab.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

export interface TinyModelOptions {
  /** Which weight files to write (same graph under both names: a lookup table has nothing to quantise). */
  weights?: ModelDtype[];
}

/** Writes the tiny model's files into `folder` (the `<modelDir>/minutebook/tiny-test-model` folder). */
export async function writeTinyModel(folder: string, options: TinyModelOptions = {}): Promise<void> {
  const vocab = tinyVocabulary();
  const dim = TINY_MODEL_DIMENSIONS;
  await mkdir(path.join(folder, 'onnx'), { recursive: true });
  const json = (file: string, value: object) => writeFile(path.join(folder, file), `${JSON.stringify(value)}\n`);
  await json('config.json', {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    intermediate_size: dim,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocab.length,
    pad_token_id: 0,
  });
  await json('tokenizer.json', tinyTokenizerJson(vocab));
  await json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 128,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  });
  const graph = tinyOnnxModel(vocab, dim);
  for (const dtype of options.weights ?? ['q8', 'fp32']) await writeFile(path.join(folder, WEIGHT_FILES[dtype]), graph);
}

/** Where the shared copy lives: generated once per machine, reused by every test file. */
export function defaultTinyModelDir(): string {
  return path.join(os.tmpdir(), `minutebook-tiny-model-v${TINY_MODEL_VERSION}`);
}

/**
 * Makes sure `<modelDir>/minutebook/tiny-test-model` holds the tiny model and returns its model id.
 * Written to a temporary folder and renamed into place, so test files running in parallel never
 * see half a model.
 */
export async function ensureTinyModel(
  modelDir: string = defaultTinyModelDir(),
  options: TinyModelOptions = {},
): Promise<string> {
  const location = { modelId: TINY_MODEL_ID, modelDir };
  if (probeModel(location).present && options.weights === undefined) return TINY_MODEL_ID;
  const folder = path.join(modelDir, ...TINY_MODEL_ID.split('/'));
  const staging = `${folder}.tmp-${process.pid}-${Date.now()}`;
  await writeTinyModel(staging, options);
  await mkdir(path.dirname(folder), { recursive: true });
  try {
    await rename(staging, folder);
  } catch (error) {
    // The folder exists: another process won the race (keep its copy if complete), or the caller
    // asked for particular weights (replace it).
    if (options.weights === undefined && probeModel(location).present) {
      await rm(staging, { recursive: true, force: true });
      return TINY_MODEL_ID;
    }
    if (!(error instanceof Error && 'code' in error && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST'))) {
      throw error;
    }
    await rm(folder, { recursive: true, force: true });
    await rename(staging, folder);
  }
  return TINY_MODEL_ID;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const modelDir = path.resolve(process.argv[2] ?? defaultTinyModelDir());
  const modelId = await ensureTinyModel(modelDir, { weights: ['q8', 'fp32'] });
  process.stdout.write(`${path.join(modelDir, modelId)}\n`);
}
