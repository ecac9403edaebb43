import { formatLongDate } from '../dates.js';
import type { IndexCoverage } from './coverage.js';
import { defusePlainText } from './escape.js';

/** One suggested prompt of an AI-app thread: a short title, and the question it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

/** Slack shows at most four suggested prompts. */
export const MAX_SUGGESTED_PROMPTS = 4;
/** Titles longer than this are cut at a word: the prompt button shows a line, not a paragraph. */
const TITLE_CHARS = 60;

/**
 * Suggested prompts for a new AI-app thread, each pointing at something the index really holds:
 * the latest meetings of the committees that met most recently, then subjects the minutes define
 * (their acronyms), then other committees. Empty when nothing is indexed. Names come from the
 * minutes, so they are defused before they reach Slack.
 */
export function suggestedPrompts(coverage: IndexCoverage): SuggestedPrompt[] {
  const byDate = coverage.committees.filter((c) => c.latest !== null);
  const latest = byDate.slice(0, 2).map((c) => {
    const date = formatLongDate(c.latest);
    return prompt(`${c.name}, ${date}`, `What was decided at the ${c.name} meeting on ${date}?`);
  });
  const topics = coverage.topics
    .slice(0, 2)
    .map((t) => prompt(`${t.longForm} (${t.acronym})`, `What has been said about ${t.longForm} (${t.acronym})?`));
  const others = coverage.committees
    .filter((c) => !byDate.slice(0, 2).includes(c))
    .map((c) => prompt(c.name, `What has the ${c.name} discussed?`));
  return [...latest, ...topics, ...others].slice(0, MAX_SUGGESTED_PROMPTS);
}

/** The line above the prompts: how much there is to ask about. */
export function promptsTitle(coverage: IndexCoverage): string {
  const meetings = `${coverage.meetings} meeting${coverage.meetings === 1 ? '' : 's'}`;
  const n = coverage.committees.length;
  return n > 1 ? `Ask about ${meetings} of ${n} committees, for example:` : `Ask about ${meetings}, for example:`;
}

function prompt(title: string, message: string): SuggestedPrompt {
  return { title: defusePlainText(clipAtWord(title, TITLE_CHARS)), message: defusePlainText(message) };
}

function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}
