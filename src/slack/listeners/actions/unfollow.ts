import type { Follow } from '../../../alerts/types.js';
import { readUnfollowValue } from '../../alerts/message.js';
import type { SlackDeps } from '../../deps.js';
import { escapeMrkdwn } from '../../escape.js';
import { isRecord, str } from '../../payloads.js';
import { handleAppHomeOpened } from '../events/app-home-opened.js';
import type { ActionArgs } from './share-answer.js';

/**
 * "Stop following", on an alert or in the App Home. A person's own follow stops only for that
 * person; a channel's follow for whoever set it up, or anyone clicking in that channel (they see
 * its alerts). The App Home is then published again without it.
 */
export async function handleUnfollow({ ack, body, action, client, respond }: ActionArgs, deps: SlackDeps) {
  await ack();
  const id = readUnfollowValue(isRecord(action) ? action.value : undefined);
  const user = isRecord(body) && isRecord(body.user) ? str(body.user, 'id') : undefined;
  const channel = isRecord(body) && isRecord(body.channel) ? str(body.channel, 'id') : undefined;
  const fromHome = isRecord(body) && isRecord(body.view) && body.view.type === 'home';
  if (id === null || !user || !deps.alerts) return;
  const follows = await deps.alerts.follows();
  const follow = follows.find((f) => f.id === id);
  if (follow && mayStop(follow, user, channel)) {
    await deps.alerts.removeFollowById(id);
    deps.logger.info({ event: 'alerts.unfollowed', follow: id, user }, 'follow stopped from a button');
  }
  if (fromHome) {
    await handleAppHomeOpened({ event: { tab: 'home', user }, client, context: {} }, deps);
    return;
  }
  const text = !follow
    ? 'That follow had already stopped.'
    : mayStop(follow, user, channel)
      ? `Stopped following *${escapeMrkdwn(follow.topic)}*.`
      : 'Only the person who follows that topic can stop it.';
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not confirm an unfollow');
  }
}

function mayStop(follow: Follow, user: string, channel: string | undefined): boolean {
  if (follow.subscriber.kind === 'user') return follow.subscriber.id === user;
  return follow.createdBy === user || follow.subscriber.id === channel;
}
