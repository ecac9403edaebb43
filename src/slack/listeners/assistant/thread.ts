import { isRecord, str } from '../../payloads.js';

/** An AI-app thread as its events name it. */
export interface AssistantThread {
  channel: string;
  threadTs: string;
  user?: string;
  /** The channel the user was looking at when they opened or moved the assistant, if any. */
  viewing?: string;
}

/** Reads `assistant_thread` from an `assistant_thread_started` or `_context_changed` event. */
export function readAssistantThread(event: unknown): AssistantThread | null {
  if (!isRecord(event) || !isRecord(event.assistant_thread)) return null;
  const thread = event.assistant_thread;
  const channel = str(thread, 'channel_id');
  const threadTs = str(thread, 'thread_ts');
  if (!channel || !threadTs) return null;
  const user = str(thread, 'user_id');
  const viewing = isRecord(thread.context) ? str(thread.context, 'channel_id') : undefined;
  return { channel, threadTs, ...(user ? { user } : {}), ...(viewing ? { viewing } : {}) };
}
