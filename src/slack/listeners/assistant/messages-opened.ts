import type { SlackDeps } from '../../deps.js';
import { isRecord, str } from '../../payloads.js';
import { offerPrompts } from './prompts.js';
import type { AssistantEventArgs } from './thread-started.js';

/**
 * A user opened the bot's Messages tab. Under Agent messaging (`agent_view`) this is where a
 * conversation starts, so the suggested prompts are set at the top of the DM. An app without the
 * AI-app features gets the same event, and Slack refuses the prompts: that is expected and only
 * noted at debug level. The Home tab is the App Home listener's.
 */
export async function handleMessagesOpened({ event, client }: AssistantEventArgs, deps: SlackDeps): Promise<void> {
  if (!isRecord(event) || event.tab !== 'messages') return;
  const channel = str(event, 'channel');
  if (!channel) return;
  try {
    await offerPrompts(client, deps, { channel });
  } catch (error) {
    deps.logger.debug({ err: error, channel }, 'no suggested prompts for the Messages tab');
  }
}
