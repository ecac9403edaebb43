/**
 * Embedding speed on this machine: passages/s for ~150-word passages at several batch sizes,
 * single-query latency, and load time, for each model present in the model folder. Prints a
 * table; asserts nothing.
 *
 *   npx tsx bench/embed-speed.ts [--model <id>]... [--dir <modelDir>] [--n 128] [--batches 1,8,16,32]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { TransformersEmbedder } from '../src/embed/transformers-embedder.js';
import { args, corpusTexts, modelsToMeasure } from './embed-common.js';
import { percentile } from './options.js';

const PASSAGE_WORDS = 150;

/** ~150-word passages cut from the real corpus, so token counts look like real minutes. */
function passages(n: number): string[] {
  const words = corpusTexts()
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; out.length < n; i = (i + PASSAGE_WORDS) % Math.max(1, words.length - PASSAGE_WORDS)) {
    out.push(words.slice(i, i + PASSAGE_WORDS).join(' '));
  }
  return out;
}

const n = Number(args('--n')[0] ?? 128);
const batches = (args('--batches')[0] ?? '1,8,16,32,64').split(',').map(Number);
const texts = passages(n);
const { modelDir, models } = modelsToMeasure();
// Other work on the machine skews every number here: print the load so readers can judge.
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
process.stdout.write(
  `${n} passages of ${PASSAGE_WORDS} words, ${os.cpus().length} cores, load ${load}, models in ${modelDir}\n`,
);
process.stdout.write(
  '| model | weights | load s | batch | passages/s | passages/CPU-s | query p50 ms | query p95 ms |\n|---|---|---|---|---|---|---|---|\n',
);

for (const modelId of models) {
  for (const batchSize of batches) {
    const started = performance.now();
    const embedder = await TransformersEmbedder.create({ modelId, modelDir, allowRemote: false, batchSize });
    const loadSeconds = (performance.now() - started) / 1000;
    await embedder.embedDocuments(texts.slice(0, batchSize)); // warm-up
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await embedder.embedDocuments(texts);
    const perSecond = n / ((performance.now() - t0) / 1000);
    // CPU time is what a busy machine cannot steal: passages per CPU-second x cores estimates an idle machine.
    const cpu = process.cpuUsage(cpu0);
    const perCpuSecond = n / ((cpu.user + cpu.system) / 1e6);
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const q0 = performance.now();
      await embedder.embedQuery(`What did the committee say about item ${i} on school transport?`);
      latencies.push(performance.now() - q0);
    }
    process.stdout.write(
      `| ${modelId} | ${embedder.dtype} | ${loadSeconds.toFixed(2)} | ${batchSize} | ${perSecond.toFixed(1)} | ${perCpuSecond.toFixed(1)} | ` +
        `${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} |\n`,
    );
    await embedder.dispose();
  }
}
