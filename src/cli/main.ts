import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { readProxyConfig } from '../config.js';
import { asMinutebookError } from '../errors.js';
import { useProxyFromConfig } from '../net/proxy.js';
import { type CommandEntry, commands } from './commands/index.js';

/**
 * The `minutebook` command line. Each command lives in `commands/<name>.ts` and registers itself;
 * the list is in `commands/index.ts`. Only the command being run is loaded: the others appear in
 * `--help` by name and summary alone.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('minutebook')
    .description('Committee minutes you can ask questions of, with every answer cited to the minute item.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`minutebook: ${text.replace(/^error: /, '')}`) });
  const wanted = commandNamed(argv);
  if (wanted) {
    (await wanted.load()).register(program);
  } else {
    for (const { name, summary } of commands) program.command(name).summary(summary);
  }
  return program;
}

/** The command the arguments name (`ask …`, or `help ask`), if it is one of ours. */
function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commands.find((entry) => entry.name === name);
}

// Settings from ./.env, as .env.example describes; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');
try {
  // Before any command runs, so every outbound request (OpenAI, Slack, ModernGov, model download) sees it.
  await useProxyFromConfig(readProxyConfig());
} catch (error) {
  process.stderr.write(`minutebook: ${asMinutebookError(error).message}\n`);
  process.exit(1);
}
await (await buildProgram(process.argv)).parseAsync(process.argv);
