import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { structuredItem } from '../../ingest/moderngov/item.js';
import type { Follow, FollowMatcher } from '../../src/alerts/types.js';
import { createLogger } from '../../src/logger.js';
import { WorkerAnswerer } from '../../src/slack/worker-answerer.js';
import type { Meeting } from '../../src/types.js';
import { type AlertsBench, startAlertsBench } from '../helpers/alerts.js';
import { openTestRetriever, silentLogger } from '../helpers/index.js';
import { type StoreKit, sqliteKit } from '../helpers/stores.js';
import { LogCapture } from '../slack/harness.js';

/**
 * What reaches Slack and when: restricted items are never announced, a failed post stays due and is
 * sent once it can be, two processes never post an alert twice, and a running `serve` (its alerts
 * runner) notices what a sync queued without being told. Runners match in `serve`'s answering
 * thread unless a test gives them the matcher `alerts run` uses.
 */

const BEA = 'U0BEA';

/** A meeting as `sync` writes it: items built by the ModernGov item builder, restricted ones title only. */
function synced(
  id: number,
  date: string,
  items: Array<{ minute: string; title: string; text: string; restricted?: boolean }>,
): Meeting {
  return {
    council: 'Wessfield Borough Council',
    committee: 'Planning Committee',
    date,
    startTime: null,
    venue: null,
    chair: null,
    attendees: [],
    source: `https://democracy.wessfield.example/mgAi.aspx?MId=${id}`,
    url: `https://democracy.wessfield.example/ieListDocuments.aspx?CId=9&MId=${id}`,
    items: items.map((item) =>
      structuredItem({ ...item, url: null, restricted: item.restricted === true, agendaItem: null }),
    ),
    warnings: [],
  };
}

