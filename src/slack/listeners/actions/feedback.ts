import type { FeedbackValue } from '../../blocks.js';
import type { SlackDeps } from '../../deps.js';
import { isRecord, str } from '../../payloads.js';
import type { ActionArgs } from './share-answer.js';

function readFeedback(action: unknown): FeedbackValue | null {
  if (!isRecord(action) || typeof action.value !== 'string') return null;
  try {
    const value: unknown = JSON.parse(action.value);
    if (!isRecord(value) || (value.rating !== 'up' && value.rating !== 'down')) return null;
    const mode = value.mode === 'llm' || value.mode === 'extractive' || value.mode === 'not_found' ? value.mode : null;
    if (!mode || typeof value.citations !== 'number') return null;
    return { rating: value.rating, mode, citations: value.citations };
  } catch {
    return null;
  }
}

/**
 * 👍/👎 on an answer: one structured log event (`event: "slack.feedback"`) with the rating and the
 * answer's mode, never the text unless `logFeedbackText` is on; then a private thank-you.
 */
export async function handleFeedback({ ack, body, action, client }: ActionArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const feedback = readFeedback(action);
  if (!feedback || !isRecord(body)) {
    deps.logger.warn({ event: 'slack.feedback_invalid' }, 'feedback button without a usable value');
    return;
  }
  const user = isRecord(body.user) ? str(body.user, 'id') : undefined;
  const channel = isRecord(body.channel) ? str(body.channel, 'id') : undefined;
  const team = isRecord(body.team) ? str(body.team, 'id') : undefined;
  const message = isRecord(body.message) ? body.message : undefined;
  const messageTs = message ? str(message, 'ts') : undefined;
  const threadTs = message ? (str(message, 'thread_ts') ?? messageTs) : undefined;
  deps.logger.info(
    {
      event: 'slack.feedback',
      rating: feedback.rating,
      mode: feedback.mode,
      citations: feedback.citations,
      user,
      channel,
      team,
      message_ts: messageTs,
      ...(deps.logFeedbackText && message ? { answer_text: str(message, 'text') } : {}),
    },
    'answer feedback',
  );
  if (!channel || !user) return;
  try {
    await client.chat.postEphemeral({
      channel,
      user,
      text:
        feedback.rating === 'up'
          ? 'Thanks, noted.'
          : 'Thanks, noted. Rephrasing or naming a committee or year can help.',
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  } catch (error) {
    deps.logger.debug({ err: error }, 'could not thank for feedback');
  }
}
