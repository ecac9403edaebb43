import type { Command } from 'commander';
import { DEFAULT_LOCK_WAIT_MS, describeTarget, type StoreTarget, storeTarget } from '../store/open-store.js';
import type { LockWait } from '../store/types.js';
import { type CliContext, positiveInt } from './context.js';

/** The options every command that opens the index shares: where it is, and how long a writer waits. */
export interface StoreFlags {
  index?: string;
  database?: string;
  /** Seconds a writer waits for another writer to finish. */
  wait?: number;
}

/** Adds `--index` and `--database` (and, for writers, `--wait`) to `command`. */
export function storeOptions(command: Command, options: { writer: boolean }): Command {
  command
    .option('--index <dir>', 'index folder (default: MINUTEBOOK_INDEX_DIR, else ./index)')
    .option('--database <url>', 'PostgreSQL index instead of a folder (default: MINUTEBOOK_DATABASE_URL)');
  if (options.writer) {
    command.option(
      '--wait <seconds>',
      `how long to wait for another writer (ingest, sync, remove) to finish (default ${DEFAULT_LOCK_WAIT_MS / 1000})`,
      positiveInt('--wait'),
    );
  }
  return command;
}

/** Where the flags and the environment put the index. */
export function targetOf(ctx: CliContext, flags: StoreFlags): StoreTarget {
  return storeTarget(ctx.config, {
    ...(flags.index !== undefined ? { index: flags.index } : {}),
    ...(flags.database !== undefined ? { database: flags.database } : {}),
  });
}

/** How a writer waits for the lock: bounded by `--wait`, saying once on stderr who it waits for. */
export function writerWait(ctx: CliContext, flags: StoreFlags, target: StoreTarget): LockWait {
  const waitMs = flags.wait !== undefined ? flags.wait * 1000 : DEFAULT_LOCK_WAIT_MS;
  return {
    waitMs,
    onWait: (holder) =>
      ctx.err(
        `note: the index in ${describeTarget(target)} is being written by ${holder}; waiting up to ${Math.round(waitMs / 1000)} s for it to finish`,
      ),
  };
}
