/**
 * Records a real local model's replies for the checker's replay tests. Asks the questions in
 * `bench/llm-minutes/questions.jsonl` over invented minutes only (`examples/` and
 * `bench/llm-minutes/`: their text may be committed, unlike the shared corpus), once asking for
 * JSON and once for prose, and writes every reply with the passages it was given to
 * `tests/fixtures/llm-replies/<model>.json`. tests/answer/recorded-replies.test.ts replays them.
 *
 *   npx tsx bench/llm-record.ts [--models smollm2-135m,qwen-0.5b]
 *
 * Installs node-llama-cpp and the model weights on first use (see bench/llm-local.ts); skips with
 * a note when they cannot be had.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { answerWithModel } from '../src/answer/model-answer.js';
import { numberPassages } from '../src/answer/passages.js';
import { loadPrompts } from '../src/answer/prompts.js';
import { loadConfig } from '../src/config.js';
import { isHistoryQuestion } from '../src/question/index.js';
import { openRetriever } from '../src/retrieve/open.js';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'tests/fixtures/llm-replies');
const note = (line: string) => process.stderr.write(`${line}\n`);

if (!(await ensureNodeLlamaCpp(note))) {
  note('skipped: node-llama-cpp is not installed (see bench/llm-local.ts for the steps)');
  process.exit(0);
}

const indexDir = path.join(BENCH_LLM_DIR, 'record-index');
buildIndex(indexDir, [
  { folder: path.join(ROOT, 'examples'), manifest: path.join(ROOT, 'examples/meetings.json') },
  { folder: path.join(ROOT, 'bench/llm-minutes'), manifest: path.join(ROOT, 'bench/llm-minutes/meetings.json') },
]);
const logger = pino({ level: 'silent' });
const retriever = await openRetriever({ config: loadConfig(), logger, err: note }, { indexDir });
const questions = readFileSync(path.join(ROOT, 'bench/llm-minutes/questions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { q: string }).q);
const prompts = loadPrompts();

for (const local of chosenModels(process.argv)) {
  const modelPath = ensureModelFile(local, note);
  if (!modelPath) continue;
  const server = await startLocalModelServer({
    modelPath,
    contextSize: BENCH_LLM.contextTokens,
    seed: 7,
    log: serverLog(local.name),
  });
  const records: unknown[] = [];
  for (const structured of [true, false]) {
    const chatModel = benchChatModel(server.baseUrl, local.name, structured, logger);
    for (const question of questions) {
      const history = isHistoryQuestion(question);
      // As the answerer does: 6 hits for a question of fact, 10 for a history one, 3 passages each.
      const result = await retriever.search(question, { k: history ? 10 : 6 });
      const ranked = numberPassages(result.hits, { perHit: 3, max: 18 });
      if (ranked.length === 0) continue;
      await answerWithModel({
        chatModel,
        prompts,
        logger,
        question,
        ranked,
        history,
        budget: { contextTokens: BENCH_LLM.contextTokens, answerTokens: BENCH_LLM.maxTokens },
        onReply: (reply, passages) => {
          records.push({
            structured,
            question,
            passages: passages.map((p) => ({
              n: p.n,
              text: p.text,
              points: p.points,
              score: p.score,
              hit: {
                council: p.hit.council,
                committee: p.hit.committee,
                date: p.hit.date,
                minute: p.hit.minute,
                minuteNumber: p.hit.minuteNumber,
                title: p.hit.title,
                url: p.hit.url,
              },
            })),
            reply,
          });
          note(`${local.name} ${structured ? 'json' : 'prose'}: ${question}`);
        },
      });
    }
  }
  await server.close();
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${local.name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ model: local.description, recordedBy: 'bench/llm-record.ts', temperature: 0.1, seed: 7, records }, null, 1)}\n`,
  );
  note(`wrote ${records.length} replies to ${path.relative(ROOT, file)}`);
}
await retriever.close();
