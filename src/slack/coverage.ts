import type { HybridRetriever } from '../retrieve/retriever.js';
import type { IndexStats } from '../types.js';

/**
 * What the index covers, in the terms a person would ask about: each committee with its latest
 * meeting, and the subjects the minutes themselves name (the acronyms they define). The assistant's
 * suggested prompts are built from this, so they only ever point at minutes that are there.
 */
export interface IndexCoverage {
  meetings: number;
  /** Committees with their latest meeting, most recent first. */
  committees: CommitteeCoverage[];
  /** Subjects the minutes define by name, in the order the index first met them. */
  topics: Array<{ acronym: string; longForm: string }>;
}

export interface CommitteeCoverage {
  name: string;
  /** Its meetings indexed; 0 when they cannot be counted apart from another committee's. */
  meetings: number;
  /** ISO date of the committee's latest indexed meeting; null when it is not known apart from other committees. */
  latest: string | null;
}

/** Committees looked at for their latest meeting: one small query each. */
const MAX_COMMITTEES = 200;
/** Topics kept: the prompts use a few, the rest would only cross the thread boundary for nothing. */
const MAX_TOPICS = 20;

/** Reads what the index covers through the retriever that holds it (in the answering thread). */
export async function readCoverage(retriever: HybridRetriever): Promise<IndexCoverage> {
  const stats = await retriever.stats();
  const committees: CommitteeCoverage[] = [];
  for (const name of stats.committees.slice(0, MAX_COMMITTEES)) {
    const scope = await retriever.scope({ committee: name });
    // The committee filter matches by substring: "Cabinet" also finds "Cabinet Advisory Panel",
    // whose meetings are not Cabinet's. Only a scope of this committee alone is quoted.
    const alone = scope.committees.length === 1;
    committees.push({ name, meetings: alone ? scope.meetings : 0, latest: alone ? scope.to : null });
  }
  committees.sort((a, b) => (b.latest ?? '').localeCompare(a.latest ?? '') || b.meetings - a.meetings);
  const topics: IndexCoverage['topics'] = [];
  for (const [acronym, forms] of (await retriever.glossary()).entries) {
    // An acronym the minutes define two ways is ambiguous as a suggestion; leave it out.
    const [longForm, ...others] = forms;
    if (longForm && others.length === 0) topics.push({ acronym, longForm });
    if (topics.length === MAX_TOPICS) break;
  }
  return { meetings: stats.meetings, committees, topics };
}

/**
 * Coverage from the index's stats alone, for an app given no coverage reader (an answerer that is
 * not the answering thread): the committees without their dates, and no topics.
 */
export function coverageFromStats(stats: IndexStats): IndexCoverage {
  return {
    meetings: stats.meetings,
    committees: stats.committees.map((name) => ({ name, meetings: 0, latest: null })),
    topics: [],
  };
}

/**
 * Keeps what the index covers for `ttlMs` (a failed read is not kept): every opening of the Messages
 * tab asks for it, and on a large index it is a query per committee. A sync shows up within the TTL.
 */
export function cacheCoverage(read: () => Promise<IndexCoverage>, ttlMs: number): () => Promise<IndexCoverage> {
  let kept: { at: number; coverage: Promise<IndexCoverage> } | null = null;
  return () => {
    if (kept && Date.now() - kept.at < ttlMs) return kept.coverage;
    const coverage = read();
    const entry = { at: Date.now(), coverage };
    kept = entry;
    coverage.catch(() => {
      if (kept === entry) kept = null;
    });
    return coverage;
  };
}
