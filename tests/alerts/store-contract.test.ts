import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openAlertStore } from '../../src/alerts/open.js';
import type { AlertContent, AlertStore, NotedMeeting, Subscriber } from '../../src/alerts/types.js';
import { IndexMissingError } from '../../src/errors.js';
import { silentLogger, tempDir } from '../helpers/index.js';
import { type StoreKit, storeKinds } from '../helpers/stores.js';

/** The alert store's contract: the same tests against SQLite and PostgreSQL. */

const ana = { kind: 'user', id: 'U0ANA' } as const;
const planning = { kind: 'channel', id: 'C0PLAN' } as const;

const content: AlertContent = {
  topic: 'school transport',
  answer: {
    question: 'school transport',
    mode: 'extractive',
    answer: 'The Cabinet agreed the route changes. [1]',
    citations: [],
    searched: { meetings: 1, from: null, to: null, committees: [] },
  },
};

function meeting(source: string, keys: string[], restricted: string[] = []): NotedMeeting {
  return {
    source,
    meetingKey: `m|ashford|cabinet|${source}`,
    items: keys.map((key) => ({ key, restricted: restricted.includes(key) })),
  };
}

/** A follow whose alerts go to the subscriber itself (a DM, or the channel). */
function addFollowOf(store: AlertStore, subscriber: Subscriber, topic: string, createdBy: string) {
  return store.addFollow({ subscriber, topic, postTo: subscriber.id, createdBy });
}

/** Stamps are milliseconds: a pause keeps "before the follow" and "after it" apart. */
const tick = () => sleep(5);

