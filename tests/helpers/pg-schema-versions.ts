import type pg from 'pg';

/**
 * Puts a version 4 index back the way version 3 left it (one passages table, no councils), as an
 * index written before migration 4 would be; `withIndex` rebuilds its HNSW index on the one table.
 */
export async function backToVersion3(client: pg.Client, schema: string, withIndex: boolean): Promise<void> {
  const s = `"${schema}"`;
  await client.query(`
DROP INDEX IF EXISTS ${s}.passages_embedding;
CREATE TABLE ${s}.passages_plain (LIKE ${s}.passages INCLUDING DEFAULTS INCLUDING IDENTITY);
INSERT INTO ${s}.passages_plain OVERRIDING SYSTEM VALUE SELECT * FROM ${s}.passages;
SELECT setval(pg_get_serial_sequence('${s}.passages_plain', 'id'), (SELECT max(id) FROM ${s}.passages_plain))
  WHERE EXISTS (SELECT 1 FROM ${s}.passages_plain);
ALTER TABLE ${s}.passages_plain DROP COLUMN council_id;
DROP TABLE ${s}.passages;
ALTER TABLE ${s}.passages_plain RENAME TO passages;
ALTER TABLE ${s}.passages ADD PRIMARY KEY (id),
  ADD FOREIGN KEY (item_id) REFERENCES ${s}.items (id) ON DELETE CASCADE,
  ADD FOREIGN KEY (meeting_id) REFERENCES ${s}.meetings (id) ON DELETE CASCADE;
CREATE INDEX passages_item ON ${s}.passages (item_id);
CREATE INDEX passages_meeting ON ${s}.passages (meeting_id);
CREATE INDEX passages_search ON ${s}.passages USING gin (search);
ALTER TABLE ${s}.meetings DROP COLUMN council_id;
DROP TABLE ${s}.councils;
DELETE FROM ${s}.schema_migrations WHERE version > 3;
`);
  if (withIndex)
    await client.query(`CREATE INDEX passages_embedding ON ${s}.passages USING hnsw (embedding halfvec_cosine_ops)`);
}
