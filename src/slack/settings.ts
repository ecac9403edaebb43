import type { SlackConfig } from '../config.js';
import { ConfigError } from '../errors.js';

/** How the bot connects to Slack, decided from the config once at start. */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl: string }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl: string; port: number };

const APPS_PAGE = 'api.slack.com/apps -> your app';

/**
 * Checks the Slack settings and picks the mode: Socket Mode when an app-level token is set,
 * otherwise HTTP with the signing secret. Each message names the variable and where to find it.
 */
export function resolveSlackConnection(config: SlackConfig): SlackConnection {
  const { botToken, appToken, signingSecret, apiUrl, port } = config;
  if (!botToken) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from ${APPS_PAGE} -> OAuth & Permissions (install the app to your workspace first)`,
    );
  }
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN must be a bot token starting with xoxb-: use the Bot User OAuth Token from ${APPS_PAGE} -> OAuth & Permissions`,
    );
  }
  if (appToken) {
    if (!appToken.startsWith('xapp-')) {
      throw new ConfigError(
        `SLACK_APP_TOKEN must be an app-level token starting with xapp-: create one with the connections:write scope in ${APPS_PAGE} -> Basic Information -> App-Level Tokens`,
      );
    }
    return { mode: 'socket', botToken, appToken, apiUrl };
  }
  if (!signingSecret) {
    throw new ConfigError(
      `set SLACK_APP_TOKEN for Socket Mode (${APPS_PAGE} -> Basic Information -> App-Level Tokens, with Socket Mode turned on under Socket Mode) ` +
        `or SLACK_SIGNING_SECRET for HTTP mode (${APPS_PAGE} -> Basic Information -> App Credentials -> Signing Secret)`,
    );
  }
  return { mode: 'http', botToken, signingSecret, apiUrl, port };
}
