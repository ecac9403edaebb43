import type { AlertStore } from '../../alerts/types.js';
import type { Logger } from '../../logger.js';
import type { Block } from '../blocks.js';
import { followsHomeBlocks } from './message.js';

/**
 * The App Home's follows for `user`: their own and the channel follows they set up. Nothing when
 * alerts are not set up; a short note when the store cannot be read (the rest of the Home still shows).
 */
export async function homeFollows(store: AlertStore | null, user: string, logger: Logger): Promise<Block[]> {
  if (!store) return [];
  try {
    return followsHomeBlocks(await store.follows({ subscribers: [{ kind: 'user', id: user }], createdBy: user }));
  } catch (error) {
    logger.warn({ err: error }, 'follows unavailable for the App Home');
    return [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Your follows are not available right now.' }] }];
  }
}
