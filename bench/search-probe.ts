/**
 * Measures one index from a fresh process (so peak RSS is this index's alone): open time, the first
 * search (which builds the glossary and term statistics), and warm search latency including query
 * embedding. Prints one JSON line. Run by bench/run.ts.
 *
 *   node --import tsx bench/search-probe.ts <indexDir> <modelId>
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { TransformersEmbedder } from '../src/embed/transformers-embedder.js';
import { HybridRetriever } from '../src/retrieve/retriever.js';
import { SqliteStore } from '../src/store/sqlite/store.js';

const [indexDir, modelId] = process.argv.slice(2);
if (!indexDir || !modelId) throw new Error('usage: search-probe.ts <indexDir> <modelId>');
const config = loadConfig();
const logger = pino({ level: 'silent' });
const embedder = await TransformersEmbedder.create({ modelId, modelDir: config.embed.modelDir, allowRemote: false });

const open0 = performance.now();
const store = await SqliteStore.openReader(indexDir, { logger });
const retriever = new HybridRetriever({ store, embedder, logger, ownsStore: true });
const openMs = performance.now() - open0;

const questions = [
  'What was said about school transport costs?',
  'How many EHCP assessments were late?',
  'What did the committee decide about library opening hours?',
  'planning application for the leisure centre',
  'Why has spending on adult social care risen?',
  'recycling contract procurement',
  'What did the audit committee say about risk?',
  'housing allocation and homelessness funding',
];
const first0 = performance.now();
await retriever.search(questions[0] ?? '', { k: 5 });
const firstMs = performance.now() - first0;

const latencies: number[] = [];
for (let round = 0; round < 6; round++) {
  for (const [i, q] of questions.entries()) {
    const t0 = performance.now();
    await retriever.search(`${q} ${round}${i}`, { k: 5, ...(i % 3 === 0 ? { filters: { after: '2015-01-01' } } : {}) });
    latencies.push(performance.now() - t0);
  }
}
await retriever.close();
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ openMs, firstMs, p50: at(50), p95: at(95), rssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
