import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fetchWithAnswerTimeout } from '../../src/embed/answer-timeout.js';
import { openEmbedder } from '../../src/embed/open.js';
import { createLogger } from '../../src/logger.js';
import { TINY_MODEL_DIMENSIONS, TINY_MODEL_ID, tinyModelDir } from '../helpers/tiny-model.js';

const logger = createLogger({ level: 'silent' });

describe('openEmbedder', () => {
  it('opens the configured model when it is in the model folder', async () => {
    const config = loadConfig({
      MINUTEBOOK_MODEL_DIR: await tinyModelDir(),
      MINUTEBOOK_EMBED_MODEL: TINY_MODEL_ID,
      MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
    });
    const { embedder, unavailable } = await openEmbedder(config, logger);
    expect(unavailable).toBeNull();
    expect(embedder?.dimensions).toBe(TINY_MODEL_DIMENSIONS);
  });

  it('returns no embedder and the fetch hint (not an error) when the model is missing offline', async () => {
    const modelDir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    const config = loadConfig({ MINUTEBOOK_MODEL_DIR: modelDir, MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' });
    const { embedder, unavailable } = await openEmbedder(config, logger);
    expect(embedder).toBeNull();
    expect(unavailable).toContain(`npx minutebook model fetch --model ${config.embed.model}`);
    expect(unavailable).toContain(modelDir);
  });
});

describe('fetchWithAnswerTimeout', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/silent') return; // accepts the connection, never answers
      // Answers at once, then takes a while over the body: a big download that must not be cut.
      res.writeHead(200);
      res.write('part one, ');
      setTimeout(() => res.end('part two'), 1_500);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a server that never starts answering', async () => {
    await expect(fetchWithAnswerTimeout(300)(`${base}/silent`)).rejects.toThrow(
      /no answer from .*\/silent within 0.3 s/,
    );
  });

  it('lets a download that has started take longer than the timeout', async () => {
    const response = await fetchWithAnswerTimeout(500)(`${base}/slow-body`);
    expect(await response.text()).toBe('part one, part two');
  });
});
