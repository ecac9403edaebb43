import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { escapeMarkdown } from './escape.js';

/** Where a draft is streamed: the asker's thread, and who it is for (Slack needs both outside a DM). */
export interface StreamTarget {
  channel: string;
  threadTs: string;
  user: string;
  team?: string;
}

/**
 * At most one Slack call per stream per second: `chat.appendStream` is Tier 4 (100+ a minute per
 * workspace), so even a dozen answers being written at once stay inside it.
 */
export const DEFAULT_STREAM_INTERVAL_MS = 1000;

/**
 * Shows the model's answer in the thread while it is written (`chat.startStream`, then
 * `chat.appendStream` at most once per interval, then `chat.stopStream`). The draft is unchecked
 * model text: it is escaped like any outside text, and the caller replaces the streamed message with
 * the checked answer once it is ready, so a sentence the checker drops never stays visible.
 *
 * Drafts grow at the end; only whole words are sent, so an escape or a defused link is never split
 * across two appends. A draft that rewrites what was already sent (the model's JSON reread
 * differently) is not streamed further: the checked answer replaces it soon. Never throws: a
 * workspace or client without streaming simply gets the final answer alone.
 */
export class DraftStream {
  readonly #client: webApi.WebClient;
  readonly #target: StreamTarget;
  readonly #log: Logger;
  readonly #intervalMs: number;
  /** The plain draft text sent so far. */
  #sent = '';
  #latest = '';
  #ts: string | undefined;
  #broken = false;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;
  #lastFlush = 0;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(client: webApi.WebClient, target: StreamTarget, log: Logger, intervalMs = DEFAULT_STREAM_INTERVAL_MS) {
    this.#client = client;
    this.#target = target;
    this.#log = log;
    this.#intervalMs = intervalMs;
  }

  /** The newest draft (the whole answer so far). Returns at once; the send happens on the interval. */
  push(draft: string): void {
    if (this.#broken || this.#stopped) return;
    this.#latest = draft;
    if (this.#timer) return;
    const wait = Math.max(0, this.#lastFlush + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#inFlight = this.#inFlight.then(() => this.#flush());
    }, wait);
  }

  /**
   * Ends the stream. Resolves to the streamed message's timestamp, for the caller to replace with
   * the checked answer, or undefined when nothing was streamed. Only the first call gets it: after
   * that the message is the caller's, so a later failure never overwrites an answer already given.
   */
  async finish(): Promise<string | undefined> {
    if (this.#stopped) return undefined;
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#inFlight;
    if (this.#ts === undefined) return undefined;
    try {
      await this.#client.chat.stopStream({ channel: this.#target.channel, ts: this.#ts });
    } catch (error) {
      // The message exists either way; the caller's update replaces it.
      this.#log.debug({ err: error }, 'chat.stopStream failed');
    }
    return this.#ts;
  }

  async #flush(): Promise<void> {
    if (this.#broken || this.#stopped) return;
    this.#lastFlush = Date.now();
    const draft = this.#latest;
    if (!draft.startsWith(this.#sent)) {
      this.#broken = true;
      return;
    }
    // Up to the last whitespace: a word still being written waits for the next flush.
    const end = draft.search(/\s\S*$/);
    const ready = end > this.#sent.length ? draft.slice(0, end) : this.#sent;
    const delta = ready.slice(this.#sent.length);
    if (!delta.trim()) return;
    const markdown_text = escapeMarkdown(delta);
    try {
      if (this.#ts === undefined) {
        const started = await this.#client.chat.startStream({
          channel: this.#target.channel,
          thread_ts: this.#target.threadTs,
          recipient_user_id: this.#target.user,
          ...(this.#target.team ? { recipient_team_id: this.#target.team } : {}),
          markdown_text,
        });
        if (typeof started.ts !== 'string') throw new Error('chat.startStream returned no ts');
        this.#ts = started.ts;
      } else {
        await this.#client.chat.appendStream({ channel: this.#target.channel, ts: this.#ts, markdown_text });
      }
      this.#sent = ready;
    } catch (error) {
      this.#broken = true;
      this.#log.info(
        { err: error, event: 'slack.stream_unavailable' },
        'streaming the draft failed; the answer comes whole',
      );
    }
  }
}
