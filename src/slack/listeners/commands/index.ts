import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleMinutesCommand } from './minutes-command.js';

/** The slash command the manifest declares. */
export const MINUTES_COMMAND = '/minutes';

/** Slash command listeners. */
export function register(app: App, deps: SlackDeps): void {
  app.command(MINUTES_COMMAND, (args) => handleMinutesCommand(args, deps));
}
