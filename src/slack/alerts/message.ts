import type { AlertContent, Follow } from '../../alerts/types.js';
import type { Citation } from '../../types.js';
import { type Block, formatDate, LIMITS, renderAnswer, type SlackMessage } from '../blocks.js';
import { escapeMrkdwn } from '../escape.js';

/** The action id of the "Stop following" buttons (on alerts and in the App Home). */
export const UNFOLLOW_ACTION = 'minutebook_unfollow';

/** What a "Stop following" button carries: only the follow's id (who may stop it is checked on click). */
export function unfollowValue(followId: number): string {
  return JSON.stringify({ follow: followId });
}

/** The follow id from a button's value, or null when it is not one of ours. */
export function readUnfollowValue(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && 'follow' in parsed && Number.isSafeInteger(parsed.follow)) {
      return parsed.follow as number;
    }
  } catch {
    // Not JSON: not a value we made.
  }
  return null;
}

/** "minute 34" or "minutes 34 and 36" (items without a number by their title). */
function minutesOf(citations: Citation[]): string {
  const names = [...new Set(citations.map((c) => c.minute ?? `“${c.title}”`))];
  if (names.length === 1) return `minute ${names[0]}`;
  return `minutes ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Cabinet, 12 March 2024" for the meeting the alert is about. */
function meetingOf(citations: Citation[]): string {
  const first = citations[0];
  if (!first) return 'a meeting';
  return [first.committee ?? first.council ?? 'A committee', formatDate(first.date) ?? 'date unknown'].join(', ');
}

/**
 * An alert as Slack messages: a line naming the topic, the meeting and its minute numbers, then the
 * extractive answer with its linked citations (rendered as every answer is, so nothing in the
 * minutes can ping anyone or forge a link), and a button to stop following.
 */
export function alertMessages(content: AlertContent, followId: number): SlackMessage[] {
  const { answer } = content;
  const where = `${meetingOf(answer.citations)}: ${minutesOf(answer.citations)}`;
  const preface = `:bell: New in the minutes on *${escapeMrkdwn(content.topic)}* — ${escapeMrkdwn(where)}`;
  const messages = renderAnswer(answer, { preface });
  const last = messages[messages.length - 1];
  if (last) {
    const button: Block = {
      type: 'actions',
      block_id: 'minutebook_alert_actions',
      elements: [
        {
          type: 'button',
          action_id: UNFOLLOW_ACTION,
          text: { type: 'plain_text', text: 'Stop following' },
          value: unfollowValue(followId),
        },
      ],
    };
    if (last.blocks.length < LIMITS.blocksPerMessage) last.blocks.push(button);
  }
  const first = messages[0];
  if (first) first.text = escapeMrkdwn(`New in the minutes on “${content.topic}” — ${where}`);
  return messages;
}

/** One follow as the App Home and `/minutes following` list it. */
export function describeFollow(follow: Follow): string {
  const where = follow.subscriber.kind === 'channel' ? `in <#${follow.subscriber.id}>` : 'by direct message';
  return `*${escapeMrkdwn(follow.topic)}* — ${where}`;
}

/** Follows listed in the App Home at most; past it, `/minutes following` lists them all. */
const HOME_FOLLOWS = 40;

/**
 * The App Home's "Topics you follow" part: the user's own follows and the channel follows they set
 * up, each with a "Stop following" button.
 */
export function followsHomeBlocks(follows: Follow[]): Block[] {
  const blocks: Block[] = [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '*Topics you follow*' } },
  ];
  if (follows.length === 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'None yet. `/minutes follow <topic>` tells you when new minutes mention it; add `#channel` to tell a channel.',
        },
      ],
    });
    return blocks;
  }
  for (const follow of follows.slice(0, HOME_FOLLOWS)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: describeFollow(follow) },
      accessory: {
        type: 'button',
        action_id: UNFOLLOW_ACTION,
        text: { type: 'plain_text', text: 'Stop following' },
        value: unfollowValue(follow.id),
      },
    });
  }
  if (follows.length > HOME_FOLLOWS) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `and ${follows.length - HOME_FOLLOWS} more: \`/minutes following\` lists them all` },
      ],
    });
  }
  return blocks;
}
