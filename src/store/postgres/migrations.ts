import type pg from 'pg';
import { IndexMismatchError } from '../../errors.js';
import { PASSAGE_TOAST_TARGET } from './council-partitions.js';
import { ident } from './url.js';

/**
 * The index's tables in PostgreSQL, as numbered migrations the app applies itself. To change the
 * schema, append a migration (never edit one that has shipped): e.g. a new item column is
 *
 *   { version: 2, name: 'items.language', sql: (s) => `ALTER TABLE ${s}.items ADD COLUMN language text` },
 *
 * plus the column in `row-values.ts` and the item insert. Pending migrations run in one transaction under
 * a lock, so two processes starting at once apply them once, and a failure applies none.
 */
interface Migration {
  version: number;
  name: string;
  /** The SQL, given the quoted schema name. */
  sql: (schema: string) => string;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'meetings, items, passages with full-text search and vectors; meta; caches',
    sql: (s) => `
CREATE TABLE ${s}.meta (key text PRIMARY KEY, value text);
INSERT INTO ${s}.meta (key, value) VALUES
  ('indexId', gen_random_uuid()::text), ('createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  ('model', NULL), ('dimensions', NULL), ('generation', '0'),
  ('meetings', '0'), ('items', '0'), ('passages', '0'), ('vectors', '0');

CREATE TABLE ${s}.meetings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL UNIQUE,
  content_hash text NOT NULL,
  council text,
  committee text,
  -- ISO YYYY-MM-DD as text: compared as strings, like the SQLite store, whatever year is written.
  date text,
  start_time text,
  venue text,
  chair text,
  attendees jsonb NOT NULL,
  url text,
  warnings jsonb NOT NULL,
  -- Passages with a vector: the size of a filtered vector search's scope, without counting rows.
  vectors integer NOT NULL
);
CREATE INDEX meetings_date ON ${s}.meetings (date);
CREATE INDEX meetings_council ON ${s}.meetings (lower(council));

CREATE TABLE ${s}.items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id bigint NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  minute text,
  minute_number integer,
  number_source text,
  title text NOT NULL,
  title_derived boolean NOT NULL,
  agenda_item integer,
  procedural boolean NOT NULL,
  text text NOT NULL,
  resolutions jsonb NOT NULL,
  points jsonb NOT NULL,
  url text,
  restricted boolean NOT NULL,
  -- 'item', or the text kept around the business: 'preamble', 'attendance', 'closing'.
  kind text NOT NULL DEFAULT 'item'
);
CREATE INDEX items_meeting ON ${s}.items (meeting_id);

-- embedding gets its dimensions (and its HNSW index) when the index learns its model.
CREATE TABLE ${s}.passages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES ${s}.items (id) ON DELETE CASCADE,
  meeting_id bigint NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  text text NOT NULL,
  header text NOT NULL,
  points jsonb NOT NULL,
  search tsvector NOT NULL,
  embedding vector
);
CREATE INDEX passages_item ON ${s}.passages (item_id);
CREATE INDEX passages_meeting ON ${s}.passages (meeting_id);
CREATE INDEX passages_search ON ${s}.passages USING gin (search);

CREATE TABLE ${s}.caches (name text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    version: 2,
    name: 'records: decisions, confirmations, attendance, role changes, votes, mentions, own status',
    // Meetings indexed before this have no records: clearing their content hash makes the next
    // ingest of the same files read them again (and write their records) instead of skipping them.
    sql: (s) => `
CREATE TABLE ${s}.records (
  meeting_id bigint NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
  part text NOT NULL,
  position integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (meeting_id, part, position)
);
UPDATE ${s}.meetings SET content_hash = '';
`,
  },
  {
    version: 3,
    name: 'embeddings as halfvec: half the table and HNSW graph, so both stay in memory',
    // The column keeps its dimensions (none yet on an index that has no model). The old HNSW index
    // cannot survive the change of type: it is dropped here and built again by the store when it
    // opens (createVectorIndex), so a large index spends that build once, at its first open.
    sql: (s) => `
DROP INDEX IF EXISTS ${s}.passages_embedding;
DO $$
DECLARE
  dims text := (SELECT CASE WHEN atttypmod > 0 THEN '(' || atttypmod || ')' ELSE '' END
                FROM pg_attribute WHERE attrelid = '${s}.passages'::regclass AND attname = 'embedding');
BEGIN
  EXECUTE format('ALTER TABLE ${s}.passages ALTER COLUMN embedding TYPE halfvec%s USING embedding::halfvec%s', dims, dims);
END $$;
`,
  },
  {
    version: 4,
    name: 'passages partitioned by council: one HNSW graph per council',
    // One HNSW graph over every council's passages loses recall as it grows (0.941 at 1M where a
    // 200k graph gives 0.99 at the same ef_search), and most searches are scoped to one council
    // anyway: each council's passages get a partition of their own (partition-by-council.ts), so a
    // council-scoped search walks that council's graph alone and an unscoped one merges them all.
    // The rows keep their ids; the vector index is dropped and built again per partition by the
    // store when it opens (createVectorIndex), as after migration 3.
    sql: (s) => `
CREATE TABLE ${s}.councils (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The council's name lower-cased ('' for meetings that name none): one passages partition each.
  key text NOT NULL UNIQUE
);
INSERT INTO ${s}.councils (key) SELECT DISTINCT lower(coalesce(council, '')) FROM ${s}.meetings ORDER BY 1;
ALTER TABLE ${s}.meetings ADD COLUMN council_id integer REFERENCES ${s}.councils (id);
UPDATE ${s}.meetings m SET council_id = c.id FROM ${s}.councils c WHERE c.key = lower(coalesce(m.council, ''));
ALTER TABLE ${s}.meetings ALTER COLUMN council_id SET NOT NULL;
CREATE INDEX meetings_council_id ON ${s}.meetings (council_id);

DROP INDEX IF EXISTS ${s}.passages_embedding;
DO $$
BEGIN
  EXECUTE format('ALTER SEQUENCE %s RENAME TO passages_v3_ids', pg_get_serial_sequence('${s}.passages', 'id'));
END $$;
CREATE TABLE ${s}.passages_by_council (LIKE ${s}.passages INCLUDING DEFAULTS INCLUDING IDENTITY, council_id integer NOT NULL)
  PARTITION BY LIST (council_id);
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT id FROM ${s}.councils LOOP
    EXECUTE format('CREATE TABLE ${s}.%I PARTITION OF ${s}.passages_by_council FOR VALUES IN (%s)', 'passages_c' || c.id, c.id);
  END LOOP;
END $$;
INSERT INTO ${s}.passages_by_council (id, item_id, meeting_id, position, text, header, points, search, embedding, council_id)
  OVERRIDING SYSTEM VALUE
  SELECT p.id, p.item_id, p.meeting_id, p.position, p.text, p.header, p.points, p.search, p.embedding, m.council_id
  FROM ${s}.passages p JOIN ${s}.meetings m ON m.id = p.meeting_id;
-- Ids go on from where they were (an untouched sequence stays untouched: a new index's first id is 1).
SELECT setval(pg_get_serial_sequence('${s}.passages_by_council', 'id'), v)
FROM (SELECT greatest((SELECT max(id) FROM ${s}.passages_by_council),
                      (SELECT last_value FROM ${s}.passages_v3_ids WHERE is_called)) AS v) AS last
WHERE v IS NOT NULL;
DROP TABLE ${s}.passages;
ALTER TABLE ${s}.passages_by_council RENAME TO passages;
ALTER TABLE ${s}.passages ADD PRIMARY KEY (id, council_id),
  ADD FOREIGN KEY (item_id) REFERENCES ${s}.items (id) ON DELETE CASCADE,
  ADD FOREIGN KEY (meeting_id) REFERENCES ${s}.meetings (id) ON DELETE CASCADE;
CREATE INDEX passages_item ON ${s}.passages (item_id);
CREATE INDEX passages_meeting ON ${s}.passages (meeting_id);
CREATE INDEX passages_search ON ${s}.passages USING gin (search);
`,
  },
  {
    version: 5,
    name: 'HNSW graphs built again with m 32, ef_construction 200',
    // A graph keeps the parameters it was built with, so the denser graph of PG_HNSW (store.ts) reaches
    // an existing index only by building it again: the vector index is dropped here and built by the
    // store when it next opens (createVectorIndex), as after migrations 3 and 4.
    sql: (s) => `DROP INDEX IF EXISTS ${s}.passages_embedding;`,
  },
  {
    version: 6,
    name: 'passages rows kept whole up to 8 kB, embedding included',
    // See PASSAGE_TOAST_TARGET: new councils' partitions get it when made (council-partitions.ts);
    // these are the existing ones. Rows already toasted stay so until they are written again (a
    // rebuild writes them all): rewriting them here would rebuild every HNSW graph.
    sql: (s) => `
DO $$
DECLARE part regclass;
BEGIN
  FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '${s}.passages'::regclass LOOP
    EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = ${PASSAGE_TOAST_TARGET})', part);
  END LOOP;
END $$;
`,
  },
  {
    version: 7,
    name: 'the meeting index carries each passage id and embedding, for exact scans from the index alone',
    // An exact search of a committee's or a date range's passages (queries.ts nearest) reads them by
    // meeting. From the plain meeting index each row was a visit to the table, whose rows are kept
    // whole (~2.6 kB with text and search terms) to read a 0.8 kB embedding; with id, council and
    // embedding in the index, a vacuumed table's scan never leaves it. Measured at 1M passages on
    // one council's committee (57,200 vectors, warm): 80–95 ms from the table, 53 from the index.
    // It replaces the plain meeting index, which the planner would otherwise prefer as the smaller.
    sql: (s) => `
DROP INDEX IF EXISTS ${s}.passages_meeting;
CREATE INDEX passages_meeting ON ${s}.passages (meeting_id) INCLUDE (id, council_id, embedding);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** A lock id of our own for `pg_advisory_*` (two int4 keys: this class, and a hash of the schema). */
export const LOCK_CLASS = 0x4d42;

/** A stable non-negative int4 hash of `text` (FNV-1a), the second key of an advisory lock. */
export function lockKey(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0) & 0x7fffffff;
}

/**
 * Brings `schema` to the latest version: creates the vector extension and the schema if needed,
 * then applies the missing migrations, all in one transaction.
 */
export async function migrate(client: pg.ClientBase, schema: string): Promise<void> {
  const s = ident(schema);
  await client.query('BEGIN');
  try {
    // Serialises concurrent first starts; released at COMMIT.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, lockKey(`migrate:${schema}`)]);
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await client.query<{ version: number }>(
      `SELECT coalesce(max(version), 0) AS version FROM ${s}.schema_migrations`,
    );
    const current = Number(applied.rows[0]?.version ?? 0);
    if (current > SCHEMA_VERSION) {
      throw new IndexMismatchError(
        `the index in schema ${schema} was written by a newer Minutebook (schema version ${current}; this one knows ${SCHEMA_VERSION}): upgrade Minutebook`,
      );
    }
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Whether `schema` holds an index (of any version). */
export async function schemaExists(client: pg.ClientBase, schema: string): Promise<boolean> {
  const found = await client.query('SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [
    schema,
    'schema_migrations',
  ]);
  return (found.rowCount ?? 0) > 0;
}
