import { Command } from 'commander';
import { commands } from './commands/index.js';

/**
 * The `minutebook` command line. Each command lives in `commands/<name>.ts` and registers itself;
 * the list is in `commands/index.ts`.
 */
export function buildProgram(): Command {
  const program = new Command('minutebook')
    .description('Committee minutes you can ask questions of, with every answer cited to the minute item.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`minutebook: ${text.replace(/^error: /, '')}`) });
  for (const register of commands) register(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
