import { performance } from 'node:perf_hooks';
import { BusyError } from '../errors.js';
import type { Answer, ConversationTurn } from '../types.js';
import { errorMessage, renderAnswer, type SlackMessage, usageMessage } from './blocks.js';
import type { SlackDeps, WebClient } from './deps.js';
import { slackTextToPlain } from './escape.js';
import { BUSY_TEXT, describeFailure } from './failure.js';
import { isRecord, threadToTurns, type UserMessage } from './payloads.js';

/** The reaction shown on a question while it is being answered. */
export const WORKING_REACTION = 'hourglass_flowing_sand';

/**
 * Answers a user's message in its thread: shows a reaction while working, reads the thread for
 * context when it is a follow-up, posts the answer (split over several messages if long), and ends
 * with a clear message in the thread if anything fails. Never throws.
 */
export async function answerInThread(
  client: WebClient,
  deps: SlackDeps,
  message: UserMessage,
  botUserId: string | undefined,
): Promise<void> {
  const log = deps.logger.child({ channel: message.channel, ts: message.ts, user: message.user });
  // A mention in a DM can arrive as both `message` and `app_mention`; answer the message once.
  if (!(await deps.seen.firstTime(`message:${message.channel}:${message.ts}`))) {
    log.debug('message already answered');
    return;
  }
  const question = slackTextToPlain(message.text, botUserId);
  if (!question) {
    await post(client, message, usageMessage(), log);
    return;
  }
  const decision = await deps.rateLimiter.take(message.user);
  if (!decision.allowed) {
    log.info({ event: 'slack.rate_limited' }, 'question rate limited');
    deps.metrics.question('rate_limited');
    await tellUser(client, message, rateLimitText(decision.retryAfterMs), log);
    return;
  }
  // Before any Slack call: a burst must be turned away at once, not after a reaction each.
  const slot = deps.slots.tryTake();
  if (!slot) {
    log.warn({ event: 'slack.busy', in_flight: deps.slots.taken }, 'question turned away: every slot is taken');
    deps.metrics.question('busy');
    await post(client, message, errorMessage(BUSY_TEXT), log);
    return;
  }

  const reacted = await react(client, 'add', message, log);
  try {
    const history = message.inThread ? await readThread(client, deps, message, botUserId) : [];
    const answer = await answerTimed(deps, question, history, log);
    for (const part of renderAnswer(answer, { feedback: true })) await postOrThrow(client, message, part);
  } catch (error) {
    const reason = describeFailure(error, log, { question_chars: question.length });
    await post(client, message, errorMessage(reason), log);
  } finally {
    slot.release();
    if (reacted) await react(client, 'remove', message, log);
  }
}

/**
 * Asks the answerer the way every Slack question is asked: in a question slot (or a BusyError when
 * none is free), with the timeout, counted, and logged as `slack.answered` with its duration.
 */
export async function ask(
  deps: SlackDeps,
  question: string,
  history: ConversationTurn[],
  log: SlackDeps['logger'] = deps.logger,
): Promise<Answer> {
  const slot = deps.slots.tryTake();
  if (!slot) {
    deps.metrics.question('busy');
    throw new BusyError();
  }
  try {
    return await answerTimed(deps, question, history, log);
  } finally {
    slot.release();
  }
}

/** Asks the answerer with the timeout, counts and logs the answer. The caller holds a question slot. */
export async function answerTimed(
  deps: SlackDeps,
  question: string,
  history: ConversationTurn[],
  log: SlackDeps['logger'],
): Promise<Answer> {
  const started = performance.now();
  let answer: Answer;
  try {
    answer = await deps.answerer.ask(question, { history, signal: AbortSignal.timeout(deps.askTimeoutMs) });
  } catch (error) {
    deps.metrics.question('failed');
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  deps.metrics.question('answered');
  deps.metrics.answered(answer.mode, seconds, answer.fallbackReason);
  log.info(
    {
      event: 'slack.answered',
      mode: answer.mode,
      citations: answer.citations.length,
      historyTurns: history.length,
      duration_ms: Math.round(seconds * 1000),
      ...(answer.fallbackReason ? { fallback: true } : {}),
    },
    'answered',
  );
  return answer;
}

async function readThread(
  client: WebClient,
  deps: SlackDeps,
  message: UserMessage,
  botUserId: string | undefined,
): Promise<ConversationTurn[]> {
  const replies = await client.conversations.replies({
    channel: message.channel,
    ts: message.threadTs,
    limit: deps.historyTurns * 2 + 10,
    inclusive: true,
  });
  return threadToTurns(isRecord(replies) ? replies.messages : undefined, {
    botUserId,
    beforeTs: message.ts,
    maxTurns: deps.historyTurns,
  });
}

export function rateLimitText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

async function postOrThrow(client: WebClient, message: UserMessage, part: SlackMessage): Promise<void> {
  await client.chat.postMessage({
    channel: message.channel,
    thread_ts: message.threadTs,
    text: part.text,
    blocks: part.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

type Log = SlackDeps['logger'];

/** Posts in the thread; a failure here can only be logged, since the thread is what failed. */
async function post(client: WebClient, message: UserMessage, part: SlackMessage, log: Log): Promise<void> {
  try {
    await postOrThrow(client, message, part);
  } catch (error) {
    log.error({ err: error }, 'could not post to Slack');
  }
}

/** A note only the asker sees, in the thread. */
async function tellUser(client: WebClient, message: UserMessage, text: string, log: Log): Promise<void> {
  try {
    await client.chat.postEphemeral({
      channel: message.channel,
      user: message.user,
      thread_ts: message.threadTs,
      text,
    });
  } catch (error) {
    log.warn({ err: error }, 'could not post an ephemeral note');
  }
}

/** Adds or removes the working reaction; returns whether it worked (never throws). */
async function react(client: WebClient, op: 'add' | 'remove', message: UserMessage, log: Log): Promise<boolean> {
  try {
    const args = { channel: message.channel, timestamp: message.ts, name: WORKING_REACTION };
    if (op === 'add') await client.reactions.add(args);
    else await client.reactions.remove(args);
    return true;
  } catch (error) {
    // Missing reactions:write or an already-present reaction must not stop the answer.
    log.debug({ err: error }, `reactions.${op} failed`);
    return false;
  }
}
