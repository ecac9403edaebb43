import type { SlackDeps } from '../../deps.js';
import { isRecord, str } from '../../payloads.js';
import { readAssistantThread } from './thread.js';
import type { AssistantEventArgs } from './thread-started.js';

/**
 * The user moved to another channel with the agent open (`assistant_thread_context_changed` under
 * Assistant messaging, `app_context_changed` under Agent messaging). Answers come from the minutes,
 * not from the channel being viewed, so nothing changes: the move is noted, and Bolt's default
 * (saving the context into the metadata of the bot's first message, a read and a write to Slack
 * per move) is not wanted.
 */
export async function handleContextChanged({ event }: AssistantEventArgs, deps: SlackDeps): Promise<void> {
  const thread = readAssistantThread(event);
  deps.logger.debug(
    {
      event: 'slack.assistant_context',
      ...(thread ? { channel: thread.channel, thread_ts: thread.threadTs } : {}),
      viewing: thread?.viewing ?? viewedChannel(event),
    },
    'the channel beside the agent changed',
  );
}

/** The channel an `app_context_changed` event names first (its entities are ordered by relevance). */
function viewedChannel(event: unknown): string | undefined {
  if (!isRecord(event) || !isRecord(event.context) || !Array.isArray(event.context.entities)) return undefined;
  for (const entity of event.context.entities) {
    if (isRecord(entity) && entity.type === 'slack#/types/channel_id') return str(entity, 'value');
  }
  return undefined;
}
