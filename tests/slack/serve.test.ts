import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/corpus.js';
import { eventCallback, FAKE_BOT_USER, FakeSlack } from '../helpers/fake-slack.js';

const BOT_TOKEN = 'xoxb-serve-test-secret-token';
const APP_TOKEN = 'xapp-1-serve-test-secret-token';

/** `minutebook serve` as a user runs it: a real index, the real answerer, Socket Mode to a fake Slack. */
describe('minutebook serve', () => {
  let dir: string;
  let indexDir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'minutebook-serve-'));
    indexDir = path.join(dir, 'index');
    const ingest = await runCli(
      ['ingest', 'examples', '--manifest', 'examples/meetings.json', '--index', indexDir],
      // No model: a keyword-only index is enough to answer and keeps the test fast and offline.
      { env: { MINUTEBOOK_MODEL_DIR: path.join(dir, 'no-models'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' } },
    );
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('says which Slack variable is missing and where to find it', async () => {
    const result = await runCli(['serve', '--index', indexDir], { env: { SLACK_APP_TOKEN: APP_TOKEN } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN is not set.*OAuth & Permissions/);
  });

  it('answers a mention from the real index in Socket Mode and stops cleanly on SIGTERM', async () => {
    const fake = await new FakeSlack().start();
    const socket = await fake.startSocketMode();
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(OPENAI_|SLACK_|MINUTEBOOK_)/.test(key)) env[key] = value;
    }
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [path.join(repoRoot, 'bin/minutebook.js'), 'serve', '--index', indexDir], {
        cwd: repoRoot,
        env: {
          ...env,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_APP_TOKEN: APP_TOKEN,
          SLACK_API_URL: fake.apiUrl,
          MINUTEBOOK_MODEL_DIR: path.join(dir, 'no-models'),
          MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
          LOG_LEVEL: 'debug',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      await socket.waitFor((s) => s.connected);

      const ts = '1700002000.000100';
      const event = {
        type: 'app_mention',
        user: 'U0ASKER',
        text: `<@${FAKE_BOT_USER}> How many new fostering households were approved in 2023?`,
        ts,
        channel: 'C0GENERAL',
        event_ts: ts,
      };
      const envelope = socket.sendEvent(eventCallback(event, 'EvServe1'));
      await socket.waitFor((s) => s.acks.some((a) => a.envelope_id === envelope));
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);

      const post = fake.callsTo('chat.postMessage')[0];
      expect(post?.args.thread_ts).toBe(ts);
      const blocks = JSON.stringify(post?.args.blocks);
      expect(blocks).toContain('Foster Carer Recruitment');
      expect(blocks).toContain('<https://democracy.northbridge.example/');
      expect(blocks).toContain('12 March 2024');

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output).toContain('connected to Slack in Socket Mode');
      expect(output).not.toContain(BOT_TOKEN);
      expect(output).not.toContain(APP_TOKEN);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await fake.stop();
    }
  });
});
