import path from 'node:path';
import type { Command } from 'commander';
import { BadInputError } from '../../errors.js';
import { IndexStore } from '../../store/index-store.js';
import { createCliContext, runCommand } from '../context.js';

interface RemoveFlags {
  index?: string;
}

export function register(program: Command): void {
  program
    .command('remove')
    .description('Remove one meeting (everything indexed from one minutes file or URL) from the index')
    .argument('<source>', 'the file path or URL the meeting was ingested from (as `minutebook stats --json` has it)')
    .option('--index <dir>', 'index folder (default: MINUTEBOOK_INDEX_DIR, else ./index)')
    .action((source: string, flags: RemoveFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        const indexDir = path.resolve(flags.index ?? ctx.config.indexDir);
        const store = IndexStore.open(indexDir, { logger: ctx.logger });
        try {
          const match = findSource(store, source);
          store.removeMeeting(match.source);
          ctx.out(`Removed ${match.source}: ${summary(match)}, ${match.items} items, ${match.passages} passages.`);
          return 0;
        } finally {
          store.close();
        }
      }),
    );
}

type Indexed = ReturnType<IndexStore['meetings']>[number];

/**
 * The indexed meeting `source` names: exactly, or as a path relative to here (ingest records files
 * by absolute path). Otherwise an error that suggests meetings with the same file name.
 */
function findSource(store: IndexStore, source: string): Indexed {
  const meetings = store.meetings();
  const wanted = new Set([source, path.resolve(source)]);
  const found = meetings.find((m) => wanted.has(m.source));
  if (found) return found;
  const base = path.basename(source);
  const similar = meetings.filter((m) => path.basename(m.source) === base).map((m) => m.source);
  const hint =
    similar.length > 0
      ? `; did you mean ${similar.join(' or ')}?`
      : '; `minutebook stats --json` lists what is indexed';
  throw new BadInputError(`${source} is not in the index in ${store.dir}${hint}`);
}

function summary(m: Indexed): string {
  return [m.committee, m.date].filter(Boolean).join(', ') || 'meeting';
}
