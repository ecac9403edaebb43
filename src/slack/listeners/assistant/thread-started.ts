import type { SlackDeps, WebClient } from '../../deps.js';
import { offerPrompts } from './prompts.js';
import { readAssistantThread } from './thread.js';

/** What the handler needs from Bolt's arguments; tests pass these directly. */
export interface AssistantEventArgs {
  event: unknown;
  client: WebClient;
}

/**
 * A user opened the assistant container (Assistant messaging, `assistant_thread_started`): offer up
 * to four questions about what the index holds. With nothing indexed there is nothing to suggest,
 * and the thread says so instead.
 */
export async function handleThreadStarted({ event, client }: AssistantEventArgs, deps: SlackDeps): Promise<void> {
  const thread = readAssistantThread(event);
  if (!thread) return;
  const log = deps.logger.child({ channel: thread.channel, thread_ts: thread.threadTs, user: thread.user });
  try {
    const offered = await offerPrompts(client, deps, { channel: thread.channel, threadTs: thread.threadTs });
    if (offered > 0) return;
    await client.chat.postMessage({
      channel: thread.channel,
      thread_ts: thread.threadTs,
      text: 'No minutes are indexed yet, so there is nothing to ask about. Ask whoever runs Minutebook to run `minutebook ingest`.',
    });
  } catch (error) {
    // The thread still works without suggestions: the user can type a question.
    log.warn({ err: error }, 'could not suggest prompts for a new assistant thread');
  }
}
