import { type Command, InvalidArgumentError } from 'commander';
import { createAnswerer } from '../../answer/create.js';
import { answerJson, renderAnswerText } from '../../answer/render.js';
import { BadInputError } from '../../errors.js';
import { openRetriever } from '../../retrieve/open.js';
import type { SearchFilters } from '../../types.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';

interface AskFlags {
  after?: string;
  before?: string;
  committee?: string;
  council?: string;
  index?: string;
  k?: number;
  json?: boolean;
}

/** Checks a `--after`/`--before` value is a real YYYY-MM-DD date, naming the option if not. */
function isoDate(name: string): (raw: string) => string {
  return (raw) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!match || !date || date.toISOString().slice(0, 10) !== raw.trim()) {
      // Commander's own error type, so the message prints as one line rather than a stack trace.
      throw new InvalidArgumentError(`${name} must be a date as YYYY-MM-DD (got "${raw}")`);
    }
    return raw.trim();
  };
}

export function register(program: Command): void {
  program
    .command('ask')
    .description('Answer a question from the indexed minutes, citing the meeting and minute item')
    .argument('<question>', 'the question, in quotes')
    .option('--after <YYYY-MM-DD>', 'only meetings on or after this date', isoDate('--after'))
    .option('--before <YYYY-MM-DD>', 'only meetings on or before this date', isoDate('--before'))
    .option('--committee <text>', 'only committees whose name contains this')
    .option('--council <text>', 'only councils whose name contains this')
    .option('--index <dir>', 'the index folder (default: MINUTEBOOK_INDEX_DIR or ./index)')
    .option('--k <n>', 'minute items to retrieve', positiveInt('--k'))
    .option('--json', 'print the answer as JSON (the contract other tools rely on)')
    .action((question: string, flags: AskFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        // Checked before the index is opened, so the one message is about the question.
        if (!question.trim())
          throw new BadInputError('the question is empty: ask something, e.g. "What was said about school transport?"');
        if (flags.after && flags.before && flags.after > flags.before) {
          throw new BadInputError(`--after (${flags.after}) is later than --before (${flags.before})`);
        }
        const filters: SearchFilters = {
          ...(flags.after ? { after: flags.after } : {}),
          ...(flags.before ? { before: flags.before } : {}),
          ...(flags.committee ? { committee: flags.committee } : {}),
          ...(flags.council ? { council: flags.council } : {}),
        };
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
