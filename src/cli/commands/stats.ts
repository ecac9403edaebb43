import type { Command } from 'commander';
import { describeTarget, openIndexReader } from '../../store/open-store.js';
import type { IndexStats } from '../../types.js';
import { createCliContext, runCommand } from '../context.js';
import { type StoreFlags, storeOptions, targetOf } from '../store-flags.js';

interface StatsFlags extends StoreFlags {
  council?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('stats')
    .description('Show what is indexed: councils, committees, meetings, date range, items, passages and model');
  storeOptions(command, { writer: false })
    .option('--council <name>', 'only this council (a case-insensitive part of its name) of a shared index')
    .option('--json', 'print the statistics as JSON on stdout')
    .action((flags: StatsFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        const target = targetOf(ctx, flags);
        const indexDir = describeTarget(target);
        // No model asked for: stats must work whatever the index was built with.
        const store = await openIndexReader(target, { logger: ctx.logger });
        try {
          const stats = await store.stats(flags.council ? { council: flags.council } : {});
          ctx.out(flags.json ? JSON.stringify({ index: indexDir, ...stats }, null, 2) : renderStats(indexDir, stats));
          return 0;
        } finally {
          await store.close();
        }
      }),
    );
}

/** The statistics as a few aligned lines for a terminal. */
export function renderStats(indexDir: string, stats: IndexStats): string {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : '(none)');
  const range = stats.from && stats.to ? ` (${stats.from} to ${stats.to})` : '';
  const model = stats.model ? `${stats.model} (${stats.dimensions} dimensions)` : 'none: keyword search only';
  return [
    `Index:        ${indexDir}`,
    `Model:        ${model}`,
    `Meetings:     ${stats.meetings}${range}`,
    `Minute items: ${stats.items}`,
    `Passages:     ${stats.passages}`,
    `Councils:     ${list(stats.councils)}`,
    `Committees:   ${list(stats.committees)}`,
  ].join('\n');
}
