import type { Command } from 'commander';
import { draftMeetings } from '../../records/index.js';
import { describeTarget, openIndexReader } from '../../store/open-store.js';
import type { IndexStats, Meeting } from '../../types.js';
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
          const filters = flags.council ? { council: flags.council } : {};
          const stats = await store.stats(filters);
          // Only what says whether minutes are confirmed is read: no items, no attendance.
          const book = await store.recordedMeetings(filters, { parts: ['confirmations', 'ownStatus'], items: false });
          const drafts = draftMeetings(book).map(({ meeting }) => draftEntry(meeting));
          ctx.out(
            flags.json
              ? JSON.stringify({ index: indexDir, ...stats, draftMeetings: drafts }, null, 2)
              : renderStats(indexDir, stats, drafts),
          );
          return 0;
        } finally {
          await store.close();
        }
      }),
    );
}

/** A meeting whose minutes no later meeting has confirmed, as `stats` lists it. */
export interface DraftEntry {
  council: string | null;
  committee: string | null;
  date: string | null;
  source: string;
}

function draftEntry(meeting: Meeting): DraftEntry {
  return { council: meeting.council, committee: meeting.committee, date: meeting.date, source: meeting.source };
}

/** The statistics as a few aligned lines for a terminal, then the meetings whose minutes are still draft. */
export function renderStats(indexDir: string, stats: IndexStats, drafts: DraftEntry[] = []): string {
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
    `Drafts:       ${drafts.length === 0 ? '(none)' : `${drafts.length} meeting(s) not yet confirmed by a later meeting`}`,
    ...drafts.map((d) => `  ${d.committee ?? d.council ?? 'Unknown committee'}, ${d.date ?? 'date unknown'}`),
  ].join('\n');
}
