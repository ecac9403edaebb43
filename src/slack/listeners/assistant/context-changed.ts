import type { SlackDeps } from '../../deps.js';
import { readAssistantThread } from './thread.js';
import type { AssistantEventArgs } from './thread-started.js';

/**
 * The user moved to another channel with the assistant open. Answers come from the minutes, not
 * from the channel being viewed, so nothing changes: the event is noted and Bolt's default (saving
 * the context into the metadata of the bot's first message, a read and a write to Slack per switch)
 * is not wanted.
 */
export async function handleThreadContextChanged({ event }: AssistantEventArgs, deps: SlackDeps): Promise<void> {
  const thread = readAssistantThread(event);
  if (!thread) return;
  deps.logger.debug(
    { event: 'slack.assistant_context', channel: thread.channel, thread_ts: thread.threadTs, viewing: thread.viewing },
    'assistant thread context changed',
  );
}
