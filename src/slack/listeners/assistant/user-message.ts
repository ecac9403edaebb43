import { answerAsAgent } from '../../answer-as-agent.js';
import type { SlackDeps } from '../../deps.js';
import { readUserMessage } from '../../payloads.js';
import type { AssistantEventArgs } from './thread-started.js';

/** A question in an assistant thread (Bolt routes every threaded DM here): answered as a DM is. */
export async function handleAssistantMessage(
  { event, client, context }: AssistantEventArgs & { context: { botUserId?: string | undefined } },
  deps: SlackDeps,
): Promise<void> {
  const message = readUserMessage(event);
  if (!message || message.user === context.botUserId) return;
  await answerAsAgent(client, deps, message, context.botUserId);
}
