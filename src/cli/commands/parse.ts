import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('parse').description('Parse minutes files (being written)');
}
