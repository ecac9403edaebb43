import pg from 'pg';
import type { Logger } from '../logger.js';
import { classifyPgError } from '../store/postgres/errors.js';
import { inTransaction } from '../store/postgres/transaction.js';
import { ident, parseDatabaseUrl } from '../store/postgres/url.js';
import { topicKey } from './keys.js';
import { claimedFromRow, errorText, FOLLOW_COLUMNS, followFromRow } from './rows.js';
import type {
  AlertDraft,
  AlertStore,
  ClaimedAlert,
  Follow,
  NewFollow,
  NotedMeeting,
  PendingMeeting,
  Subscriber,
} from './types.js';

/** The database's clock in milliseconds: every process compares times on one clock. */
const NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';
/** SQLSTATE of a unique violation: another process took the same items first. */
const UNIQUE_VIOLATION = '23505';

function ddl(s: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.meta (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.follows (
      id bigserial PRIMARY KEY,
      subscriber_kind text NOT NULL,
      subscriber_id text NOT NULL,
      topic text NOT NULL,
      topic_key text NOT NULL,
      post_to text NOT NULL,
      created_by text NOT NULL,
      created_at bigint NOT NULL,
      UNIQUE (subscriber_kind, subscriber_id, topic_key))`,
    `CREATE TABLE IF NOT EXISTS ${s}.items_seen (
      meeting_key text NOT NULL,
      item_key text NOT NULL,
      restricted boolean NOT NULL,
      first_seen bigint NOT NULL,
      PRIMARY KEY (meeting_key, item_key))`,
    `CREATE TABLE IF NOT EXISTS ${s}.pending (
      source text PRIMARY KEY,
      meeting_key text NOT NULL,
      version integer NOT NULL,
      queued bigserial)`,
    `CREATE TABLE IF NOT EXISTS ${s}.alerts (
      id bigserial PRIMARY KEY,
      follow_id bigint NOT NULL REFERENCES ${s}.follows(id) ON DELETE CASCADE,
      meeting_key text NOT NULL,
      content jsonb NOT NULL,
      state text NOT NULL DEFAULT 'due',
      claimed_by text,
      claimed_at bigint,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      sent_at bigint,
      message_ts text)`,
    `CREATE INDEX IF NOT EXISTS alerts_due ON ${s}.alerts (state, id)`,
    `CREATE TABLE IF NOT EXISTS ${s}.announced (
      follow_id bigint NOT NULL REFERENCES ${s}.follows(id) ON DELETE CASCADE,
      meeting_key text NOT NULL,
      item_key text NOT NULL,
      alert_id bigint NOT NULL,
      PRIMARY KEY (follow_id, meeting_key, item_key))`,
  ];
}

/**
 * The alert store of a PostgreSQL index: tables in `<index schema>_alerts`, beside the index and
 * untouched by its rebuilds (which swap only the index's own schema). Times are the database's.
 * Claims use `FOR UPDATE SKIP LOCKED`, so several processes share the queue without waiting on
 * each other or taking the same alert.
 */
export class PostgresAlertStore implements AlertStore {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #target: ReturnType<typeof parseDatabaseUrl>;

  private constructor(pool: pg.Pool, target: ReturnType<typeof parseDatabaseUrl>, schema: string) {
    this.#pool = pool;
    this.#target = target;
    this.#s = ident(schema);
    this.location = `${target.display.replace(/\(schema [^)]*\)$/, '')}(schema ${schema})`;
  }

  /** Connects to the index's database and creates the alert tables if they are missing. */
  static async open(databaseUrl: string, options: { logger: Logger }): Promise<PostgresAlertStore> {
    const target = parseDatabaseUrl(databaseUrl);
    const schema = `${target.schema}_alerts`;
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      max: 2,
      application_name: 'minutebook alerts',
    });
    pool.on('error', (error) => options.logger.warn({ err: error }, 'PostgreSQL connection for alerts lost'));
    const store = new PostgresAlertStore(pool, target, schema);
    try {
      await store.#transaction(async (client) => {
        // Two processes opening a fresh database at once would race on CREATE; they take turns.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`minutebook-alerts:${schema}`]);
        for (const statement of ddl(ident(schema))) await client.query(statement);
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async addFollow(follow: NewFollow): Promise<{ follow: Follow; created: boolean }> {
    const key = topicKey(follow.topic);
    const inserted = await this.#query(
      `INSERT INTO ${this.#s}.follows (subscriber_kind, subscriber_id, topic, topic_key, post_to, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, ${NOW_MS})
       ON CONFLICT (subscriber_kind, subscriber_id, topic_key) DO NOTHING RETURNING ${FOLLOW_COLUMNS}`,
      [follow.subscriber.kind, follow.subscriber.id, follow.topic, key, follow.postTo, follow.createdBy],
    );
    const row = inserted.rows[0];
    if (row) return { follow: followFromRow(row), created: true };
    const existing = await this.#query(
      `SELECT ${FOLLOW_COLUMNS} FROM ${this.#s}.follows WHERE subscriber_kind = $1 AND subscriber_id = $2 AND topic_key = $3`,
      [follow.subscriber.kind, follow.subscriber.id, key],
    );
    const found = existing.rows[0];
    if (!found) throw new Error('a follow was removed while it was being added again; try again');
    return { follow: followFromRow(found), created: false };
  }

  async removeFollow(subscriber: Subscriber, topic: string): Promise<Follow | null> {
    const removed = await this.#query(
      `DELETE FROM ${this.#s}.follows WHERE subscriber_kind = $1 AND subscriber_id = $2 AND topic_key = $3
       RETURNING ${FOLLOW_COLUMNS}`,
      [subscriber.kind, subscriber.id, topicKey(topic)],
    );
    return removed.rows[0] ? followFromRow(removed.rows[0]) : null;
  }

  async removeFollowById(id: number): Promise<Follow | null> {
    const removed = await this.#query(`DELETE FROM ${this.#s}.follows WHERE id = $1 RETURNING ${FOLLOW_COLUMNS}`, [id]);
    return removed.rows[0] ? followFromRow(removed.rows[0]) : null;
  }

  async follows(filter: { subscribers?: Subscriber[]; createdBy?: string } = {}): Promise<Follow[]> {
    if (filter.subscribers === undefined && filter.createdBy === undefined) {
      return (await this.#query(`SELECT ${FOLLOW_COLUMNS} FROM ${this.#s}.follows ORDER BY id`, [])).rows.map(
        followFromRow,
      );
    }
    const subscribers = filter.subscribers ?? [];
    const rows = await this.#query(
      `SELECT ${FOLLOW_COLUMNS} FROM ${this.#s}.follows
       WHERE (subscriber_kind || ':' || subscriber_id) = ANY($1::text[]) OR created_by = $2 ORDER BY id`,
      [subscribers.map((s) => `${s.kind}:${s.id}`), filter.createdBy ?? null],
    );
    return rows.rows.map(followFromRow);
  }

  async noteMeetings(meetings: NotedMeeting[], options: { queue?: boolean } = {}): Promise<void> {
    const queue = options.queue !== false;
    await this.#transaction(async (client) => {
      for (const meeting of meetings) {
        if (meeting.items.length > 0) {
          await client.query(
            `INSERT INTO ${this.#s}.items_seen (meeting_key, item_key, restricted, first_seen)
             SELECT $1, k, r, ${queue ? NOW_MS : '0'} FROM unnest($2::text[], $3::boolean[]) AS u(k, r)
             ON CONFLICT (meeting_key, item_key) DO UPDATE SET restricted = excluded.restricted`,
            [meeting.meetingKey, meeting.items.map((i) => i.key), meeting.items.map((i) => i.restricted)],
          );
        }
        if (queue) {
          await client.query(
            `INSERT INTO ${this.#s}.pending (source, meeting_key, version) VALUES ($1, $2, 1)
             ON CONFLICT (source) DO UPDATE SET meeting_key = excluded.meeting_key, version = ${this.#s}.pending.version + 1`,
            [meeting.source, meeting.meetingKey],
          );
        }
      }
    });
  }

  async hasBaseline(): Promise<boolean> {
    return (await this.#query(`SELECT 1 FROM ${this.#s}.meta WHERE key = 'baseline'`, [])).rowCount === 1;
  }

  async markBaseline(): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#s}.meta (key, value) VALUES ('baseline', clock_timestamp()::text)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [],
    );
  }

  async pendingMeetings(limit: number): Promise<PendingMeeting[]> {
    const rows = await this.#query(
      `SELECT source, meeting_key, version FROM ${this.#s}.pending ORDER BY queued LIMIT $1`,
      [limit],
    );
    return rows.rows.map((row) => ({
      source: String(row.source),
      meetingKey: String(row.meeting_key),
      version: Number(row.version),
    }));
  }

  async finishMeeting(meeting: PendingMeeting): Promise<void> {
    await this.#query(`DELETE FROM ${this.#s}.pending WHERE source = $1 AND version = $2`, [
      meeting.source,
      meeting.version,
    ]);
  }

  async announceable(followId: number, meetingKey: string): Promise<string[]> {
    const rows = await this.#query(
      `SELECT s.item_key FROM ${this.#s}.items_seen s JOIN ${this.#s}.follows f ON f.id = $1
       WHERE s.meeting_key = $2 AND NOT s.restricted AND s.first_seen > f.created_at
         AND NOT EXISTS (SELECT 1 FROM ${this.#s}.announced a
                         WHERE a.follow_id = f.id AND a.meeting_key = s.meeting_key AND a.item_key = s.item_key)
       ORDER BY s.item_key`,
      [followId, meetingKey],
    );
    return rows.rows.map((row) => String(row.item_key));
  }

  async queueAlert(draft: AlertDraft): Promise<boolean> {
    try {
      return await this.#transaction(async (client) => {
        // Locks the follow: an unfollow waits for this alert, or this alert sees the follow gone.
        const follow = await client.query(`SELECT 1 FROM ${this.#s}.follows WHERE id = $1 FOR SHARE`, [draft.followId]);
        if (follow.rowCount !== 1) return false;
        const alert = await client.query(
          `INSERT INTO ${this.#s}.alerts (follow_id, meeting_key, content) VALUES ($1, $2, $3) RETURNING id`,
          [draft.followId, draft.meetingKey, JSON.stringify(draft.content)],
        );
        const taken = await client.query(
          `INSERT INTO ${this.#s}.announced (follow_id, meeting_key, item_key, alert_id)
           SELECT $1, $2, k, $4 FROM unnest($3::text[]) AS k ON CONFLICT DO NOTHING`,
          [draft.followId, draft.meetingKey, draft.itemKeys, alert.rows[0]?.id],
        );
        // Any item already taken means another process announced it: this alert is not queued.
        if (taken.rowCount !== draft.itemKeys.length) throw new AlreadyTaken();
        return true;
      });
    } catch (error) {
      if (error instanceof AlreadyTaken || (error as { code?: unknown }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  async claimDue(claimant: string, limit: number, staleMs: number): Promise<ClaimedAlert[]> {
    const rows = await this.#query(
      `WITH claimed AS (
         UPDATE ${this.#s}.alerts SET claimed_by = $1, claimed_at = ${NOW_MS}
         WHERE id IN (SELECT id FROM ${this.#s}.alerts
                      WHERE state = 'due' AND (claimed_by IS NULL OR claimed_at < ${NOW_MS} - $3)
                      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, follow_id, content, attempts)
       SELECT c.id, c.follow_id, c.content, c.attempts, f.post_to
       FROM claimed c JOIN ${this.#s}.follows f ON f.id = c.follow_id ORDER BY c.id`,
      [claimant, limit, staleMs],
    );
    return rows.rows.map(claimedFromRow);
  }

  async markSent(id: number, claimant: string, messageTs: string | null): Promise<void> {
    await this.#query(
      `UPDATE ${this.#s}.alerts SET state = 'sent', sent_at = ${NOW_MS}, message_ts = $3, claimed_by = NULL, claimed_at = NULL
       WHERE id = $1 AND claimed_by = $2`,
      [id, claimant, messageTs],
    );
  }

  async release(id: number, claimant: string, error: string, maxAttempts: number): Promise<void> {
    await this.#query(
      `UPDATE ${this.#s}.alerts SET attempts = attempts + 1, last_error = $3, claimed_by = NULL, claimed_at = NULL,
         state = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'due' END
       WHERE id = $1 AND claimed_by = $2`,
      [id, claimant, errorText(error), maxAttempts],
    );
  }

  async counts(): Promise<{ follows: number; pending: number; due: number; sent: number; failed: number }> {
    const row = (
      await this.#query(
        `SELECT (SELECT count(*) FROM ${this.#s}.follows) AS follows,
                (SELECT count(*) FROM ${this.#s}.pending) AS pending,
                (SELECT count(*) FROM ${this.#s}.alerts WHERE state = 'due') AS due,
                (SELECT count(*) FROM ${this.#s}.alerts WHERE state = 'sent') AS sent,
                (SELECT count(*) FROM ${this.#s}.alerts WHERE state = 'failed') AS failed`,
        [],
      )
    ).rows[0] as Record<string, unknown>;
    return {
      follows: Number(row.follows),
      pending: Number(row.pending),
      due: Number(row.due),
      sent: Number(row.sent),
      failed: Number(row.failed),
    };
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #query(sql: string, params: unknown[]): Promise<pg.QueryResult<Record<string, unknown>>> {
    try {
      return await this.#pool.query(sql, params);
    } catch (error) {
      throw classifyPgError(error, this.#target);
    }
  }

  #transaction<T>(body: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    return inTransaction(this.#pool, body, this.#target);
  }
}

/** Thrown inside a transaction to roll it back when another process took an item first. */
class AlreadyTaken extends Error {}