describe.each(storeKinds)('alert store contract: $name', ({ make, skip }) => {
  const open: AlertStore[] = [];
  let kit: StoreKit;

  async function fresh(): Promise<AlertStore> {
    kit = make();
    // The alert store sits beside an index: make one.
    await (await kit.writer()).close();
    return another();
  }

  /** A second connection to the same alert store, as another process would hold. */
  async function another(): Promise<AlertStore> {
    const store = await openAlertStore(kit.target, { logger: silentLogger });
    open.push(store);
    return store;
  }

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await kit?.cleanup();
  });

  it.skipIf(skip)('adds a follow once per subscriber and topic, lists and removes it', async () => {
    const store = await fresh();
    const first = await addFollowOf(store, ana, 'School transport', 'U0ANA');
    expect(first.created).toBe(true);
    expect(first.follow).toMatchObject({ subscriber: ana, topic: 'School transport', postTo: 'U0ANA' });
    const again = await addFollowOf(store, ana, '  school   TRANSPORT ', 'U0ANA');
    expect(again).toEqual({ follow: first.follow, created: false });
    const channel = await addFollowOf(store, planning, 'school transport', 'U0ANA');
    expect(channel.created).toBe(true);
    await addFollowOf(store, { kind: 'user', id: 'U0BOB' }, 'libraries', 'U0BOB');

    expect((await store.follows()).map((f) => f.topic)).toEqual(['School transport', 'school transport', 'libraries']);
    expect((await store.follows({ subscribers: [planning] })).map((f) => f.id)).toEqual([channel.follow.id]);
    expect((await store.follows({ subscribers: [ana], createdBy: 'U0ANA' })).length).toBe(2);
    expect(await store.removeFollow(ana, 'nothing like it')).toBeNull();
    expect((await store.removeFollow(ana, 'school transport'))?.id).toBe(first.follow.id);
    expect((await store.removeFollowById(channel.follow.id))?.subscriber).toEqual(planning);
    expect(await store.removeFollowById(channel.follow.id)).toBeNull();
    expect((await store.counts()).follows).toBe(1);
  });

  it.skipIf(skip)('announces only items first seen after the follow, never restricted, never twice', async () => {
    const store = await fresh();
    await store.noteMeetings([meeting('old.pdf', ['n|1', 'n|2'])], { queue: false });
    await store.noteMeetings([meeting('before.pdf', ['n|5'])]);
    await tick();
    const { follow } = await addFollowOf(store, ana, 'budget', 'U0ANA');
    await tick();
    const fresh1 = meeting('new.pdf', ['n|7', 'n|8', 'n|9'], ['n|9']);
    await store.noteMeetings([fresh1, meeting('old.pdf', ['n|1', 'n|2', 'n|3'])]);

    expect(await store.announceable(follow.id, fresh1.meetingKey)).toEqual(['n|7', 'n|8']);
    // The old meeting gained item 3; items 1 and 2 were there before the follow.
    expect(await store.announceable(follow.id, meeting('old.pdf', []).meetingKey)).toEqual(['n|3']);
    expect(await store.announceable(follow.id, meeting('before.pdf', []).meetingKey)).toEqual([]);

    const draft = { followId: follow.id, meetingKey: fresh1.meetingKey, itemKeys: ['n|7'], content };
    expect(await store.queueAlert(draft)).toBe(true);
    expect(await store.queueAlert(draft)).toBe(false);
    expect(await store.queueAlert({ ...draft, itemKeys: ['n|7', 'n|8'] })).toBe(false);
    expect(await store.announceable(follow.id, fresh1.meetingKey)).toEqual(['n|8']);

    // Noted again (a re-sync, the approved minutes): nothing becomes new, nothing is given back.
    await tick();
    await store.noteMeetings([fresh1]);
    expect(await store.announceable(follow.id, fresh1.meetingKey)).toEqual(['n|8']);
    // An item made restricted on republication is no longer announceable.
    await store.noteMeetings([meeting('new.pdf', ['n|7', 'n|8'], ['n|8'])]);
    expect(await store.announceable(follow.id, fresh1.meetingKey)).toEqual([]);
    expect((await store.counts()).due).toBe(1);
  });

  it.skipIf(skip)('queues meetings for matching; a newer note survives finishing an older one', async () => {
    const store = await fresh();
    await store.noteMeetings([meeting('a.pdf', ['n|1']), meeting('b.pdf', ['n|1'])]);
    const [a, b] = await store.pendingMeetings(10);
    expect([a?.source, b?.source]).toEqual(['a.pdf', 'b.pdf']);
    await store.noteMeetings([meeting('a.pdf', ['n|1', 'n|2'])]);
    if (!a || !b) throw new Error('two meetings were queued');
    await store.finishMeeting(a);
    await store.finishMeeting(b);
    const left = await store.pendingMeetings(10);
    expect(left.map((m) => m.source)).toEqual(['a.pdf']);
    expect(left[0]?.version).toBeGreaterThan(a.version);
    await store.finishMeeting(left[0] ?? a);
    expect(await store.pendingMeetings(10)).toEqual([]);
    expect(await store.hasBaseline()).toBe(false);
    await store.markBaseline();
    expect(await store.hasBaseline()).toBe(true);
  });

  it.skipIf(skip)('claims an alert for one process at a time; a failure leaves it due, then gives up', async () => {
    const store = await fresh();
    const other = await another();
    const { follow } = await addFollowOf(store, planning, 'budget', 'U0ANA');
    for (const n of [1, 2, 3]) {
      await store.queueAlert({ followId: follow.id, meetingKey: `m|${n}`, itemKeys: ['n|1'], content });
    }
    const [mine, theirs] = await Promise.all([store.claimDue('me', 2, 60_000), other.claimDue('them', 2, 60_000)]);
    expect(mine.length + theirs.length).toBe(3);
    expect(new Set([...mine, ...theirs].map((a) => a.id)).size).toBe(3);
    expect(mine[0]).toMatchObject({ followId: follow.id, postTo: 'C0PLAN', content, attempts: 0 });
    expect(await store.claimDue('me', 10, 60_000)).toEqual([]);

    const [sent, failing] = [...mine, ...theirs];
    if (!sent || !failing) throw new Error('three alerts were claimed');
    // Only the claimant records the outcome.
    await store.markSent(sent.id, 'nobody', 'ts');
    expect((await store.counts()).sent).toBe(0);
    await (mine.includes(sent) ? store : other).markSent(sent.id, mine.includes(sent) ? 'me' : 'them', '1.2');
    const failingOwner = mine.includes(failing) ? 'me' : 'them';
    await store.release(failing.id, failingOwner, 'channel_not_found', 2);
    expect(await store.counts()).toMatchObject({ sent: 1, due: 2, failed: 0 });
    const retried = (await store.claimDue('me', 10, 60_000)).find((a) => a.id === failing.id);
    expect(retried?.attempts).toBe(1);
    await store.release(failing.id, 'me', 'channel_not_found', 2);
    expect(await store.counts()).toMatchObject({ sent: 1, failed: 1 });
  });

  it.skipIf(skip)('takes back a claim left by a process that died mid-post', async () => {
    const store = await fresh();
    const { follow } = await addFollowOf(store, ana, 'budget', 'U0ANA');
    await store.queueAlert({ followId: follow.id, meetingKey: 'm|1', itemKeys: ['n|1'], content });
    expect(await store.claimDue('dead', 5, 60_000)).toHaveLength(1);
    await tick();
    expect(await store.claimDue('alive', 5, 60_000)).toEqual([]);
    expect(await store.claimDue('alive', 5, 1)).toHaveLength(1);
  });

  it.skipIf(skip)('unfollowing drops the alerts still due; the follow outlives a rebuild of the index', async () => {
    const store = await fresh();
    const { follow } = await addFollowOf(store, ana, 'budget', 'U0ANA');
    await store.queueAlert({ followId: follow.id, meetingKey: 'm|1', itemKeys: ['n|1'], content });
    const kept = await addFollowOf(store, planning, 'parks', 'U0ANA');
    await store.removeFollowById(follow.id);
    expect((await store.counts()).due).toBe(0);
    expect(await store.queueAlert({ followId: follow.id, meetingKey: 'm|2', itemKeys: ['n|1'], content })).toBe(false);

    const rebuild = await kit.writer({ rebuild: true });
    await rebuild.close();
    expect((await (await another()).follows()).map((f) => f.id)).toEqual([kept.follow.id]);
  });
});

describe('alert store beside a SQLite index', () => {
  it('refuses a folder with no index rather than making one', async () => {
    await expect(openAlertStore({ kind: 'sqlite', dir: tempDir() }, { logger: silentLogger })).rejects.toBeInstanceOf(
      IndexMissingError,
    );
  });
});
