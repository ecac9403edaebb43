import type { RespondFn } from '@slack/bolt';
import { ask } from '../../answer-in-thread.js';
import { renderAnswer } from '../../blocks.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { escapeMrkdwn } from '../../escape.js';
import { describeFailure } from '../../failure.js';
import { isRecord, str } from '../../payloads.js';
import type { ShareValue } from '../commands/minutes-command.js';

/** What the action handlers need from Bolt's action arguments. */
export interface ActionArgs {
  ack: () => Promise<void>;
  body: unknown;
  action: unknown;
  client: WebClient;
  respond: RespondFn;
}

function readShareValue(action: unknown): ShareValue | null {
  if (!isRecord(action) || typeof action.value !== 'string') return null;
  try {
    const value: unknown = JSON.parse(action.value);
    if (!isRecord(value) || typeof value.id !== 'string' || typeof value.q !== 'string') return null;
    return { id: value.id, q: value.q };
  } catch {
    return null;
  }
}

/** Slack error codes that mean the bot may not post in the channel. */
const NOT_ALLOWED = new Set(['not_in_channel', 'channel_not_found', 'restricted_action', 'is_archived']);

function slackErrorCode(error: unknown): string | undefined {
  return isRecord(error) && isRecord(error.data) && typeof error.data.error === 'string' ? error.data.error : undefined;
}

/**
 * "Share in channel" on a /minutes answer: posts the same answer in the channel for everyone, then
 * removes the private copy. If the bot may not post there, says how to invite it.
 */
export async function handleShareAnswer({ ack, body, action, client, respond }: ActionArgs, deps: SlackDeps) {
  await ack();
  const value = readShareValue(action);
  const channel = isRecord(body) && isRecord(body.channel) ? str(body.channel, 'id') : undefined;
  const user = isRecord(body) && isRecord(body.user) ? str(body.user, 'id') : undefined;
  if (!value || !channel) {
    deps.logger.warn({ event: 'slack.share_invalid' }, 'share button without a usable value or channel');
    return;
  }
  const log = deps.logger.child({ channel, user, action: 'share' });
  try {
    const answer = deps.answers.get(value.id) ?? (await ask(deps, value.q, []));
    const sharer = user && /^[UW][A-Z0-9]+$/.test(user) ? `<@${user}> shared` : 'Shared';
    const preface = `${sharer} an answer to: _${escapeMrkdwn(value.q)}_`;
    let threadTs: string | undefined;
    for (const part of renderAnswer(answer, { feedback: true, preface })) {
      const posted = await client.chat.postMessage({
        channel,
        text: part.text,
        blocks: part.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      threadTs ??= typeof posted.ts === 'string' ? posted.ts : undefined;
    }
    log.info({ event: 'slack.shared', mode: answer.mode }, 'answer shared in channel');
    await respond({ delete_original: true });
  } catch (error) {
    const code = slackErrorCode(error);
    const text =
      code && NOT_ALLOWED.has(code)
        ? "I can't post in this channel yet. Invite me with `/invite @Minutebook`, then press Share again."
        : describeFailure(error, log, {});
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } catch (respondError) {
      log.error({ err: respondError }, 'could not report the share failure');
    }
  }
}
