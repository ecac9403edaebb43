import type { RespondArguments } from '@slack/bolt';
import { type ChannelAccess, parseFollowCommand, runFollowCommand } from '../../alerts/follow-command.js';
import { errorMessage } from '../../blocks.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { isRecord, str } from '../../payloads.js';

/** What the follow subcommands need of Bolt's command arguments (the `/minutes` handler's own). */
export interface FollowCommandArgs {
  command: { text: string; user_id: string; channel_id: string };
  ack: (response?: string | RespondArguments) => Promise<void>;
  client?: WebClient;
}

/**
 * `/minutes follow|unfollow|following …`: answered here, to the user only; resolves false when the
 * text is a question for the answerer instead.
 */
export async function handleFollowSubcommand(
  { command, ack, client }: FollowCommandArgs,
  deps: SlackDeps,
): Promise<boolean> {
  const parsed = parseFollowCommand(command.text);
  if (!parsed) return false;
  if (!deps.alerts) {
    await ack({ response_type: 'ephemeral', text: 'Topic alerts are not set up on this Minutebook.' });
    return true;
  }
  try {
    const text = await runFollowCommand(parsed, {
      store: deps.alerts,
      user: command.user_id,
      channel: command.channel_id,
      checkChannel: (channel) => channelAccess(client, channel),
    });
    await ack({ response_type: 'ephemeral', text });
  } catch (error) {
    deps.logger.error({ err: error, event: 'slack.follow_failed' }, 'a follow command failed');
    await ack({ response_type: 'ephemeral', text: errorMessage('That did not work: please try again shortly.').text });
  }
  return true;
}

/**
 * Whether the bot is in a channel, from `conversations.info`: a channel it cannot see (private and
 * not invited, or deleted) is unknown. Any other failure (a missing scope, Slack down) is thrown.
 */
async function channelAccess(client: WebClient | undefined, channel: string): Promise<ChannelAccess> {
  if (!client) return 'unknown';
  let info: unknown;
  try {
    info = await client.conversations.info({ channel });
  } catch (error) {
    const code = isRecord(error) && isRecord(error.data) ? str(error.data, 'error') : undefined;
    if (code === 'channel_not_found') return 'unknown';
    throw error;
  }
  const found = isRecord(info) && isRecord(info.channel) ? info.channel : null;
  if (!found || str(found, 'id') === undefined) return 'unknown';
  return found.is_member === true ? 'member' : 'not_member';
}
