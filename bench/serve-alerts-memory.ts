/**
 * What an alerts pass costs `serve` in memory. Builds a folder index of all but the last corpus
 * meeting with the model in `models/`, adds a follow, starts the built `serve` (HTTP mode, passes
 * every 5 s) against the fake Slack on 127.0.0.1, ingests the last meeting, and waits for its alert
 * to be posted. Prints serve's RSS and peak RSS (VmRSS, VmHWM; Linux) when ready and after the
 * pass. `--repo` runs another checkout's build (e.g. one from before alerts were matched in the
 * answering thread) against the same steps.
 *
 *   npx tsx bench/serve-alerts-memory.ts [--corpus ../shared/corpus] [--topic "recruiting social workers"]
 *     [--repo <checkout with a built dist/>]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openAlertStore } from '../src/alerts/open.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../support/fake-slack.js';
import { arg } from './options.js';

const CORPUS = path.resolve(arg('--corpus', '../shared/corpus'));
const TOPIC = arg('--topic', 'recruiting social workers');
const REPO = path.resolve(arg('--repo', '.'));
const USER = 'U0BENCH';

const fake = await new FakeSlack().start();
const index = path.join(mkdtempSync(path.join(tmpdir(), 'minutebook-alerts-memory-')), 'index');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  MINUTEBOOK_MODEL_DIR: path.resolve('models'),
  MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
  MINUTEBOOK_INDEX_DIR: index,
  SLACK_API_URL: fake.apiUrl,
  SLACK_BOT_TOKEN: 'xoxb-bench-0000',
  SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
  MINUTEBOOK_ALERTS_INTERVAL_S: '5',
  LOG_LEVEL: 'warn',
};
const bin = path.join(REPO, 'bin/minutebook.js');

function cli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`minutebook ${args[0]} exited ${code}`))));
  });
}

/** A line of /proc/<pid>/status in MB. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb ?? 0) / 1024);
}

/** A TCP port free right now on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

const manifest = path.join(CORPUS, 'meetings.json');
const entries: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
const files = (Array.isArray(entries) ? entries : [])
  .map((entry: unknown) => (entry && typeof entry === 'object' && 'file' in entry ? entry.file : null))
  .filter((file): file is string => typeof file === 'string')
  .map((file) => path.join(CORPUS, file));
const last = files.pop();
if (!last) throw new Error(`no meetings in ${manifest}`);
try {
  await cli(['ingest', ...files, '--manifest', manifest]);
  const store = await openAlertStore({ kind: 'sqlite', dir: index }, { logger: createLogger({ level: 'silent' }) });
  await store.addFollow({ subscriber: { kind: 'user', id: USER }, topic: TOPIC, postTo: USER, createdBy: USER });
  await store.close();
  // Follows only hear of items stamped after them (milliseconds).
  await sleep(10);

  const port = String(await freePort());
  const serve = spawn(process.execPath, [bin, 'serve', '--port', port], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  serve.stdout.on('data', (d: Buffer) => (output += d.toString()));
  serve.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    while (!output.includes('Minutebook is listening')) {
      if (serve.exitCode !== null) throw new Error(`serve exited:\n${output}`);
      await sleep(100);
    }
    const pid = serve.pid ?? 0;
    console.log(`ready:             RSS ${statusMb(pid, 'VmRSS')} MB, peak ${statusMb(pid, 'VmHWM')} MB`);
    await cli(['ingest', last, '--manifest', manifest]);
    const started = Date.now();
    while (!fake.callsTo('chat.postMessage').some((call) => call.args.channel === USER)) {
      if (Date.now() - started > 60_000) throw new Error(`no alert for "${TOPIC}" within 60 s:\n${output}`);
      await sleep(100);
    }
    // Let a pass that is still finishing settle before reading.
    await sleep(3000);
    console.log(`after an alert:    RSS ${statusMb(pid, 'VmRSS')} MB, peak ${statusMb(pid, 'VmHWM')} MB`);
  } finally {
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve.once('exit', resolve));
  }
} finally {
  await fake.stop();
  rmSync(path.dirname(index), { recursive: true, force: true });
}
