import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventCallback, FAKE_BOT_USER, postToApp } from '../helpers/fake-slack.js';
import { BOT_TOKEN, type Harness, SIGNING_SECRET, startHarness } from './harness.js';

const CHANNEL = 'C0GENERAL';
const USER = 'U0ASKER';

function mention(ts: string, text: string, threadTs?: string): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: USER,
    text: `<@${FAKE_BOT_USER}> ${text}`,
    ts,
    channel: CHANNEL,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

describe('Slack bot over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('http');
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers the url_verification challenge', async () => {
    const res = await postToApp(
      h.eventsUrl,
      { type: 'url_verification', challenge: 'chal-123', token: 'x' },
      { secret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  it('answers a mention in a thread under it, showing work in progress, with every call to the fake API', async () => {
    const res = await postToApp(
      h.eventsUrl,
      eventCallback(mention('1700000100.000100', 'what about school transport?'), 'Ev1'),
      { secret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);

    expect(h.answerer.asked.map((a) => a.question)).toEqual(['what about school transport?']);
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.args.thread_ts).toBe('1700000100.000100');
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain('Cabinet approved the revised home to school transport policy');
    expect(blocks).toContain(
      '<https://democracy.example.gov.uk/mgAi.aspx?ID=1234|Exampleshire Cabinet, 12 Mar 2024, minute 76: Home to School Transport Policy>',
    );
    expect(blocks).toContain('Searched 12 meetings');
    expect(h.fake.callsTo('reactions.add')[0]?.args).toMatchObject({
      timestamp: '1700000100.000100',
      channel: CHANNEL,
    });
    const order = h.fake.calls.map((c) => c.method).filter((m) => m !== 'auth.test');
    expect(order).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
    expect(h.fake.calls.every((c) => c.token === BOT_TOKEN)).toBe(true);
  });
});
