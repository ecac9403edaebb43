import path from 'node:path';
import Database from 'better-sqlite3';
import { IndexMissingError } from '../errors.js';
import type { Logger } from '../logger.js';
import { classifyStoreError } from '../store/sqlite/errors.js';
import { readCurrent } from '../store/sqlite/layout.js';
import { makeFolder } from '../store/sqlite/open-checks.js';
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

/**
 * The alert store's file in an index folder. Not one of the index's own files (`minutebook-*.db`,
 * which a `--rebuild` replaces and deletes): follows are people's choices and outlive rebuilds.
 */
export const ALERTS_FILE = 'alerts.db';

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS follows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscriber_kind TEXT NOT NULL,
  subscriber_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  topic_key TEXT NOT NULL,
  post_to TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (subscriber_kind, subscriber_id, topic_key)
);
CREATE TABLE IF NOT EXISTS items_seen (
  meeting_key TEXT NOT NULL,
  item_key TEXT NOT NULL,
  restricted INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  PRIMARY KEY (meeting_key, item_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending (
  queued INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL UNIQUE,
  meeting_key TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  follow_id INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
  meeting_key TEXT NOT NULL,
  content TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'due',
  claimed_by TEXT,
  claimed_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at INTEGER,
  message_ts TEXT
);
CREATE INDEX IF NOT EXISTS alerts_due ON alerts(state, id);
CREATE TABLE IF NOT EXISTS announced (
  follow_id INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
  meeting_key TEXT NOT NULL,
  item_key TEXT NOT NULL,
  alert_id INTEGER NOT NULL,
  PRIMARY KEY (follow_id, meeting_key, item_key)
) WITHOUT ROWID;
`;

/** How long a writer waits for another process's transaction before SQLite reports it busy. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The alert store of an index folder: `alerts.db` beside the index, in SQLite as the index is (WAL,
 * one transaction per change, so a crash leaves each change whole or not at all). Transactions
 * that read then write start IMMEDIATE, so two processes claiming alerts take turns.
 */
export class SqliteAlertStore implements AlertStore {
  readonly location: string;
  readonly #db: Database.Database;
  readonly #dir: string;

  private constructor(db: Database.Database, dir: string) {
    this.#db = db;
    this.#dir = dir;
    this.location = path.join(dir, ALERTS_FILE);
  }

  /**
   * Opens (creating when missing) the alert store in the index folder `dir`. Refuses a folder with
   * no index (IndexMissingError): alerts belong with an index, and a mistyped `--index` should say so.
   */
  static open(dir: string, _options: { logger: Logger }): SqliteAlertStore {
    const root = path.resolve(dir);
    if (readCurrent(root) === null) throw new IndexMissingError(root);
    makeFolder(root);
    const file = path.join(root, ALERTS_FILE);
    let db: Database.Database | null = null;
    try {
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      const ddl = db.transaction(() => db?.exec(DDL));
      ddl.immediate();
      return new SqliteAlertStore(db, root);
    } catch (error) {
      db?.close();
      throw classifyStoreError(error, { dir: root, dbFile: file });
    }
  }

  async addFollow(follow: NewFollow): Promise<{ follow: Follow; created: boolean }> {
    return this.#write(() => {
      const key = topicKey(follow.topic);
      const existing = this.#followBy(follow.subscriber, key);
      if (existing) return { follow: existing, created: false };
      const id = this.#db
        .prepare(
          `INSERT INTO follows (subscriber_kind, subscriber_id, topic, topic_key, post_to, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          follow.subscriber.kind,
          follow.subscriber.id,
          follow.topic,
          key,
          follow.postTo,
          follow.createdBy,
          Date.now(),
        ).lastInsertRowid;
      return { follow: this.#followById(Number(id)) as Follow, created: true };
    });
  }

  async removeFollow(subscriber: Subscriber, topic: string): Promise<Follow | null> {
    return this.#write(() => {
      const found = this.#followBy(subscriber, topicKey(topic));
      if (found) this.#db.prepare('DELETE FROM follows WHERE id = ?').run(found.id);
      return found;
    });
  }

  async removeFollowById(id: number): Promise<Follow | null> {
    return this.#write(() => {
      const found = this.#followById(id);
      if (found) this.#db.prepare('DELETE FROM follows WHERE id = ?').run(id);
      return found;
    });
  }

  async follows(filter: { subscribers?: Subscriber[]; createdBy?: string } = {}): Promise<Follow[]> {
    return this.#guard(() => {
      const rows = this.#db.prepare(`SELECT ${FOLLOW_COLUMNS} FROM follows ORDER BY id`).all() as Array<
        Record<string, unknown>
      >;
      const all = rows.map(followFromRow);
      if (filter.subscribers === undefined && filter.createdBy === undefined) return all;
      const wanted = new Set((filter.subscribers ?? []).map((s) => `${s.kind}:${s.id}`));
      return all.filter(
        (f) => wanted.has(`${f.subscriber.kind}:${f.subscriber.id}`) || f.createdBy === filter.createdBy,
      );
    });
  }

  async noteMeetings(meetings: NotedMeeting[], options: { queue?: boolean } = {}): Promise<void> {
    const queue = options.queue !== false;
    // The baseline stamps items as seen before any follow existed.
    const now = queue ? Date.now() : 0;
    const seen = this.#db.prepare(
      `INSERT INTO items_seen (meeting_key, item_key, restricted, first_seen) VALUES (?, ?, ?, ?)
       ON CONFLICT (meeting_key, item_key) DO UPDATE SET restricted = excluded.restricted`,
    );
    const pend = this.#db.prepare(
      `INSERT INTO pending (source, meeting_key, version) VALUES (?, ?, 1)
       ON CONFLICT (source) DO UPDATE SET meeting_key = excluded.meeting_key, version = pending.version + 1`,
    );
    this.#write(() => {
      for (const meeting of meetings) {
        for (const item of meeting.items) seen.run(meeting.meetingKey, item.key, Number(item.restricted), now);
        if (queue) pend.run(meeting.source, meeting.meetingKey);
      }
    });
  }

  async hasBaseline(): Promise<boolean> {
    return this.#guard(() => this.#db.prepare("SELECT 1 FROM meta WHERE key = 'baseline'").get() !== undefined);
  }

  async markBaseline(): Promise<void> {
    this.#write(() =>
      this.#db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('baseline', ?)").run(new Date().toISOString()),
    );
  }

  async pendingMeetings(limit: number): Promise<PendingMeeting[]> {
    return this.#guard(() =>
      (
        this.#db
          .prepare('SELECT source, meeting_key, version FROM pending ORDER BY queued LIMIT ?')
          .all(limit) as Array<Record<string, unknown>>
      ).map((row) => ({
        source: String(row.source),
        meetingKey: String(row.meeting_key),
        version: Number(row.version),
      })),
    );
  }

  async finishMeeting(meeting: PendingMeeting): Promise<void> {
    this.#write(() =>
      this.#db.prepare('DELETE FROM pending WHERE source = ? AND version = ?').run(meeting.source, meeting.version),
    );
  }

  async announceable(followId: number, meetingKey: string): Promise<string[]> {
    return this.#guard(
      () =>
        this.#db
          .prepare(
            `SELECT s.item_key FROM items_seen s JOIN follows f ON f.id = ?
             WHERE s.meeting_key = ? AND s.restricted = 0 AND s.first_seen > f.created_at
               AND NOT EXISTS (SELECT 1 FROM announced a
                               WHERE a.follow_id = f.id AND a.meeting_key = s.meeting_key AND a.item_key = s.item_key)
             ORDER BY s.item_key`,
          )
          .pluck()
          .all(followId, meetingKey) as string[],
    );
  }

  async queueAlert(draft: AlertDraft): Promise<boolean> {
    return this.#write(() => {
      if (!this.#followById(draft.followId)) return false;
      const taken = this.#db.prepare(
        'SELECT 1 FROM announced WHERE follow_id = ? AND meeting_key = ? AND item_key = ?',
      );
      if (draft.itemKeys.some((key) => taken.get(draft.followId, draft.meetingKey, key) !== undefined)) return false;
      const alertId = this.#db
        .prepare('INSERT INTO alerts (follow_id, meeting_key, content) VALUES (?, ?, ?)')
        .run(draft.followId, draft.meetingKey, JSON.stringify(draft.content)).lastInsertRowid;
      const take = this.#db.prepare(
        'INSERT INTO announced (follow_id, meeting_key, item_key, alert_id) VALUES (?, ?, ?, ?)',
      );
      for (const key of draft.itemKeys) take.run(draft.followId, draft.meetingKey, key, alertId);
      return true;
    });
  }

  async claimDue(claimant: string, limit: number, staleMs: number): Promise<ClaimedAlert[]> {
    return this.#write(() => {
      const now = Date.now();
      const rows = this.#db
        .prepare(
          `SELECT a.id, a.follow_id, f.post_to, a.content, a.attempts FROM alerts a JOIN follows f ON f.id = a.follow_id
           WHERE a.state = 'due' AND (a.claimed_by IS NULL OR a.claimed_at < ?) ORDER BY a.id LIMIT ?`,
        )
        .all(now - staleMs, limit) as Array<Record<string, unknown>>;
      const claim = this.#db.prepare('UPDATE alerts SET claimed_by = ?, claimed_at = ? WHERE id = ?');
      for (const row of rows) claim.run(claimant, now, row.id);
      return rows.map(claimedFromRow);
    });
  }

  async markSent(id: number, claimant: string, messageTs: string | null): Promise<void> {
    this.#write(() =>
      this.#db
        .prepare(
          `UPDATE alerts SET state = 'sent', sent_at = ?, message_ts = ?, claimed_by = NULL, claimed_at = NULL
           WHERE id = ? AND claimed_by = ?`,
        )
        .run(Date.now(), messageTs, id, claimant),
    );
  }

  async release(id: number, claimant: string, error: string, maxAttempts: number): Promise<void> {
    this.#write(() =>
      this.#db
        .prepare(
          `UPDATE alerts SET attempts = attempts + 1, last_error = ?, claimed_by = NULL, claimed_at = NULL,
             state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'due' END
           WHERE id = ? AND claimed_by = ?`,
        )
        .run(errorText(error), maxAttempts, id, claimant),
    );
  }

  async counts(): Promise<{ follows: number; pending: number; due: number; sent: number; failed: number }> {
    return this.#guard(() => {
      const count = (sql: string) => Number(this.#db.prepare(sql).pluck().get());
      return {
        follows: count('SELECT count(*) FROM follows'),
        pending: count('SELECT count(*) FROM pending'),
        due: count("SELECT count(*) FROM alerts WHERE state = 'due'"),
        sent: count("SELECT count(*) FROM alerts WHERE state = 'sent'"),
        failed: count("SELECT count(*) FROM alerts WHERE state = 'failed'"),
      };
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #followBy(subscriber: Subscriber, key: string): Follow | null {
    const row = this.#db
      .prepare(
        `SELECT ${FOLLOW_COLUMNS} FROM follows WHERE subscriber_kind = ? AND subscriber_id = ? AND topic_key = ?`,
      )
      .get(subscriber.kind, subscriber.id, key) as Record<string, unknown> | undefined;
    return row ? followFromRow(row) : null;
  }

  #followById(id: number): Follow | null {
    const row = this.#db.prepare(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE id = ?`).get(id) as
      | Record<string, unknown>
      | undefined;
    return row ? followFromRow(row) : null;
  }

  /** One IMMEDIATE transaction: it takes the write lock before reading, so read-then-write cannot interleave. */
  #write<T>(fn: () => T): T {
    return this.#guard(() => this.#db.transaction(fn).immediate());
  }

  #guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw classifyStoreError(error, { dir: this.#dir, dbFile: this.location });
    }
  }
}
