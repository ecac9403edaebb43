import pg from 'pg';
import type { Logger } from '../logger.js';
import { classifyPgError } from '../store/postgres/errors.js';
import { ident, parseDatabaseUrl } from '../store/postgres/url.js';
import type { RateDecision, RateLimits } from './rate-limit.js';
import type { SeenStore } from './seen.js';

/** Keys older than this are forgotten: Slack stops retrying an event within minutes. */
const SEEN_FOR = '1 day';
/** Prune old rows about once per this many writes, so the tables stay small without a job. */
const PRUNE_EVERY = 500;

/**
 * The Slack bot's dedupe and rate limits in PostgreSQL, so several `serve` processes behind one
 * Slack app (a load balancer, or a restart while Slack retries) answer each event once and count
 * one user's questions together. Tables live in `<index schema>_slack`, beside the index and
 * untouched by its rebuilds. Times are the database's, so the processes' clocks need not agree.
 */
export class PostgresSlackState implements SeenStore, RateLimits {
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #limit: number;
  readonly #window: string;
  #writes = 0;

  private constructor(pool: pg.Pool, schema: string, limit: number, windowMs: number) {
    this.#pool = pool;
    this.#s = ident(schema);
    this.#limit = limit;
    this.#window = `${Math.round(windowMs)} milliseconds`;
  }

  /** Connects to the index's database and creates the tables if they are missing. */
  static async open(
    databaseUrl: string,
    options: { logger: Logger; rateLimit?: number; rateWindowMs?: number },
  ): Promise<PostgresSlackState> {
    const target = parseDatabaseUrl(databaseUrl);
    const schema = `${target.schema}_slack`;
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      max: 4,
      application_name: 'minutebook serve',
    });
    pool.on('error', (error) => options.logger.warn({ err: error }, 'PostgreSQL connection for Slack state lost'));
    try {
      const s = ident(schema);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`minutebook-slack:${schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${s}.seen (key text PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
        );
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${s}.questions (user_id text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
        );
        await client.query(`CREATE INDEX IF NOT EXISTS questions_user ON ${s}.questions (user_id, at)`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw classifyPgError(error, target);
    }
    return new PostgresSlackState(pool, schema, options.rateLimit ?? 6, options.rateWindowMs ?? 60_000);
  }

  async firstTime(key: string): Promise<boolean> {
    await this.#prune();
    const inserted = await this.#pool.query(
      `INSERT INTO ${this.#s}.seen (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`,
      [key],
    );
    return inserted.rowCount === 1;
  }

  async take(user: string): Promise<RateDecision> {
    await this.#prune();
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      // One user's questions are counted one at a time, whichever process they reach.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`minutebook-rate:${user}`]);
      const recent = await client.query(
        `SELECT count(*)::int AS n, extract(epoch FROM (min(at) + $2::interval - clock_timestamp())) * 1000 AS retry_ms
         FROM ${this.#s}.questions WHERE user_id = $1 AND at > clock_timestamp() - $2::interval`,
        [user, this.#window],
      );
      const row = recent.rows[0] as { n: number; retry_ms: string | number | null } | undefined;
      if ((row?.n ?? 0) >= this.#limit) {
        await client.query('COMMIT');
        return { allowed: false, retryAfterMs: Math.max(0, Math.round(Number(row?.retry_ms ?? 0))) };
      }
      await client.query(`INSERT INTO ${this.#s}.questions (user_id) VALUES ($1)`, [user]);
      await client.query('COMMIT');
      return { allowed: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #prune(): Promise<void> {
    if (++this.#writes % PRUNE_EVERY !== 0) return;
    await this.#pool.query(`DELETE FROM ${this.#s}.seen WHERE at < clock_timestamp() - $1::interval`, [SEEN_FOR]);
    await this.#pool.query(`DELETE FROM ${this.#s}.questions WHERE at < clock_timestamp() - $1::interval`, [
      this.#window,
    ]);
  }
}
