import { MinutesAnswerer } from '../answer/answerer.js';
import type { Logger } from '../logger.js';
import type { Retriever, SearchHit } from '../types.js';
import { itemKey } from './keys.js';
import type { FollowMatch, MatchRequest } from './types.js';

/**
 * Hits asked of the retriever before the meeting's other items are set aside: enough that items a
 * follow has already been told about (or that came before it) never crowd a new one out of the
 * answerer's own number of hits.
 */
const CANDIDATE_HITS = 50;

/**
 * Whether a meeting's new items answer a follow's topic, decided exactly as `ask` decides a question:
 * the topic goes through the same retriever (narrowed to the one meeting) and the same answerer —
 * its answerability decision and its extractive answer, with no LLM — so "matches" here and "is in
 * the minutes" there can never disagree. The retriever only sets aside items the follow may not
 * announce (restricted ones, ones from before the follow, ones already announced to it); the
 * answerer never sees them, so they are neither matched nor quoted.
 */
export async function matchFollow(
  options: MatchRequest & {
    retriever: Retriever;
    logger: Logger;
    /** Stops the matching (a timeout): it rejects, and the meeting stays queued. */
    signal?: AbortSignal;
  },
): Promise<FollowMatch | null> {
  const allowed = new Set(options.announceable);
  if (allowed.size === 0) return null;
  const answerer = new MinutesAnswerer({
    retriever: onlyItems(options.retriever, (hit) => allowed.has(itemKey(hit))),
    chatModel: null,
    logger: options.logger,
  });
  const answer = await answerer.ask(options.follow.topic, {
    filters: { source: options.meeting.source },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (answer.mode !== 'extractive' || answer.citations.length === 0) return null;
  const itemKeys = [...new Set(answer.citations.map(itemKey))].filter((key) => allowed.has(key));
  if (itemKeys.length === 0) return null;
  return { itemKeys, content: { topic: options.follow.topic, answer } };
}

/** The retriever with the hits `keep` refuses set aside, still returning as many as were asked for. */
function onlyItems(retriever: Retriever, keep: (hit: SearchHit) => boolean): Retriever {
  return {
    stats: () => retriever.stats(),
    // Records answers cite items too; only the allowed ones are announced (matchFollow keeps those).
    records: (filters, options) => retriever.records(filters, options),
    async search(question, options = {}) {
      const k = options.k ?? 5;
      const result = await retriever.search(question, { ...options, k: Math.max(k, CANDIDATE_HITS) });
      return { ...result, hits: result.hits.filter(keep).slice(0, k) };
    },
  };
}
