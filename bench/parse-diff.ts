/**
 * What a parsing change changes: every item (kind, minute number, title, first words) of every
 * minutes file the repository holds — the layout fixtures, the sample minutes, the eval meetings and
 * the shared corpus when it is there — parsed by the working tree and by a git revision, and the
 * differences printed file by file. Tests assert the fitted layouts; this shows everything else a
 * rule moved, which is how a rule's side effects on other councils' minutes are caught.
 *
 *   npx tsx bench/parse-diff.ts [--base <revision>]   (default HEAD)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMinutes } from '../ingest/parse/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = [
  'tests/fixtures/layouts',
  'examples',
  'bench/fresh6a',
  'bench/fresh6b',
  'bench/fresh7',
  'bench/fresh8',
  'bench/fresh9',
  'bench/fresh10',
  'bench/fresh11',
  'bench/fresh12',
  'bench/llm-minutes',
  '../shared/corpus',
];

/** One line per item, under a line naming the file and what its header says. */
export function outline(file: string): string[] {
  const name = `${path.basename(path.dirname(file))}/${path.basename(file)}`;
  try {
    const { meeting } = parseMinutes(readFileSync(file, 'utf8'), { source: file });
    return [
      `${name} | ${meeting.date} | ${meeting.committee} | ${meeting.council}`,
      ...meeting.items.map(
        (i) => `  ${i.kind} | ${i.minute} | ${i.title.slice(0, 80)} | ${i.text.replace(/\s+/g, ' ').slice(0, 50)}`,
      ),
    ];
  } catch (error) {
    return [`${name} | refused: ${(error as Error).message.slice(0, 100)}`];
  }
}

function minutesFiles(): string[] {
  return FOLDERS.map((folder) => path.resolve(repo, folder))
    .filter(existsSync)
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => /\.(?:txt|md)$/.test(name) && !/^README/i.test(name))
        .map((name) => path.join(dir, name)),
    );
}

/** Outlines of every file as the code in `root` parses them, from a child process there. */
function outlinesAt(root: string): Map<string, string[]> {
  const script = `import { outline } from ${JSON.stringify(path.join(root, 'bench/parse-diff.ts'))};
const files = JSON.parse(process.argv[1]);
console.log(JSON.stringify(files.map((f) => outline(f))));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(minutesFiles())],
    {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const outlines = JSON.parse(out.toString()) as string[][];
  return new Map(minutesFiles().map((file, i) => [file, outlines[i] ?? []]));
}

function main(): void {
  const at = process.argv.indexOf('--base');
  const base = at >= 0 ? (process.argv[at + 1] ?? 'HEAD') : 'HEAD';
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-parse-diff-'));
  try {
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', dir, base], { cwd: repo });
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    // The base may predate this script: run the working tree's copy against the base's parser.
    execFileSync('cp', [path.join(repo, 'bench/parse-diff.ts'), path.join(dir, 'bench/parse-diff.ts')]);
    const before = outlinesAt(dir);
    const after = outlinesAt(repo);
    let changed = 0;
    for (const [file, lines] of after) {
      const old = before.get(file) ?? [];
      if (old.join('\n') === lines.join('\n')) continue;
      changed++;
      console.log(`=== ${path.relative(repo, file)}`);
      for (const line of old.filter((l) => !lines.includes(l))) console.log(`- ${line}`);
      for (const line of lines.filter((l) => !old.includes(l))) console.log(`+ ${line}`);
    }
    console.log(`${changed} of ${after.size} files parse differently from ${base}`);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: repo });
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
