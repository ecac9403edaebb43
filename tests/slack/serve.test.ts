import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FakeOpenAi } from '../helpers/fake-openai.js';
import { eventCallback, FAKE_BOT_USER, FakeSlack, postToApp } from '../helpers/fake-slack.js';
import { TestProxy } from '../helpers/proxy.js';
import { freePort, type ServeProcess, startServe } from '../helpers/serve.js';

const BOT_TOKEN = 'xoxb-serve-test-secret-token';
const APP_TOKEN = 'xapp-1-serve-test-secret-token';
const SIGNING_SECRET = 'serve-test-signing-secret-0123';

function mention(ts: string, text: string): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: 'U0ASKER',
    text: `<@${FAKE_BOT_USER}> ${text}`,
    ts,
    channel: 'C0GENERAL',
    event_ts: ts,
  };
}

/** A metric's value from Prometheus text, e.g. `minutebook_answers_total{mode="extractive"}`. */
function metric(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

/** `minutebook serve` as a user runs it: a real index, the real answerer, a fake Slack on 127.0.0.1. */
describe('minutebook serve', () => {
  let dir: string;
  let indexDir: string;
  let noModels: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'minutebook-serve-'));
    indexDir = path.join(dir, 'index');
    // No model: a keyword-only index is enough to answer and keeps the test fast and offline.
    noModels = { MINUTEBOOK_MODEL_DIR: path.join(dir, 'no-models'), MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false' };
    const ingest = await runCli(['ingest', 'examples', '--manifest', 'examples/meetings.json', '--index', indexDir], {
      env: noModels,
    });
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  /** What every serve run against the fake Slack is given: its tokens, its API, no models. */
  const slackEnv = (fake: FakeSlack) => ({
    ...noModels,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
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

  it('says in one line when there is no index to serve', async () => {
    const missing = path.join(dir, 'no-index-here');
    const result = await runCli(['serve', '--index', missing], {
      env: { ...noModels, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`no index in ${missing}: build one with`);
  });

  it('answers a mention in Socket Mode, reports health, readiness and metrics on --health-port, and stops on SIGTERM', async () => {
    const fake = await new FakeSlack().start();
    const socket = await fake.startSocketMode();
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(['--index', indexDir, '--health-port', String(await freePort())], {
        ...slackEnv(fake),
        LOG_LEVEL: 'debug',
      });
      const ops = `http://127.0.0.1:${serve.opsPort}`;
      expect((await fetch(`${ops}/healthz`)).status).toBe(200);
      await socket.waitFor((s) => s.connected);
      const ready = await fetch(`${ops}/readyz`);
      const report = (await ready.json()) as { ready: boolean; checks: Record<string, { ok: boolean }> };
      expect(ready.status, JSON.stringify(report)).toBe(200);
      expect(Object.keys(report.checks).sort()).toEqual(['index', 'model', 'slack']);

      const ts = '1700002000.000100';
      const envelope = socket.sendEvent(
        eventCallback(mention(ts, 'How many new fostering households were approved in 2023?'), 'EvServe1'),
      );
      await socket.waitFor((s) => s.acks.some((a) => a.envelope_id === envelope));
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
      const post = fake.callsTo('chat.postMessage')[0];
      expect(post?.args.thread_ts).toBe(ts);
      const blocks = JSON.stringify(post?.args.blocks);
      expect(blocks).toContain('Foster Carer Recruitment');
      expect(blocks).toContain('<https://democracy.northbridge.example/');
      expect(blocks).toContain('12 March 2024');

      const metrics = await (await fetch(`${ops}/metrics`)).text();
      expect(metric(metrics, 'minutebook_questions_total{outcome="answered"}')).toBe(1);
      expect(metric(metrics, 'minutebook_answers_total{mode="extractive"}')).toBe(1);
      expect(metric(metrics, 'minutebook_answer_duration_seconds_count{mode="extractive"}')).toBe(1);
      expect(metric(metrics, 'minutebook_index_meetings')).toBe(3);
      expect(metric(metrics, 'minutebook_index_passages')).toBeGreaterThan(3);
      expect(metrics).toContain('minutebook_process_resident_memory_bytes');

      const answered = serve
        .output()
        .split('\n')
        .filter((l) => l.includes('"slack.answered"'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(answered).toHaveLength(1);
      expect(answered[0]?.duration_ms).toEqual(expect.any(Number));

      expect(await serve.stop()).toBe(0);
      expect(serve.output()).toContain('connected to Slack in Socket Mode');
      expect(serve.output()).not.toContain(BOT_TOKEN);
      expect(serve.output()).not.toContain(APP_TOKEN);
    } finally {
      if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
      await fake.stop();
    }
  });

  it('scopes questions to MINUTEBOOK_COUNCIL unless a question names another council', async () => {
    const fake = await new FakeSlack().start();
    const socket = await fake.startSocketMode();
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(['--index', indexDir], {
        ...slackEnv(fake),
        MINUTEBOOK_COUNCIL: 'Southmoor',
      });
      await socket.waitFor((s) => s.connected);
      const question = 'How many new fostering households were approved in 2023?';
      socket.sendEvent(eventCallback(mention('1700002100.000100', question), 'EvCouncil1'));
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
      // The index holds Northbridge's minutes only: Southmoor's search finds no meeting, and says why.
      const scoped = JSON.stringify(fake.callsTo('chat.postMessage')[0]?.args.blocks);
      expect(scoped).not.toContain('Foster Carer Recruitment');
      expect(scoped).toContain('of councils matching');
      expect(scoped).toContain('name another council in your question');

      socket.sendEvent(eventCallback(mention('1700002100.000200', `${question} At Northbridge`), 'EvCouncil2'));
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 2);
      expect(JSON.stringify(fake.callsTo('chat.postMessage')[1]?.args.blocks)).toContain('Foster Carer Recruitment');
      expect(await serve.stop()).toBe(0);
    } finally {
      if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
      await fake.stop();
    }
  });

  it('in HTTP mode listens on 127.0.0.1 only, refuses bodies that are not events and far-off timestamps, and keeps serving', async () => {
    const fake = await new FakeSlack().start();
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(['--index', indexDir, '--port', String(await freePort())], {
        ...noModels,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      const base = `http://127.0.0.1:${serve.port}`;
      expect(serve.output()).toContain(`on 127.0.0.1:${serve.port} at /slack/events`);
      // Another interface of this machine, if it has one, does not reach the bot.
      const other = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) await expect(fetch(`http://${other.address}:${serve.port}/healthz`)).rejects.toThrow();

      // Issue 16 case 7: signed bodies that are not events used to crash the process.
      const url = `${base}/slack/events`;
      const refusals = [
        await postToApp(url, null, { secret: SIGNING_SECRET }),
        await postToApp(url, [], { secret: SIGNING_SECRET }),
        await postToApp(url, { payload: 'null' }, { secret: SIGNING_SECRET, form: true }),
      ];
      expect(refusals.map((r) => r.status)).toEqual([400, 400, 400]);
      // Case 10: an hour ahead was accepted; five minutes either way is the limit.
      const now = Math.floor(Date.now() / 1000);
      const body = eventCallback(mention('1700003000.000100', 'anything?'), 'EvFuture');
      const future = await postToApp(url, body, { secret: SIGNING_SECRET, timestamp: now + 3600 });
      const past = await postToApp(url, body, { secret: SIGNING_SECRET, timestamp: now - 6 * 60 });
      expect([future.status, past.status]).toEqual([401, 401]);

      const ok = await postToApp(url, eventCallback(mention('1700003000.000200', 'school transport?'), 'EvOk'), {
        secret: SIGNING_SECRET,
        timestamp: now + 4 * 60,
      });
      expect(ok.status).toBe(200);
      await fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
      expect(fake.callsTo('chat.postMessage')[0]?.args.thread_ts).toBe('1700003000.000200');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(serve.child.exitCode).toBeNull();
      expect(await serve.stop()).toBe(0);
    } finally {
      if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
      await fake.stop();
    }
  });

  it('sends the Slack, Socket Mode and OpenAI traffic through HTTPS_PROXY / HTTP_PROXY', async () => {
    const fake = await new FakeSlack().start();
    const socket = await fake.startSocketMode();
    const llm = await FakeOpenAi.start({ kind: 'answer', content: 'Home to school transport costs rose [1].' });
    const proxy = await TestProxy.start();
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(['--index', indexDir], {
        ...slackEnv(fake),
        OPENAI_BASE_URL: llm.baseUrl,
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: proxy.url,
      });
      await socket.waitFor((s) => s.connected);
      socket.sendEvent(eventCallback(mention('1700004000.000100', 'What was said about school transport?'), 'EvProxy'));
      // The model's draft is streamed, then replaced by the checked answer.
      await fake.waitFor((f) => f.callsTo('chat.update').length === 1);
      expect(llm.requests.length).toBeGreaterThanOrEqual(1);
      expect(proxy.carried(new URL(fake.apiUrl).host)).toBe(true);
      expect(proxy.carried(new URL(socket.url).host)).toBe(true);
      expect(proxy.carried(new URL(llm.baseUrl).host)).toBe(true);
      expect(await serve.stop()).toBe(0);
    } finally {
      if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
      await proxy.stop();
      await llm.close();
      await fake.stop();
    }
  });
});
