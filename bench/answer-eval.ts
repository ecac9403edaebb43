/**
 * Answer-level evaluation: asks every question of an eval file and reports whether the answer's
 * citations include a relevant (date, minute) item, and whether unanswerable questions get
 * `not_found`. Extractive unless an LLM is configured. Prints a table; asserts nothing.
 *
 *   npx tsx bench/answer-eval.ts <questions.jsonl> [--index <dir>]
 */
import pino from 'pino';
import { createAnswerer } from '../src/answer/create.js';
import { loadConfig } from '../src/config.js';
import { readEvalQuestions } from '../src/retrieve/evaluate.js';
import { openRetriever } from '../src/retrieve/open.js';

const file = process.argv[2];
if (!file) throw new Error('usage: answer-eval.ts <questions.jsonl> [--index <dir>]');
const indexAt = process.argv.indexOf('--index');
const config = loadConfig();
const logger = pino({ level: 'silent' });
const retriever = await openRetriever(
  { config, logger, err: (t) => process.stderr.write(`${t}\n`) },
  indexAt > 0 ? { indexDir: process.argv[indexAt + 1] ?? '' } : {},
);
const answerer = createAnswerer({ config, logger, retriever });
let answerable = 0;
let cited = 0;
let unanswerable = 0;
let notFound = 0;
process.stdout.write('| id | mode | relevant cited | question |\n|---|---|---|---|\n');
for (const q of readEvalQuestions(file)) {
  const answer = await answerer.ask(q.q, {
    filters: { ...(q.after ? { after: q.after } : {}), ...(q.before ? { before: q.before } : {}) },
  });
  const wanted = new Set(q.relevant.map(([date, minute]) => `${date}#${minute}`));
  const hit = answer.citations.some((c) => wanted.has(`${c.date}#${c.minuteNumber}`));
  if (q.relevant.length) {
    answerable++;
    if (hit) cited++;
  } else {
    unanswerable++;
    if (answer.mode === 'not_found') notFound++;
  }
  process.stdout.write(`| ${q.id} | ${answer.mode} | ${q.relevant.length ? (hit ? 'yes' : 'NO') : '-'} | ${q.q} |\n`);
}
await retriever.close();
process.stdout.write(
  `\nanswerable questions citing a relevant item: ${cited}/${answerable}; unanswerable answered not_found: ${notFound}/${unanswerable}\n`,
);
