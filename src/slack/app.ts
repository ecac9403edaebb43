import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Readiness } from '../net/health.js';
import { type Listening, listen } from '../net/listen.js';
import { handleOpsRequest, type OpsEndpoints } from '../net/ops-routes.js';
import { proxyDispatcher } from '../net/proxy.js';
import type { Answerer, IndexStats } from '../types.js';
import { boltLogger } from './bolt-logger.js';
import type { IndexCoverage } from './coverage.js';
import { createSlackDeps, type SlackBehaviourOptions, type SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerAssistant } from './listeners/assistant/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { isRecord, str } from './payloads.js';
import { EVENTS_PATH, gateSlackRequest, MAX_BODY_BYTES, notFound } from './request-gate.js';
import { resolveSlackConnection, type SlackConnection } from './settings.js';
import { slackCallCounter } from './web-api-errors.js';

export { EVENTS_PATH } from './request-gate.js';

/** What the Slack app is built from. Everything that talks to the outside is passed in. */
export interface CreateSlackAppOptions extends SlackBehaviourOptions {
  config: SlackConfig;
  answerer: Answerer;
  /** What is indexed, for the App Home. */
  stats: () => Promise<IndexStats>;
  /** What the index covers, for the AI-app's suggested prompts (from `stats` when unset). */
  coverage?: () => Promise<IndexCoverage>;
  logger: Logger;
  /** Retries of failed Web API calls (the Web API client's default when unset). */
  webApiRetries?: number;
  /**
   * /healthz, /readyz and /metrics: on the events port in HTTP mode, on `config.healthPort` in
   * Socket Mode. The app adds its own `slack` readiness check (connected, token checked).
   */
  ops?: OpsEndpoints;
}

/** Where a started bot listens. */
export interface StartedBot {
  mode: SlackConnection['mode'];
  /** HTTP mode: the events port. */
  port?: number;
  /** The port of /healthz, /readyz and /metrics (the events port in HTTP mode). */
  opsPort?: number;
  botUserId?: string;
  server?: Server;
}

