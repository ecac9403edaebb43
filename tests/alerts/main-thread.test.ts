import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

/**
 * `serve`'s Slack thread must never load the embedding model: its alerts pass matches in the
 * answering thread, which holds the one copy. Checked on the code itself: nothing the thread
 * imports, statically or with `import()`, reaches the modules that open a model or a retriever.
 * The answering thread is started by file name (`startThread`), not imported, so it is not part
 * of the graph; `import type` is erased and does not count.
 */

/** Relative modules `file` loads at run time: static imports and re-exports, and `import()` calls. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/** Every repository module reachable from `entry` (a path from the repository root), as root-relative paths. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(repoRoot, entry)];
  for (let file = queue.pop(); file; file = queue.pop()) {
    const relative = path.relative(repoRoot, file);
    if (seen.has(relative)) continue;
    seen.add(relative);
    queue.push(...runtimeImports(file));
  }
  return seen;
}

/** The modules that load the embedding model, open a retriever (which loads it), or match follows with one. */
const MODEL_LOADERS = [
  'src/embed/open.ts',
  'src/embed/transformers-loader.ts',
  'src/retrieve/open.ts',
  'src/alerts/match.ts',
  'src/alerts/local-matcher.ts',
];

describe("serve's Slack thread and the embedding model", () => {
  it('serve and its alerts runner reach no module that loads the model or opens a retriever', () => {
    const serve = reachable('src/cli/commands/serve.ts');
    // The walk really follows serve's lazy imports: the runner and the answering thread's client are in it.
    expect(serve).toContain('src/alerts/runner.ts');
    expect(serve).toContain('src/slack/worker-answerer.ts');
    expect(MODEL_LOADERS.filter((m) => serve.has(m))).toEqual([]);
    expect(MODEL_LOADERS.filter((m) => reachable('src/alerts/runner.ts').has(m))).toEqual([]);
  });

  it('the answering thread is where alerts are matched, and `alerts run` opens a retriever of its own', () => {
    const thread = reachable('src/slack/answer-worker.ts');
    expect(thread).toContain('src/alerts/match.ts');
    expect(thread).toContain('src/retrieve/open.ts');
    expect(thread).toContain('src/embed/open.ts');
    expect(reachable('src/cli/commands/alerts.ts')).toContain('src/alerts/local-matcher.ts');
  });
});
