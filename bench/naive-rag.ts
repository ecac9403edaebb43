/**
 * Our search against a naive fixed-size-chunk RAG, both with the real embedding model
 * (all-MiniLM-L6-v2 unless MINUTEBOOK_EMBED_MODEL says otherwise; `npx minutebook model fetch`).
 *
 * Ours: the files are ingested into a temporary index (parsed into minute items, chunked, embedded)
 * and searched with the hybrid retriever; a question counts when an answering *item* is in the top
 * k. The baseline (naive-rag-baseline.ts): raw text in fixed word windows, cosine top k; a question
 * counts when the answering *meeting* is among its top windows' documents. Ours is also scored at
 * meeting level, for a like-for-like line.
 *
 * Material: the layout fixtures (tests/fixtures/layouts, read as data) with
 * bench/fixture-questions.jsonl, split fitted / held-aside-1 / held-aside-2; and, when present, the
 * shared corpus with ../shared/eval/dev-questions.jsonl and bench/extra-questions.jsonl.
 *
 *   npx tsx bench/naive-rag.ts [--k 5] [--window 200] [--overlap 50] [--misses]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadManifest, type Manifest } from '../ingest/manifest.js';
import { ingestFiles } from '../ingest/pipeline.js';
import { loadConfig } from '../src/config.js';
import { openEmbedder } from '../src/embed/open.js';
import { corpusStatsFor } from '../src/retrieve/corpus-stats.js';
import { readEvalQuestions } from '../src/retrieve/evaluate.js';
import { openRetriever } from '../src/retrieve/open.js';
import { openIndexWriter } from '../src/store/open-store.js';
import type { Embedder, SearchHit } from '../src/types.js';
import { buildNaiveRag } from './naive-rag-baseline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = path.join(root, 'tests/fixtures/layouts');
const corpusDir = path.resolve(root, '../shared/corpus');
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const k = flag('--k', 5);
const windowOptions = { size: flag('--window', 200), overlap: flag('--overlap', 50) };
const showMisses = process.argv.includes('--misses');

/** One question, with how to tell an answering item and an answering meeting from a search hit. */
interface Question {
  id: string;
  q: string;
  group: string;
  answersItem: (hit: SearchHit) => boolean;
  /** The documents (baseline ids) that are an answering meeting. */
  meetings: Set<string>;
}

interface Tally {
  questions: number;
  ourItems: number;
  ourMeetings: number;
  naiveMeetings: number;
  /** Questions ours missed at item level, and the baseline at meeting level, with what came back. */
  misses: string[];
  naiveMisses: string[];
}

const config = loadConfig();
const logger = pino({ level: 'silent' });
const { embedder, unavailable } = await openEmbedder(config, logger);
if (!embedder) throw new Error(`naive-rag needs the real embedding model: ${unavailable}`);

const rows: Array<[string, Tally, number]> = [];
for (const [group, tally, windows] of await fixtureRuns(embedder)) rows.push([group, tally, windows]);
if (existsSync(corpusDir)) for (const row of await corpusRuns(embedder)) rows.push(row);
else process.stderr.write(`note: ${corpusDir} not found; corpus rows skipped\n`);

const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(0)}%)`;
console.log(
  `model ${embedder.modelId}; naive windows ${windowOptions.size} words, overlap ${windowOptions.overlap}; k=${k}`,
);
console.log(
  `| material | questions | ours: answering item in top ${k} | naive RAG: answering meeting in top ${k} | ours: answering meeting in top ${k} | naive windows |`,
);
console.log('|---|---|---|---|---|---|');
for (const [group, t, windows] of rows) {
  console.log(
    `| ${group} | ${t.questions} | ${pct(t.ourItems, t.questions)} | ${pct(t.naiveMeetings, t.questions)} | ${pct(t.ourMeetings, t.questions)} | ${windows} |`,
  );
}
if (showMisses) {
  for (const [group, t] of rows) {
    for (const miss of t.misses) console.log(`ours missed, ${group}: ${miss}`);
    for (const miss of t.naiveMisses) console.log(`naive missed, ${group}: ${miss}`);
  }
}

/** The fixtures, each ingested as its own meeting, identified by a manifest URL naming the file. */
async function fixtureRuns(model: Embedder): Promise<Array<[string, Tally, number]>> {
  const index = JSON.parse(readFileSync(path.join(fixturesDir, 'index.json'), 'utf8')) as Array<{
    file: string;
    split: string;
  }>;
  const splitOf = new Map(index.map((f) => [f.file, f.split]));
  const files = index.map((f) => path.join(fixturesDir, f.file));
  const manifest: Manifest = {
    hintsFor: (file) => ({ url: fixtureUrl(path.basename(file)) }),
    missingFiles: [],
  };
  const questions = readFixtureQuestions(path.join(root, 'bench/fixture-questions.jsonl'), splitOf);
  const docs = files.map((file) => ({ id: path.basename(file), text: readFileSync(file, 'utf8') }));
  return run(model, files, manifest, docs, questions);
}

/** The shared corpus: its meetings are told apart by date, as the eval files name them. */
async function corpusRuns(model: Embedder): Promise<Array<[string, Tally, number]>> {
  const manifest = loadManifest(path.join(corpusDir, 'meetings.json'));
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(corpusDir, f));
  const docs = files.map((file) => ({ id: path.basename(file), text: readFileSync(file, 'utf8') }));
  const filesOn = (date: string) => docs.filter((d) => manifest.hintsFor(d.id)?.date === date).map((d) => d.id);
  const questions: Question[] = [];
  for (const [group, file] of [
    ['corpus: dev-questions', path.resolve(root, '../shared/eval/dev-questions.jsonl')],
    ['corpus: extra-questions', path.join(root, 'bench/extra-questions.jsonl')],
  ] as const) {
    for (const q of readEvalQuestions(file).filter((q) => q.relevant.length > 0)) {
      const wanted = new Set(q.relevant.map(([date, minute]) => `${date}#${minute}`));
      questions.push({
        id: q.id,
        q: q.q,
        group,
        answersItem: (hit) => wanted.has(`${hit.date}#${hit.minuteNumber}`),
        meetings: new Set(q.relevant.flatMap(([date]) => filesOn(date))),
      });
    }
  }
  return run(model, files, manifest, docs, questions);
}

