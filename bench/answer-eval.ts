/**
 * Answer-level evaluation on the labelled questions: asks every question, in its plain wording and
 * in each of its everyday phrasings (greeting, politeness, lower case, casual shorthand with typos),
 * and prints how often an answerable question cites a relevant minute, how often an unanswerable
 * one gets `not_found`, and what near-miss questions ("the minutes discuss X but not Y") get — once
 * with the embedding model (hybrid search) and once keyword-only, side by side. Asserts nothing.
 *
 *   npx tsx bench/answer-eval.ts [--split fresh12|fresh11|fresh10|fresh9|fresh8|fresh7|fresh6|fresh5|fresh3|tuning|fresh4|fresh|old|dev|held|all] [--mode model|keyword] [--corpus <name>[,<name>…]] [--verbose] [--why]
 *   npx tsx bench/answer-eval.ts --check     # only check that every question names items the corpora have
 *   npx tsx bench/answer-eval.ts --similarity   # top cosine of answerable vs unanswerable tuning questions, per model
 *   npx tsx bench/answer-eval.ts <questions.jsonl> [--index <dir>]     # one eval file against one index
 *
 * The corpora and their question files are listed in bench/answer-corpora.json; adding a corpus is
 * one entry there and a questions file. Indexes are built under bench/.data/answer-eval (re-ingest
 * skips unchanged files).
 *
 * Splits: `dev` was written to tune on; `held` was held aside by the first round of work and has
 * since been looked at, so it is tuning material now too (`old` is the two together); `fresh` was
 * written by the second round before any of its changes, over the same minutes and the parser's
 * layout fixtures (corpus `layouts`: 42 invented meetings of other councils, described for ingest
 * by bench/answer-layouts-meetings.json); the third round looked at it, so it is tuning material
 * too. The layouts corpus has a `dev` part too, written after the fresh part, over items it does
 * not ask about, to tune on. `fresh3` was written by the third round before any of its changes,
 * over all three corpora, and was held aside by the third and fourth rounds (looked at in totals
 * only). Casual wordings follow how people write in chat and on council forums rather than one author's habits: dropped apostrophes and capitals,
 * "w/", "re", "no.", "any1", "btwn", "A&E" for emergency attendances, "cctv" for cameras, "knocked
 * back" for refused, doubled or swapped letters, US spellings, Slack mentions, run-on sentences,
 * idioms. `fresh4` was written blind at the start of the fourth round, over all three corpora, by
 * someone who read neither the code that reads questions nor any eval output; its totals were
 * measured three times in that round. `fresh5` was written the same blind way at the start of the
 * fifth, with an `own` wording (the asker's everyday words) for every question. The seventh round
 * opened `fresh4` to find out why its casual wordings failed where other authors' did not (it is
 * tuning material now), and had `fresh6` written blind over minutes nobody had tuned on: invented
 * meetings of bodies in shapes the parser's fixtures lack (corpora `fresh6a`, UK and Irish bodies,
 * and `fresh6b`, North American and Australian ones). The reader was then fixed on `fresh6b`'s
 * minutes (its questions unseen), so `fresh6a` is the one that measures the reader untouched. The
 * ninth round had `fresh7` written blind (bench/fresh7/README.md): eight meetings of bodies in
 * shapes no fixture had, with their expected items for bench/parse-fixtures.ts; the eleventh had
 * `fresh8` written the same way (bench/fresh8/README.md), the twelfth `fresh9`
 * (bench/fresh9/README.md), the fourteenth `fresh10` (bench/fresh10/README.md), the fifteenth
 * `fresh11` (bench/fresh11/README.md), the sixteenth `fresh12` (bench/fresh12/README.md). A blind
 * set is
 * measured untouched first; once the next one is written, the older may be read question by
 * question (`fresh8` since the twelfth round, `fresh9` since the fourteenth, `fresh10` since the
 * fifteenth, `fresh11` since the sixteenth). The held-aside splits (`fresh12`, `fresh7`, `fresh6`,
 * the default, `fresh5` and
 * `fresh3`) report in totals only: they
 * are for reporting, never for tuning, so `--verbose` refuses them (and `all`, which includes
 * them). `tuning` is the splits that may be looked at question by question and were tuned on from
 * the start; `fresh8` to `fresh11` may be read too, apart.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { expandInputs } from '../ingest/files.js';
import { loadMinutesFiles } from '../ingest/load.js';
import { loadManifest } from '../ingest/manifest.js';
import { ingestFiles } from '../ingest/pipeline.js';
import { MinutesAnswerer } from '../src/answer/answerer.js';
import { createAnswerer, createChatModel } from '../src/answer/create.js';
import { loadConfig } from '../src/config.js';
import { SIMILARITY_REFERENCE_MODEL } from '../src/embed/models.js';
import { openEmbedder } from '../src/embed/open.js';
import { MinutebookError } from '../src/errors.js';
import { type EvalQuestion, type ItemRef, isItem, readEvalQuestions } from '../src/retrieve/evaluate.js';
import { openRetriever } from '../src/retrieve/open.js';
import { HybridRetriever } from '../src/retrieve/retriever.js';
import { openIndexReader, openIndexWriter, type StoreTarget } from '../src/store/open-store.js';
import type { IndexWriter } from '../src/store/types.js';
import type { Answer, Answerer, Embedder } from '../src/types.js';
import { arg, percentile } from './options.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, 'bench', '.data', 'answer-eval');
const logger = pino({ level: 'silent' });
const config = loadConfig();
const out = (line = '') => process.stdout.write(`${line}\n`);

const WORDINGS = ['plain', 'greeting', 'polite', 'lower', 'casual'] as const;
/**
 * Wordings some questions have too, each counted on its own over the questions that have it:
 * `own`, the asker's own words for the thing, none of the minutes' ("forking out on getting kids
 * to school"); `casual2`, a second casual wording written blind by someone who read neither the
 * code nor the first casual wordings, so casual reading is measured on habits it was not tuned to.
 */
