/**
 * A deliberately simple second opinion on a checked answer, independent of the checker in
 * src/answer: every number written in a sentence must appear, digit for digit, in the citations
 * that sentence carries (their quoted text, citation line, ISO date and month number); no data
 * delimiters; no sentence without a marker. It is stricter than the checker (it knows nothing of
 * "£2.3m" meaning 2,300,000), so a sentence it flags is either a checker hole or worth a look.
 */
import { formatCitation } from '../src/answer/citation.js';
import type { Answer } from '../src/types.js';

export interface OracleFinding {
  sentence: string;
  problem: string;
}

/** Numbers as digit strings without thousands separators or leading zeros: "1,140" -> "1140", "02" -> "2". */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '').replace(/^0+(?=\d)/, ''));
}

/** What an answer says that its own citations do not back, by the simple rules above. */
export function oracleFindings(answer: Pick<Answer, 'answer' | 'citations'>): OracleFinding[] {
  const findings: OracleFinding[] = [];
  if (/<<<|>>>/.test(answer.answer)) findings.push({ sentence: answer.answer, problem: 'a data delimiter' });
  // Each unit is a sentence followed by its markers and its full stop.
  const units = answer.answer.match(/[^[\]]*?(?:\s?\[\d+\])+[.!?]?["”’)]*/g) ?? [];
  const rest = units.reduce((text, unit) => text.replace(unit, ''), answer.answer).trim();
  if (rest) findings.push({ sentence: rest, problem: 'text without a citation marker' });
  for (const unit of units) {
    const cited = [...unit.matchAll(/\[(\d+)\]/g)].map((m) => answer.citations.find((c) => c.n === Number(m[1])));
    if (cited.some((c) => c === undefined)) findings.push({ sentence: unit, problem: 'a marker with no citation' });
    const evidence = cited
      .filter((c) => c !== undefined)
      .map((c) => `${c.quote} ${formatCitation(c)} ${c.date ?? ''} ${Number(c.date?.slice(5, 7) ?? 0)}`)
      .join(' ');
    const known = new Set(numbersIn(evidence));
    const text = unit.replace(/\[\d+\]/g, '');
    for (const n of numbersIn(text)) {
      if (!known.has(n)) findings.push({ sentence: unit.trim(), problem: `number ${n} not in its citations` });
    }
  }
  return findings;
}
