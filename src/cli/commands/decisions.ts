import type { Command } from 'commander';
import { listDecisions } from '../../answer/records.js';
import { answerJson, renderAnswerText } from '../../answer/render.js';
import { BadInputError } from '../../errors.js';
import { openRetriever } from '../../retrieve/open.js';
import { createCliContext, runCommand } from '../context.js';
import { type FilterFlags, filterOptions, readFilters } from '../filters.js';

interface DecisionsFlags extends FilterFlags {
  index?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('decisions')
    .description(
      'List what the minutes record as decided about a topic (resolutions, agreements, recommendations, deferrals), oldest first, each cited to its minute',
    )
    .argument('<topic>', 'what the decisions are about, e.g. "school transport"');
  filterOptions(command)
    .option('--index <dir>', 'the index folder (default: MINUTEBOOK_INDEX_DIR or ./index)')
    .option('--json', 'print the answer as JSON, as `ask --json` does')
    .action((topic: string, flags: DecisionsFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        if (!topic.trim()) throw new BadInputError('the topic is empty: name one, e.g. "school transport"');
        const filters = readFilters(flags);
        const retriever = await openRetriever(ctx, flags.index ? { indexDir: flags.index } : {});
        try {
          const answer = await listDecisions(topic.trim(), retriever, filters);
          ctx.out(flags.json ? JSON.stringify(answerJson(answer), null, 2) : renderAnswerText(answer));
          return 0;
        } finally {
          await retriever.close?.();
        }
      }),
    );
}