const OPTIONAL_WORDINGS = ['own', 'casual2'] as const;
type OptionalWording = (typeof OPTIONAL_WORDINGS)[number];
type Wording = (typeof WORDINGS)[number] | OptionalWording;
const ALL_WORDINGS: readonly Wording[] = [...WORDINGS, ...OPTIONAL_WORDINGS];
type Mode = 'model' | 'keyword';

/** One corpus of minutes and the questions written over it (bench/answer-corpora.json). */
interface Corpus {
  name: string;
  minutes: string;
  manifest?: string;
  questions: string;
  /**
   * Only the files the manifest names: the questions were written over those, and a folder that
   * grows later (the parser's fixtures) could make an unanswerable question answerable.
   */
  manifestFilesOnly?: boolean;
}

/** The minutes files (or folder) a corpus is read from. */
function minutesOf(corpus: Corpus): string[] {
  if (!corpus.manifestFilesOnly || !corpus.manifest) return [path.resolve(repoRoot, corpus.minutes)];
  const manifestFile = path.resolve(repoRoot, corpus.manifest);
  const entries = JSON.parse(readFileSync(manifestFile, 'utf8')) as Array<{ file: string }>;
  return entries.map((entry) => path.resolve(path.dirname(manifestFile), entry.file));
}

const SPLITS = [
  'dev',
  'held',
  'fresh',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
  'fresh8',
  'fresh9',
  'fresh10',
  'fresh11',
  'fresh12',
] as const;
type Split = (typeof SPLITS)[number];
/** The splits held aside for reporting: never shown question by question, never tuned on. */
const HELD_ASIDE: readonly Split[] = ['fresh3', 'fresh5', 'fresh6', 'fresh7', 'fresh12'];
const isHeldAside = (split: Split) => HELD_ASIDE.includes(split);
/** What `--split` may name: one split, or several. */
const SPLIT_CHOICES: Record<string, Split[]> = {
  fresh3: ['fresh3'],
  fresh4: ['fresh4'],
  fresh5: ['fresh5'],
  fresh6: ['fresh6'],
  fresh7: ['fresh7'],
  fresh8: ['fresh8'],
  fresh9: ['fresh9'],
  fresh10: ['fresh10'],
  fresh11: ['fresh11'],
  fresh12: ['fresh12'],
  tuning: ['dev', 'held', 'fresh', 'fresh4'],
  fresh: ['fresh'],
  old: ['dev', 'held'],
  dev: ['dev'],
  held: ['held'],
  all: [...SPLITS],
};

