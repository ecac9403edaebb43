import type { Answer } from '../types.js';
import { formatCitation } from './citation.js';

/** The answer and a numbered list of its citations, each with its link when known. */
export function renderAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const citation of answer.citations) {
      lines.push(`[${citation.n}] ${formatCitation(citation)}`);
      if (citation.url) lines.push(`    ${citation.url}`);
    }
  }
  return lines.join('\n');
}

/** The `--json` contract: exactly these keys, in this order. */
export function answerJson(answer: Answer): unknown {
  return {
    question: answer.question,
    mode: answer.mode,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({
      n: c.n,
      council: c.council,
      committee: c.committee,
      date: c.date,
      minute: c.minute,
      minuteNumber: c.minuteNumber,
      title: c.title,
      points: c.points,
      url: c.url,
      quote: c.quote,
      // Which record an answer from records rests on (decision, vote, attendance…), else null.
      record: c.record ?? null,
      draft: c.draft === true,
    })),
    searched: answer.searched,
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.fallbackCode ? { fallbackCode: answer.fallbackCode } : {}),
  };
}
