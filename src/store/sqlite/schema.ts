import type Database from 'better-sqlite3';

/**
 * The index database's tables. Bump FORMAT_VERSION whenever this changes shape: an index of another
 * version is refused with a message to rebuild, never read as if it fitted.
 */
export const FORMAT_VERSION = 3;

/** Weights of the FTS columns (text, header, item title) in `bm25()`: titles say what an item is about. */
export const BM25_WEIGHTS = { text: 1, header: 0.5, title: 2 } as const;

const DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  council TEXT,
  committee TEXT,
  date TEXT,
  start_time TEXT,
  venue TEXT,
  chair TEXT,
  attendees TEXT NOT NULL,
  url TEXT,
  warnings TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  minute TEXT,
  minute_number INTEGER,
  number_source TEXT,
  title TEXT NOT NULL,
  title_derived INTEGER NOT NULL,
  agenda_item INTEGER,
  procedural INTEGER NOT NULL,
  text TEXT NOT NULL,
  resolutions TEXT NOT NULL,
  points TEXT NOT NULL,
  url TEXT,
  restricted INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'item'
);
CREATE INDEX items_meeting ON items(meeting_id);

-- AUTOINCREMENT: a passage id is its HNSW label, so an id must never be handed out twice, even
-- after the highest one is deleted; otherwise a stale HNSW file could point at the wrong text.
CREATE TABLE passages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  header TEXT NOT NULL,
  points TEXT NOT NULL,
  vector BLOB
);
CREATE INDEX passages_item ON passages(item_id);
-- Covering index for "which passages have vectors, in which meeting": read at every open, and it
-- spares scanning rows that carry 1.5 KB vectors each.
CREATE INDEX passages_with_vector ON passages(meeting_id) WHERE vector IS NOT NULL;

-- Contentless: the text already lives in passages; contentless_delete lets rows be removed.
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, header, title,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- What the minutes record beyond their words (decisions, confirmations, attendance, role changes,
-- votes, mentions, own status), one row per record as JSON, by part so one part reads alone.
CREATE TABLE records (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  part TEXT NOT NULL,
  position INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (meeting_id, part, position)
) WITHOUT ROWID;
`;

/** The manifest: one row per key in `meta`. */
export interface Manifest {
  formatVersion: number;
  model: string | null;
  dimensions: number | null;
  /** Bumped by every committed write; the HNSW cache file is stamped with the one it matches. */
  generation: number;
  meetings: number;
  items: number;
  passages: number;
  vectors: number;
  createdAt: string;
}

const NUMERIC_KEYS = ['formatVersion', 'generation', 'meetings', 'items', 'passages', 'vectors'] as const;

/** Creates the tables and the manifest in one transaction. */
export function createSchema(db: Database.Database, model: { id: string; dimensions: number } | null): void {
  db.transaction(() => {
    db.exec(DDL);
    writeManifest(db, {
      formatVersion: FORMAT_VERSION,
      model: model?.id ?? null,
      dimensions: model?.dimensions ?? null,
      generation: 0,
      meetings: 0,
      items: 0,
      passages: 0,
      vectors: 0,
      createdAt: new Date().toISOString(),
    });
  })();
}

export function writeManifest(db: Database.Database, manifest: Partial<Manifest>): void {
  const upsert = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(manifest)) {
    upsert.run(key, value === null || value === undefined ? null : String(value));
  }
}

/** The format version an index was written in, or null when the manifest has none. */
export function readFormatVersion(db: Database.Database): number | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'formatVersion'").get() as { value: unknown } | undefined;
  const version = Number(row?.value);
  return Number.isSafeInteger(version) ? version : null;
}

/**
 * Reads the manifest, narrowing every value. Returns a description of the problem instead when the
 * table is there but its content is not what this version wrote.
 */
export function readManifest(db: Database.Database): Manifest | string {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: unknown; value: unknown }>;
  const values = new Map<string, string | null>();
  for (const row of rows) {
    if (typeof row.key === 'string') values.set(row.key, typeof row.value === 'string' ? row.value : null);
  }
  const numbers: Partial<Record<(typeof NUMERIC_KEYS)[number], number>> = {};
  for (const key of NUMERIC_KEYS) {
    const value = Number(values.get(key));
    if (!Number.isSafeInteger(value) || value < 0) return `manifest field "${key}" is missing or not a number`;
    numbers[key] = value;
  }
  const dimensionsRaw = values.get('dimensions') ?? null;
  const dimensions = dimensionsRaw === null ? null : Number(dimensionsRaw);
  if (dimensions !== null && (!Number.isSafeInteger(dimensions) || dimensions < 1)) {
    return 'manifest field "dimensions" is not a positive whole number';
  }
  const model = values.get('model') ?? null;
  if ((model === null) !== (dimensions === null)) return 'manifest has a model without dimensions or the reverse';
  return {
    formatVersion: numbers.formatVersion ?? 0,
    model,
    dimensions,
    generation: numbers.generation ?? 0,
    meetings: numbers.meetings ?? 0,
    items: numbers.items ?? 0,
    passages: numbers.passages ?? 0,
    vectors: numbers.vectors ?? 0,
    createdAt: values.get('createdAt') ?? '',
  };
}
