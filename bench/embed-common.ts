/** Shared bits of the embedding benchmarks: which models to run, and corpus text to embed. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { probeModel } from '../src/embed/model-files.js';
import { knownModelIds } from '../src/embed/models.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const questionsFile = path.resolve(repoRoot, '../shared/eval/dev-questions.jsonl');

/** Values of a repeatable `--name value` flag. */
export function args(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((a, i) => {
    const next = process.argv[i + 1];
    if (a === name && next !== undefined) values.push(next);
  });
  return values;
}

/**
 * The models to measure and where they live: `--model` flags, else every real model with a
 * profile that is present in the model folder (MINUTEBOOK_MODEL_DIR, or ./models).
 */
export function modelsToMeasure(): { modelDir: string; models: string[] } {
  const config = loadConfig();
  const modelDir = args('--dir')[0] ?? config.embed.modelDir;
  const asked = args('--model');
  const candidates = asked.length > 0 ? asked : knownModelIds().filter((id) => !id.startsWith('minutebook/'));
  const models = candidates.filter((modelId) => {
    const present = probeModel({ modelId, modelDir }).present;
    if (!present) process.stderr.write(`skipping ${modelId}: not in ${modelDir} (npx minutebook model fetch)\n`);
    return present;
  });
  return { modelDir, models };
}

/** The corpus's plain text, one string per file. */
export function corpusTexts(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(corpusDir, f), 'utf8'));
}
