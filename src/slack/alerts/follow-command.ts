import { checkTopic, topicKey } from '../../alerts/keys.js';
import type { AlertStore, Follow, Subscriber } from '../../alerts/types.js';
import { BadInputError, MinutebookError } from '../../errors.js';
import { escapeMrkdwn, slackTextToPlain } from '../escape.js';
import { describeFollow } from './message.js';

/**
 * `/minutes follow <topic> [#channel]`, `/minutes unfollow <topic> [#channel]` and
 * `/minutes following`: read from the command's raw text (before it is turned into a question), and
 * answered with one line only the user sees. Anything else is a question, left to the answerer.
 */
export type FollowCommand =
  | { action: 'follow' | 'unfollow'; topic: string; channel: ChannelRef | null }
  | { action: 'following' };

/** A channel named in the command: its id when Slack sent a link, else only the typed name. */
export type ChannelRef = { id: string } | { name: string };

/** Whether the bot can post in a channel: found and a member, found but not a member, or not found. */
export type ChannelAccess = 'member' | 'not_member' | 'unknown';

/** What the subcommands need: the store, who asked, from where, and a way to check a channel. */
export interface FollowContext {
  store: AlertStore;
  user: string;
  /** The conversation the command was typed in. */
  channel: string;
  checkChannel: (channelId: string) => Promise<ChannelAccess>;
}

/**
 * Follows one person or channel may have: every follow is matched against every new meeting, so a
 * runaway script (or a very keen officer) cannot make each nightly pass crawl.
 */
export const MAX_FOLLOWS = 50;

/** Slack's channel link (`<#C123|name>`, with should_escape on) at the end of the text. */
const CHANNEL_LINK = /\s*<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>\s*$/;
/** A channel typed as plain text at the end ("#planning"). */
const CHANNEL_NAME = /(?:^|\s)#([\p{L}\p{N}][\p{L}\p{N}._-]*)\s*$/u;

/** The follow subcommand in a `/minutes` text, or null when the text is a question. */
export function parseFollowCommand(text: string): FollowCommand | null {
  const match = /^\s*(follow|unfollow|following)(?=\s|$)(.*)$/is.exec(text);
  if (!match) return null;
  const action = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (action === 'following') return rest.trim() ? null : { action: 'following' };
  let channel: ChannelRef | null = null;
  let topic = rest;
  const link = CHANNEL_LINK.exec(rest);
  const name = link ? null : CHANNEL_NAME.exec(rest);
  if (link?.[1]) {
    channel = { id: link[1] };
    topic = rest.slice(0, link.index);
  } else if (name?.[1]) {
    channel = { name: name[1] };
    topic = rest.slice(0, name.index);
  }
  // The topic as words: a mention or link in it (as Slack escapes them) is read as its label.
  return { action: action === 'follow' ? 'follow' : 'unfollow', topic: slackTextToPlain(topic), channel };
}

/** Runs a follow subcommand; resolves the reply (mrkdwn, safe to post). */
export async function runFollowCommand(command: FollowCommand, ctx: FollowContext): Promise<string> {
  try {
    if (command.action === 'following') return await listFollows(ctx);
    const topic = checkTopic(command.topic);
    const channelId = command.channel ? channelIdOf(command.channel) : null;
    const subscriber: Subscriber = channelId ? { kind: 'channel', id: channelId } : { kind: 'user', id: ctx.user };
    if (command.action === 'unfollow') return await unfollow(ctx, subscriber, topic);
    if (channelId) {
      const access = await ctx.checkChannel(channelId);
      if (access === 'unknown') {
        return `:warning: I can't find <#${channelId}>: it may be private. Invite me there with \`/invite @Minutebook\`, then follow again.`;
      }
      if (access === 'not_member') {
        return `:warning: I'm not a member of <#${channelId}>, so I can't post there. Invite me with \`/invite @Minutebook\` in that channel, then follow again.`;
      }
    }
    const existing = await ctx.store.follows({ subscribers: [subscriber] });
    if (existing.length >= MAX_FOLLOWS && !existing.some((f) => topicKey(f.topic) === topicKey(topic))) {
      return `:warning: ${subscriber.kind === 'channel' ? `<#${subscriber.id}> follows` : 'You follow'} ${MAX_FOLLOWS} topics already: unfollow one first (\`/minutes following\` lists them).`;
    }
    const { follow, created } = await ctx.store.addFollow({
      subscriber,
      topic,
      postTo: channelId ?? ctx.user,
      createdBy: ctx.user,
    });
    const where = channelId ? `I'll post in <#${channelId}>` : "I'll send you a direct message";
    if (!created) return `Already following *${escapeMrkdwn(follow.topic)}*: ${where.replace("I'll", 'I')}.`;
    return `Following *${escapeMrkdwn(topic)}*: ${where} when new minutes discuss it. \`/minutes unfollow ${escapeMrkdwn(topic)}${channelId ? ` <#${channelId}>` : ''}\` stops it.`;
  } catch (error) {
    if (error instanceof MinutebookError && error.code === 'BAD_INPUT')
      return `:warning: ${escapeMrkdwn(error.message)}`;
    throw error;
  }
}

async function unfollow(ctx: FollowContext, subscriber: Subscriber, topic: string): Promise<string> {
  const removed = await ctx.store.removeFollow(subscriber, topic);
  if (removed) return `Stopped following *${escapeMrkdwn(removed.topic)}*${whereOf(subscriber)}.`;
  return `:warning: ${subscriber.kind === 'channel' ? `<#${subscriber.id}> doesn't` : "You don't"} follow “${escapeMrkdwn(topic)}”. \`/minutes following\` lists the follows.`;
}

async function listFollows(ctx: FollowContext): Promise<string> {
  const mine = await ctx.store.follows({ subscribers: [{ kind: 'user', id: ctx.user }] });
  const here = await ctx.store.follows({ subscribers: [{ kind: 'channel', id: ctx.channel }] });
  if (mine.length + here.length === 0) {
    return 'No follows here yet. `/minutes follow <topic>` tells you when new minutes discuss it; add `#channel` to tell a channel.';
  }
  const lines = (title: string, follows: Follow[]) =>
    follows.length > 0 ? [`*${title}*`, ...follows.map((f) => `• ${describeFollow(f)}`)] : [];
  return [...lines('Your follows', mine), ...lines('This channel follows', here)].join('\n');
}

function channelIdOf(channel: ChannelRef): string {
  if ('id' in channel) return channel.id;
  throw new BadInputError(
    `I can't tell which channel "#${channel.name}" is: pick it from the list Slack offers as you type #, so it comes through as a link.`,
  );
}

function whereOf(subscriber: Subscriber): string {
  return subscriber.kind === 'channel' ? ` in <#${subscriber.id}>` : '';
}
