import { answerInThread } from '../../answer-in-thread.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { readUserMessage } from '../../payloads.js';

/** What the handler needs from Bolt's event arguments; tests pass these directly. */
export interface EventArgs {
  event: unknown;
  client: WebClient;
  context: { botUserId?: string | undefined };
}

/** `@Minutebook <question>` in a channel: answered in a thread under the mention. */
export async function handleAppMention({ event, client, context }: EventArgs, deps: SlackDeps): Promise<void> {
  const message = readUserMessage(event);
  if (!message) return;
  await answerInThread(client, deps, message, context.botUserId);
}
