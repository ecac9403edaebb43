import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repo's root folder. */
export const repoRoot = path.resolve(here, '../..');

/** The shared corpus of real public minutes, beside the repo; it is not copied into the repo. */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const evalQuestionsFile = path.resolve(repoRoot, '../shared/eval/dev-questions.jsonl');

/** Whether the shared corpus is present; tests that need it are skipped (visibly) when it is not. */
export const hasCorpus = existsSync(path.join(corpusDir, 'meetings.json'));

if (!hasCorpus) {
  process.stderr.write(`note: ${corpusDir} not found; tests on the real corpus are skipped\n`);
}

export const corpusFile = (name: string): string => path.join(corpusDir, name);

/** The repo's own sample minutes. */
export const examplesDir = path.join(repoRoot, 'examples');
