import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/types.js';
import { type AlertsBench, startAlertsBench } from '../helpers/alerts.js';
import { type ApiCall, eventCallback, postToApp } from '../helpers/fake-slack.js';
import { type StoreKit, storeKinds } from '../helpers/stores.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../slack/harness.js';

/**
 * The whole alert cycle against a real index (tiny model), the real Bolt app for the commands and
 * the App Home, and a fake Slack Web API: follow → a new meeting mentions the topic → exactly one
 * alert, cited → re-ingest, rebuild, approved text, republication → nothing again → a late item →
 * only that item → unfollow → nothing.
 */

const ANA = 'U0ANA';
const TOWN = 'C0TOWN';
const PARKS = 'C0PARKS';

/** The visible content of a post: its text and blocks. */
function shown(post: ApiCall | undefined): string {
  return JSON.stringify({ text: post?.args.text, blocks: post?.args.blocks });
}

describe.each(storeKinds)('topic alerts, the whole cycle: $name', ({ make, skip }) => {
  let kit: StoreKit;
  let bench: AlertsBench;
  let h: Harness;
  let commands = 0;

  /** `/minutes <text>` from a user in a channel, through the real Bolt app; resolves the reply text. */
  async function command(text: string, user = ANA, channel = TOWN): Promise<string> {
    commands++;
    const res = await postToApp(
      h.eventsUrl,
      {
        command: '/minutes',
        text,
        user_id: user,
        channel_id: channel,
        team_id: 'T0FAKE',
        response_url: h.fake.responseUrl(`cmd${commands}`),
        trigger_id: 't',
        api_app_id: 'A0FAKE',
      },
      { secret: SIGNING_SECRET, form: true },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type?: string; text?: string };
    expect(body.response_type).toBe('ephemeral');
    return body.text ?? '';
  }

  async function run(): Promise<{ queued: number; sent: number }> {
    const runner = bench.runner();
    const report = await runner.runOnce();
    await runner.stop();
    return report;
  }

  const postsTo = (channel: string) => bench.posts().filter((p) => p.args.channel === channel);

  beforeAll(async () => {
    if (skip) return;
    kit = make();
    bench = await startAlertsBench(kit.target);
    h = await startHarness('http', { alerts: bench.store as AlertStore });
    h.fake.conversations.set(PARKS, { is_member: true });
    h.fake.conversations.set('C0OUTSIDE', { is_member: false });
    await bench.ingest(['cabinet-2025-01-14.txt']);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await bench?.close();
    await kit?.cleanup();
  });

  it.skipIf(skip)('follows a topic by DM or in a channel, with clear errors', async () => {
    expect(await command('follow allotment waiting list')).toMatch(
      /^Following \*allotment waiting list\*: I'll send you a direct message/,
    );
    expect(await command('follow bus shelters <#C0PARKS|parks>')).toMatch(
      /^Following \*bus shelters\*: I'll post in <#C0PARKS>/,
    );
    expect(await command('FOLLOW  Allotment waiting list ')).toMatch(/^Already following \*allotment waiting list\*/);
    expect(await command('follow   ')).toMatch(/the topic is empty/);
    expect(await command('follow budget <#C0GONE|gone>')).toMatch(/can't find <#C0GONE>/);
    expect(await command('follow budget <#C0OUTSIDE|outside>')).toMatch(
      /not a member of <#C0OUTSIDE>.*\/invite @Minutebook/,
    );
    expect(await command('follow budget #parks')).toMatch(/can't tell which channel "#parks" is/);
    expect(await command('unfollow libraries')).toMatch(/You don't follow “libraries”/);
    expect((await bench.store.follows()).map((f) => f.topic)).toEqual(['allotment waiting list', 'bus shelters']);
    // Meetings indexed before the follow are never announced, though they discuss the topic.
    expect(await run()).toMatchObject({ queued: 0, sent: 0 });
  });

  it.skipIf(skip)('announces a new meeting once per follow, with its minute numbers, quotes and links', async () => {
    await bench.ingest(['cabinet-2025-02-11.txt']);
    expect(await run()).toMatchObject({ queued: 2, sent: 2 });
    const [dm] = postsTo(ANA);
    expect(postsTo(ANA)).toHaveLength(1);
    expect(String(dm?.args.text)).toBe(
      'New in the minutes on “allotment waiting list” — Cabinet, 11 February 2025: minute 52',
    );
    const blocks = shown(dm);
    expect(blocks).toContain('New Allotment Site at Orchard Lane');
    expect(blocks).toContain(
      // No later meeting has confirmed these minutes yet: the citation says so.
      '<https://democracy.wessfield.example/ieListDocuments.aspx?CId=7&MId=902|Cabinet, 11 February 2025 (draft minutes), minute 52',
    );
    expect(blocks).toContain('335 households');
    expect(blocks).not.toMatch(/minute 5[34]\b|Car Park|Bus Shelter/);
    // The minutes' own "<!here> @channel" reach nobody.
    expect(blocks).not.toMatch(/<!here>|<!channel>|@channel/i);
    expect(blocks).toContain('&lt;!here&gt; @\u200bchannel');
    expect(blocks).toContain('minutebook_unfollow');
    expect(dm?.token).toBe('xoxb-alerts-0000-botsecretvalue');

    expect(postsTo(PARKS)).toHaveLength(1);
    expect(String(postsTo(PARKS)[0]?.args.text)).toContain('Cabinet, 11 February 2025: minute 54');
    expect(bench.posts()).toHaveLength(2);
  });

  it.skipIf(skip)('never again for the same items: a re-run, a re-ingest, a rebuild, the approved text', async () => {
    expect(await run()).toMatchObject({ queued: 0, sent: 0 });
    await bench.ingest(['cabinet-2025-02-11.txt']);
    await bench.ingest(['cabinet-2025-01-14.txt', 'cabinet-2025-02-11.txt'], { rebuild: true });
    expect(await run()).toMatchObject({ queued: 0, sent: 0 });
    // The approved minutes, reworded: republished where the draft was, and as a file of their own.
    bench.publish('cabinet-2025-02-11.txt', 'cabinet-2025-02-11-approved.txt');
    await bench.ingest(['cabinet-2025-02-11.txt', 'cabinet-2025-02-11-approved.txt']);
    expect((await bench.store.counts()).pending).toBe(2);
    expect(await run()).toMatchObject({ queued: 0, sent: 0 });
    expect(bench.posts()).toHaveLength(2);
  });

  it.skipIf(skip)('announces only the item a republished meeting gained', async () => {
    bench.publish('cabinet-2025-02-11.txt', 'cabinet-2025-02-11-with-late-item.txt');
    await bench.ingest(['cabinet-2025-02-11.txt']);
    expect(await run()).toMatchObject({ queued: 1, sent: 1 });
    const late = postsTo(ANA)[1];
    expect(String(late?.args.text)).toContain('Cabinet, 11 February 2025: minute 55');
    expect(shown(late)).toContain('Allotment Society Grants');
    expect(shown(late)).not.toContain('Orchard Lane');
    expect(postsTo(PARKS)).toHaveLength(1);
  });

  it.skipIf(skip)('lists follows in the App Home with buttons that stop them', async () => {
    const home = { type: 'app_home_opened', user: ANA, channel: 'D0HOME', tab: 'home', event_ts: '1700000100.001' };
    await postToApp(h.eventsUrl, eventCallback(home, 'EvAlertsHome'), { secret: SIGNING_SECRET });
    await h.fake.waitFor((f) => f.callsTo('views.publish').length === 1);
    const view = JSON.stringify(h.fake.callsTo('views.publish')[0]?.args.view);
    expect(view).toContain('Topics you follow');
    expect(view).toContain('*allotment waiting list* — by direct message');
    expect(view).toContain('*bus shelters* — in <#C0PARKS>');

    const parks = (await bench.store.follows()).find((f) => f.topic === 'bus shelters');
    const click = {
      type: 'block_actions',
      user: { id: ANA },
      team: { id: 'T0FAKE' },
      view: { type: 'home', id: 'V0HOME' },
      container: { type: 'view', view_id: 'V0HOME' },
      trigger_id: 't',
      api_app_id: 'A0FAKE',
      actions: [{ type: 'button', action_id: 'minutebook_unfollow', value: JSON.stringify({ follow: parks?.id }) }],
    };
    await postToApp(h.eventsUrl, { payload: JSON.stringify(click) }, { secret: SIGNING_SECRET, form: true });
    await h.fake.waitFor((f) => f.callsTo('views.publish').length === 2);
    const after = JSON.stringify(h.fake.callsTo('views.publish')[1]?.args.view);
    expect(after).not.toContain('bus shelters');
    expect(after).toContain('allotment waiting list');
    expect((await bench.store.follows()).map((f) => f.topic)).toEqual(['allotment waiting list']);
  });

  it.skipIf(skip)('stops after unfollow: a later meeting on the topic is not announced', async () => {
    expect(await command('following')).toMatch(/\*Your follows\*\n• \*allotment waiting list\* — by direct message/);
    expect(await command('unfollow Allotment Waiting List')).toBe('Stopped following *allotment waiting list*.');
    expect(await command('following')).toMatch(/^No follows here yet/);
    await bench.ingest(['cabinet-2025-03-11.txt']);
    expect(await run()).toMatchObject({ queued: 0, sent: 0 });
    expect(bench.posts()).toHaveLength(3);
  });
});
