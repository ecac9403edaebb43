/**
 * Records eval: asks every question of bench/records-questions.jsonl of the answer composer for its
 * kind, over the shared corpus, examples/ and the records fixtures (parsed and read afresh, no
 * index), and reports per kind: answered citing exactly the right (date, minute) items, answered
 * with the right items among others, correctly declined, correctly called ambiguous. Each line
 * carries the kind and arguments the question reader will have to produce; the question text is
 * there for when routing is wired. Prints a table; asserts nothing.
 *
 *   npx tsx bench/records-eval.ts [bench/records-questions.jsonl] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordFiles } from '../ingest/extract/load.js';
import {
  answerDecisions,
  answerDeferrals,
  answerMinutesStatus,
  answerPersonSaid,
  answerVote,
  answerWasPresent,
  answerWhoChaired,
  type RecordAnswer,
} from '../src/records/index.js';
import type { RecordedMeeting } from '../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(root, 'bench/records-questions.jsonl');
const verbose = process.argv.includes('--verbose');

interface Question {
  id: string;
  source: 'corpus' | 'examples' | 'fixtures';
  kind: 'decisions' | 'deferred' | 'status' | 'chair' | 'present' | 'said' | 'vote';
  q: string;
  // biome-ignore lint/suspicious/noExplicitAny: the arguments are checked by each composer's own types at the call
  args: Record<string, any>;
  expect: 'answer' | 'decline' | 'ambiguous';
  relevant: Array<[string, string | null]>;
  contains?: string;
}

const sources: Record<Question['source'], { dir: string }> = {
  corpus: { dir: path.resolve(root, '../shared/corpus') },
  examples: { dir: path.join(root, 'examples') },
  fixtures: { dir: path.join(root, 'tests/fixtures/records') },
};

const book: RecordedMeeting[] = [];
const held = new Set<Question['source']>();
for (const [name, { dir }] of Object.entries(sources) as Array<[Question['source'], { dir: string }]>) {
  if (!existsSync(path.join(dir, 'meetings.json'))) {
    process.stderr.write(`note: ${dir} not found; its questions are skipped\n`);
    continue;
  }
  const { book: read, failed } = await recordFiles([dir], path.join(dir, 'meetings.json'));
  for (const f of failed) process.stderr.write(`note: ${f.file}: ${f.error}\n`);
  book.push(...read);
  held.add(name);
}

function ask(q: Question): RecordAnswer {
  switch (q.kind) {
    case 'decisions':
      return answerDecisions(q.q, book, q.args as { topic: string });
    case 'deferred':
      return answerDeferrals(q.q, book, q.args as { topic: string });
    case 'status':
      return answerMinutesStatus(q.q, book, q.args as { date: string });
    case 'chair':
      return answerWhoChaired(q.q, book, q.args as { when: string });
    case 'present':
      return answerWasPresent(q.q, book, q.args as { name: string });
    case 'said':
      return answerPersonSaid(q.q, book, q.args as { name: string });
    case 'vote':
      return answerVote(q.q, book, q.args as { topic: string });
  }
}

type Verdict = 'exact' | 'among' | 'wrong' | 'declined' | 'ambiguous';
const questions = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Question);
const rows = new Map<string, { total: number; right: number; among: number }>();
const failures: string[] = [];
let skipped = 0;
for (const q of questions) {
  if (!held.has(q.source)) {
    skipped++;
    continue;
  }
  const answer = ask(q);
  const cited = new Set(answer.citations.map((c) => `${c.date}#${c.minute}`));
  const wanted = new Set(q.relevant.map(([date, minute]) => `${date}#${minute}`));
  const says = q.contains === undefined || answer.answer.includes(q.contains);
  let verdict: Verdict = 'wrong';
  if (q.expect === 'decline' && answer.mode === 'not_found' && !/could be/.test(answer.answer)) verdict = 'declined';
  if (q.expect === 'ambiguous' && answer.mode === 'not_found' && /could be/.test(answer.answer)) verdict = 'ambiguous';
  if (q.expect === 'answer' && answer.mode === 'extractive' && says) {
    const all = [...wanted].every((w) => cited.has(w));
    if (all && cited.size === wanted.size) verdict = 'exact';
    else if (all) verdict = 'among';
  }
  const key = `${q.kind} (${q.expect})`;
  const row = rows.get(key) ?? { total: 0, right: 0, among: 0 };
  row.total++;
  if (verdict === 'exact' || verdict === 'declined' || verdict === 'ambiguous') row.right++;
  if (verdict === 'among') row.among++;
  rows.set(key, row);
  if (verdict === 'wrong' || verdict === 'among' || verbose) {
    failures.push(
      `${q.id} ${verdict}: ${q.q}\n    ${answer.mode}: ${answer.answer.replace(/\n/g, '\n    ')}\n    cited ${[...cited].join(' ') || '-'}; wanted ${[...wanted].join(' ') || '-'}`,
    );
  }
}

process.stdout.write(
  `Records eval: ${book.length} meetings (${[...held].join(', ')}), ${questions.length - skipped} questions${skipped ? `, ${skipped} skipped` : ''}\n\n`,
);
process.stdout.write(
  '| kind (expected) | questions | right | right items among extra citations |\n|---|---|---|---|\n',
);
let total = 0;
let right = 0;
for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  process.stdout.write(`| ${key} | ${row.total} | ${row.right} | ${row.among} |\n`);
  total += row.total;
  right += row.right;
}
process.stdout.write(`| **all** | ${total} | ${right} (${total ? Math.round((100 * right) / total) : 0}%) | |\n`);
if (failures.length) process.stdout.write(`\n${failures.join('\n')}\n`);
