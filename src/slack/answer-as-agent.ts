import { answerInThread } from './answer-in-thread.js';
import type { SlackDeps, WebClient } from './deps.js';
import { defusePlainText, slackTextToPlain } from './escape.js';
import type { UserMessage } from './payloads.js';
import { assistantStatusProgress } from './progress.js';

/** Thread titles longer than this are cut at a word: the title is a line in the history list. */
const TITLE_CHARS = 80;

/**
 * Answers a question in the bot's DM the way Slack's AI apps do: the thread is titled after its
 * first question, the status line says what is being done ("Searching 214 meetings of 3
 * committees…", "Writing the answer…"), and the answer takes the same path as a mention (slots,
 * rate limits, dedupe, streaming). A DM Slack does not treat as an agent conversation (a workspace
 * without the AI-app features) refuses the title and status: the hourglass reaction is shown instead.
 */
export async function answerAsAgent(
  client: WebClient,
  deps: SlackDeps,
  message: UserMessage,
  botUserId: string | undefined,
): Promise<void> {
  const question = slackTextToPlain(message.text, botUserId);
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
  await answerInThread(client, deps, message, botUserId, {
    progress: (log) => assistantStatusProgress(client, message, deps, log),
  });
}

/** The question as a one-line title. */
export function threadTitle(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_CHARS) return defusePlainText(line);
  return defusePlainText(`${line.slice(0, TITLE_CHARS - 1).replace(/\s+\S*$/, '')}…`);
}
