import { copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlertStore } from '../../src/alerts/open.js';
import { alertFixtures } from '../helpers/alerts.js';
import { runCli } from '../helpers/cli.js';
import { FakeSlack, postToApp } from '../helpers/fake-slack.js';
import { silentLogger, tempDir } from '../helpers/index.js';
import { freePort, startServe } from '../helpers/serve.js';
import { TINY_MODEL_ID, tinyModelDir } from '../helpers/tiny-model.js';

/**
 * `minutebook ingest` then `minutebook alerts run`, as the nightly units run them, and `serve`
 * posting what is due: real processes, a real index (tiny model), a fake Slack on 127.0.0.1.
 */

const BOT_TOKEN = 'xoxb-alerts-cli-secret-token';
const SIGNING_SECRET = 'alerts-cli-signing-secret-0123';

describe('minutebook alerts', () => {
  let fake: FakeSlack;
  let env: Record<string, string>;
  let minutes: string;
  let indexDir: string;

  const ingest = async (file: string) => {
    const result = await runCli(
      ['ingest', path.join(minutes, file), '--manifest', path.join(minutes, 'meetings.json')],
      {
        env,
      },
    );
    expect(result.code, result.stderr).toBe(0);
  };

  async function follow(user: string, topic: string): Promise<void> {
    const store = await openAlertStore({ kind: 'sqlite', dir: indexDir }, { logger: silentLogger });
    await store.addFollow({ subscriber: { kind: 'user', id: user }, topic, postTo: user, createdBy: user });
    await store.close();
    // Stamps are milliseconds: what is ingested next comes after the follow.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    minutes = tempDir('minutebook-alert-cli-');
    cpSync(alertFixtures, minutes, { recursive: true });
    indexDir = path.join(tempDir('minutebook-alert-cli-index-'), 'index');
    env = {
      MINUTEBOOK_INDEX_DIR: indexDir,
      MINUTEBOOK_MODEL_DIR: await tinyModelDir(),
      MINUTEBOOK_EMBED_MODEL: TINY_MODEL_ID,
      MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
      SLACK_API_URL: fake.apiUrl,
    };
    await ingest('cabinet-2025-01-14.txt');
  }, 120_000);

  afterAll(async () => {
    await fake.stop();
  });

  it('says in one line what is missing: the bot token, or the index', async () => {
    const noToken = await runCli(['alerts', 'run'], { env });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr.trim().split('\n')).toHaveLength(1);
    expect(noToken.stderr).toMatch(/SLACK_BOT_TOKEN is not set: `alerts run` posts alerts as the bot/);
    const missing = path.join(minutes, 'no-index-here');
    const noIndex = await runCli(['alerts', 'list', '--index', missing], { env });
    expect(noIndex.code).toBe(1);
    expect(noIndex.stderr).toContain(`no index in ${missing}`);
  });

  it('posts what the last ingest added, once, and lists the follows', async () => {
    await follow('U0CLI', 'bus shelters');
    await ingest('cabinet-2025-02-11.txt');
    const first = await runCli(['alerts', 'run', '--json'], { env: { ...env, SLACK_BOT_TOKEN: BOT_TOKEN } });
    expect(first.code, first.stderr).toBe(0);
    // Both meetings were matched; only the new one is announced, though the first discusses bus shelters too.
    expect(JSON.parse(first.stdout)).toMatchObject({ meetings: 2, queued: 1, sent: 1, failed: 0, due: 0 });
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe('U0CLI');
    expect(posts[0]?.token).toBe(BOT_TOKEN);
    expect(String(posts[0]?.args.text)).toBe(
      'New in the minutes on “bus shelters” — Cabinet, 11 February 2025: minute 54',
    );
    // The token never reaches what the command prints.
    expect(first.stdout + first.stderr).not.toContain(BOT_TOKEN);

    const again = await runCli(['alerts', 'run'], { env: { ...env, SLACK_BOT_TOKEN: BOT_TOKEN } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Matched 0 meeting\(s\) against 1 follow\(s\): 0 alert\(s\) queued, 0 posted/);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    const list = await runCli(['alerts', 'list'], { env });
    expect(list.stdout).toMatch(/^1\tuser U0CLI\t"bus shelters"\tto U0CLI\tsince \d{4}-/);
  });

  it('queues without posting (--no-post); serve posts what is due when it starts, answers /minutes following, and matches what is ingested while it runs with its one copy of the model', async () => {
    await follow('U0SERVE', 'allotment rents');
    await ingest('cabinet-2025-03-11.txt');
    const queued = await runCli(['alerts', 'run', '--no-post', '--json'], { env });
    expect(JSON.parse(queued.stdout)).toMatchObject({ queued: 1, sent: 0, due: 1 });

    const port = await freePort();
    const serve = await startServe(['--port', String(port)], {
      ...env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      MINUTEBOOK_ALERTS_INTERVAL_S: '5',
      // Debug shows each load of the embedding model, and which thread made it.
      LOG_LEVEL: 'debug',
    });
    try {
      await fake.waitFor((f) => f.callsTo('chat.postMessage').some((c) => c.args.channel === 'U0SERVE'));
      const post = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0SERVE');
      expect(String(post?.args.text)).toContain('Cabinet, 11 March 2025: minute 61');
      const res = await postToApp(
        `http://127.0.0.1:${port}/slack/events`,
        {
          command: '/minutes',
          text: 'following',
          user_id: 'U0SERVE',
          channel_id: 'C0ANY',
          team_id: 'T0FAKE',
          response_url: fake.responseUrl('following'),
          trigger_id: 't',
          api_app_id: 'A0FAKE',
        },
        { secret: SIGNING_SECRET, form: true },
      );
      expect(((await res.json()) as { text?: string }).text).toContain('*allotment rents* — by direct message');

      // Republished with a late item while serve runs: its next pass matches it and posts.
      await follow('U0LIVE', 'allotment society grants');
      copyFileSync(
        path.join(alertFixtures, 'cabinet-2025-02-11-with-late-item.txt'),
        path.join(minutes, 'cabinet-2025-02-11.txt'),
      );
      await ingest('cabinet-2025-02-11.txt');
      await fake.waitFor((f) => f.callsTo('chat.postMessage').some((c) => c.args.channel === 'U0LIVE'));
      const live = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0LIVE');
      expect(String(live?.args.text)).toContain('Cabinet, 11 February 2025: minute 55');
      // The match was made in the answering thread: the model was loaded once, there, and never by
      // the thread that talks to Slack (it had its own copy for alerts before).
      const loads = serve
        .output()
        .split('\n')
        .filter((line) => line.includes('"embedding model loaded"'))
        .map((line) => JSON.parse(line) as { thread?: string });
      expect(loads).toEqual([expect.objectContaining({ thread: 'answer' })]);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
