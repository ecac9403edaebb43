import type { Command } from 'commander';
import { createAnswerer } from '../../answer/create.js';
import { answerJson, renderAnswerText } from '../../answer/render.js';
import { BadInputError } from '../../errors.js';
import { openRetriever } from '../../retrieve/open.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';
import { type FilterFlags, filterOptions, readFilters } from '../filters.js';

interface AskFlags extends FilterFlags {
  index?: string;
  k?: number;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('ask')
    .description('Answer a question from the indexed minutes, citing the meeting and minute item')
    .argument('<question>', 'the question, in quotes');
  filterOptions(command)
    .option('--index <dir>', 'the index folder (default: MINUTEBOOK_INDEX_DIR or ./index)')
    .option('--k <n>', 'minute items to retrieve', positiveInt('--k'))
    .option('--json', 'print the answer as JSON (the contract other tools rely on)')
    .action((question: string, flags: AskFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        // Checked before the index is opened, so the one message is about the question.
        if (!question.trim())
          throw new BadInputError('the question is empty: ask something, e.g. "What was said about school transport?"');
        const filters = readFilters(flags);
        const retriever = await openRetriever(ctx, flags.index ? { indexDir: flags.index } : {});
        try {
          const answerer = createAnswerer({
            config: ctx.config,
            logger: ctx.logger,
            retriever,
            ...(flags.k ? { k: flags.k } : {}),
          });
          const answer = await answerer.ask(question, { filters });
          if (flags.json) {
            ctx.out(JSON.stringify(answerJson(answer), null, 2));
          } else {
            ctx.out(renderAnswerText(answer));
            if (answer.fallbackReason) ctx.err(`note: answered from the minutes directly; ${answer.fallbackReason}`);
          }
          return 0;
        } finally {
          await retriever.close?.();
        }
      }),
    );
}
