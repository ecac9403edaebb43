import { answerInThread } from '../../answer-in-thread.js';
import type { SlackDeps } from '../../deps.js';
import { isRecord, readUserMessage } from '../../payloads.js';
import type { EventArgs } from './app-mention.js';

/**
 * A message in the bot's DM: answered there, in a thread so a follow-up has the thread as context.
 * Messages in channels arrive as `app_mention` instead and are ignored here.
 */
export async function handleDirectMessage({ event, client, context }: EventArgs, deps: SlackDeps): Promise<void> {
  if (!isRecord(event) || event.channel_type !== 'im') return;
  const message = readUserMessage(event);
  if (!message || message.user === context.botUserId) return;
  await answerInThread(client, deps, message, context.botUserId);
}
