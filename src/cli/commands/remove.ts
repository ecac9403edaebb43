import path from 'node:path';
import type { Command } from 'commander';
import { BadInputError } from '../../errors.js';
import { corpusStatsFor } from '../../retrieve/corpus-stats.js';
import { openIndexWriter } from '../../store/open-store.js';
import type { IndexedMeeting, IndexWriter } from '../../store/types.js';
import { createCliContext, runCommand } from '../context.js';
import { type StoreFlags, storeOptions, targetOf, writerWait } from '../store-flags.js';

export function register(program: Command): void {
  const command = program
    .command('remove')
    .description('Remove one meeting (everything indexed from one minutes file or URL) from the index')
    .argument('<source>', 'the file path or URL the meeting was ingested from (as `minutebook stats --json` has it)');
  storeOptions(command, { writer: true }).action((source: string, flags: StoreFlags) =>
    runCommand(async () => {
      const ctx = createCliContext();
      const target = targetOf(ctx, flags);
      const store = await openIndexWriter(target, {
        purpose: 'remove',
        logger: ctx.logger,
        wait: writerWait(ctx, flags, target),
        // Only an existing index: removing from nothing is an error, not a reason to create one.
        mustExist: true,
      });
      try {
        const match = await findSource(store, source);
        await store.removeMeeting(match.source);
        await corpusStatsFor(store, ctx.logger);
        ctx.out(`Removed ${match.source}: ${summary(match)}, ${match.items} items, ${match.passages} passages.`);
        return 0;
      } finally {
        await store.close();
      }
    }),
  );
}

/**
 * The indexed meeting `source` names: exactly, or as a path relative to here (ingest records files
 * by absolute path). Otherwise an error that suggests meetings with the same file name.
 */
async function findSource(store: IndexWriter, source: string): Promise<IndexedMeeting> {
  const meetings = await store.meetings();
  const wanted = new Set([source, path.resolve(source)]);
  const found = meetings.find((m) => wanted.has(m.source));
  if (found) return found;
  const base = path.basename(source);
  const similar = meetings.filter((m) => path.basename(m.source) === base).map((m) => m.source);
  const hint =
    similar.length > 0
      ? `; did you mean ${similar.join(' or ')}?`
      : '; `minutebook stats --json` lists what is indexed';
  throw new BadInputError(`${source} is not in the index in ${store.location}${hint}`);
}

function summary(m: IndexedMeeting): string {
  return [m.committee, m.date].filter(Boolean).join(', ') || 'meeting';
}
