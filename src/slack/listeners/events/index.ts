import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleAppHomeOpened } from './app-home-opened.js';
import { handleAppMention } from './app-mention.js';
import { handleDirectMessage } from './direct-message.js';

/** Events API listeners: mentions, direct messages and the App Home. */
export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', (args) => handleAppMention(args, deps));
  app.event('message', (args) => handleDirectMessage(args, deps));
  app.event('app_home_opened', (args) => handleAppHomeOpened(args, deps));
}
