import { homeFollows } from '../../alerts/home.js';
import { homeView } from '../../blocks.js';
import type { SlackDeps } from '../../deps.js';
import { isRecord, str } from '../../payloads.js';
import type { EventArgs } from './app-mention.js';

/** The App Home tab: what is indexed and how to ask, published fresh each time it is opened. */
export async function handleAppHomeOpened({ event, client }: EventArgs, deps: SlackDeps): Promise<void> {
  if (!isRecord(event) || event.tab !== 'home') return;
  const user = str(event, 'user');
  if (!user) return;
  let view: ReturnType<typeof homeView>;
  try {
    view = homeView(await deps.stats());
  } catch (error) {
    deps.logger.warn({ err: error }, 'index stats unavailable for the App Home');
    view = homeView(null, 'The minutes index is not available right now. Please tell whoever runs Minutebook.');
  }
  view.blocks.push(...(await homeFollows(deps.alerts, user, deps.logger)));
  try {
    await client.views.publish({ user_id: user, view });
  } catch (error) {
    deps.logger.error({ err: error, user }, 'could not publish the App Home');
  }
}
