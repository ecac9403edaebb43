import type { ConversationTurn } from '../types.js';
import { slackTextToPlain } from './escape.js';

/**
 * Narrowing of Slack payloads, which arrive as JSON we do not control. Bolt's types describe what
 * Slack promises; these guards check what actually came.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A message a person wrote to the bot: a mention in a channel or a direct message. */
export interface UserMessage {
  channel: string;
  user: string;
  /** The message's own timestamp. */
  ts: string;
  /** The thread it belongs to; equals `ts` for a top-level message. */
  threadTs: string;
  /** True when the message is a reply inside an existing thread. */
  inThread: boolean;
  /** Raw Slack-formatted text. */
  text: string;
  team?: string;
}

/**
 * Reads a user's message from an `app_mention` or `message` event. Returns null for anything the bot
 * must not answer: bot messages (its own included), edits, deletions and other subtypes.
 */
export function readUserMessage(event: unknown): UserMessage | null {
  if (!isRecord(event)) return null;
  if (event.subtype !== undefined || event.bot_id !== undefined || event.bot_profile !== undefined) return null;
  const channel = str(event, 'channel');
  const user = str(event, 'user');
  const ts = str(event, 'ts');
  if (!channel || !user || !ts) return null;
  const threadTs = str(event, 'thread_ts') ?? ts;
  const team = str(event, 'team');
  return {
    channel,
    user,
    ts,
    threadTs,
    inThread: threadTs !== ts,
    text: str(event, 'text') ?? '',
    ...(team ? { team } : {}),
  };
}

/** Options for {@link threadToTurns}. */
export interface ThreadTurnOptions {
  botUserId: string | undefined;
  /** Only messages strictly before this timestamp count (the question itself is not history). */
  beforeTs: string;
  /** Keep the most recent turns only. */
  maxTurns: number;
  /** Each turn is clipped to this many characters. */
  maxChars?: number;
}

/**
 * Turns the messages of a thread (from `conversations.replies`) into conversation turns, oldest
 * first: the bot's messages become assistant turns, everyone else's user turns.
 */
export function threadToTurns(messages: unknown, options: ThreadTurnOptions): ConversationTurn[] {
  if (!Array.isArray(messages)) return [];
  const maxChars = options.maxChars ?? 2000;
  const turns: ConversationTurn[] = [];
  for (const message of messages) {
    if (!isRecord(message)) continue;
    const ts = str(message, 'ts');
    if (!ts || Number(ts) >= Number(options.beforeTs)) continue;
    const fromBot =
      message.bot_id !== undefined || (options.botUserId !== undefined && message.user === options.botUserId);
    const subtype = str(message, 'subtype');
    if (subtype && subtype !== 'bot_message' && subtype !== 'thread_broadcast') continue;
    const text = slackTextToPlain(str(message, 'text') ?? '', options.botUserId);
    if (!text || text === '(answer continued)') continue;
    turns.push({ role: fromBot ? 'assistant' : 'user', text: text.slice(0, maxChars) });
  }
  return turns.slice(-options.maxTurns);
}