/** A labelled question: the eval format plus its split, phrasings and, for near misses, where the topic is. */
interface Labelled extends EvalQuestion {
  split: Split;
  phrasings: Record<Exclude<Wording, 'plain' | OptionalWording>, string> & Partial<Record<OptionalWording, string>>;
  /** Near misses: the minutes that discuss the topic without recording what is asked. */
  discussed?: ItemRef[];
}

function readLabelled(file: string): Labelled[] {
  return readEvalQuestions(file).map((q, i) => {
    const record = q as Partial<Labelled>;
    const phrasings = record.phrasings;
    if (!SPLITS.includes(record.split as Split)) {
      throw new Error(`${file}: question ${i + 1} (${q.id}) needs "split": one of ${SPLITS.join(', ')}`);
    }
    if (
      !phrasings ||
      WORDINGS.slice(1).some((w) => typeof phrasings[w as Exclude<Wording, 'plain' | OptionalWording>] !== 'string')
    ) {
      throw new Error(`${file}: question ${i + 1} (${q.id}) needs "phrasings" with ${WORDINGS.slice(1).join(', ')}`);
    }
    return record as Labelled;
  });
}

/** Whether an answer cites one of the items. */
function cites(answer: Answer, items: ItemRef[]): boolean {
  return answer.citations.some((c) => items.some((ref) => isItem(ref, c)));
}

/**
 * Checks that every item a question names is one the corpus has, read the way ingest reads it: a
 * mistyped reference would otherwise count as a wrong answer forever. Held-aside questions over
 * minutes nobody has tuned the reader on may name an item the reader missed or numbered otherwise:
 * that is the reader's miss, counted as such (and said, in a count, not question by question).
 */
async function checkReferences(corpus: Corpus, questions: Labelled[]): Promise<void> {
  const unread = await unreadReferences(corpus, questions);
  const held = unread.filter((u) => isHeldAside(u.q.split));
  const wrong = unread.find((u) => !isHeldAside(u.q.split));
  if (wrong) {
    throw new Error(
      `${corpus.questions}: ${wrong.q.id} names ${JSON.stringify(wrong.ref)}, which no item of ${corpus.minutes} is`,
    );
  }
  const questionsMissed = new Set(held.map((u) => u.q.id)).size;
  if (questionsMissed > 0) {
    out(
      `note: ${corpus.name}: ${questionsMissed} held-aside question(s) name ${held.length} item(s) the reader did not find as numbered; they count as misses`,
    );
  }
}

/** The items questions name that the corpus, read as ingest reads it, does not have. */
async function unreadReferences(corpus: Corpus, questions: Labelled[]): Promise<Array<{ q: Labelled; ref: ItemRef }>> {
  const manifest = corpus.manifest ? loadManifest(path.resolve(repoRoot, corpus.manifest)) : undefined;
  const items: Array<{ date: string | null; minute: string | null; minuteNumber: number | null; title: string }> = [];
  for await (const loaded of loadMinutesFiles(minutesOf(corpus), manifest ? { manifest } : {})) {
    for (const item of loaded.meeting?.items ?? []) items.push({ ...item, date: loaded.meeting?.date ?? null });
  }
  return questions.flatMap((q) =>
    [...q.relevant, ...(q.discussed ?? [])]
      .filter((ref) => !items.some((item) => isItem(ref, item)))
      .map((ref) => ({ q, ref })),
  );
}

/** "The minutes discuss X … but don't record Y": a near miss said as such. */
const isNearMissAnswer = (answer: Answer) =>
  answer.mode === 'not_found' && /^The minutes discuss\b/.test(answer.answer);
