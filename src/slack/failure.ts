import { randomBytes } from 'node:crypto';
import { asMinutebookError } from '../errors.js';
import type { Logger } from '../logger.js';

/** The reply when every question slot is taken: polite, and says when to come back. */
export const BUSY_TEXT =
  "I'm answering a lot of questions right now, so I couldn't take yours. Please try again in a minute.";

/**
 * What the user reads when answering failed: short, says what to do, never a stack trace or an
 * internal message. The full error goes to the log under the same reference.
 */
export function describeFailure(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  const ref = randomBytes(3).toString('hex');
  const wrapped = asMinutebookError(error);
  if (wrapped.code === 'BUSY') {
    logger.warn({ event: 'slack.busy', ...context }, 'question turned away: every slot is taken');
    return BUSY_TEXT;
  }
  logger.error({ err: wrapped, code: wrapped.code, ref, ...context }, 'slack answer failed');
  if (isAbort(error)) {
    return `That took too long to answer. Try a narrower question, for example name a committee or a year. (ref ${ref})`;
  }
  switch (wrapped.code) {
    case 'BAD_INPUT':
      return `I couldn't use that question: ${wrapped.message}`;
    case 'LLM_UNAVAILABLE':
      return `The AI service isn't answering right now. Please try again in a few minutes. (ref ${ref})`;
    case 'INDEX_MISSING':
    case 'INDEX_CORRUPT':
    case 'INDEX_MISMATCH':
      return `The minutes index isn't available, so I can't search. Please tell whoever runs Minutebook (ref ${ref}, ${wrapped.code}).`;
    default:
      return `Sorry, something went wrong while answering. Please try again; if it keeps happening, tell whoever runs Minutebook (ref ${ref}).`;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
