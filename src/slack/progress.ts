import type { IndexStats } from '../types.js';
import type { SlackDeps, WebClient } from './deps.js';
import type { UserMessage } from './payloads.js';

/**
 * How the asker sees that a question is being worked on. In a channel or a plain DM that is a
 * reaction on the question; in the AI-app container it is the thread's status line, saying what is
 * actually happening. Every method is best effort and never throws: the answer matters more.
 */
export interface Progress {
  /** The question is being searched. */
  start(): Promise<void>;
  /** The model has started writing the answer (called for every draft; acts on the first). */
  writing(): void;
  /** The answer, or the failure, is in the thread. */
  end(): Promise<void>;
}

/** The reaction shown on a question while it is being answered. */
export const WORKING_REACTION = 'hourglass_flowing_sand';

type Log = SlackDeps['logger'];

/** The hourglass reaction on the question, removed when the answer is in. */
export function reactionProgress(client: WebClient, message: UserMessage, log: Log): Progress {
  let reacted = false;
  const react = async (op: 'add' | 'remove'): Promise<boolean> => {
    try {
      const args = { channel: message.channel, timestamp: message.ts, name: WORKING_REACTION };
      if (op === 'add') await client.reactions.add(args);
      else await client.reactions.remove(args);
      return true;
    } catch (error) {
      // Missing reactions:write or an already-present reaction must not stop the answer.
      log.debug({ err: error }, `reactions.${op} failed`);
      return false;
    }
  };
  return {
    async start() {
      reacted = await react('add');
    },
    writing() {},
    async end() {
      if (reacted) await react('remove');
    },
  };
}

/** "Searching 214 meetings of 3 committees…": what the search will cover, as the index says. */
export function searchingStatus(stats: IndexStats | null): string {
  if (!stats || stats.meetings === 0) return 'Searching the minutes…';
  const meetings = `${stats.meetings} meeting${stats.meetings === 1 ? '' : 's'}`;
  const n = stats.committees.length;
  return n > 0 ? `Searching ${meetings} of ${n} committee${n === 1 ? '' : 's'}…` : `Searching ${meetings}…`;
}

/** Shown once the model writes: the search is over, and what comes next is checked before it stays. */
export const WRITING_STATUS = 'Writing the answer…';

/**
 * The status line of an AI-app thread (`assistant.threads.setStatus`). A thread Slack does not treat
 * as an assistant thread (a threaded reply in a plain DM, a workspace without the AI-app features)
 * refuses the status: the reaction is shown instead.
 */
export function assistantStatusProgress(
  client: WebClient,
  message: UserMessage,
  deps: Pick<SlackDeps, 'stats'>,
  log: Log,
): Progress {
  let fallback: Progress | null = null;
  let writingShown = false;
  // One status call at a time, in order: a late "Writing…" must never land after the clearing.
  let queue: Promise<boolean> = Promise.resolve(true);
  const setStatus = (status: string): Promise<boolean> => {
    queue = queue.then(async () => {
      try {
        await client.assistant.threads.setStatus({ channel_id: message.channel, thread_ts: message.threadTs, status });
        return true;
      } catch (error) {
        log.debug({ err: error, status }, 'assistant.threads.setStatus failed');
        return false;
      }
    });
    return queue;
  };
  return {
    async start() {
      const stats = await deps.stats().catch(() => null);
      if (await setStatus(searchingStatus(stats))) return;
      fallback = reactionProgress(client, message, log);
      await fallback.start();
    },
    writing() {
      if (fallback || writingShown) return;
      writingShown = true;
      void setStatus(WRITING_STATUS);
    },
    async end() {
      // Slack clears the status when the bot replies; clearing it here covers a reply that failed.
      if (fallback) await fallback.end();
      else await setStatus('');
    },
  };
}
