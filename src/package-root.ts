import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `package.json` and `prompts/`, found by walking up from this file. The same
 * code runs from `src/` under tsx (development, tests) and from `dist/src/` once compiled, so a
 * fixed `../..` would be right in one place and wrong in the other.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}: is Minutebook installed whole?`);
  }
}
