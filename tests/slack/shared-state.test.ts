import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PostgresSlackState } from '../../src/slack/shared-state.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/corpus.js';
import { eventCallback, FAKE_BOT_USER, FakeSlack, postToApp } from '../helpers/fake-slack.js';
import { dropSchemas, freshSchema, postgresSkipReason, schemaUrl } from '../helpers/stores.js';

const BOT_TOKEN = 'xoxb-shared-state-test-token';
const SECRET = 'shared-state-signing-secret';
const logger = createLogger({ level: 'silent' });

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function mention(n: number, user: string): Record<string, unknown> {
  const ts = `1700100${String(n).padStart(3, '0')}.000100`;
  return {
    type: 'app_mention',
    user,
    text: `<@${FAKE_BOT_USER}> How many fostering households were approved?`,
    ts,
    channel: 'C0SHARED',
    event_ts: ts,
  };
}

describe.skipIf(postgresSkipReason !== null)('Slack state shared by several serve processes in PostgreSQL', () => {
  const schema = freshSchema();
  const url = schemaUrl(schema);
  afterAll(async () => {
    await dropSchemas(schema);
  });

  it('dedupes keys and counts one user’s questions across processes', async () => {
    const a = await PostgresSlackState.open(url, { logger, rateLimit: 2, rateWindowMs: 60_000 });
    const b = await PostgresSlackState.open(url, { logger, rateLimit: 2, rateWindowMs: 60_000 });
    try {
      const firsts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).firstTime('event:Ev-same')),
      );
      expect(firsts.filter(Boolean)).toHaveLength(1);
      expect(await a.firstTime('event:Ev-other')).toBe(true);
      const takes = await Promise.all([a.take('U1'), b.take('U1'), a.take('U1'), b.take('U1'), a.take('U2')]);
      expect(takes.filter((t) => t.allowed)).toHaveLength(3);
      const refused = takes.find((t) => !t.allowed);
      expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(55_000);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('two real `serve` processes in HTTP mode on one database', () => {
    let fake: FakeSlack;
    const servers: ChildProcess[] = [];
    const urls: string[] = [];
    beforeAll(async () => {
      const ingest = await runCli(['ingest', 'examples', '--manifest', 'examples/meetings.json', '--database', url], {
        env: { MINUTEBOOK_MODEL_DIR: path.join(repoRoot, 'no-models-here'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' },
      });
      expect(ingest.code, ingest.stderr).toBe(0);
      fake = await new FakeSlack().start();
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined && !/^(OPENAI_|SLACK_|MINUTEBOOK_)/.test(key)) env[key] = value;
      }
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        const child = spawn(
          process.execPath,
          [path.join(repoRoot, 'bin/minutebook.js'), 'serve', '--port', String(port)],
          {
            cwd: repoRoot,
            env: {
              ...env,
              SLACK_BOT_TOKEN: BOT_TOKEN,
              SLACK_SIGNING_SECRET: SECRET,
              SLACK_API_URL: fake.apiUrl,
              MINUTEBOOK_DATABASE_URL: url,
              MINUTEBOOK_MODEL_DIR: path.join(repoRoot, 'no-models-here'),
              MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
              LOG_LEVEL: 'warn',
            },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        servers.push(child);
        let said = '';
        child.stderr?.on('data', (d: Buffer) => {
          said += d.toString();
        });
        while (!said.includes('is listening for Slack')) {
          if (child.exitCode !== null) throw new Error(`serve exited: ${said}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        urls.push(`http://127.0.0.1:${port}/slack/events`);
      }
    }, 60_000);
    afterAll(async () => {
      for (const child of servers) child.kill('SIGTERM');
      await Promise.all(servers.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
      await fake?.stop();
    });

    it('answers each of 50 mentions exactly once, retries delivered to the other process included', async () => {
      const deliveries: Array<Promise<Response>> = [];
      for (let n = 0; n < 50; n++) {
        const body = eventCallback(mention(n, `U0ASK${n}`), `EvShared${n}`);
        deliveries.push(postToApp(urls[n % 2] ?? '', body, { secret: SECRET }));
        // Slack's retry of the same event (same event_id), to the other process, every other mention.
        if (n % 2 === 0) deliveries.push(postToApp(urls[(n + 1) % 2] ?? '', body, { secret: SECRET, retryNum: 1 }));
      }
      const statuses = (await Promise.all(deliveries)).map((r) => r.status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length >= 50);
      // Give a wrongly doubled answer time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const threads = fake.callsTo('chat.postMessage').map((c) => String(c.args.thread_ts));
      expect(threads).toHaveLength(50);
      expect(new Set(threads).size).toBe(50);
      expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]?.args.blocks)).toContain('Foster Carer Recruitment');
    }, 60_000);

    it('shares one user’s rate limit between the processes', async () => {
      const before = fake.callsTo('chat.postMessage').length;
      for (let n = 100; n < 108; n++) {
        const res = await postToApp(urls[n % 2] ?? '', eventCallback(mention(n, 'U0EAGER'), `EvEager${n}`), {
          secret: SECRET,
        });
        expect(res.status).toBe(200);
      }
      await fake.waitFor(
        (f) => f.callsTo('chat.postMessage').length - before >= 6 && f.callsTo('chat.postEphemeral').length >= 2,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(fake.callsTo('chat.postMessage').length - before).toBe(6);
      expect(fake.callsTo('chat.postEphemeral').map((c) => String(c.args.text))).toEqual([
        expect.stringMatching(/asking faster/),
        expect.stringMatching(/asking faster/),
      ]);
    }, 60_000);
  });
});
