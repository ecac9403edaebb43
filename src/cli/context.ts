import { InvalidArgumentError } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { asMinutebookError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';

/** What every command gets: config and logger built once, and where output goes. */
export interface CliContext {
  config: Config;
  logger: Logger;
  /** Command output (tables, JSON). Logs never go here. */
  out: (text: string) => void;
  /** Human messages that are not logs: warnings, progress summaries. */
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean;
}

export function createCliContext(): CliContext {
  const config = loadConfig();
  return {
    config,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: Boolean(process.stderr.isTTY),
  };
}

/**
 * Runs a command body and turns any failure into one line on stderr naming what to do, and a
 * non-zero exit code. Stack traces only with LOG_LEVEL=debug.
 */
export async function runCommand(body: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (error) {
    const wrapped = asMinutebookError(error);
    process.stderr.write(`minutebook: ${wrapped.message}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = wrapped.code === 'INTERNAL' ? 2 : 1;
  }
}

/** Parses a positive integer option, naming the option when it is wrong (commander prints it and exits 1). */
export function positiveInt(name: string): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new InvalidArgumentError(`${name} must be a whole number of at least 1 (got "${raw}")`);
    }
    return value;
  };
}
