import type { SlackConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type CreateSlackAppOptions, createSlackApp, EVENTS_PATH, type SlackBot } from '../../src/slack/app.js';
import { FakeSlack } from '../helpers/fake-slack.js';
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
  options: Partial<Omit<CreateSlackAppOptions, 'config' | 'stats' | 'logger'>> = {},
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
  };
  const bot = createSlackApp({
    config,
    stats: async () => sampleStats(),
    logger: createLogger({ level: 'debug', destination: logs }),
    webApiRetries: 0,
    ...options,
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