/** Any figure in an answer's own text (not in its citations): a near miss must give none. */
const FIGURE = /£\s?\d|\d\s?%|\b\d[\d,]*(?:\.\d+)?\b/;

/** Builds (or brings up to date) one index of a corpus, with this embedder or keyword-only. */
async function indexFor(corpus: Corpus, mode: Mode, embedder: Embedder | null): Promise<StoreTarget> {
  // One index per model, so comparing models does not rebuild the same folder back and forth.
  const modelPart = mode === 'model' && embedder ? `-${embedder.modelId.replace(/[^A-Za-z0-9.-]+/g, '_')}` : '';
  const indexDir = path.join(dataDir, `${corpus.name}-${mode}${modelPart}`);
  mkdirSync(indexDir, { recursive: true });
  const target: StoreTarget = { kind: 'sqlite', dir: indexDir };
  const model = mode === 'model' && embedder ? { id: embedder.modelId, dimensions: embedder.dimensions } : null;
  const writerOptions = { logger, model, purpose: 'answer-eval', wait: { waitMs: 0 } };
  // An index from an older Minutebook (or another model) is rebuilt rather than refused.
  let writer: IndexWriter;
  try {
    writer = await openIndexWriter(target, writerOptions);
  } catch (error) {
    if (!(error instanceof MinutebookError && error.code === 'INDEX_MISMATCH')) throw error;
    writer = await openIndexWriter(target, { ...writerOptions, rebuild: true });
  }
  try {
    const manifest = corpus.manifest ? loadManifest(path.resolve(repoRoot, corpus.manifest)) : undefined;
    await ingestFiles(minutesOf(corpus), {
      store: writer,
      embedder: mode === 'model' ? embedder : null,
      ...(manifest ? { manifest } : {}),
    });
    // Exactly the corpus: a meeting indexed on an earlier run from a file no longer in it goes.
    const files = new Set(expandInputs(minutesOf(corpus)).map((file) => path.resolve(file)));
    for (const meeting of await writer.meetings())
      if (!files.has(meeting.source)) await writer.removeMeeting(meeting.source);
  } finally {
    await writer.close();
  }
  return target;
}

/** Builds (or brings up to date) one index of a corpus and opens an answerer over it. */
async function answererFor(
  corpus: Corpus,
  mode: Mode,
  embedder: Embedder | null,
): Promise<{ answerer: Answerer; close(): Promise<void> }> {
  const retriever = new HybridRetriever({
    store: await openIndexReader(await indexFor(corpus, mode, embedder), { logger }),
    embedder: mode === 'model' ? embedder : null,
    logger,
    ownsStore: true,
  });
  const chatModel = process.argv.includes('--llm') ? createChatModel(config, logger) : null;
  return { answerer: new MinutesAnswerer({ retriever, chatModel, logger }), close: () => retriever.close() };
}

interface Tally {
  answerable: Record<Wording, { cited: number; of: number }>;
  unanswerable: Record<Wording, { notFound: number; of: number }>;
  nearMiss: { said: number; notFound: number; answered: number; withFigure: number; of: number };
}

function emptyTally(): Tally {
  const per = <T>(make: () => T) => Object.fromEntries(ALL_WORDINGS.map((w) => [w, make()])) as Record<Wording, T>;
  return {
    answerable: per(() => ({ cited: 0, of: 0 })),
    unanswerable: per(() => ({ notFound: 0, of: 0 })),
    nearMiss: { said: 0, notFound: 0, answered: 0, withFigure: 0, of: 0 },
  };
}

function readCorpora(): Corpus[] {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'bench', 'answer-corpora.json'), 'utf8')) as Corpus[])
    .filter((c) => !arg('--corpus') || (arg('--corpus') ?? '').split(',').includes(c.name))
    .filter((c) => {
      const present = existsSync(path.resolve(repoRoot, c.minutes));
      if (!present) out(`note: ${c.minutes} not found; corpus ${c.name} skipped`);
      return present;
    });
}

