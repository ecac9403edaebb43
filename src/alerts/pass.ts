import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { WorkerUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AlertStore, ClaimedAlert, FollowMatcher } from './types.js';

/** Meetings read from the queue at a time. */
const PENDING_BATCH = 100;
/** Alerts claimed at a time. */
const CLAIM_BATCH = 20;
/**
 * A claim older than this belongs to a process that died mid-post: the alert is due again. Far
 * longer than one post takes (Slack answers in seconds), so a live process never loses its claim.
 */
export const STALE_CLAIM_MS = 10 * 60_000;
/** Posts tried before an alert is given up on (a channel deleted, the bot removed from it). */
export const MAX_ATTEMPTS = 5;

/** Posts one alert; resolves the posted message's ts. A rejection leaves the alert due. */
export type DeliverAlert = (alert: ClaimedAlert) => Promise<string | null>;

/** What one pass did. */
export interface AlertsPassReport {
  /** Meetings matched against the follows. */
  meetings: number;
  /** Alerts queued by the matching. */
  queued: number;
  sent: number;
  /** Posts that failed (left due, or given up on after MAX_ATTEMPTS). */
  failed: number;
}

/** A name for this process's claims, unique across hosts and restarts. */
export function claimantName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Matches the meetings `ingest` and `sync` queued against every follow, then posts what is due.
 * The one pass both `minutebook alerts run` and a running `serve` make. Safe to run in several
 * processes at once: items are taken for a follow in the same transaction that queues the alert,
 * and alerts are claimed before posting, so nothing is announced or posted twice.
 */
export async function runAlertsPass(options: {
  store: AlertStore;
  /** Puts a follow's topic to a meeting; called only for follows with items they may announce. */
  match: FollowMatcher;
  /** Null: match and queue only (nothing posts; the alerts stay due). */
  deliver: DeliverAlert | null;
  logger: Logger;
  claimant: string;
}): Promise<AlertsPassReport> {
  const report: AlertsPassReport = { meetings: 0, queued: 0, sent: 0, failed: 0 };
  await matchPending(options, report);
  if (options.deliver) await deliverDue({ ...options, deliver: options.deliver }, report);
  return report;
}

async function matchPending(
  options: { store: AlertStore; match: FollowMatcher; logger: Logger },
  report: AlertsPassReport,
): Promise<void> {
  const { store, logger } = options;
  // A meeting noted again while this pass runs stays queued for the next; it is not matched twice here.
  const done = new Set<string>();
  for (;;) {
    const pending = (await store.pendingMeetings(PENDING_BATCH + done.size)).filter((m) => !done.has(m.source));
    if (pending.length === 0) return;
    const follows = await store.follows();
    for (const meeting of pending) {
      done.add(meeting.source);
      try {
        for (const follow of follows) {
          const announceable = await store.announceable(follow.id, meeting.meetingKey);
          if (announceable.length === 0) continue;
          const match = await options.match({ follow, meeting, announceable });
          if (!match) continue;
          if (await store.queueAlert({ followId: follow.id, meetingKey: meeting.meetingKey, ...match })) {
            report.queued++;
            logger.info(
              { event: 'alerts.queued', follow: follow.id, meeting: meeting.source, items: match.itemKeys.length },
              'alert queued',
            );
          }
        }
        await store.finishMeeting(meeting);
        report.meetings++;
      } catch (error) {
        // Left queued: the next pass tries the meeting again.
        if (error instanceof WorkerUnavailableError) {
          // Every meeting after this one would fail the same way: they all wait for the next pass.
          logger.warn(
            { err: error, event: 'alerts.match_deferred', meeting: meeting.source },
            'the matcher is not available; queued meetings wait for the next alerts pass',
          );
          return;
        }
        logger.error(
          { err: error, event: 'alerts.match_failed', meeting: meeting.source },
          'could not match a meeting',
        );
      }
    }
  }
}

async function deliverDue(
  options: { store: AlertStore; deliver: DeliverAlert; logger: Logger; claimant: string },
  report: AlertsPassReport,
): Promise<void> {
  const { store, logger, claimant } = options;
  for (;;) {
    const claimed = await store.claimDue(claimant, CLAIM_BATCH, STALE_CLAIM_MS);
    let failures = 0;
    for (const alert of claimed) {
      try {
        const ts = await options.deliver(alert);
        await store.markSent(alert.id, claimant, ts);
        report.sent++;
        logger.info({ event: 'alerts.sent', alert: alert.id, follow: alert.followId }, 'alert posted');
      } catch (error) {
        failures++;
        report.failed++;
        const reason = error instanceof Error ? error.message : String(error);
        await store.release(alert.id, claimant, reason, MAX_ATTEMPTS);
        logger.warn(
          { event: 'alerts.post_failed', alert: alert.id, attempts: alert.attempts + 1, reason },
          'could not post an alert; it stays due',
        );
      }
    }
    // A batch with a failure ends the pass: what failed is due again and would only fail again now.
    if (claimed.length < CLAIM_BATCH || failures > 0) return;
  }
}
