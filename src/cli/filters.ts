import { type Command, InvalidArgumentError } from 'commander';
import { isIsoDate } from '../dates.js';
import { BadInputError } from '../errors.js';
import type { SearchFilters } from '../types.js';

/** The filter flags `search`, `ask` and `eval` share. */
export interface FilterFlags {
  after?: string;
  before?: string;
  committee?: string;
  council?: string;
}

/** Checks a `--after`/`--before` value is a real YYYY-MM-DD date, naming the option if not. */
export function isoDate(name: string): (raw: string) => string {
  return (raw) => {
    const value = raw.trim();
    if (!isIsoDate(value)) {
      throw new InvalidArgumentError(`${name} must be a date as YYYY-MM-DD (got "${raw}")`);
    }
    return value;
  };
}

/** Adds --after, --before, --committee and --council to a command. */
export function filterOptions(command: Command): Command {
  return command
    .option('--after <YYYY-MM-DD>', 'only meetings on or after this date', isoDate('--after'))
    .option('--before <YYYY-MM-DD>', 'only meetings on or before this date', isoDate('--before'))
    .option('--committee <text>', 'only committees whose name contains this')
    .option(
      '--council <text>',
      'only councils whose name contains this (ask and search: instead of MINUTEBOOK_COUNCIL)',
    );
}

/** The filters the flags ask for; --after later than --before is refused. */
export function readFilters(flags: FilterFlags): SearchFilters {
  if (flags.after && flags.before && flags.after > flags.before) {
    throw new BadInputError(`--after (${flags.after}) is later than --before (${flags.before}): nothing can match`);
  }
  return {
    ...(flags.after ? { after: flags.after } : {}),
    ...(flags.before ? { before: flags.before } : {}),
    ...(flags.committee ? { committee: flags.committee } : {}),
    ...(flags.council ? { council: flags.council } : {}),
  };
}
