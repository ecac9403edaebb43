import { BadInputError } from '../errors.js';
import type { Meeting } from '../types.js';
import type { NotedMeeting } from './types.js';

/**
 * The identities alerts are keyed on. What was sent is keyed on the meeting and the minute number,
 * never on content hashes: minutes republished from draft to approved (edited text, a new file, a
 * new ModernGov document) keep their committee, date and minute numbers, so they are not announced
 * again. An item the minutes print no number for is keyed on its title.
 */

/** A topic longer than this is a paragraph, not a topic. */
export const MAX_TOPIC_CHARS = 200;

/** The topic as the follower typed it, trimmed; a clear error when it is empty or too long. */
export function checkTopic(raw: string): string {
  const topic = raw.replace(/\s+/g, ' ').trim();
  if (!topic) throw new BadInputError('the topic is empty: say what to follow, e.g. "school transport"');
  if (topic.length > MAX_TOPIC_CHARS) {
    throw new BadInputError(`the topic is ${topic.length} characters long: keep it under ${MAX_TOPIC_CHARS}`);
  }
  return topic;
}

/** How topics are compared: "School  Transport" and "school transport" are one follow. */
export function topicKey(topic: string): string {
  return topic
    .toLowerCase()
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A meeting's identity: council, committee and date when the minutes give committee and date (a
 * draft and its approved copy are then one meeting, even from two files), else the source.
 */
export function meetingKey(meeting: Pick<Meeting, 'council' | 'committee' | 'date' | 'source'>): string {
  if (meeting.committee && meeting.date) {
    return ['m', meeting.council ?? '', meeting.committee, meeting.date].map(normalise).join('|');
  }
  return `s|${meeting.source}`;
}

/** An item's identity within its meeting: its minute number, else its title. */
export function itemKey(item: { minute: string | null; title: string }): string {
  if (item.minute?.trim()) return `n|${item.minute.replace(/\s+/g, '').toLowerCase()}`;
  return `t|${normalise(item.title)}`;
}

/** What the alerts record of a meeting the index gained (business items only: not the attendance or lead). */
export function notedMeeting(meeting: Meeting): NotedMeeting {
  const items = new Map<string, boolean>();
  for (const item of meeting.items) {
    if ((item.kind ?? 'item') !== 'item') continue;
    const key = itemKey(item);
    // Two items sharing a key share its fate: restricted if either is.
    items.set(key, (items.get(key) ?? false) || item.restricted);
  }
  return {
    source: meeting.source,
    meetingKey: meetingKey(meeting),
    items: [...items].map(([key, restricted]) => ({ key, restricted })),
  };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
