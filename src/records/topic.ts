import { topicStems } from '../question/stem.js';

/**
 * Whether texts are about a topic: all of a short topic's content words appear in them, or four
 * in five of a long one's ("Children and Families Partnership Plan" is not "Children and Family
 * Service Departmental Plan"). Uses the question reader's stemmer, so a question and the minutes
 * meet the same way everywhere.
 */
export function isAbout(topic: string, texts: string[]): boolean {
  const wanted = [...new Set(topicStems(topic))];
  if (wanted.length === 0) return false;
  const have = new Set(texts.flatMap((t) => topicStems(t)));
  const found = wanted.filter((s) => have.has(s)).length;
  return wanted.length <= 3 ? found === wanted.length : found >= Math.ceil(wanted.length * 0.8);
}
