import type { SlackDeps, WebClient } from '../../deps.js';
import { promptsTitle, suggestedPrompts } from '../../suggested-prompts.js';

/** Where suggested prompts go: an assistant thread, or (Agent messaging) the top of the DM. */
export interface PromptsPlace {
  channel: string;
  threadTs?: string;
}

/**
 * Offers up to four questions about what the index holds. Resolves to how many were offered (0
 * when nothing is indexed); Slack refusing them (no AI-app features) is left to the caller to judge.
 */
export async function offerPrompts(client: WebClient, deps: SlackDeps, place: PromptsPlace): Promise<number> {
  const coverage = await deps.coverage();
  const prompts = suggestedPrompts(coverage);
  if (prompts.length === 0) return 0;
  await client.assistant.threads.setSuggestedPrompts({
    channel_id: place.channel,
    ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
    title: promptsTitle(coverage),
    prompts,
  });
  return prompts.length;
}
