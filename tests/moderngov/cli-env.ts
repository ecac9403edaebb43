import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tinyModelEnv } from '../helpers/tiny-model.js';

/**
 * A temp folder and the environment for running `minutebook sync` against the fake site: an index
 * in the folder and the tiny test model, with the hub out of reach.
 */
export async function syncCliEnv(prefix: string): Promise<{ work: string; env: Record<string, string> }> {
  const work = await mkdtemp(path.join(os.tmpdir(), prefix));
  const env = {
    MINUTEBOOK_INDEX_DIR: path.join(work, 'index'),
    ...(await tinyModelEnv()),
  };
  return { work, env };
}
