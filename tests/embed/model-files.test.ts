import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkModelId, probeConfiguredModel, probeModel } from '../../src/embed/model-files.js';

async function modelFolderWith(files: string[]): Promise<string> {
  const modelDir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
  for (const file of files) {
    const target = path.join(modelDir, 'acme', 'model', file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'x');
  }
  return modelDir;
}

const BASE = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

describe('probeModel', () => {
  it('lists everything missing in an empty folder', async () => {
    const modelDir = await modelFolderWith([]);
    expect(probeModel({ modelId: 'acme/model', modelDir })).toEqual({
      present: false,
      folder: path.join(modelDir, 'acme', 'model'),
      dtype: null,
      missing: [...BASE, 'onnx/model_quantized.onnx or onnx/model.onnx'],
    });
  });

  it('prefers quantised weights, falls back to fp32, and honours quantized: false', async () => {
    const both = await modelFolderWith([...BASE, 'onnx/model_quantized.onnx', 'onnx/model.onnx']);
    const fp32 = await modelFolderWith([...BASE, 'onnx/model.onnx']);
    const q8 = await modelFolderWith([...BASE, 'onnx/model_quantized.onnx']);
    expect(probeModel({ modelId: 'acme/model', modelDir: both }).dtype).toBe('q8');
    expect(probeModel({ modelId: 'acme/model', modelDir: both }, { quantized: false }).dtype).toBe('fp32');
    expect(probeModel({ modelId: 'acme/model', modelDir: fp32 })).toMatchObject({ present: true, dtype: 'fp32' });
    expect(probeModel({ modelId: 'acme/model', modelDir: q8 }, { quantized: false }).dtype).toBe('q8');
  });

  it('treats empty files as missing (an interrupted copy)', async () => {
    const modelDir = await modelFolderWith(['config.json', 'tokenizer_config.json', 'onnx/model.onnx']);
    await writeFile(path.join(modelDir, 'acme', 'model', 'tokenizer.json'), '');
    expect(probeModel({ modelId: 'acme/model', modelDir }).missing).toEqual(['tokenizer.json']);
  });

  it('probes the configured model', async () => {
    const modelDir = await modelFolderWith([...BASE, 'onnx/model.onnx']);
    const config = loadConfig({ MINUTEBOOK_MODEL_DIR: modelDir, MINUTEBOOK_EMBED_MODEL: 'acme/model' });
    expect(probeConfiguredModel(config).present).toBe(true);
  });

  it('rejects model ids that could point outside the model folder', () => {
    for (const bad of ['../etc', 'acme/../../x', 'no-slash', '/abs/path', 'a/b/c']) {
      expect(() => checkModelId(bad), bad).toThrow('is not of the form <org>/<name>');
    }
    expect(checkModelId('Xenova/all-MiniLM-L6-v2')).toBe('Xenova/all-MiniLM-L6-v2');
  });
});
