import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSAGE_TOAST_TARGET } from '../../src/store/postgres/council-partitions.js';
import { SCHEMA_VERSION } from '../../src/store/postgres/migrations.js';
import { PG_HNSW } from '../../src/store/postgres/store.js';
import type { IndexReader } from '../../src/store/types.js';
import { backToVersion3 } from '../helpers/pg-schema-versions.js';
import { postgresKit, postgresSkipReason, type StoreKit, testDatabaseUrl } from '../helpers/stores.js';
import { embed, MODEL, seriesMeeting, vectorsOf } from './fixtures/meetings.js';

/** What PostgreSQL holds for an index: the embedding column's type and its vector index. */
async function embeddingSchema(
  client: pg.Client,
  schema: string,
): Promise<{ column: string; index: string | null; version: number }> {
  const column = await client.query(
    `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'embedding'`,
    [`"${schema}".passages`],
  );
  const index = await client.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2`, [
    schema,
    'passages_embedding',
  ]);
  const version = await client.query(`SELECT max(version) AS v FROM "${schema}".schema_migrations`);
  return {
    column: String(column.rows[0]?.type),
    index: (index.rows[0]?.indexdef as string | undefined) ?? null,
    version: Number(version.rows[0]?.v),
  };
}

describe.skipIf(postgresSkipReason !== null)('the PostgreSQL schema of embeddings', () => {
  let kit: StoreKit;
  let client: pg.Client;
  let schema: string;
  beforeEach(async () => {
    kit = postgresKit();
    schema = new URL(kit.target.kind === 'postgres' ? kit.target.url : '').searchParams.get('schema') ?? '';
    client = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await kit.cleanup();
  });

  async function build(): Promise<void> {
    const writer = await kit.writer({ model: MODEL });
    for (let n = 1; n <= 6; n++)
      await writer.replaceMeeting(seriesMeeting(n), `hash-${n}`, vectorsOf(seriesMeeting(n)));
    await writer.close();
  }

  async function nearest(reader: IndexReader, text: string): Promise<string | undefined> {
    const [hit] = await reader.vectorSearch(embed(text), { limit: 1 });
    const [passage] = await reader.passages(hit ? [hit.passageId] : []);
    return passage?.text;
  }

  it('stores embeddings as halfvec with an HNSW index on halfvec cosine distance', async () => {
    await build();
    const found = await embeddingSchema(client, schema);
    expect(found.column).toBe(`halfvec(${MODEL.dimensions})`);
    expect(found.index).toMatch(/USING hnsw \(embedding halfvec_cosine_ops\)/);
  });

  it('converts an index written before halfvec (schema version 2) when it is next opened, and searches it the same', async () => {
    await build();
    const query = 'Members discussed library opening hours (meeting 3, item 1, part 0).';
    let reader = await kit.reader();
    const before = await nearest(reader, query);
    await reader.close();
    expect(before).toContain('library opening hours');

    // Back to what versions 1 and 2 wrote: float vectors and their own HNSW index.
    await backToVersion3(client, schema, false);
    await client.query(
      `ALTER TABLE "${schema}".passages ALTER COLUMN embedding TYPE vector(${MODEL.dimensions}) USING embedding::vector(${MODEL.dimensions})`,
    );
    await client.query(
      `CREATE INDEX passages_embedding ON "${schema}".passages USING hnsw (embedding vector_cosine_ops)`,
    );
    await client.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 2`);
    expect((await embeddingSchema(client, schema)).column).toBe(`vector(${MODEL.dimensions})`);

    reader = await kit.reader();
    expect(await nearest(reader, query)).toBe(before);
    await reader.close();
    const after = await embeddingSchema(client, schema);
    expect(after.version).toBeGreaterThanOrEqual(3);
    expect(after.column).toBe(`halfvec(${MODEL.dimensions})`);
    expect(after.index).toMatch(/halfvec_cosine_ops/);
  });

  it('searches a filter too wide to scan exactly through the HNSW index, finding the exact nearest in scope', async () => {
    const writer = await kit.writer({ model: MODEL });
    const written = [];
    for (let n = 1; n <= 120; n++) {
      const m = seriesMeeting(n, 40);
      written.push(m);
      await writer.replaceMeeting(m, `hash-${n}`, vectorsOf(m));
    }
    await writer.close();
    const inScope = written.filter((m) => (m.date ?? '') >= '2020-01-01');
    expect(inScope.reduce((sum, m) => sum + vectorsOf(m).length, 0)).toBeGreaterThan(5000);

    const reader = await kit.reader();
    for (const text of ['library opening hours review', 'parking charges officer answered', 'waste collection']) {
      const hits = await reader.vectorSearch(embed(text), { limit: 10, filters: { after: '2020-01-01' } });
      const passages = await reader.passages(hits.map((h) => h.passageId));
      expect(passages).toHaveLength(10);
      for (const p of passages) expect((p.meeting.date ?? '') >= '2020-01-01').toBe(true);
      // The exact tenth-best similarity in scope: every hit is at least that close.
      const exact = inScope
        .flatMap((m) => vectorsOf(m))
        .map((v) => v.reduce((sum, x, d) => sum + x * (embed(text)[d] ?? 0), 0))
        .sort((a, b) => b - a);
      for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual((exact[9] ?? 1) - 1e-3);
    }
    await reader.close();
  });

  it("builds an index's HNSW graph again with the store's parameters (migration 5) when it is next opened", async () => {
    await build();
    const query = 'Members discussed library opening hours (meeting 3, item 1, part 0).';
    // As schema version 4 left it: a graph of m 24, ef_construction 128.
    await client.query(`DROP INDEX "${schema}".passages_embedding`);
    await client.query(
      `CREATE INDEX passages_embedding ON "${schema}".passages USING hnsw (embedding halfvec_cosine_ops) WITH (m = 24, ef_construction = 128)`,
    );
    await client.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 4`);
    expect((await embeddingSchema(client, schema)).index).toContain("m='24'");

    const reader = await kit.reader();
    expect(await nearest(reader, query)).toContain('library opening hours');
    await reader.close();
    const after = await embeddingSchema(client, schema);
    expect(after.version).toBe(SCHEMA_VERSION);
    expect(after.index).toContain(`m='${PG_HNSW.m}', ef_construction='${PG_HNSW.efConstruction}'`);
  });

  /** Each passages partition's storage options (toast_tuple_target among them). */
  async function partitionOptions(): Promise<string[]> {
    const result = await client.query(
      `SELECT coalesce(array_to_string(c.reloptions, ','), '') AS options FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
      [`"${schema}".passages`],
    );
    return result.rows.map((row: { options: string }) => row.options);
  }

  it("keeps passages' rows whole, embedding included, in every council's partition (migration 6 and new councils)", async () => {
    await build();
    const before = await partitionOptions();
    expect(before.length).toBeGreaterThan(0);
    for (const options of before) expect(options).toContain(`toast_tuple_target=${PASSAGE_TOAST_TARGET}`);
    // As schema version 5 left it: partitions with PostgreSQL's default.
    for (const row of (
      await client.query(`SELECT inhrelid::regclass AS part FROM pg_inherits WHERE inhparent = $1::regclass`, [
        `"${schema}".passages`,
      ])
    ).rows as Array<{ part: string }>)
      await client.query(`ALTER TABLE ${row.part} RESET (toast_tuple_target)`);
    await client.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 5`);
    const reader = await kit.reader();
    await reader.close();
    for (const options of await partitionOptions())
      expect(options).toContain(`toast_tuple_target=${PASSAGE_TOAST_TARGET}`);
    // A council seen for the first time gets a partition with the same setting.
    const writer = await kit.writer({ model: MODEL });
    const newcomer = { ...seriesMeeting(7), council: 'A Council Never Seen Before', source: 'newcomer.pdf' };
    await writer.replaceMeeting(newcomer, 'hash-newcomer', vectorsOf(newcomer));
    await writer.close();
    const options = await partitionOptions();
    expect(options.length).toBe(before.length + 1);
    for (const o of options) expect(o).toContain(`toast_tuple_target=${PASSAGE_TOAST_TARGET}`);
  });

  /** The meeting index's definition on every passages partition. */
  async function meetingIndexes(): Promise<string[]> {
    const result = await client.query(
      `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_inherits h JOIN pg_index i ON i.indrelid = h.inhrelid
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE h.inhparent = $1::regclass AND a.attname = 'meeting_id' ORDER BY 1`,
      [`"${schema}".passages`],
    );
    return result.rows.map((row: { def: string }) => row.def);
  }

  it("carries each passage's id and embedding in the meeting index, so an exact scan of a committee never reads the table (migration 7)", async () => {
    await build();
    const reader = await kit.reader();
    const query = embed('Members discussed school transport (meeting 3, item 0, part 0).');
    const filters = { committee: 'cabinet' };
    const before = await reader.vectorSearch(query, { limit: 5, filters });
    await reader.close();
    const built = await meetingIndexes();
    expect(built.length).toBeGreaterThan(0);
    for (const def of built) expect(def).toMatch(/\(meeting_id\) INCLUDE \(id, council_id, embedding\)/);

    // As schema version 6 left it: a plain meeting index.
    await client.query(`DROP INDEX "${schema}".passages_meeting`);
    await client.query(`CREATE INDEX passages_meeting ON "${schema}".passages (meeting_id)`);
    await client.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 6`);
    const reopened = await kit.reader();
    for (const def of await meetingIndexes()) expect(def).toMatch(/INCLUDE \(id, council_id, embedding\)/);
    expect(await reopened.vectorSearch(query, { limit: 5, filters })).toEqual(before);

    // With the table vacuumed, a committee's vectors can be read from the index alone (a table this
    // small is cheaper to read whole, so the planner is kept off that to see what the index allows).
    await client.query(`VACUUM ANALYZE "${schema}".passages`);
    await client.query('SET enable_seqscan = off');
    await client.query('SET enable_bitmapscan = off');
    const [part] = await partitions();
    const plan = await client.query(
      `EXPLAIN SELECT id, embedding <=> embedding AS d FROM "${schema}".${part?.name} WHERE meeting_id = ANY($1::bigint[])`,
      [[1, 2]],
    );
    await reopened.close();
    expect(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan/);
  });

  it('converts a version 2 index that has no model yet, and gives its column dimensions when it adopts one', async () => {
    const empty = await kit.writer({ model: null });
    await empty.close();
    await backToVersion3(client, schema, false);
    await client.query(`ALTER TABLE "${schema}".passages ALTER COLUMN embedding TYPE vector`);
    await client.query(`DELETE FROM "${schema}".schema_migrations WHERE version > 2`);

    await build();
    const found = await embeddingSchema(client, schema);
    expect(found.column).toBe(`halfvec(${MODEL.dimensions})`);
    expect(found.index).toMatch(/halfvec_cosine_ops/);
  });

  /** Meetings 1–6 of the series in Ashford, and the same minutes again as Brockley's meetings 7–12. */
  async function buildTwoCouncils(): Promise<void> {
    const writer = await kit.writer({ model: MODEL });
    for (let n = 1; n <= 6; n++) {
      const ashford = seriesMeeting(n);
      await writer.replaceMeeting(ashford, `hash-${n}`, vectorsOf(ashford));
      const brockley = { ...ashford, council: 'Brockley Town Council', source: `brockley-${n}.pdf` };
      await writer.replaceMeeting(brockley, `hash-b${n}`, vectorsOf(brockley));
    }
    await writer.close();
  }

  /** The councils' partitions of the passages table, with their HNSW index if they have one. */
  async function partitions(): Promise<Array<{ name: string; hnsw: boolean }>> {
    const found = await client.query(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_am a ON a.oid = ic.relam WHERE i.indrelid = c.oid AND a.amname = 'hnsw') AS hnsw
       FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid WHERE h.inhparent = $1::regclass ORDER BY 1`,
      [`"${schema}".passages`],
    );
    return found.rows as Array<{ name: string; hnsw: boolean }>;
  }

  it("keeps each council's passages in a partition of their own, each with its own HNSW graph", async () => {
    await buildTwoCouncils();
    const found = await partitions();
    expect(found).toHaveLength(2);
    expect(found.every((p) => p.hnsw)).toBe(true);

    // A council first written into a built index gets its partition, indexed, in the meeting's transaction.
    const writer = await kit.writer({ model: MODEL });
    const late = { ...seriesMeeting(5), council: 'Caxton Parish Council', source: 'caxton-5.pdf' };
    await writer.replaceMeeting(late, 'hash-c5', vectorsOf(late));
    await writer.close();
    expect(await partitions()).toHaveLength(3);
    expect((await partitions()).every((p) => p.hnsw)).toBe(true);

    const reader = await kit.reader();
    // A passage of meeting 5, word for word (no other has its words): its three copies are the nearest.
    const query = embed(
      'Members discussed school transport (meeting 5, item 0, part 0). The officer answered questions.',
    );
    const councilsOf = async (filters: { council?: string; committee?: string }) => {
      const hits = await reader.vectorSearch(query, { limit: 3, filters });
      return new Set((await reader.passages(hits.map((h) => h.passageId))).map((p) => p.meeting.council));
    };
    expect(await councilsOf({ council: 'brockley' })).toEqual(new Set(['Brockley Town Council']));
    expect(await councilsOf({ council: 'caxton' })).toEqual(new Set(['Caxton Parish Council']));
    // Unscoped, the three copies of the passage are the three nearest, one from each council's graph.
    expect((await councilsOf({})).size).toBe(3);
    const [best] = await reader.vectorSearch(query, {
      limit: 1,
      filters: { council: 'ashford', committee: 'cabinet' },
    });
    const [passage] = await reader.passages(best ? [best.passageId] : []);
    expect(passage?.meeting.council).toBe('Ashford Borough Council');
    await reader.close();
  });

  it('splits an index written before partitions (schema version 3) by council when it is next opened, ids and results unchanged', async () => {
    await buildTwoCouncils();
    // A passage of meeting 5, word for word (no other has its words): its two copies are the nearest.
    const query = embed(
      'Members discussed school transport (meeting 5, item 0, part 0). The officer answered questions.',
    );
    const nearestIds = async (reader: IndexReader, filters = {}) =>
      (await reader.vectorSearch(query, { limit: 2, filters })).map((h) => h.passageId).sort((a, b) => a - b);
    let reader = await kit.reader();
    const before = await nearestIds(reader);
    const scopedBefore = await nearestIds(reader, { council: 'brockley' });
    expect(new Set((await reader.passages(before)).map((p) => p.meeting.council)).size).toBe(2);
    await reader.close();

    await backToVersion3(client, schema, true);
    expect(await partitions()).toHaveLength(0);
    reader = await kit.reader();
    expect(await nearestIds(reader)).toEqual(before);
    expect(await nearestIds(reader, { council: 'brockley' })).toEqual(scopedBefore);
    await reader.close();
    const after = await embeddingSchema(client, schema);
    expect(after.version).toBe(SCHEMA_VERSION);
    expect(await partitions()).toHaveLength(2);

    // New passages carry on after the old ids.
    const writer = await kit.writer({ model: MODEL });
    const next = { ...seriesMeeting(7), council: 'Brockley Town Council', source: 'brockley-7.pdf' };
    await writer.replaceMeeting(next, 'hash-b7', vectorsOf(next));
    await writer.close();
    const ids = await client.query(
      `SELECT max(id) AS top, count(DISTINCT id) AS n, count(*) AS rows FROM "${schema}".passages`,
    );
    expect(Number(ids.rows[0]?.n)).toBe(Number(ids.rows[0]?.rows));
  });
});