/** Builds both searches over the same files and scores every question, per group. */
async function run(
  model: Embedder,
  files: string[],
  manifest: Manifest,
  docs: Array<{ id: string; text: string }>,
  questions: Question[],
): Promise<Array<[string, Tally, number]>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-naive-rag-'));
  try {
    const store = await openIndexWriter(
      { kind: 'sqlite', dir },
      { model: { id: model.modelId, dimensions: model.dimensions }, logger, purpose: 'bench', wait: { waitMs: 0 } },
    );
    try {
      const summary = await ingestFiles(files, { store, embedder: model, manifest });
      if (summary.failed) throw new Error(summary.errors.map((e) => e.error.message).join('\n'));
      await corpusStatsFor(store, logger);
    } finally {
      await store.close();
    }
    const retriever = await openRetriever({ config, logger }, { indexDir: dir });
    const naive = await buildNaiveRag(docs, model, windowOptions);
    const tallies = new Map<string, Tally>();
    try {
      for (const question of questions) {
        const tally = tallies.get(question.group) ?? {
          questions: 0,
          ourItems: 0,
          ourMeetings: 0,
          naiveMeetings: 0,
          misses: [],
          naiveMisses: [],
        };
        tallies.set(question.group, tally);
        tally.questions++;
        const { hits } = await retriever.search(question.q, { k });
        const ours = hits.some(question.answersItem);
        if (ours) tally.ourItems++;
        else
          tally.misses.push(
            `${question.id} ${question.q} → ${hits.map((h) => `${h.minute ?? '-'} ${h.title}`).join(' | ')}`,
          );
        if (hits.some((h) => question.meetings.has(meetingOf(h, docs)))) tally.ourMeetings++;
        const top = await naive.search(question.q, k);
        if (top.some((doc) => question.meetings.has(doc))) tally.naiveMeetings++;
        else tally.naiveMisses.push(`${question.id} ${question.q} → ${top.join(' | ')}`);
      }
    } finally {
      await retriever.close();
    }
    return [...tallies].map(([group, tally]) => [group, tally, naive.windows]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline id (file name) of the meeting a hit came from: by fixture URL, else by date. */
function meetingOf(hit: SearchHit, docs: Array<{ id: string }>): string {
  const fixture = docs.find((d) => hit.url === fixtureUrl(d.id));
  if (fixture) return fixture.id;
  const manifest = loadManifest(path.join(corpusDir, 'meetings.json'));
  return docs.find((d) => manifest.hintsFor(d.id)?.date === hit.date)?.id ?? '';
}

function fixtureUrl(file: string): string {
  return `fixture:${file}`;
}

/**
 * bench/fixture-questions.jsonl: `{"id","q","relevant":[[fixture file, minute as printed or null,
 * title or null]]}`. An item answers when it is of that fixture and has that minute (or, for items
 * the minutes print no number for, that title; with neither, any item of the fixture).
 */
function readFixtureQuestions(file: string, splitOf: Map<string, string>): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const record = JSON.parse(line) as {
        id: string;
        q: string;
        relevant: Array<[string, string | null, string | null]>;
      };
      const [fixture = ''] = record.relevant[0] ?? [];
      return {
        id: record.id,
        q: record.q,
        group: `fixtures: ${splitOf.get(fixture) ?? 'unknown'}`,
        answersItem: (hit: SearchHit) =>
          record.relevant.some(
            ([file, minute, title]) =>
              hit.url === fixtureUrl(file) &&
              (minute !== null ? hit.minute === minute : title === null || hit.title === title),
          ),
        meetings: new Set(record.relevant.map(([file]) => file)),
      };
    });
}
