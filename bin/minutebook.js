#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (`npm run build`; `npm install` builds it through `prepare`).
// For development, `npm run dev -- <command>` runs the TypeScript sources with tsx instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'minutebook: not built yet: run `npm run build` in the Minutebook folder (npm install does it)\n',
  );
  process.exit(1);
}
await import(main.href);
