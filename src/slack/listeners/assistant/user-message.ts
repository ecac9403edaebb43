import { answerInThread } from '../../answer-in-thread.js';
import type { SlackDeps } from '../../deps.js';
import { defusePlainText, slackTextToPlain } from '../../escape.js';
import { readUserMessage, type UserMessage } from '../../payloads.js';
import { assistantStatusProgress } from '../../progress.js';
import type { EventArgs } from '../events/app-mention.js';

/** Thread titles longer than this are cut at a word: the title is a line in the history list. */
const TITLE_CHARS = 80;

/**
 * A question in an assistant thread (Bolt routes every threaded DM here): answered as a DM is.
 */
export async function handleAssistantMessage({ event, client, context }: EventArgs, deps: SlackDeps): Promise<void> {
  const message = readUserMessage(event);
  if (!message || message.user === context.botUserId) return;
  await answerAsAgent({ client, context }, deps, message);
}

/**
 * Answers a question in the bot's DM the way Slack's AI apps do: the thread is titled after its
 * first question, the status line says what is being done ("Searching 214 meetings of 3
 * committees…", "Writing the answer…"), and the answer takes the same path as a mention (slots,
 * rate limits, dedupe, streaming). A DM Slack does not treat as an agent conversation (a workspace
 * without the AI-app features) refuses the title and status: the hourglass reaction is shown instead.
 */
export async function answerAsAgent(
  { client, context }: Pick<EventArgs, 'client' | 'context'>,
  deps: SlackDeps,
  message: UserMessage,
): Promise<void> {
  const question = slackTextToPlain(message.text, context.botUserId);
  if (question && (await deps.seen.firstTime(`title:${message.channel}:${message.threadTs}`))) {
    try {
      await client.assistant.threads.setTitle({
        channel_id: message.channel,
        thread_ts: message.threadTs,
        title: threadTitle(question),
      });
    } catch (error) {
      deps.logger.debug({ err: error }, 'assistant.threads.setTitle failed');
    }
  }
  await answerInThread(client, deps, message, context.botUserId, {
    progress: (log) => assistantStatusProgress(client, message, deps, log),
  });
}

/** The question as a one-line title. */
export function threadTitle(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_CHARS) return defusePlainText(line);
  return defusePlainText(`${line.slice(0, TITLE_CHARS - 1).replace(/\s+\S*$/, '')}…`);
}
