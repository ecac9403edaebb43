import { webApi } from '@slack/bolt';
import type { DeliverAlert } from '../../alerts/pass.js';
import type { SlackConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';
import { alertMessages } from './message.js';

/** What posting needs of a Web API client (Bolt's, in `serve`; one of its own in `alerts run`). */
export interface PostingClient {
  chat: { postMessage(args: webApi.ChatPostMessageArguments): Promise<{ ts?: string }> };
}

/**
 * Posts alerts with `chat.postMessage`: to the channel, or to the user (Slack delivers a message to
 * a user id as a DM from the app). Link previews are off: an alert's only links are its citations.
 * Slack's refusal (`not_in_channel`, `channel_not_found`…) rejects, which leaves the alert due.
 */
export function slackDeliverer(client: PostingClient): DeliverAlert {
  return async (alert) => {
    let ts: string | null = null;
    for (const message of alertMessages(alert.content, alert.followId)) {
      const posted = await client.chat.postMessage({
        channel: alert.postTo,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      ts ??= posted.ts ?? null;
    }
    return ts;
  };
}

/** A Web API client for `alerts run`, from SLACK_BOT_TOKEN and SLACK_API_URL. */
export function alertsWebClient(config: SlackConfig): webApi.WebClient {
  if (!config.botToken) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is not set: `alerts run` posts alerts as the bot (set it, or pass --no-post to only queue them)',
    );
  }
  // A few retries only: a failed post stays due for the next run, so there is no need to wait long.
  return new webApi.WebClient(config.botToken, { slackApiUrl: config.apiUrl, retryConfig: { retries: 2 } });
}
