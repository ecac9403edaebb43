import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Answerer, IndexStats } from '../types.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackDeps, type SlackBehaviourOptions, type SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { isRecord, str } from './payloads.js';
import { resolveSlackConnection, type SlackConnection } from './settings.js';

/** The path Slack posts events, commands and interactions to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/** What the Slack app is built from. Everything that talks to the outside is passed in. */
export interface CreateSlackAppOptions extends SlackBehaviourOptions {
  config: SlackConfig;
  answerer: Answerer;
  /** What is indexed, for the App Home. */
  stats: () => Promise<IndexStats>;
  logger: Logger;
  /** Interface to listen on in HTTP mode (all interfaces by default). */
  host?: string;
  /** Retries of failed Web API calls (the Web API client's default when unset). */
  webApiRetries?: number;
}

/** A built, not yet started, Slack bot. */
export interface SlackBot {
  app: App;
  mode: SlackConnection['mode'];
  deps: SlackDeps;
  /** Connects (Socket Mode) or listens (HTTP); resolves once ready, with the port in HTTP mode. */
  start(): Promise<{ mode: SlackConnection['mode']; port?: number; botUserId?: string; server?: Server }>;
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
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: connection.apiUrl,
    logger: sdkLogger,
    ...(options.webApiRetries !== undefined ? { retryConfig: { retries: options.webApiRetries } } : {}),
  });

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (connection.mode === 'socket') {
    receiver = socketReceiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: sdkLogger,
      installerOptions: { clientOptions: clientOptions() },
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      endpoints: EVENTS_PATH,
      logger: sdkLogger,
      // Ack first, work after: Slack wants a response within 3 seconds, answers take longer.
      processBeforeResponse: false,
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
  const deps = createSlackDeps({ answerer: options.answerer, stats: options.stats, logger }, options);

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
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'unhandled Slack listener error');
  });

  return {
    app,
    mode: connection.mode,
    deps,
    async start() {
      Object.assign(identity, await verifyBotToken(app, connection.botToken));
      const who = identity.botUserId ? { botUserId: identity.botUserId } : {};
      if (connection.mode === 'socket') {
        await app.start();
        logger.info({ mode: 'socket', bot_user_id: identity.botUserId }, 'connected to Slack in Socket Mode');
        return { mode: 'socket', ...who };
      }
      const listen = options.host ? { port: connection.port, host: options.host } : { port: connection.port };
      const server = await (httpReceiver as HTTPReceiver).start(listen).catch((error: unknown) => {
        if (isRecord(error) && error.code === 'EADDRINUSE') {
          throw new ConfigError(`port ${connection.port} is already in use: set PORT or pass --port`);
        }
        throw error;
      });
      const port = (server.address() as AddressInfo).port;
      logger.info(
        { mode: 'http', port, path: EVENTS_PATH, bot_user_id: identity.botUserId },
        'listening for Slack events',
      );
      return { mode: 'http', port, server, ...who };
    },
    async stop() {
      // Bolt's stop does not wait for the WebSocket close handshake; waiting lets the process exit
      // promptly instead of keeping a 30-second handshake timer alive.
      if (socketReceiver) await socketReceiver.client.disconnect();
      else await app.stop();
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
