import type { Answer } from '../types.js';

/**
 * Topic alerts: people and channels follow a topic ("school transport"); when `ingest` or `sync`
 * adds or changes a meeting, each follow is matched against that meeting's new items with the same
 * retrieval and "is it in the minutes" decision as `ask`, and a match becomes one message per
 * meeting per follow. This file is the seam: what an alert store keeps, whichever database holds it.
 */

/** Who follows a topic: one person (alerts by DM) or a channel (alerts posted there). */
export interface Subscriber {
  kind: 'user' | 'channel';
  /** The Slack user or channel id. */
  id: string;
}

/** One follow, as stored. */
export interface Follow {
  id: number;
  subscriber: Subscriber;
  /** The topic as the follower typed it. */
  topic: string;
  /** The Slack conversation alerts are posted to: the channel id, or the user id for a DM. */
  postTo: string;
  /** The user who set it up (for a channel's follow, who to show it to in the App Home). */
  createdBy: string;
  /** ISO timestamp. Only items the index gained after this are announced to the follow. */
  createdAt: string;
}

export type NewFollow = Omit<Follow, 'id' | 'createdAt'>;

/** One minute item of a meeting, as the alerts know it: its key and whether it is restricted. */
export interface NotedItem {
  key: string;
  /** Exempt or confidential: never announced, whatever matches. */
  restricted: boolean;
}

/** A meeting that `ingest` or `sync` wrote: what the alerts need to match it later. */
export interface NotedMeeting {
  /** Where the index has it from (the retriever's `source` filter). */
  source: string;
  /** The meeting's identity across re-publications (see keys.ts). */
  meetingKey: string;
  items: NotedItem[];
}

/** A meeting waiting to be matched against the follows. */
export interface PendingMeeting {
  source: string;
  meetingKey: string;
  /** Moves on each time the meeting is noted again, so a match never clears a newer note. */
  version: number;
}

/** What an alert says: the topic, and the extractive answer over the meeting's matching items. */
export interface AlertContent {
  topic: string;
  answer: Answer;
}

/** One follow put to one meeting: the follow, the meeting, and the item keys it may announce there. */
export interface MatchRequest {
  follow: Follow;
  meeting: PendingMeeting;
  /** Item keys the follow may announce in this meeting (`AlertStore.announceable`). */
  announceable: string[];
}

/** A follow's match in one meeting: the items it announces and what the alert says. */
export interface FollowMatch {
  itemKeys: string[];
  content: AlertContent;
}

/**
 * Decides a {@link MatchRequest} (see `match.ts`), wherever the retriever and embedding model are:
 * `serve` sends it to its answering thread, which holds them already; `alerts run` opens its own.
 * Plain data in and out, so it can cross a thread. Rejects with `WorkerUnavailableError` when the
 * thread that matches is not there right now; the pass then leaves the rest for the next one.
 */
export type FollowMatcher = (request: MatchRequest) => Promise<FollowMatch | null>;

/** An alert ready to queue: the follow, the meeting, the items it announces and what it says. */
export interface AlertDraft {
  followId: number;
  meetingKey: string;
  itemKeys: string[];
  content: AlertContent;
}

/** A queued alert claimed for posting by one process. */
export interface ClaimedAlert {
  id: number;
  followId: number;
  postTo: string;
  content: AlertContent;
  /** Posts tried before this one (each failure leaves the alert due). */
  attempts: number;
}

/**
 * Follows and what was sent for them, kept beside the index but apart from it: a `--rebuild`
 * replaces the index and leaves these alone (they are people's choices, not derived data).
 * Every method is one transaction, so two processes (a `serve` and a nightly `alerts run`) can
 * share a store without announcing an item twice.
 */
export interface AlertStore {
  /** Where the store lives, for messages (a file, or a database without its password). */
  readonly location: string;

  /** Adds a follow; resolves the existing one (created false) when the subscriber already follows the topic. */
  addFollow(follow: NewFollow): Promise<{ follow: Follow; created: boolean }>;
  /** Removes the subscriber's follow of `topic` (compared as keys.ts normalises it), with its queued alerts. */
  removeFollow(subscriber: Subscriber, topic: string): Promise<Follow | null>;
  /** Removes a follow by id, with its queued alerts. */
  removeFollowById(id: number): Promise<Follow | null>;
  /** Follows of any of `subscribers`, or created by `createdBy`, oldest first; every follow when neither is given. */
  follows(filter?: { subscribers?: Subscriber[]; createdBy?: string }): Promise<Follow[]>;

  /**
   * Records meetings the index gained or changed: items not seen before are stamped with now (so
   * only follows older than them can announce them), and the meetings are queued for matching.
   * `queue: false` records without queueing: the baseline of an index that predates the alerts.
   */
  noteMeetings(meetings: NotedMeeting[], options?: { queue?: boolean }): Promise<void>;
  /** Whether the index this store sits beside has been recorded whole once (see `baseline.ts`). */
  hasBaseline(): Promise<boolean>;
  markBaseline(): Promise<void>;
  /** Meetings waiting to be matched, oldest first. */
  pendingMeetings(limit: number): Promise<PendingMeeting[]>;
  /** Drops a matched meeting from the queue, unless it was noted again since (`version` moved on). */
  finishMeeting(meeting: PendingMeeting): Promise<void>;
  /**
   * Items of the meeting a follow may still announce: first seen after the follow was created, not
   * restricted, and never announced to it before.
   */
  announceable(followId: number, meetingKey: string): Promise<string[]>;
  /**
   * Queues an alert and takes its items for the follow, in one transaction. Resolves false (and
   * queues nothing) when another process took any of the items first.
   */
  queueAlert(draft: AlertDraft): Promise<boolean>;

  /**
   * Claims up to `limit` due alerts for `claimant`: alerts nobody holds, or whose claim is older
   * than `staleMs` (its process died mid-post). Claimed in one transaction, so two processes never
   * hold the same alert.
   */
  claimDue(claimant: string, limit: number, staleMs: number): Promise<ClaimedAlert[]>;
  /** Records that a claimed alert was posted. */
  markSent(id: number, claimant: string, messageTs: string | null): Promise<void>;
  /** Lets go of a claimed alert after a failed post: due again, or given up on after `maxAttempts`. */
  release(id: number, claimant: string, error: string, maxAttempts: number): Promise<void>;
  /** Counts, for `alerts run` and tests. */
  counts(): Promise<{ follows: number; pending: number; due: number; sent: number; failed: number }>;

  close(): Promise<void>;
}
