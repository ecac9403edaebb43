import { type App, Assistant } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleContextChanged } from './context-changed.js';
import { handleMessagesOpened } from './messages-opened.js';
import { handleThreadStarted } from './thread-started.js';
import { handleAssistantMessage } from './user-message.js';

/**
 * Slack's AI-app surfaces, in both of Slack's messaging experiences:
 * - Agent messaging (`features.agent_view`, what new apps get): the conversation is the bot's
 *   Messages tab; opening it (`app_home_opened`, tab "messages") sets the suggested prompts, and
 *   `app_context_changed` says which channel is beside it.
 * - Assistant messaging (`features.assistant_view`, older apps, until Slack retires it): Bolt's
 *   `Assistant` takes `assistant_thread_started`, `assistant_thread_context_changed` and the
 *   messages of its threads.
 * Questions in either are answered by the DM path with a status line and a title. Workspaces
 * without the AI-app features never send the assistant events; mentions and DMs work as before.
 */
export function register(app: App, deps: SlackDeps): void {
  app.assistant(
    new Assistant({
      threadStarted: (args) => handleThreadStarted(args, deps),
      threadContextChanged: (args) => handleContextChanged(args, deps),
      userMessage: (args) => handleAssistantMessage(args, deps),
    }),
  );
  // Beside the App Home listener, which publishes the Home tab: this one acts on the Messages tab.
  app.event('app_home_opened', (args) => handleMessagesOpened(args, deps));
  app.event('app_context_changed', (args) => handleContextChanged(args, deps));
}
