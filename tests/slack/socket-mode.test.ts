import { afterEach, describe, expect, it } from 'vitest';
import { eventCallback, FAKE_BOT_USER } from '../helpers/fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, type Harness, startHarness } from './harness.js';

describe('Slack bot in Socket Mode', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('opens the connection through the fake Web API, acks an events_api envelope and answers in the thread', async () => {
    h = await startHarness('socket');
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
    const socket = h.fake.socketMode;
    expect(socket?.connected).toBe(true);

    const event = {
      type: 'app_mention',
      user: 'U0ASKER',
      text: `<@${FAKE_BOT_USER}> what was agreed on parking?`,
      ts: '1700000300.000100',
      channel: 'C0GENERAL',
      event_ts: '1700000300.000100',
    };
    const envelope = socket?.sendEvent(eventCallback(event, 'EvSock1'));
    await socket?.waitFor((s) => s.acks.some((a) => a.envelope_id === envelope));
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);

    expect(h.answerer.asked.map((a) => a.question)).toEqual(['what was agreed on parking?']);
    const post = h.fake.callsTo('chat.postMessage')[0];
    expect(post?.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000300.000100' });
    expect(post?.token).toBe(BOT_TOKEN);
  });

  it('acks a redelivered envelope but answers the event once', async () => {
    h = await startHarness('socket');
    const socket = h.fake.socketMode;
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DIRECT',
      user: 'U0ASKER',
      text: 'library hours?',
      ts: '1700000300.000200',
    };
    const first = socket?.sendEvent(eventCallback(event, 'EvSockRetry'));
    const again = socket?.sendEvent(eventCallback(event, 'EvSockRetry'), 1);
    await socket?.waitFor((s) => [first, again].every((id) => s.acks.some((a) => a.envelope_id === id)));
    await h.logs.waitFor((l) => l.event === 'slack.duplicate' && l.retry_num === 1);
    // A DM shows the AI-app status line (the fake workspace has the features): set, then cleared.
    await h.fake.waitFor((f) => f.callsTo('assistant.threads.setStatus').length === 2);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.answerer.asked).toHaveLength(1);
  });
});
