/**
 * A sanity check of retrieval quality per embedding model, vector search only: the corpus's minute
 * items (as the parser finds them) cut into naive 800-character chunks, each dev question ranked
 * against every chunk by cosine similarity, chunks folded into their (date, minute) item. Prints
 * recall@5 and MRR over answerable questions, each question's rank, and the top score of
 * questions with no answer. The full pipeline (hybrid, glossary, filters) is measured by
 * `minutebook eval`; this only compares models on equal terms.
 *
 *   npx tsx bench/embed-quality.ts [--model <id>]... [--dir <modelDir>] [--k 5]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMinutesFiles, manifestOption } from '../ingest/load.js';
import { TransformersEmbedder } from '../src/embed/transformers-embedder.js';
import { args, corpusDir, modelsToMeasure, questionsFile } from './embed-common.js';

const CHUNK_CHARS = 800;

interface Chunk {
  item: string;
  text: string;
}

interface Question {
  id: string;
  q: string;
  relevant: Array<[string, number]>;
  after?: string;
  before?: string;
}

function isQuestion(value: unknown): value is Question {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.q === 'string' && Array.isArray(v.relevant);
}

async function corpusChunks(): Promise<Chunk[]> {
  const manifest = manifestOption(path.join(corpusDir, 'meetings.json'));
  const chunks: Chunk[] = [];
  for await (const loaded of loadMinutesFiles([corpusDir], manifest ? { manifest } : {})) {
    if (!loaded.meeting) {
      process.stderr.write(`skipping ${loaded.file}: ${loaded.error?.message}\n`);
      continue;
    }
    for (const item of loaded.meeting.items) {
      const text = `${item.title}\n${item.text}`;
      for (let start = 0; start < text.length; start += CHUNK_CHARS) {
        chunks.push({
          item: `${loaded.meeting.date}#${item.minuteNumber}`,
          text: text.slice(start, start + CHUNK_CHARS),
        });
      }
    }
  }
  return chunks;
}

const k = Number(args('--k')[0] ?? 5);
const questions = readFileSync(questionsFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line): unknown => JSON.parse(line))
  .filter(isQuestion);
const chunks = await corpusChunks();
const { modelDir, models } = modelsToMeasure();
process.stdout.write(`${chunks.length} chunks of <= ${CHUNK_CHARS} chars, ${questions.length} questions, k=${k}\n`);

for (const modelId of models) {
  const embedder = await TransformersEmbedder.create({ modelId, modelDir, allowRemote: false });
  const vectors = await embedder.embedDocuments(chunks.map((c) => c.text));
  let hits = 0;
  let reciprocal = 0;
  let answerable = 0;
  const lines: string[] = [];
  for (const question of questions) {
    const q = await embedder.embedQuery(question.q);
    const best = new Map<string, number>();
    chunks.forEach((chunk, i) => {
      const date = chunk.item.split('#')[0] ?? '';
      if ((question.after && date < question.after) || (question.before && date > question.before)) return;
      const v = vectors[i] ?? new Float32Array();
      const score = v.reduce((sum, x, d) => sum + x * (q[d] ?? 0), 0);
      best.set(chunk.item, Math.max(best.get(chunk.item) ?? -1, score));
    });
    const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
    if (question.relevant.length === 0) {
      lines.push(`  ${question.id} (no answer) top score ${ranked[0]?.[1].toFixed(3)}`);
      continue;
    }
    answerable++;
    const relevant = new Set(question.relevant.map(([date, minute]) => `${date}#${minute}`));
    const rank = ranked.findIndex(([item]) => relevant.has(item)) + 1;
    if (rank > 0 && rank <= k) hits++;
    if (rank > 0) reciprocal += 1 / rank;
    lines.push(`  ${question.id} rank ${rank || '-'}  ${question.q}`);
  }
  process.stdout.write(
    `${modelId} (${embedder.dtype}): recall@${k} ${(hits / answerable).toFixed(3)}, MRR ${(reciprocal / answerable).toFixed(3)}\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  await embedder.dispose();
}
