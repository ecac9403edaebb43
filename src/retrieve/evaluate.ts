import { readFileSync } from 'node:fs';
import { BadInputError } from '../errors.js';
import type { Retriever, SearchFilters } from '../types.js';

/**
 * A minute item named in an evaluation file: [meeting date, minute number], or, where numbers
 * repeat within a meeting ("4.01", "4.02") or are not numbers at all ("PLA149/14", "D"),
 * [meeting date, minute as printed], or for an unnumbered item [meeting date, its title].
 */
export type ItemRef = [string, number | string];

/** The fields of a hit or citation that say which item it is. */
export interface ItemKey {
  date: string | null;
  minute: string | null;
  minuteNumber: number | null;
  title: string;
}

/** Whether an item is the one a reference names (see {@link ItemRef}). */
export function isItem([date, minute]: ItemRef, item: ItemKey): boolean {
  if (item.date !== date) return false;
  if (typeof minute === 'number') return item.minuteNumber === minute;
  return item.minute === minute || (item.minute === null && item.title === minute);
}

/** One line of an evaluation file (`../shared/eval/dev-questions.jsonl` format). */
export interface EvalQuestion {
  id: string;
  q: string;
  /** The items that answer it; empty when the minutes do not. */
  relevant: ItemRef[];
  kind?: string;
  after?: string;
  before?: string;
}

export interface QuestionResult {
  id: string;
  question: string;
  kind: string | null;
  /** 1-based rank of the first relevant item within the top k, or null. */
  rank: number | null;
  topScore: number | null;
  top: Array<{ date: string | null; minute: string | null; score: number }>;
  answerable: boolean;
}

export interface EvalReport {
  k: number;
  answerable: number;
  recallAtK: number;
  mrr: number;
  /** Top scores of the questions the minutes cannot answer: below the threshold, ideally. */
  unanswerableTopScores: Array<{ id: string; topScore: number | null }>;
  /** Lowest top score among answerable questions that were found: the threshold must stay under it. */
  lowestAnsweredTopScore: number | null;
  questions: QuestionResult[];
}

/** Reads an evaluation file, naming the line of anything malformed. */
export function readEvalQuestions(file: string): EvalQuestion[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new BadInputError(`${file}: cannot be read; check the path`);
  }
  return raw
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line)
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new BadInputError(`${file}:${number}: not valid JSON`);
      }
      const record = value as Partial<EvalQuestion>;
      if (typeof record?.q !== 'string' || !Array.isArray(record.relevant)) {
        throw new BadInputError(`${file}:${number}: needs "q" (the question) and "relevant" ([[date, minute], …])`);
      }
      return { id: String(record.id ?? number), ...record } as EvalQuestion;
    });
}

/** Runs every question through the retriever and scores the ranking. */
export async function evaluate(retriever: Retriever, questions: EvalQuestion[], k: number): Promise<EvalReport> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    const filters: SearchFilters = {
      ...(question.after ? { after: question.after } : {}),
      ...(question.before ? { before: question.before } : {}),
    };
    const { hits } = await retriever.search(question.q, { k, filters });
    const index = hits.findIndex((hit) => question.relevant.some((ref) => isItem(ref, hit)));
    results.push({
      id: question.id,
      question: question.q,
      kind: question.kind ?? null,
      rank: index >= 0 ? index + 1 : null,
      topScore: hits[0]?.score ?? null,
      top: hits.map((h) => ({ date: h.date, minute: h.minute, score: h.score })),
      answerable: question.relevant.length > 0,
    });
  }
  const answerable = results.filter((r) => r.answerable);
  const found = answerable.filter((r) => r.rank !== null);
  const scores = found.map((r) => r.topScore ?? 0);
  return {
    k,
    answerable: answerable.length,
    recallAtK: answerable.length ? found.length / answerable.length : 0,
    mrr: answerable.length ? answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / answerable.length : 0,
    unanswerableTopScores: results.filter((r) => !r.answerable).map((r) => ({ id: r.id, topScore: r.topScore })),
    lowestAnsweredTopScore: scores.length ? Math.min(...scores) : null,
    questions: results,
  };
}