describe('alert delivery', () => {
  let kit: StoreKit;
  let bench: AlertsBench;
  let follow: Follow;
  let indexDir: string;

  beforeAll(async () => {
    kit = sqliteKit();
    indexDir = kit.target.kind === 'sqlite' ? kit.target.dir : '';
    bench = await startAlertsBench(kit.target);
    await bench.ingest(['cabinet-2025-01-14.txt']);
    ({ follow } = await bench.store.addFollow({
      subscriber: { kind: 'user', id: BEA },
      topic: 'allotment land',
      postTo: BEA,
      createdBy: BEA,
    }));
    await sleep(5);
  }, 120_000);

  afterAll(async () => {
    await bench?.close();
    await kit?.cleanup();
  });

  it('never announces a restricted item, alone or beside a public one', async () => {
    const mill = synced(7001, '2025-04-08', [
      { minute: '70', title: 'Disposal of Allotment Land at Mill Field', text: '', restricted: true },
      { minute: '71', title: 'Street Lighting', text: 'The committee noted the LED street lighting programme.' },
    ]);
    await bench.sync([mill]);
    const first = bench.runner();
    expect(await first.runOnce()).toMatchObject({ queued: 0, sent: 0 });
    await first.stop();
    // Not for want of finding it: search (and so `ask`) finds the restricted item by its title.
    const retriever = openTestRetriever(indexDir, bench.embedder);
    const found = await retriever.search('allotment land', { filters: { source: mill.source } });
    await retriever.close();
    expect(found.hits[0]?.minute).toBe('70');

    await bench.sync([
      synced(7002, '2025-05-13', [
        { minute: '80', title: 'Sale of Allotment Land at Hob Lane', text: '', restricted: true },
        {
          minute: '81',
          title: 'Allotment Land Lease Renewal',
          text: 'The committee agreed to renew the lease of the allotment land at Kiln Road for ten years.',
        },
      ]),
    ]);
    const second = bench.runner();
    expect(await second.runOnce()).toMatchObject({ queued: 1, sent: 1 });
    await second.stop();
    const posts = bench.posts();
    expect(posts).toHaveLength(1);
    const shown = JSON.stringify(posts[0]?.args);
    expect(shown).toContain('minute 81');
    expect(shown).not.toMatch(/minute 80|Hob Lane|Mill Field/);
  });

  it('leaves a failed post due, and two processes send it once when Slack takes it', async () => {
    bench.fake.fail('chat.postMessage', 'ratelimited');
    await bench.sync([
      synced(7003, '2025-06-10', [
        { minute: '90', title: 'Allotment Land Survey', text: 'A survey of allotment land found 40 vacant plots.' },
      ]),
    ]);
    const failing = bench.runner();
    expect(await failing.runOnce()).toMatchObject({ queued: 1, sent: 0, failed: 1 });
    await failing.stop();
    expect(await bench.store.counts()).toMatchObject({ due: 1, sent: 1 });

    // Slack takes posts again ('' is no failure). A serve (matching in its answering thread) and a
    // nightly `alerts run` (with a retriever of its own) pass at once.
    bench.fake.fail('chat.postMessage', '');
    const [a, b] = [bench.runner(), bench.runner({ match: bench.localMatcher().match })];
    const reports = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(await bench.store.counts()).toMatchObject({ due: 0, sent: 2 });
    await Promise.all([a.stop(), b.stop()]);
    // The refused try, then exactly one post.
    expect(bench.posts().filter((p) => JSON.stringify(p.args).includes('minute 90'))).toHaveLength(2);
    expect(
      await bench.store.announceable(follow.id, 'm|wessfield borough council|planning committee|2025-06-10'),
    ).toEqual([]);
  });

  it('waits out an answering thread that is restarting: the queue is kept, each pass says so once, the next one matches', async () => {
    // A thread that has stopped, as serve's is between a crash and its restart.
    const stopped = new WorkerAnswerer({
      config: bench.config,
      target: kit.target,
      logger: silentLogger,
      logLevel: 'silent',
      timeoutMs: 60_000,
    });
    await stopped.start();
    await stopped.close();
    let matchIn: FollowMatcher = (request) => stopped.matchFollow(request);
    const logs = new LogCapture();
    const running = bench.runner({
      match: (request) => matchIn(request),
      logger: createLogger({ level: 'info', destination: logs }),
    });
    const before = bench.posts().length;
    await bench.sync([
      synced(7005, '2025-08-12', [
        { minute: '101', title: 'Allotment Land Drainage', text: 'Drains will be laid across the allotment land.' },
      ]),
      synced(7006, '2025-09-09', [
        { minute: '111', title: 'Allotment Land Fencing', text: 'The allotment land will be fenced by spring.' },
      ]),
    ]);
    running.start(50);
    const events = (event: string) => logs.lines.filter((line) => line.event === event);
    await vi.waitFor(() => expect(events('alerts.match_deferred').length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
    });
    // Two meetings waited, yet each pass stopped at the first: one line a pass, none per meeting.
    expect(events('alerts.match_failed')).toHaveLength(0);
    expect((await bench.store.counts()).pending).toBe(2);
    expect(bench.posts().length).toBe(before);

    const thread = await bench.answeringThread();
    matchIn = (request) => thread.matchFollow(request);
    const posted = (minute: string) =>
      bench
        .posts()
        .slice(before)
        .filter((p) => JSON.stringify(p.args).includes(`minute ${minute}`));
    await vi.waitFor(() => expect(posted('101').length + posted('111').length).toBe(2), { timeout: 20_000 });
    await running.stop();
    expect(posted('101')).toHaveLength(1);
    expect(posted('111')).toHaveLength(1);
    expect(await bench.store.counts()).toMatchObject({ pending: 0, due: 0 });
  });

  it('notices what a sync queued while it runs, as serve does', async () => {
    const running = bench.runner();
    running.start(50);
    const before = bench.posts().length;
    await bench.sync([
      synced(7004, '2025-07-08', [
        { minute: '95', title: 'Allotment Land Water Supply', text: 'New standpipes will serve the allotment land.' },
      ]),
    ]);
    await bench.fake.waitFor(() =>
      bench
        .posts()
        .slice(before)
        .some((p) => JSON.stringify(p.args).includes('minute 95')),
    );
    await running.stop();
    expect(bench.posts().length).toBe(before + 1);
  });
});
