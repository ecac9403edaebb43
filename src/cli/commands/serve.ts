import type { Command } from 'commander';
import type { AlertsRunner } from '../../alerts/runner.js';
import type { AlertStore } from '../../alerts/types.js';
import { BadInputError } from '../../errors.js';
import { createLogger } from '../../logger.js';
import type { PostgresSlackState } from '../../slack/shared-state.js';
import { createCliContext, positiveInt, runCommand } from '../context.js';

interface ServeFlags {
  port?: number;
  host?: string;
  healthPort?: number;
  index?: string;
  maxQuestions?: number;
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
    .option(
      '--port <n>',
      'HTTP mode: the port for /slack/events and /healthz (default: PORT or 3000)',
      positiveInt('--port'),
    )
    .option('--host <address>', 'interface to listen on (default: MINUTEBOOK_HOST or 127.0.0.1, for a reverse proxy)')
    .option(
      '--health-port <n>',
      'Socket Mode: serve /healthz, /readyz and /metrics on this port (default: MINUTEBOOK_HEALTH_PORT, else none)',
      positiveInt('--health-port'),
    )
    .option('--index <dir>', 'the index folder (default: MINUTEBOOK_INDEX_DIR or ./index)')
    .option(
      '--max-questions <n>',
      'questions answered at once before newcomers are asked to try again in a minute (default 50)',
      positiveInt('--max-questions'),
    )
    .action((flags: ServeFlags) =>
      runCommand(async () => {
        const ctx = createCliContext();
        // A server logs at info by default (LOG_LEVEL overrides); other commands keep quiet.
        const logger = createLogger({ level: ctx.config.logLevel });
        const slack = {
          ...ctx.config.slack,
          ...(flags.port ? { port: flags.port } : {}),
          ...(flags.host ? { host: checkHost(flags.host) } : {}),
          ...(flags.healthPort ? { healthPort: flags.healthPort } : {}),
        };
        // Bolt and the answering thread load only here, so `serve --help` and the other commands stay quick.
        const { resolveSlackConnection } = await import('../../slack/settings.js');
        // Settings first: a missing token should not wait for the index and model to load.
        const connection = resolveSlackConnection(slack);
        const [
          { createSlackApp, EVENTS_PATH },
          { DEFAULT_ASK_TIMEOUT_MS },
          { WorkerAnswerer },
          { Readiness },
          { PrometheusMetrics },
          { describeTarget, storeTarget },
        ] = await Promise.all([
          import('../../slack/app.js'),
          import('../../slack/deps.js'),
          import('../../slack/worker-answerer.js'),
          import('../../net/health.js'),
          import('../../net/prometheus.js'),
          import('../../store/open-store.js'),
        ]);
        const target = storeTarget(ctx.config, flags.index ? { index: flags.index } : {});
        const askTimeoutMs = DEFAULT_ASK_TIMEOUT_MS;
        const answerer = new WorkerAnswerer({
          config: ctx.config,
          target,
          logger,
          logLevel: ctx.config.logLevel,
          timeoutMs: askTimeoutMs,
        });
        await answerer.start();
        // With the index in PostgreSQL, dedupe and rate limits live there too, shared by every `serve`.
        let sharedState: PostgresSlackState | null = null;
        // Topic alerts: follows for `/minutes follow`, and a pass every minute that posts new matches.
        let alerts: { store: AlertStore; runner: AlertsRunner | null } | null = null;
        try {
          const [{ openAlertStore }, { AlertsRunner }, { alertsWebClient, slackDeliverer }] = await Promise.all([
            import('../../alerts/open.js'),
            import('../../alerts/runner.js'),
            import('../../slack/alerts/poster.js'),
          ]);
          try {
            alerts = { store: await openAlertStore(target, { logger }), runner: null };
          } catch (error) {
            // A bot that cannot keep follows (a read-only index folder, no CREATE on the database)
            // still answers questions; `/minutes follow` then says alerts are not set up.
            logger.warn(
              { err: error, event: 'alerts.unavailable' },
              'topic alerts are off: the alert store cannot be opened',
            );
          }
          if (target.kind === 'postgres') {
            const { PostgresSlackState } = await import('../../slack/shared-state.js');
            sharedState = await PostgresSlackState.open(target.url, { logger });
          }
          const readiness = new Readiness();
          readiness.set('index', () =>
            answerer.status.indexOpen
              ? { ok: true, detail: describeTarget(target) }
              : { ok: false, detail: 'answering thread not ready' },
          );
          readiness.set('model', () =>
            answerer.status.modelLoaded
              ? { ok: true }
              : { ok: false, detail: 'embedding model not loaded: searching keywords only' },
          );
          const metrics = new PrometheusMetrics(() => answerer.stats());
          const bot = createSlackApp({
            config: slack,
            answerer,
            stats: () => answerer.stats(),
            coverage: () => answerer.coverage(),
            logger,
            metrics,
            askTimeoutMs,
            ...(flags.maxQuestions ? { maxQuestionsInFlight: flags.maxQuestions } : {}),
            ...(sharedState ? { sharedState: { seen: sharedState, rateLimiter: sharedState } } : {}),
            ...(alerts ? { alerts: alerts.store } : {}),
            ops: { readiness, metrics },
          });
          const started = await bot.start();
          if (alerts) {
            alerts.runner = new AlertsRunner({
              store: alerts.store,
              target,
              // Matched in the answering thread, over its index and model: serve loads the model once,
              // and this thread, which acks Slack's events, never embeds or searches.
              match: (request) => answerer.matchFollow(request),
              logger,
              // Bolt's own client carries no token (tokens come per event); alerts post with the bot token.
              deliver: slackDeliverer(alertsWebClient(slack)),
            });
            alerts.runner.start(ctx.config.slack.alertsIntervalMs);
          }
          const health = started.opsPort ? ` Health: http://${slack.host}:${started.opsPort}/readyz.` : '';
          ctx.err(
            connection.mode === 'socket'
              ? `Minutebook is connected to Slack in Socket Mode.${health} Press Ctrl+C to stop.`
              : `Minutebook is listening for Slack on ${slack.host}:${started.port} at ${EVENTS_PATH}.${health} Press Ctrl+C to stop.`,
          );
          const signal = await untilStopped();
          logger.info({ signal }, 'stopping the Slack bot');
          await alerts?.runner?.stop();
          await bot.stop();
          return 0;
        } finally {
          await alerts?.runner?.stop();
          await alerts?.store.close();
          await sharedState?.close();
          await answerer.close();
        }
      }),
    );
}

/** A host to bind: an IP address or a name, nothing with a scheme or port in it. */
function checkHost(raw: string): string {
  const host = raw.trim();
  if (!host || /[/\s]|^\w+:\/\//.test(host)) {
    throw new BadInputError(`--host must be an address such as 127.0.0.1 or 0.0.0.0 (got "${raw}")`);
  }
  return host;
}
