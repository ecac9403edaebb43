import type { Command } from 'commander';
import { createAnswerer } from '../../answer/create.js';
import { createLogger } from '../../logger.js';
import { openRetriever } from '../../retrieve/open.js';
import { createSlackApp, EVENTS_PATH } from '../../slack/app.js';
import { resolveSlackConnection } from '../../slack/settings.js';
import { PostgresSlackState } from '../../slack/shared-state.js';
import { storeTarget } from '../../store/open-store.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';

interface ServeFlags {
  port?: number;
  index?: string;
}

/** Resolves on the first SIGINT or SIGTERM, so the bot can disconnect cleanly. */
function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT')
    .option('--port <n>', 'HTTP mode: the port for /slack/events (default: PORT or 3000)', positiveInt('--port'))
    .option('--index <dir>', 'the index folder (default: MINUTEBOOK_INDEX_DIR or ./index)')
    .action((flags: ServeFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        // A server logs at info by default (LOG_LEVEL overrides); other commands keep quiet.
        const logger = createLogger({ level: ctx.config.logLevel });
        const slack = flags.port ? { ...ctx.config.slack, port: flags.port } : ctx.config.slack;
        // Settings first: a missing token should not wait for the index and model to load.
        const connection = resolveSlackConnection(slack);
        const retriever = await openRetriever(ctx, flags.index ? { indexDir: flags.index } : {});
        // With the index in PostgreSQL, dedupe and rate limits live there too, shared by every `serve`.
        const target = storeTarget(ctx.config, flags.index ? { index: flags.index } : {});
        const sharedState = target.kind === 'postgres' ? await PostgresSlackState.open(target.url, { logger }) : null;
        try {
          const answerer = createAnswerer({ config: ctx.config, logger, retriever });
          const bot = createSlackApp({
            config: slack,
            answerer,
            stats: () => retriever.stats(),
            logger,
            ...(sharedState ? { sharedState: { seen: sharedState, rateLimiter: sharedState } } : {}),
          });
          const started = await bot.start();
          ctx.err(
            connection.mode === 'socket'
              ? 'Minutebook is connected to Slack in Socket Mode. Press Ctrl+C to stop.'
              : `Minutebook is listening for Slack on port ${started.port} at ${EVENTS_PATH}. Press Ctrl+C to stop.`,
          );
          const signal = await untilStopped();
          logger.info({ signal }, 'stopping the Slack bot');
          await bot.stop();
          return 0;
        } finally {
          await sharedState?.close();
          await retriever.close?.();
        }
      }),
    );
}
