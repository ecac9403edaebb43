import type pg from 'pg';
import { ident } from './url.js';

/**
 * Passages are list-partitioned by council (migration 4): each council has an id in `councils` and
 * its passages a partition `passages_c<id>` with its own HNSW graph. A graph's recall falls as it
 * grows, and most searches are scoped to one council, so each council's search walks a graph of
 * that council's size; an unscoped search walks each of them (at once, queries.ts) and keeps the best.
 */

/**
 * Each partition keeps rows of up to this many bytes whole (PostgreSQL's toast_tuple_target, at
 * PostgreSQL's ceiling): by default a row over 2 kB has its largest value that can go out of line
 * moved to the TOAST table, and a passage's row (text, tsvector, a 768-byte halfvec) is often just
 * over: its embedding goes, and every exact scan then fetches it through the TOAST index. Measured
 * on 30,000 synthetic rows of the 1M bench (about 2 kB each, a quarter of them toasted), an exact
 * scan took 29 / 37 ms toasted against 21 / 29 ms whole, load 5.
 */
export const PASSAGE_TOAST_TARGET = 8160;

/** The council's id, adding the council and its passages partition when it is new. */
export async function councilPartition(client: pg.ClientBase, s: string, council: string | null): Promise<number> {
  const key = `lower(coalesce($1::text, ''))`;
  const found = await client.query(`SELECT id FROM ${s}.councils WHERE key = ${key}`, [council]);
  const known = (found.rows[0] as Record<string, unknown> | undefined)?.id;
  if (known !== undefined) return Number(known);
  const added = await client.query(`INSERT INTO ${s}.councils (key) VALUES (${key}) RETURNING id`, [council]);
  const id = Number((added.rows[0] as Record<string, unknown>).id);
  // Takes an ACCESS EXCLUSIVE lock on the passages table until the meeting's transaction commits:
  // searches wait for the first meeting of a new council, once. A new partition gets the table's
  // indexes (the HNSW one too, empty, when the index is kept up to date).
  await client.query(
    `CREATE TABLE ${s}.${ident(`passages_c${id}`)} PARTITION OF ${s}.passages FOR VALUES IN (${id}) WITH (toast_tuple_target = ${PASSAGE_TOAST_TARGET})`,
  );
  return id;
}
