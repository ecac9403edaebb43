import type { Command } from 'commander';

/** A CLI command: its name and one-line summary for the command list, and its module, loaded on use. */
export interface CommandEntry {
  name: string;
  /** The line `minutebook --help` shows; the command's own `--help` has its full description. */
  summary: string;
  /** Imports the command's module, which registers the command with its options and action. */
  load: () => Promise<{ register: (program: Command) => void }>;
}

/**
 * Every CLI command, in the order `--help` lists them. Modules are imported only when their command
 * runs: `serve` pulls in Bolt, `ingest` the document readers, most commands the SQLite and HNSW
 * addons, and none of that should slow `minutebook --help` or a `stats` in a cron job.
 */
export const commands: CommandEntry[] = [
  { name: 'parse', summary: 'Parse minutes files without indexing them', load: () => import('./parse.js') },
  { name: 'ingest', summary: 'Add minutes files to the index', load: () => import('./ingest.js') },
  { name: 'sync', summary: "Keep the index in step with a council's ModernGov site", load: () => import('./sync.js') },
  { name: 'search', summary: 'Find the minute items that match a question', load: () => import('./search.js') },
  { name: 'ask', summary: 'Answer a question from the minutes, with citations', load: () => import('./ask.js') },
  { name: 'decisions', summary: 'List what was decided about a topic', load: () => import('./decisions.js') },
  { name: 'stats', summary: 'Show what is indexed', load: () => import('./stats.js') },
  { name: 'remove', summary: 'Remove one meeting from the index', load: () => import('./remove.js') },
  {
    name: 'migrate',
    summary: 'Copy an index into another store, vectors included',
    load: () => import('./migrate.js'),
  },
  { name: 'eval', summary: 'Measure retrieval on questions with known answers', load: () => import('./eval.js') },
  { name: 'model', summary: 'Fetch the embedding model, or show what is there', load: () => import('./model.js') },
  { name: 'serve', summary: 'Run the Slack bot', load: () => import('./serve.js') },
  {
    name: 'alerts',
    summary: 'Post topic alerts on what ingest and sync added; list follows',
    load: () => import('./alerts.js'),
  },
];
