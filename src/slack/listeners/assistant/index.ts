import { type App, Assistant } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleThreadContextChanged } from './context-changed.js';
import { handleThreadStarted } from './thread-started.js';
import { handleAssistantMessage } from './user-message.js';

/**
 * The AI-app container (Slack's assistant threads): suggested prompts when a thread opens, answers
 * with a status line and a streamed draft when a question arrives. Workspaces without the AI-app
 * features never send these events; mentions and DMs work as before.
 */
export function register(app: App, deps: SlackDeps): void {
  app.assistant(
    new Assistant({
      threadStarted: (args) => handleThreadStarted(args, deps),
      threadContextChanged: (args) => handleThreadContextChanged(args, deps),
      userMessage: (args) => handleAssistantMessage(args, deps),
    }),
  );
}
