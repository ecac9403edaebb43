import type { Command } from 'commander';
import { openRetriever } from '../../retrieve/open.js';
import type { SearchHit } from '../../types.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';
import { type FilterFlags, filterOptions, readFilters } from '../filters.js';

interface SearchFlags extends FilterFlags {
  k: number;
  index?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('search')
    .description('Find the minute items that best match a question, best first (no answer is written)')
    .argument('<question>', 'the question, in quotes')
    .option('--k <n>', 'how many minute items to return', positiveInt('--k'), 5);
  filterOptions(command)
    .option('--index <dir>', 'index folder (default: MINUTEBOOK_INDEX_DIR, else ./index)')
    .option('--json', 'print a JSON array of items on stdout')
    .action((question: string, flags: SearchFlags) => runCommand(() => searchCommand(question, flags)));
}

async function searchCommand(question: string, flags: SearchFlags): Promise<number> {
  const ctx = createCliContext();
  const filters = readFilters(flags);
  const retriever = await openRetriever(ctx, flags.index ? { indexDir: flags.index } : {});
  try {
    const defaultCouncil = ctx.config.defaultCouncil;
    const { hits, scope } = await retriever.search(question, {
      k: flags.k,
      filters,
      ...(defaultCouncil ? { defaultCouncil } : {}),
    });
    if (flags.json) {
      ctx.out(JSON.stringify(hits.map(toJson), null, 2));
      return 0;
    }
    if (hits.length === 0) ctx.out(`No minute items matched, in ${scope.meetings} meeting(s) searched.`);
    hits.forEach((hit, i) => {
      const where = `${hit.committee ?? 'Unknown committee'}, ${hit.date ?? 'date unknown'}, minute ${hit.minute ?? '?'}`;
      const points = hit.points.length ? ` (point ${hit.points.join(', ')})` : '';
      ctx.out(`${i + 1}. [${hit.score.toFixed(3)}] ${where} — ${hit.title}${points}`);
      ctx.out(`   ${(hit.evidence[0]?.text ?? hit.text).replace(/\s+/g, ' ').slice(0, 240)}…`);
      if (hit.url) ctx.out(`   ${hit.url}`);
    });
    return 0;
  } finally {
    await retriever.close();
  }
}

/** The `search --json` contract: other tools read these field names. */
function toJson(hit: SearchHit) {
  return {
    score: hit.score,
    council: hit.council,
    committee: hit.committee,
    date: hit.date,
    minute: hit.minute,
    minuteNumber: hit.minuteNumber,
    title: hit.title,
    points: hit.points,
    text: hit.text,
    url: hit.url,
    procedural: hit.procedural,
    evidence: hit.evidence.map((e) => ({ text: e.text, points: e.points, score: e.score })),
  };
}
