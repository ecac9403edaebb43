import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { IndexCorruptError, IndexMismatchError, IndexUnwritableError } from '../../errors.js';
import type { IndexModel } from '../types.js';
import { FORMAT_VERSION, type Manifest, readFormatVersion, readManifest, writeManifest } from './schema.js';

/** The checks an index passes before it is used: format, manifest, counts, model, a writable folder. */

/** Checks format version, manifest and model; returns the manifest (adopting `model` into an empty keyword-only index). */
export function checkManifest(db: Database.Database, dbFile: string, model: IndexModel | null | undefined): Manifest {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) throw new IndexCorruptError(dbFile, 'is not a Minutebook index (no manifest)');
  const version = readFormatVersion(db);
  if (version !== FORMAT_VERSION) {
    throw new IndexMismatchError(
      `the index in ${path.dirname(dbFile)} has format version ${version ?? 'unknown'} but this Minutebook reads version ${FORMAT_VERSION}; rebuild it with \`npx minutebook ingest --rebuild <files>\``,
    );
  }
  const manifest = readManifest(db);
  if (typeof manifest === 'string') throw new IndexCorruptError(dbFile, manifest);
  checkCounts(db, dbFile, manifest);
  if (model === undefined) return manifest;
  const built =
    manifest.model === null
      ? 'keyword-only (no embedding model)'
      : `with ${manifest.model} (${manifest.dimensions} dimensions)`;
  const rebuildHint = 'rebuild it with `npx minutebook ingest --rebuild <files>`';
  if (model === null) {
    if (manifest.model === null) return manifest;
    throw new IndexMismatchError(
      `the index in ${path.dirname(dbFile)} was built ${built} but no embedding model is available now; fetch it with \`npx minutebook model fetch\`, or ${rebuildHint} to index keyword-only`,
    );
  }
  if (manifest.model === model.id && manifest.dimensions === model.dimensions) return manifest;
  if (manifest.model === null && manifest.passages === 0) {
    writeManifest(db, { model: model.id, dimensions: model.dimensions });
    return { ...manifest, model: model.id, dimensions: model.dimensions };
  }
  throw new IndexMismatchError(
    `the index in ${path.dirname(dbFile)} was built ${built}, not ${model.id} (${model.dimensions} dimensions); ${rebuildHint}`,
  );
}

/**
 * Compares the manifest's counts with the tables. Cheap (indexes only) and catches a database that
 * was truncated or edited behind our back, which SQLite itself would only notice on the damaged page.
 */
function checkCounts(db: Database.Database, dbFile: string, manifest: Manifest): void {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const actual = {
    meetings: count('SELECT count(*) FROM meetings'),
    items: count('SELECT count(*) FROM items'),
    passages: count('SELECT count(*) FROM passages'),
    vectors: count('SELECT count(*) FROM passages WHERE vector IS NOT NULL'),
  };
  for (const key of ['meetings', 'items', 'passages', 'vectors'] as const) {
    if (actual[key] !== manifest[key]) {
      throw new IndexCorruptError(dbFile, `holds ${actual[key]} ${key} but its manifest says ${manifest[key]}`);
    }
  }
}

export function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new IndexUnwritableError(dir, { cause: error });
  }
}
