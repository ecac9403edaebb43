import { performance } from 'node:perf_hooks';
import { BusyError } from '../errors.js';
import type { Answer, ConversationTurn } from '../types.js';
import { errorMessage, renderAnswer, type SlackMessage, usageMessage } from './blocks.js';
import type { SlackDeps, WebClient } from './deps.js';
import { DraftStream } from './draft-stream.js';
import { slackTextToPlain } from './escape.js';
import { BUSY_TEXT, describeFailure } from './failure.js';
import { isRecord, threadToTurns, type UserMessage } from './payloads.js';
import { type Progress, reactionProgress } from './progress.js';

/** How a thread answer is shown while it is worked on. */
export interface AnswerInThreadOptions {
  /** What the asker sees while the answer is found (default: the hourglass reaction on the question). */
  progress?: (log: SlackDeps['logger']) => Progress;
}

/**
 * Answers a user's message in its thread: shows progress while working, reads the thread for
 * context when it is a follow-up, streams the model's draft when one writes the answer, then posts
 * the checked answer in its place (split over several messages if long), and ends with a clear
 * message in the thread if anything fails. Never throws.
 */
export async function answerInThread(
  client: WebClient,
  deps: SlackDeps,
  message: UserMessage,
  botUserId: string | undefined,
  options: AnswerInThreadOptions = {},
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

  const progress = (options.progress ?? ((l) => reactionProgress(client, message, l)))(log);
  await progress.start();
  const stream = new DraftStream(
    client,
    {
      channel: message.channel,
      threadTs: message.threadTs,
      user: message.user,
      ...(message.team ? { team: message.team } : {}),
    },
    log,
    deps.streamIntervalMs,
  );
  const onDraft = (draft: string) => {
    progress.writing();
    stream.push(draft);
  };
  try {
    const history = message.inThread ? await readThread(client, deps, message, botUserId) : [];
    const answer = await answerTimed(deps, question, history, log, onDraft);
    await deliver(client, message, renderAnswer(answer, { feedback: true }), await stream.finish(), log);
  } catch (error) {
    const reason = describeFailure(error, log, { question_chars: question.length });
    // An unchecked draft must not stay in the thread as if it were the answer: the failure replaces
    // it (a draft already replaced by the answer is not handed out again).
    const streamed = await stream.finish();
    await deliver(client, message, [errorMessage(reason)], streamed, log).catch((postError: unknown) =>
      log.error({ err: postError }, 'could not post to Slack'),
    );
  } finally {
    slot.release();
    await progress.end();
  }
}

/**
 * Puts the final messages in the thread: the first replaces the streamed draft when there is one
 * (so nothing of the unchecked draft stays), the rest follow it. A draft that cannot be replaced is
 * deleted before the answer is posted afresh.
 */
async function deliver(
  client: WebClient,
  message: UserMessage,
  parts: SlackMessage[],
  streamedTs: string | undefined,
  log: Log,
): Promise<void> {
  let rest = parts;
  if (streamedTs !== undefined) {
    const [first, ...others] = parts;
    try {
      if (first)
        await client.chat.update({ channel: message.channel, ts: streamedTs, text: first.text, blocks: first.blocks });
      rest = others;
    } catch (error) {
      log.warn({ err: error }, 'could not replace the streamed draft; deleting it and posting the answer');
      await client.chat.delete({ channel: message.channel, ts: streamedTs }).catch((deleteError: unknown) => {
        log.error({ err: deleteError }, 'could not delete the streamed draft');
      });
    }
  }
  for (const part of rest) await postOrThrow(client, message, part);
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

/**
 * Asks the answerer with the timeout, counts and logs the answer. The caller holds a question slot.
 * `onDraft` receives the model's unchecked answer as it is written, when a model writes it.
 */
export async function answerTimed(
  deps: SlackDeps,
  question: string,
  history: ConversationTurn[],
  log: SlackDeps['logger'],
  onDraft?: (draft: string) => void,
): Promise<Answer> {
  const started = performance.now();
  let answer: Answer;
  try {
    answer = await deps.answerer.ask(question, {
      history,
      signal: AbortSignal.timeout(deps.askTimeoutMs),
      ...(onDraft ? { onDraft } : {}),
    });
  } catch (error) {
    deps.metrics.question('failed');
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  deps.metrics.question('answered');
  deps.metrics.answered(answer.mode, seconds, answer.fallbackCode);
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
