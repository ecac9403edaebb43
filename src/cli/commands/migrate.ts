import path from 'node:path';
import type { Command } from 'commander';
import { BadInputError } from '../../errors.js';
import { corpusStatsFor } from '../../retrieve/corpus-stats.js';
import { copyIndex } from '../../store/copy-index.js';
import { describeTarget, openIndexReader, openIndexWriter, type StoreTarget } from '../../store/open-store.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';
import { writerWait } from '../store-flags.js';

interface MigrateFlags {
  from: string;
  to: string;
  wait?: number;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description(
      'Copy an index into another store, vectors included (nothing is parsed or embedded again): e.g. a folder into PostgreSQL',
    )
    .requiredOption('--from <index>', 'the index to copy: a folder, or a postgres:// URL')
    .requiredOption('--to <index>', 'where to copy it: a postgres:// URL, or a folder')
    .option('--wait <seconds>', 'how long to wait for another writer of the target to finish', positiveInt('--wait'))
    .option('--json', 'print the summary as JSON on stdout')
    .action((flags: MigrateFlags) => runCommand(() => migrateCommand(flags)));
}

async function migrateCommand(flags: MigrateFlags): Promise<number> {
  const ctx = createCliContext();
  const from = targetFrom(flags.from);
  const to = targetFrom(flags.to);
  if (describeTarget(from) === describeTarget(to)) throw new BadInputError('--from and --to name the same index');
  const started = performance.now();
  const source = await openIndexReader(from, { logger: ctx.logger });
  try {
    const target = await openIndexWriter(to, {
      purpose: 'migrate',
      // The target takes the source's model: an empty target adopts it, another model is refused.
      model: source.model,
      // Into an empty PostgreSQL index, the vector index is built once at the end: several times quicker.
      bulk: true,
      logger: ctx.logger,
      wait: writerWait(ctx, flags.wait !== undefined ? { wait: flags.wait } : {}, to),
    });
    try {
      const summary = await copyIndex(source, target);
      await corpusStatsFor(target, ctx.logger);
      const seconds = (performance.now() - started) / 1000;
      const where = { from: describeTarget(from), to: describeTarget(to) };
      ctx.out(
        flags.json
          ? JSON.stringify({ ...where, ...summary, seconds }, null, 2)
          : `Copied ${summary.meetings} meeting(s), ${summary.passages} passages (${summary.unchanged} already there) from ${where.from} to ${where.to} in ${seconds.toFixed(1)} s`,
      );
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** A postgres:// URL, or a folder. */
function targetFrom(raw: string): StoreTarget {
  return /^postgres(?:ql)?:\/\//i.test(raw.trim())
    ? { kind: 'postgres', url: raw.trim() }
    : { kind: 'sqlite', dir: path.resolve(raw) };
}
