import path from 'node:path';
import type { Command } from 'commander';
import { IndexStore } from '../../store/index-store.js';
import type { IndexStats } from '../../types.js';
import { createCliContext, runCommand } from '../context.js';

interface StatsFlags {
  index?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('stats')
    .description('Show what is indexed: councils, committees, meetings, date range, items, passages and model')
    .option('--index <dir>', 'index folder (default: MINUTEBOOK_INDEX_DIR, else ./index)')
    .option('--json', 'print the statistics as JSON on stdout')
    .action((flags: StatsFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        const indexDir = path.resolve(flags.index ?? ctx.config.indexDir);
        // No model asked for: stats must work whatever the index was built with.
        const store = IndexStore.open(indexDir, { logger: ctx.logger });
        try {
          const stats = store.stats();
          ctx.out(flags.json ? JSON.stringify({ index: indexDir, ...stats }, null, 2) : renderStats(indexDir, stats));
          return 0;
        } finally {
          store.close();
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