/** Checks every question's items against its corpus and counts the questions by split and kind. */
async function runCheck(): Promise<void> {
  for (const corpus of readCorpora()) {
    const questions = readLabelled(path.resolve(repoRoot, corpus.questions));
    await checkReferences(corpus, questions);
    const counts = new Map<string, number>();
    for (const q of questions) {
      const key = `${q.split} ${q.relevant.length > 0 ? 'answerable' : q.kind === 'near_miss' ? 'near miss' : 'unanswerable'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    out(`${corpus.name}: every item named exists; ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }
}

async function runLabelled(): Promise<void> {
  const split = arg('--split') ?? 'fresh6';
  const splits = SPLIT_CHOICES[split];
  if (!splits) throw new Error(`--split is one of ${Object.keys(SPLIT_CHOICES).join(', ')}`);
  // --why adds, under each question, every wording answered wrongly and what it got.
  const why = process.argv.includes('--why');
  const verbose = why || process.argv.includes('--verbose');
  if (verbose && splits.some(isHeldAside)) {
    throw new Error(`--verbose shows single questions: not for the held-aside (${HELD_ASIDE.join(', ')}) parts`);
  }
  const corpora = readCorpora();
  const opened = await openEmbedder(config, logger);
  if (!opened.embedder) out(`note: no embedding model (${opened.unavailable}); keyword-only numbers alone`);
  const modes = (['model', 'keyword'] as Mode[])
    .filter((m) => !arg('--mode') || m === arg('--mode'))
    .filter((m) => m === 'keyword' || opened.embedder);

  const tallies = new Map<Mode, Tally>();
  const nearMissRows = new Map<string, Partial<Record<Mode, string>>>();
  let questionCount = 0;
  for (const mode of modes) {
    const tally = emptyTally();
    tallies.set(mode, tally);
    for (const corpus of corpora) {
      const questions = readLabelled(path.resolve(repoRoot, corpus.questions)).filter((q) => splits.includes(q.split));
      if (mode === modes[0]) {
        questionCount += questions.length;
        await checkReferences(corpus, questions);
      }
      const { answerer, close } = await answererFor(corpus, mode, opened.embedder);
      try {
        for (const q of questions) {
          const filters = { ...(q.after ? { after: q.after } : {}), ...(q.before ? { before: q.before } : {}) };
          const marks: string[] = [];
          const wrong: string[] = [];
          for (const wording of ALL_WORDINGS) {
            const text = wording === 'plain' ? q.q : q.phrasings[wording];
            if (text === undefined) continue;
            const answer = await answerer.ask(text, { filters });
            if (q.relevant.length > 0) {
              const ok = answer.mode !== 'not_found' && cites(answer, q.relevant);
              tally.answerable[wording].of++;
              if (ok) tally.answerable[wording].cited++;
              marks.push(ok ? '✓' : answer.mode === 'not_found' ? 'N' : '✗');
              if (!ok) wrong.push(`${wording}: ${text} -> ${answer.answer.replace(/\s+/g, ' ').slice(0, 200)}`);
            } else {
              const ok = answer.mode === 'not_found';
              tally.unanswerable[wording].of++;
              if (ok) tally.unanswerable[wording].notFound++;
              marks.push(ok ? (isNearMissAnswer(answer) ? 'D' : 'N') : '✗');
              if (!ok) wrong.push(`${wording}: ${text} -> ${answer.answer.replace(/\s+/g, ' ').slice(0, 200)}`);
              if (q.kind === 'near_miss' && wording === 'plain') {
                const near = tally.nearMiss;
                near.of++;
                const figure = answer.mode !== 'not_found' && FIGURE.test(answer.answer.replace(/^On [^:]*:/gm, ''));
                if (isNearMissAnswer(answer)) near.said++;
                else if (answer.mode === 'not_found') near.notFound++;
                else near.answered++;
                if (figure) near.withFigure++;
                const row = nearMissRows.get(`${q.id}\t${q.q}`) ?? {};
                row[mode] = isNearMissAnswer(answer)
                  ? 'discussed, not recorded'
                  : answer.mode === 'not_found'
                    ? 'not_found'
                    : `ANSWERED${figure ? ' with a figure' : ''}`;
                nearMissRows.set(`${q.id}\t${q.q}`, row);
              }
            }
          }
          if (verbose) out(`${mode.padEnd(7)} ${q.id} ${marks.join('')}  ${q.q}`);
          if (why) for (const line of wrong) out(`          ${line}`);
        }
      } finally {
        await close();
      }
    }
  }

  const pct = (n: number, of: number) => (of ? `${n}/${of} ${((100 * n) / of).toFixed(1)}%` : '-');
  const cell = (s: string) => s.padEnd(24);
  out();
  out(
    `answer-eval: split ${split} (${splits.join(' + ')}) — ${questionCount} questions, each in ${WORDINGS.length} wordings`,
  );
  out(
    `${cell('')}${modes.map((m) => cell(m === 'model' ? `model (${opened.embedder?.modelId})` : 'keyword only')).join('')}`,
  );
  out('answerable: cites a relevant minute');
  for (const w of ALL_WORDINGS) {
    out(
      `${cell(`  ${w}`)}${modes.map((m) => cell(pct(tallies.get(m)?.answerable[w].cited ?? 0, tallies.get(m)?.answerable[w].of ?? 0))).join('')}`,
    );
  }
  out('unanswerable: not_found');
  for (const w of ALL_WORDINGS) {
    out(
      `${cell(`  ${w}`)}${modes.map((m) => cell(pct(tallies.get(m)?.unanswerable[w].notFound ?? 0, tallies.get(m)?.unanswerable[w].of ?? 0))).join('')}`,
    );
  }
  out('phrasing vs plain (answerable, percentage points)');
  for (const w of WORDINGS.slice(1)) {
    const diff = (m: Mode) => {
      const t = tallies.get(m);
      if (!t) return '-';
      const rate = (x: { cited: number; of: number }) => (x.of ? (100 * x.cited) / x.of : 0);
      const d = rate(t.answerable[w]) - rate(t.answerable.plain);
      return `${d >= 0 ? '+' : ''}${d.toFixed(1)}`;
    };
    out(`${cell(`  ${w}`)}${modes.map((m) => cell(diff(m))).join('')}`);
  }
  out('near misses (plain wording): discussed-not-recorded / not_found / answered (with a figure)');
  out(
    `${cell('  ')}${modes
      .map((m) => {
        const n = tallies.get(m)?.nearMiss;
        return cell(n ? `${n.said} / ${n.notFound} / ${n.answered} (${n.withFigure}) of ${n.of}` : '-');
      })
      .join('')}`,
  );
  if (!splits.some(isHeldAside) && nearMissRows.size > 0) {
    out();
    out(`near-miss questions${modes.map((m) => ` | ${m}`).join('')}`);
    for (const [key, row] of nearMissRows) {
      const [id, question] = key.split('\t');
      out(`  ${id} ${question}${modes.map((m) => ` | ${row[m] ?? '-'}`).join('')}`);
    }
  }
}

/** The older form: one eval file against one existing index, plain wordings only. */
async function runFile(file: string): Promise<void> {
  const retriever = await openRetriever(
    { config, logger, err: (t) => process.stderr.write(`${t}\n`) },
    arg('--index') ? { indexDir: arg('--index') ?? '' } : {},
  );
  const answerer = createAnswerer({ config, logger, retriever });
  let answerable = 0;
  let cited = 0;
  let unanswerable = 0;
  let notFound = 0;
  out('| id | mode | relevant cited | question |\n|---|---|---|---|');
  for (const q of readEvalQuestions(file)) {
    const answer = await answerer.ask(q.q, {
      filters: { ...(q.after ? { after: q.after } : {}), ...(q.before ? { before: q.before } : {}) },
    });
    const hit = answer.mode !== 'not_found' && cites(answer, q.relevant);
    if (q.relevant.length) {
      answerable++;
      if (hit) cited++;
    } else {
      unanswerable++;
      if (answer.mode === 'not_found') notFound++;
    }
    out(`| ${q.id} | ${answer.mode} | ${q.relevant.length ? (hit ? 'yes' : 'NO') : '-'} | ${q.q} |`);
  }
  await retriever.close();
  out(
    `\nanswerable questions citing a relevant item: ${cited}/${answerable}; unanswerable answered not_found: ${notFound}/${unanswerable}`,
  );
}

/** The best passage's cosine for each tuning question, answerable and wholly unanswerable. */
async function bestCosines(embedder: Embedder): Promise<Record<'answerable' | 'unanswerable', number[]>> {
  const tops: Record<'answerable' | 'unanswerable', number[]> = { answerable: [], unanswerable: [] };
  for (const corpus of readCorpora()) {
    // Near misses are left out: their topic is in the minutes, so their best cosine says little.
    const questions = readLabelled(path.resolve(repoRoot, corpus.questions)).filter(
      (q) => !isHeldAside(q.split) && q.kind !== 'near_miss',
    );
    const store = await openIndexReader(await indexFor(corpus, 'model', embedder), { logger });
    try {
      for (const q of questions) {
        for (const text of [q.q, q.phrasings.casual]) {
          const [best] = await store.vectorSearch(await embedder.embedQuery(text), { limit: 1 });
          tops[q.relevant.length > 0 ? 'answerable' : 'unanswerable'].push(best?.score ?? 0);
        }
      }
    } finally {
      await store.close();
    }
  }
  return tops;
}

const QUANTILES = [10, 25, 50, 75, 90];

/**
 * Where the configured model's cosine similarities lie against the model the retriever's
 * thresholds were set on: the best passage's cosine of each tuning question (plain and casual
 * wordings), by quantile, for both models, and the straight line that maps the first onto the
 * second (least squares over the matched quantiles of both kinds of question). That line is the
 * profile's `similarity` calibration in src/embed/models.ts.
 */
async function runSimilarity(): Promise<void> {
  const models = [...new Set([config.embed.model, SIMILARITY_REFERENCE_MODEL])];
  const quantiles = new Map<string, number[]>();
  out(`best-passage cosine, tuning questions, plain + casual wordings`);
  out(`${''.padEnd(40)}${['n', ...QUANTILES.map((p) => `p${p}`)].map((h) => h.padStart(7)).join('')}`);
  for (const modelId of models) {
    const opened = await openEmbedder(config, logger, modelId);
    if (!opened.embedder) throw new Error(`--similarity needs ${modelId}: ${opened.unavailable}`);
    const tops = await bestCosines(opened.embedder);
    const row: number[] = [];
    for (const [kind, values] of Object.entries(tops)) {
      const cells = QUANTILES.map((p) => percentile(values, p));
      row.push(...cells);
      const shown = [String(values.length), ...cells.map((c) => c.toFixed(3))];
      out(`${`${modelId} ${kind}`.padEnd(40)}${shown.map((c) => c.padStart(7)).join('')}`);
    }
    quantiles.set(modelId, row);
  }
  const [x, y] = [quantiles.get(config.embed.model) ?? [], quantiles.get(SIMILARITY_REFERENCE_MODEL) ?? []];
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(x), mean(y)];
  const scale =
    x.reduce((sum, xi, i) => sum + (xi - mx) * ((y[i] ?? 0) - my), 0) / x.reduce((sum, xi) => sum + (xi - mx) ** 2, 0);
  const offset = my - scale * mx;
  const worst = Math.max(...x.map((xi, i) => Math.abs(scale * xi + offset - (y[i] ?? 0))));
  out(
    `onto ${SIMILARITY_REFERENCE_MODEL}'s scale: ${scale.toFixed(3)} × cosine ${offset < 0 ? '−' : '+'} ` +
      `${Math.abs(offset).toFixed(3)} (largest quantile miss ${worst.toFixed(3)})`,
  );
}

const file = process.argv[2];
if (file && !file.startsWith('--')) await runFile(file);
else if (process.argv.includes('--check')) await runCheck();
else if (process.argv.includes('--similarity')) await runSimilarity();
else await runLabelled();
