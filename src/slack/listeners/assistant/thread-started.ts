import type { SlackDeps, WebClient } from '../../deps.js';
import { promptsTitle, suggestedPrompts } from '../../suggested-prompts.js';
import { readAssistantThread } from './thread.js';

/** What the handler needs from Bolt's assistant arguments; tests pass these directly. */
export interface AssistantEventArgs {
  event: unknown;
  client: WebClient;
}

/**
 * A user opened the AI-app container: offer up to four questions about what the index holds (the
 * latest meetings, subjects the minutes define). With nothing indexed there is nothing to suggest,
 * and the thread says so instead.
 */
export async function handleThreadStarted({ event, client }: AssistantEventArgs, deps: SlackDeps): Promise<void> {
  const thread = readAssistantThread(event);
  if (!thread) return;
  const log = deps.logger.child({ channel: thread.channel, thread_ts: thread.threadTs, user: thread.user });
  try {
    const coverage = await deps.coverage();
    const prompts = suggestedPrompts(coverage);
    if (prompts.length === 0) {
      await client.chat.postMessage({
        channel: thread.channel,
        thread_ts: thread.threadTs,
        text: 'No minutes are indexed yet, so there is nothing to ask about. Ask whoever runs Minutebook to run `minutebook ingest`.',
      });
      return;
    }
    await client.assistant.threads.setSuggestedPrompts({
      channel_id: thread.channel,
      thread_ts: thread.threadTs,
      title: promptsTitle(coverage),
      prompts,
    });
    log.debug({ event: 'slack.assistant_started', prompts: prompts.length }, 'suggested prompts set');
  } catch (error) {
    // The thread still works without suggestions: the user can type a question.
    log.warn({ err: error }, 'could not suggest prompts for a new assistant thread');
  }
}
