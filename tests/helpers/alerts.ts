import { copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest } from '../../ingest/manifest.js';
import { ingestFiles, ingestMeetings } from '../../ingest/pipeline.js';
import { IndexChanges } from '../../src/alerts/changes.js';
import { LocalMatcher } from '../../src/alerts/local-matcher.js';
import { openAlertStore } from '../../src/alerts/open.js';
import { AlertsRunner } from '../../src/alerts/runner.js';
import type { AlertStore, FollowMatcher } from '../../src/alerts/types.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { alertsWebClient, slackDeliverer } from '../../src/slack/alerts/poster.js';
import { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import { openIndexWriter, type StoreTarget } from '../../src/store/open-store.js';
import type { Embedder, Meeting } from '../../src/types.js';
import { type ApiCall, FakeSlack } from './fake-slack.js';
import { silentLogger, tempDir } from './index.js';
import { TINY_MODEL_ID, tinyEmbedder, tinyModelDir } from './tiny-model.js';

/** The made-up Wessfield minutes of the alert tests. */
export const alertFixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'alerts', 'fixtures');

export const ALERTS_BOT_TOKEN = 'xoxb-alerts-0000-botsecretvalue';

/**
 * A real index (tiny model), its alert store and a fake Slack on 127.0.0.1, wired as `ingest`,
 * `sync`, `alerts run` and `serve` wire them: what a test ingests is queued for alerts once the
 * index is closed, and a runner's pass matches (in `serve`'s answering thread, or with a retriever
 * of its own as `alerts run` does) and posts through the Web API.
 */
export interface AlertsBench {
  target: StoreTarget;
  /** A private copy of the fixtures, which `publish` changes. */
  dir: string;
  store: AlertStore;
  fake: FakeSlack;
  config: Config;
  embedder: Embedder;
  /** Ingests files of `dir` as `minutebook ingest` does (with the fixtures' manifest). */
  ingest(files: string[], options?: { rebuild?: boolean }): Promise<void>;
  /** Republishes minutes where they were: `file` in `dir` now holds the text of the fixture `from`. */
  publish(file: string, from: string): void;
  /** Writes already-parsed meetings as `minutebook sync` does. */
  sync(meetings: Meeting[]): Promise<void>;
  /**
   * An alerts runner posting to the fake Slack. It matches with `match`, by default in the bench's
   * answering thread (as `serve` does; started on first use and kept); `localMatcher()` gives the
   * matcher `alerts run` uses.
   */
  runner(options?: { match?: FollowMatcher; logger?: Logger }): AlertsRunner;
  /** `serve`'s answering thread over the bench's index (tiny model), started and ready. */
  answeringThread(): Promise<WorkerAnswerer>;
  /** A matcher with a retriever of its own, as `alerts run` has; closed with the bench. */
  localMatcher(): LocalMatcher;
  /** Every chat.postMessage so far. */
  posts(): ApiCall[];
  close(): Promise<void>;
}

export async function startAlertsBench(target: StoreTarget): Promise<AlertsBench> {
  const dir = tempDir('minutebook-alert-minutes-');
  cpSync(alertFixtures, dir, { recursive: true });
  const fake = await new FakeSlack().start();
  const embedder = await tinyEmbedder();
  const config = loadConfig({
    MINUTEBOOK_MODEL_DIR: await tinyModelDir(),
    MINUTEBOOK_EMBED_MODEL: TINY_MODEL_ID,
    MINUTEBOOK_ALLOW_REMOTE_MODELS: 'false',
    SLACK_BOT_TOKEN: ALERTS_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
  });
  const model = { id: embedder.modelId, dimensions: embedder.dimensions };
  const write = async (
    fill: (changes: IndexChanges, store: Awaited<ReturnType<typeof openIndexWriter>>) => Promise<unknown>,
    rebuild = false,
  ) => {
    const changes = new IndexChanges();
    const store = await openIndexWriter(target, { purpose: 'test', rebuild, model, logger: silentLogger });
    await fill(changes, store);
    await store.close();
    await changes.record(target, silentLogger);
  };
  // The index exists before its alert store, as it does after a first `ingest`.
  await write(async () => undefined);
  const store = await openAlertStore(target, { logger: silentLogger });
  const runners: AlertsRunner[] = [];
  const matchers: LocalMatcher[] = [];
  let thread: Promise<WorkerAnswerer> | null = null;
  const answeringThread = () => {
    thread ??= (async () => {
      const answerer = new WorkerAnswerer({
        config,
        target,
        logger: silentLogger,
        logLevel: 'silent',
        timeoutMs: 60_000,
      });
      await answerer.start();
      return answerer;
    })();
    return thread;
  };
  return {
    target,
    dir,
    store,
    fake,
    config,
    embedder,
    ingest: (files, options = {}) =>
      write(
        (changes, index) =>
          ingestFiles(
            files.map((f) => path.join(dir, f)),
            {
              store: index,
              embedder,
              manifest: loadManifest(path.join(dir, 'meetings.json')),
              onIndexed: (m) => changes.add(m),
            },
          ),
        options.rebuild === true,
      ),
    publish: (file, from) => copyFileSync(path.join(alertFixtures, from), path.join(dir, file)),
    sync: (meetings) =>
      write((changes, index) => ingestMeetings(meetings, { store: index, embedder, onIndexed: (m) => changes.add(m) })),
    runner(options = {}) {
      const runner = new AlertsRunner({
        store,
        target,
        match: options.match ?? (async (request) => (await answeringThread()).matchFollow(request)),
        logger: options.logger ?? silentLogger,
        deliver: slackDeliverer(alertsWebClient(config.slack)),
      });
      runners.push(runner);
      return runner;
    },
    answeringThread,
    localMatcher() {
      const matcher = new LocalMatcher({ target, config, logger: silentLogger });
      matchers.push(matcher);
      return matcher;
    },
    posts: () => fake.callsTo('chat.postMessage'),
    async close() {
      for (const runner of runners) await runner.stop();
      for (const matcher of matchers) await matcher.close();
      await (await thread?.catch(() => null))?.close();
      await store.close();
      await fake.stop();
    },
  };
}
