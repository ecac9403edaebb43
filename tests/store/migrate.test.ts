import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndexReader } from '../../src/store/open-store.js';
import type { IndexReader } from '../../src/store/types.js';
import type { Embedder } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';
import { examplesDir } from '../helpers/corpus.js';
import { buildIndex, silentLogger } from '../helpers/index.js';
import { dropSchemas, freshSchema, postgresSkipReason, schemaUrl, testDatabaseUrl } from '../helpers/stores.js';
import { tinyEmbedder } from '../helpers/tiny-model.js';

/** `minutebook migrate`: a folder index copied into PostgreSQL, vectors included, nothing embedded again. */
describe.skipIf(postgresSkipReason !== null)('minutebook migrate --from <folder> --to postgres://…', () => {
  const schema = freshSchema();
  const url = schemaUrl(schema);
  let indexDir: string;
  let embedder: Embedder;
  const open: IndexReader[] = [];
  beforeAll(async () => {
    embedder = await tinyEmbedder();
    ({ indexDir } = await buildIndex([examplesDir], { embedder, manifest: path.join(examplesDir, 'meetings.json') }));
  });
  afterAll(async () => {
    for (const store of open) await store.close();
    await dropSchemas(schema);
  });

  it('copies every meeting with its vectors, and a second run copies nothing', async () => {
    // No model in the environment at all: the copy must not need one.
    const env = { MINUTEBOOK_MODEL_DIR: path.join(indexDir, 'no-models'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' };
    const first = await runCli(['migrate', '--from', indexDir, '--to', url, '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as { meetings: number; passages: number; unchanged: number; to: string };
    expect(summary).toMatchObject({ meetings: 3, unchanged: 0 });
    expect(summary.to).toContain(`schema ${schema}`);

    // Filled in bulk, its vector index was built once at the end: it is there.
    const client = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
    await client.connect();
    const index = await client.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [
      schema,
      'passages_embedding',
    ]);
    await client.end();
    expect(String(index.rows[0]?.indexdef)).toMatch(/USING hnsw \(embedding halfvec_cosine_ops\)/);

    const from = await openIndexReader({ kind: 'sqlite', dir: indexDir }, { logger: silentLogger });
    const to = await openIndexReader({ kind: 'postgres', url }, { logger: silentLogger });
    open.push(from, to);
    expect(await to.stats()).toEqual(await from.stats());
    expect(to.model).toEqual(from.model);
    // The same question finds the same passages by meaning and by keyword in both.
    const query = await embedder.embedQuery('foster carers recruited this year');
    const texts = async (store: IndexReader, ids: Array<{ passageId: number }>) =>
      (await store.passages(ids.map((h) => h.passageId))).map((p) => p.text);
    expect(await texts(to, await to.vectorSearch(query, { limit: 5 }))).toEqual(
      await texts(from, await from.vectorSearch(query, { limit: 5 })),
    );
    expect((await to.keywordSearch('fostering households', { limit: 3 })).length).toBeGreaterThan(0);

    const again = await runCli(['migrate', '--from', indexDir, '--to', url, '--json'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ meetings: 0, unchanged: 3 });
    const stats = await runCli(['stats', '--database', url, '--json'], { env });
    expect(JSON.parse(stats.stdout)).toMatchObject({ meetings: 3, model: from.model?.id });
  });

  it('refuses a malformed URL without echoing a password', async () => {
    const bad = await runCli(['stats', '--database', 'mysql://user:hunter2@host/db']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--database must be a PostgreSQL URL/);
    expect(bad.stderr).not.toContain('hunter2');
  });
});
