import type { App } from '@slack/bolt';
import { UNFOLLOW_ACTION } from '../../alerts/message.js';
import { ACTION_IDS } from '../../blocks.js';
import type { SlackDeps } from '../../deps.js';
import { handleFeedback } from './feedback.js';
import { handleShareAnswer } from './share-answer.js';
import { handleUnfollow } from './unfollow.js';

/** Block Kit listeners: sharing an answer and 👍/👎 feedback (the feedback element, and the older buttons). */
export function register(app: App, deps: SlackDeps): void {
  app.action(ACTION_IDS.share, (args) => handleShareAnswer(args, deps));
  app.action(ACTION_IDS.feedback, (args) => handleFeedback(args, deps));
  app.action(ACTION_IDS.feedbackUp, (args) => handleFeedback(args, deps));
  app.action(ACTION_IDS.feedbackDown, (args) => handleFeedback(args, deps));
  app.action(UNFOLLOW_ACTION, (args) => handleUnfollow(args, deps));
}