/** A built, not yet started, Slack bot. */
export interface SlackBot {
  app: App;
  mode: SlackConnection['mode'];
  deps: SlackDeps;
  /** Connects (Socket Mode) or listens (HTTP); resolves once ready, with the ports it listens on. */
  start(): Promise<StartedBot>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: Socket Mode when `config.appToken` is set, HTTP on `config.port` otherwise.
 * Every Web API call (including Socket Mode's `apps.connections.open`) goes to `config.apiUrl`.
 * Throws a ConfigError naming the missing variable before anything connects.
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackBot {
  const connection = resolveSlackConnection(options.config);
  const { logger } = options;
  const secrets = [connection.botToken, connection.mode === 'socket' ? connection.appToken : connection.signingSecret];
  const sdkLogger = boltLogger(logger, secrets);
  const deps = createSlackDeps(
    { answerer: options.answerer, stats: options.stats, coverage: options.coverage, logger },
    options,
  );
  // Every Web API and response_url call goes through this, so failures are counted in one place.
  const fetch = slackCallCounter(deps.metrics);
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: connection.apiUrl,
    logger: sdkLogger,
    fetch,
    ...(options.webApiRetries !== undefined ? { retryConfig: { retries: options.webApiRetries } } : {}),
  });
  const readiness = options.ops?.readiness ?? new Readiness();
  const slackState = { ok: false, detail: 'not connected yet' };
  readiness.set('slack', () => ({ ...slackState }));

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (connection.mode === 'socket') {
    const dispatcher = proxyDispatcher();
    receiver = socketReceiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: sdkLogger,
      installerOptions: { clientOptions: clientOptions() },
      // The WebSocket takes a dispatcher rather than using fetch: through the proxy when there is one.
      ...(dispatcher ? { dispatcher } : {}),
    });
    const client = socketReceiver.client;
    client.on('connected', () => Object.assign(slackState, { ok: true, detail: 'Socket Mode connected' }));
    for (const state of ['disconnected', 'reconnecting'] as const) {
      client.on(state, () => Object.assign(slackState, { ok: false, detail: `Socket Mode ${state}` }));
    }
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      endpoints: EVENTS_PATH,
      logger: sdkLogger,
      // Ack first, work after: Slack wants a response within 3 seconds, answers take longer.
      processBeforeResponse: false,
      bodyLimit: MAX_BODY_BYTES,
    });
    receiver = httpReceiver;
  }

  // Our own authorize instead of Bolt's token check: Bolt would call auth.test in the constructor
  // and leave a rejected promise behind on a bad token; start() checks the token once instead.
  const identity: { botId?: string; botUserId?: string; teamId?: string } = {};
  const app = new App({
    authorize: async () => ({ botToken: connection.botToken, ...identity }),
    receiver,
    logger: sdkLogger,
    clientOptions: clientOptions(),
    // The thread is the memory: Bolt's conversation store would only add work per event.
    convoStore: false,
  });

  app.use(async ({ body, context, next }) => {
    // Slack redelivers an event it thinks we missed (X-Slack-Retry-Num); its event_id stays the same.
    const eventId = isRecord(body) ? str(body, 'event_id') : undefined;
    if (eventId && !(await deps.seen.firstTime(`event:${eventId}`))) {
      logger.info(
        { event: 'slack.duplicate', event_id: eventId, retry_num: context.retryNum, retry_reason: context.retryReason },
        'ignoring a repeated delivery',
      );
      return;
    }
    await next();
  });
  // Before the events: the assistant takes the messages of its threads, the rest go on to them.
  registerAssistant(app, deps);
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'unhandled Slack listener error');
  });

  const ops: OpsEndpoints = { readiness, ...(options.ops?.metrics ? { metrics: options.ops.metrics } : {}) };
  const servers: Listening[] = [];

  return {
    app,
    mode: connection.mode,
    deps,
    async start() {
      Object.assign(identity, await verifyBotToken(app, connection.botToken));
      const who = identity.botUserId ? { botUserId: identity.botUserId } : {};
      if (connection.mode === 'socket') {
        const opsPort = options.config.healthPort;
        if (opsPort !== null) {
          servers.push(
            await listen({
              host: options.config.host,
              port: opsPort,
              portHint: 'set MINUTEBOOK_HEALTH_PORT or pass --health-port',
              handle: (req, res) => {
                if (!handleOpsRequest(req, res, ops)) notFound(res);
              },
            }),
          );
        }
        await app.start();
        logger.info({ mode: 'socket', bot_user_id: identity.botUserId }, 'connected to Slack in Socket Mode');
        const opsListening = servers[0];
        return { mode: 'socket', ...who, ...(opsListening ? { opsPort: opsListening.port } : {}) };
      }
      const events = httpReceiver as HTTPReceiver;
      const listening = await listen({
        host: options.config.host,
        port: connection.port,
        portHint: 'set PORT or pass --port',
        handle: (req, res) => {
          if (handleOpsRequest(req, res, ops)) return;
          void gateSlackRequest(req, res, connection.signingSecret, logger).then((passed) => {
            if (!passed) return;
            try {
              events.requestListener(req, res);
            } catch (error) {
              // Bolt throws here only before it starts on a request; the process must not go down with it.
              logger.error({ err: error, event: 'slack.request_failed' }, 'Bolt could not take a request');
              if (!res.headersSent) res.writeHead(500).end();
            }
          });
        },
      });
      servers.push(listening);
      Object.assign(slackState, { ok: true, detail: 'token checked; listening for events' });
      logger.info(
        {
          mode: 'http',
          host: options.config.host,
          port: listening.port,
          path: EVENTS_PATH,
          bot_user_id: identity.botUserId,
        },
        'listening for Slack events',
      );
      return { mode: 'http', port: listening.port, opsPort: listening.port, server: listening.server, ...who };
    },
    async stop() {
      Object.assign(slackState, { ok: false, detail: 'stopping' });
      // Bolt's stop does not wait for the WebSocket close handshake; waiting lets the process exit
      // promptly instead of keeping a 30-second handshake timer alive.
      if (socketReceiver) await socketReceiver.client.disconnect();
      await Promise.all(servers.splice(0).map((server) => server.close()));
    },
  };
}

/**
 * Checks the bot token with `auth.test` so a wrong token fails at start, not at the first question,
 * and learns the bot's own ids (to ignore its own messages and read threads).
 */
async function verifyBotToken(
  app: App,
  token: string,
): Promise<{ botId?: string; botUserId?: string; teamId?: string }> {
  let result: webApi.AuthTestResponse;
  try {
    result = await app.client.auth.test({ token });
  } catch (error) {
    const code = isRecord(error) && isRecord(error.data) ? str(error.data, 'error') : undefined;
    if (code) {
      throw new ConfigError(
        `Slack rejected SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from api.slack.com/apps -> your app -> OAuth & Permissions`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `cannot reach Slack's Web API to check SLACK_BOT_TOKEN: ${reason} (check SLACK_API_URL and the network)`,
    );
  }
  return {
    ...(result.bot_id ? { botId: result.bot_id } : {}),
    ...(result.user_id ? { botUserId: result.user_id } : {}),
    ...(result.team_id ? { teamId: result.team_id } : {}),
  };
}
