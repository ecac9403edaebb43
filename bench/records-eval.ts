/**
 * Records eval: asks every question of a records question set (bench/records-questions.jsonl by
 * default) of the real answerer, as `minutebook ask` does with no LLM: the corpus, examples/ and the
 * records fixtures are ingested into a temporary keyword-only index, and each question is read,
 * routed and answered from what the index holds. Reports per kind: answered citing exactly the
 * right (date, minute) items, answered with the right items among others, correctly declined,
 * correctly called ambiguous, wrong. Prints a table; asserts nothing.
 *
 *   npx tsx bench/records-eval.ts [questions.jsonl] [--sources corpus,examples,fixtures,heldout] [--verbose]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadManifest } from '../ingest/manifest.js';
import { ingestFiles } from '../ingest/pipeline.js';
import { MinutesAnswerer } from '../src/answer/answerer.js';
import { HybridRetriever } from '../src/retrieve/retriever.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import type { Answer } from '../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const sourcesArg = args.indexOf('--sources');
const file =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--sources') ??
  path.join(root, 'bench/records-questions.jsonl');
const verbose = args.includes('--verbose');

interface Question {
  id: string;
  source: string;
  kind: 'decisions' | 'deferred' | 'status' | 'chair' | 'present' | 'said' | 'vote';
  q: string;
  expect: 'answer' | 'decline' | 'ambiguous';
  relevant: Array<[string, string | null]>;
  contains?: string;
}

const sources: Record<string, string> = {
  corpus: path.resolve(root, '../shared/corpus'),
  examples: path.join(root, 'examples'),
  fixtures: path.join(root, 'tests/fixtures/records'),
  heldout: path.join(root, 'tests/fixtures/records-heldout'),
};
const wantedSources = sourcesArg >= 0 ? (args[sourcesArg + 1] ?? '').split(',') : ['corpus', 'examples', 'fixtures'];

const logger = pino({ level: 'silent' });
const indexDir = mkdtempSync(path.join(tmpdir(), 'minutebook-records-eval-'));
const held = new Set<string>();
const writer = await SqliteStore.openWriter(indexDir, {
  purpose: 'records eval',
  wait: { waitMs: 0 },
  model: null,
  logger,
});
for (const name of wantedSources) {
  const dir = sources[name];
  if (!dir || !existsSync(path.join(dir, 'meetings.json'))) {
    process.stderr.write(`note: ${dir ?? name} not found; its questions are skipped\n`);
    continue;
  }
  const summary = await ingestFiles([dir], {
    store: writer,
    embedder: null,
    manifest: loadManifest(path.join(dir, 'meetings.json')),
  });
  for (const e of summary.errors) process.stderr.write(`note: ${e.source}: ${e.error.message}\n`);
  held.add(name);
}
const stats = await writer.stats();
await writer.close();
const store = SqliteStore.openReaderSync(indexDir, { logger });
const retriever = new HybridRetriever({ store, embedder: null, logger, ownsStore: true });
const answerer = new MinutesAnswerer({ retriever, chatModel: null, logger });

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
  const answer: Answer = await answerer.ask(q.q);
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
  `Records eval: ${stats.meetings} meetings (${[...held].join(', ')}), ${questions.length - skipped} questions${skipped ? `, ${skipped} skipped` : ''}\n\n`,
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

await retriever.close();
rmSync(indexDir, { recursive: true, force: true });
