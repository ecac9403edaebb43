import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import { resolveSlackConnection } from '../../src/slack/settings.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ScriptedAnswerer, sampleStats } from '../helpers/scripted-answerer.js';
import { LogCapture } from './harness.js';

function slack(env: Record<string, string>) {
  return loadConfig(env, '/tmp').slack;
}

describe('resolveSlackConnection', () => {
  it('names SLACK_BOT_TOKEN and where to find it when it is missing', () => {
    expect(() => resolveSlackConnection(slack({ SLACK_APP_TOKEN: 'xapp-1' }))).toThrow(
      /SLACK_BOT_TOKEN is not set.*api\.slack\.com\/apps -> your app -> OAuth & Permissions/,
    );
  });

  it('rejects a user token given as the bot token', () => {
    expect(() => resolveSlackConnection(slack({ SLACK_BOT_TOKEN: 'xoxp-123', SLACK_APP_TOKEN: 'xapp-1' }))).toThrow(
      /SLACK_BOT_TOKEN must be a bot token starting with xoxb-/,
    );
  });

  it('asks for either an app token or a signing secret, saying where each lives', () => {
    const error = (() => {
      try {
        resolveSlackConnection(slack({ SLACK_BOT_TOKEN: 'xoxb-1' }));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/SLACK_APP_TOKEN.*App-Level Tokens.*SLACK_SIGNING_SECRET.*Signing Secret/);
  });

  it('checks the app token looks like one', () => {
    expect(() => resolveSlackConnection(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }))).toThrow(
      /SLACK_APP_TOKEN must be an app-level token starting with xapp-.*connections:write/,
    );
  });

  it('prefers Socket Mode when an app token is set, else HTTP on PORT', () => {
    expect(
      resolveSlackConnection(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }))
        .mode,
    ).toBe('socket');
    expect(
      resolveSlackConnection(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '4100' })),
    ).toMatchObject({ mode: 'http', port: 4100, apiUrl: 'https://slack.com/api/' });
  });
});

describe('start-up', () => {
  it('fails with a clear message when Slack rejects the bot token, and logs no secret', async () => {
    const fake = await new FakeSlack().start();
    fake.fail('auth.test', 'invalid_auth');
    const logs = new LogCapture();
    const bot = createSlackApp({
      config: {
        botToken: 'xoxb-rejected-token-value',
        appToken: null,
        signingSecret: 'a-signing-secret',
        apiUrl: fake.apiUrl,
        port: 0,
        host: '127.0.0.1',
        healthPort: null,
        alertsIntervalMs: 60_000,
      },
      answerer: new ScriptedAnswerer(),
      stats: async () => sampleStats(),
      logger: createLogger({ level: 'debug', destination: logs }),
      webApiRetries: 0,
    });
    await expect(bot.start()).rejects.toThrow(/Slack rejected SLACK_BOT_TOKEN \(invalid_auth\).*OAuth & Permissions/);
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-rejected-token-value');
    expect(logs.raw.join('\n')).not.toContain('xoxb-rejected-token-value');
    await bot.stop().catch(() => {});
    await fake.stop();
  });

  it('names the port when HTTP mode cannot listen on it', async () => {
    const fake = await new FakeSlack().start();
    const taken = Number(new URL(fake.baseUrl).port);
    const bot = createSlackApp({
      config: {
        botToken: 'xoxb-port-test',
        appToken: null,
        signingSecret: 'a-signing-secret',
        apiUrl: fake.apiUrl,
        port: taken,
        host: '127.0.0.1',
        healthPort: null,
        alertsIntervalMs: 60_000,
      },
      answerer: new ScriptedAnswerer(),
      stats: async () => sampleStats(),
      logger: createLogger({ level: 'silent' }),
      webApiRetries: 0,
    });
    await expect(bot.start()).rejects.toThrow(`port ${taken} is already in use: set PORT or pass --port`);
    await fake.stop();
  });
});
