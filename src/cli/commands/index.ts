import type { Command } from 'commander';
import { register as ask } from './ask.js';
import { register as evaluate } from './eval.js';
import { register as ingest } from './ingest.js';
import { register as migrate } from './migrate.js';
import { register as model } from './model.js';
import { register as parse } from './parse.js';
import { register as remove } from './remove.js';
import { register as search } from './search.js';
import { register as serve } from './serve.js';
import { register as stats } from './stats.js';
import { register as sync } from './sync.js';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Array<(program: Command) => void> = [
  parse,
  ingest,
  sync,
  search,
  ask,
  stats,
  remove,
  migrate,
  evaluate,
  model,
  serve,
];
