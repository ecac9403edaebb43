import { loadConfig, type SlackConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type CreateSlackAppOptions, createSlackApp, EVENTS_PATH, type SlackBot } from '../../src/slack/app.js';
import { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import type { StoreTarget } from '../../src/store/open-store.js';
import { FAKE_TEAM, FakeSlack } from '../helpers/fake-slack.js';
import { tempDir } from '../helpers/index.js';
import { ScriptedAnswerer, sampleStats } from '../helpers/scripted-answerer.js';

export const BOT_TOKEN = 'xoxb-1111-2222-botsecretvalue';
export const APP_TOKEN = 'xapp-1-A0FAKE-3333-appsecretvalue';
export const SIGNING_SECRET = 'signing-secret-0123456789abcdef';

/** Log lines captured through a pino destination stream, parsed. */
export class LogCapture {
  readonly raw: string[] = [];
  readonly #waiters: Array<() => void> = [];

  write(line: string): void {
    this.raw.push(line);
    for (const wake of this.#waiters.splice(0)) wake();
  }

  get lines(): Array<Record<string, unknown>> {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  async waitFor(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.lines.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

export interface Harness {
  fake: FakeSlack;
  /** The scripted answerer, unless the test passed its own. */
  answerer: ScriptedAnswerer;
  logs: LogCapture;
  bot: SlackBot;
  /** The app's events URL (HTTP mode). */
  eventsUrl: string;
  close(): Promise<void>;
}

/** The real Bolt app against a fake Slack on 127.0.0.1, with a scripted answerer and captured logs. */
export async function startHarness(
  mode: 'http' | 'socket',
  options: Partial<Omit<CreateSlackAppOptions, 'config' | 'logger'>> = {},
): Promise<Harness> {
  const fake = await new FakeSlack().start();
  if (mode === 'socket') await fake.startSocketMode();
  const answerer = new ScriptedAnswerer();
  const logs = new LogCapture();
  const config: SlackConfig = {
    botToken: BOT_TOKEN,
    appToken: mode === 'socket' ? APP_TOKEN : null,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    healthPort: null,
    alertsIntervalMs: 60_000,
  };
  const bot = createSlackApp({
    config,
    logger: createLogger({ level: 'debug', destination: logs }),
    webApiRetries: 0,
    ...options,
    stats: options.stats ?? (async () => sampleStats()),
    answerer: options.answerer ?? answerer,
  });
  const started = await bot.start();
  return {
    fake,
    answerer,
    logs,
    bot,
    eventsUrl: `http://127.0.0.1:${started.port ?? 0}${EVENTS_PATH}`,
    async close() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** Every string in a Web API call's arguments, joined: what a user could end up seeing. */
export function visibleText(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The answering thread `serve` uses, over `target`, with no embedding model (keyword search) and
 * `env` on top of the defaults (an `OPENAI_BASE_URL` for a fake model). Not started yet.
 */
export function workerAnswerer(target: StoreTarget, env: Record<string, string> = {}): WorkerAnswerer {
  const config = loadConfig(
    { MINUTEBOOK_MODEL_DIR: tempDir('minutebook-no-model-'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false', ...env },
    process.cwd(),
  );
  return new WorkerAnswerer({
    config,
    target,
    logger: createLogger({ level: 'silent' }),
    logLevel: 'silent',
    timeoutMs: 60_000,
  });
}

/** A person's message in the bot's DM, as `message.im` delivers it; in a thread when `threadTs` is given. */
export function directMessage(
  where: { channel: string; user: string; threadTs?: string },
  ts: string,
  text: string,
): Record<string, unknown> {
  return {
    type: 'message',
    channel: where.channel,
    channel_type: 'im',
    user: where.user,
    team: FAKE_TEAM,
    text,
    ts,
    event_ts: ts,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  };
}
