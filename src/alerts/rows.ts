import type { AlertContent, ClaimedAlert, Follow } from './types.js';

/**
 * Rows of the alert tables read back the same way from both stores (SQLite hands back numbers and
 * strings; PostgreSQL bigints as strings), so the two stores cannot drift in what they return.
 */

/** The columns a follow is selected with, in both stores. */
export const FOLLOW_COLUMNS = 'id, subscriber_kind, subscriber_id, topic, post_to, created_by, created_at';

/** A follow from a row of FOLLOW_COLUMNS. */
export function followFromRow(row: Record<string, unknown>): Follow {
  const kind = row.subscriber_kind === 'channel' ? 'channel' : 'user';
  return {
    id: Number(row.id),
    subscriber: { kind, id: String(row.subscriber_id) },
    topic: String(row.topic),
    postTo: String(row.post_to),
    createdBy: String(row.created_by),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

/** A claimed alert from a row with id, follow_id, post_to, content and attempts. */
export function claimedFromRow(row: Record<string, unknown>): ClaimedAlert {
  return {
    id: Number(row.id),
    followId: Number(row.follow_id),
    postTo: String(row.post_to),
    content: parseContent(row.content),
    attempts: Number(row.attempts),
  };
}

/** The stored content, narrowed: a row that does not hold one is a damaged store, said plainly. */
function parseContent(raw: unknown): AlertContent {
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (
    typeof value === 'object' &&
    value !== null &&
    'topic' in value &&
    typeof value.topic === 'string' &&
    'answer' in value &&
    typeof value.answer === 'object' &&
    value.answer !== null
  ) {
    return value as AlertContent;
  }
  throw new Error('a queued alert in the alert store has no readable content');
}

/** Error text kept with a failed post: short, one line. */
export function errorText(error: string): string {
  return error.replace(/\s+/g, ' ').slice(0, 500);
}
