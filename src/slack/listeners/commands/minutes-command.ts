import type { RespondArguments, RespondFn } from '@slack/bolt';
import { answerTimed, rateLimitText } from '../../answer-in-thread.js';
import { errorMessage, LIMITS, renderAnswer, usageMessage } from '../../blocks.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { escapeMrkdwn, slackTextToPlain } from '../../escape.js';
import { BUSY_TEXT, describeFailure } from '../../failure.js';
import { handleFollowSubcommand } from './follow-subcommand.js';

/** What the handler needs from Bolt's command arguments. */
export interface CommandArgs {
  command: { text: string; user_id: string; channel_id: string };
  ack: (response?: string | RespondArguments) => Promise<void>;
  respond: RespondFn;
  /** Bolt's Web API client (checks the channel `/minutes follow … #channel` names). */
  client?: WebClient;
}

/** What the "Share in channel" button carries. */
export interface ShareValue {
  /** Key of the answer in the answer cache. */
  id: string;
  /** The question, so the answer can be rebuilt if the cache forgot it. */
  q: string;
}

/** Encodes a share value within the 2000-character limit of a button value. */
export function encodeShareValue(id: string, question: string): string {
  let q = question;
  let value = JSON.stringify({ id, q } satisfies ShareValue);
  while (value.length > LIMITS.buttonValue) {
    q = q.slice(0, Math.floor(q.length * 0.9));
    value = JSON.stringify({ id, q } satisfies ShareValue);
  }
  return value;
}

/**
 * `/minutes <question>`: acknowledged at once with a "searching" note only the asker sees, then
 * answered to the asker only, with a button to share the answer in the channel.
 */
export async function handleMinutesCommand(args: CommandArgs, deps: SlackDeps): Promise<void> {
  if (await handleFollowSubcommand(args, deps)) return;
  const { command, ack, respond } = args;
  const question = slackTextToPlain(command.text);
  if (!question) {
    await ack({ response_type: 'ephemeral', text: usageMessage().text });
    return;
  }
  const decision = await deps.rateLimiter.take(command.user_id);
  if (!decision.allowed) {
    deps.metrics.question('rate_limited');
    await ack({ response_type: 'ephemeral', text: rateLimitText(decision.retryAfterMs) });
    return;
  }
  const slot = deps.slots.tryTake();
  if (!slot) {
    deps.metrics.question('busy');
    await ack({ response_type: 'ephemeral', text: BUSY_TEXT });
    return;
  }
  const log = deps.logger.child({ channel: command.channel_id, user: command.user_id, command: '/minutes' });
  try {
    await ack({
      response_type: 'ephemeral',
      text: `:hourglass_flowing_sand: Searching the minutes: _${escapeMrkdwn(question)}_`,
    });
    const answer = await answerTimed(deps, question, [], log);
    const shareValue = encodeShareValue(deps.answers.put(answer), question);
    const parts = renderAnswer(answer, { feedback: true, shareValue });
    for (const [i, part] of parts.entries()) {
      await respond({ response_type: 'ephemeral', replace_original: i === 0, text: part.text, blocks: part.blocks });
    }
  } catch (error) {
    const reason = describeFailure(error, log, { question_chars: question.length });
    const message = errorMessage(reason);
    try {
      await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
    } catch (respondError) {
      log.error({ err: respondError }, 'could not send the failure message');
    }
  } finally {
    slot.release();
  }
}
