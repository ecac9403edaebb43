import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './corpus.js';

const DIST = path.join(repoRoot, 'dist');
const SOURCES = ['src', 'ingest', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/**
 * vitest global setup: the CLI tests run `bin/minutebook.js`, which runs the compiled `dist/`, so a
 * test run after editing a source must not test yesterday's build. Builds only when a source is
 * newer than everything in `dist/` (an incremental build rewrites what changed and its build info;
 * a no-change `tsc` still costs seconds, so it is not run every time).
 */
export default function buildDist(): void {
  const built = existsSync(DIST) ? newestMtime(DIST) : 0;
  const stale = SOURCES.some((entry) => newestMtime(path.join(repoRoot, entry)) > built);
  if (!stale) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
}
