import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createSlackDeps } from '../../src/slack/deps.js';
import { handleAppHomeOpened } from '../../src/slack/listeners/events/app-home-opened.js';
import { handleAppMention } from '../../src/slack/listeners/events/app-mention.js';
import { handleDirectMessage } from '../../src/slack/listeners/events/direct-message.js';
import { FAKE_BOT_USER, FakeSlack } from '../helpers/fake-slack.js';
import { ScriptedAnswerer, sampleStats } from '../helpers/scripted-answerer.js';
import { LogCapture } from './harness.js';

/** The handlers are plain functions: called here with a real Web API client aimed at the fake. */
describe('event handlers, called directly', () => {
  let fake: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    client = new WebClient('xoxb-direct-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await fake.stop();
  });

  function deps(answerer = new ScriptedAnswerer(), stats = async () => sampleStats()) {
    return createSlackDeps({
      answerer,
      stats,
      logger: createLogger({ level: 'debug', destination: new LogCapture() }),
    });
  }

  const context = { botUserId: FAKE_BOT_USER };
  const dm = { type: 'message', channel_type: 'im', channel: 'D0X', user: 'U0ASKER', text: 'hi?', ts: '1700000400.1' };

  it('ignores bot messages, its own messages, edits and deletions', async () => {
    const d = deps();
    const before = fake.calls.length;
    const ignored = [
      { ...dm, bot_id: 'B0OTHER', ts: '1700000400.2' },
      { ...dm, subtype: 'bot_message', ts: '1700000400.3' },
      { ...dm, user: FAKE_BOT_USER, ts: '1700000400.4' },
      { ...dm, subtype: 'message_changed', message: { text: 'edited?' }, ts: '1700000400.5' },
      { ...dm, subtype: 'message_deleted', ts: '1700000400.6' },
      { ...dm, channel_type: 'channel', channel: 'C0X', ts: '1700000400.7' },
    ];
    for (const event of ignored) await handleDirectMessage({ event, client, context }, d);
    await handleAppMention({ event: { ...dm, type: 'app_mention', bot_id: 'B0OTHER' }, client, context }, d);
    expect((d.answerer as ScriptedAnswerer).asked).toEqual([]);
    expect(fake.calls.length).toBe(before);
  });

  it('answers the same message once even if it arrives as a DM and as a mention', async () => {
    const answerer = new ScriptedAnswerer();
    const d = deps(answerer);
    const event = { ...dm, ts: '1700000400.8' };
    await handleDirectMessage({ event, client, context }, d);
    await handleAppMention({ event: { ...event, type: 'app_mention' }, client, context }, d);
    expect(answerer.asked).toHaveLength(1);
  });

  it('replies to an empty mention with how to ask, without asking the answerer', async () => {
    const answerer = new ScriptedAnswerer();
    const event = { ...dm, type: 'app_mention', channel: 'C0Y', text: `<@${FAKE_BOT_USER}>`, ts: '1700000400.9' };
    await handleAppMention({ event, client, context }, deps(answerer));
    expect(answerer.asked).toEqual([]);
    const post = fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0Y');
    expect(String(post?.args.text)).toContain('/minutes');
  });

  it('turns a burst away politely past the question slots, and answers the ones it took', async () => {
    const answerer = new ScriptedAnswerer();
    const release = answerer.hold();
    const d = createSlackDeps(
      { answerer, stats: async () => sampleStats(), logger: createLogger({ level: 'silent' }) },
      { maxQuestionsInFlight: 2, rateLimit: 100 },
    );
    const channel = 'D0BURST';
    const all = Array.from({ length: 6 }, (_, i) =>
      handleDirectMessage({ event: { ...dm, channel, ts: `1700000500.${i + 1}` }, client, context }, d),
    );
    await fake.waitFor((f) => f.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).length === 4);
    expect(answerer.asked).toHaveLength(2);
    expect(d.slots.taken).toBe(2);
    const busy = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
    for (const post of busy)
      expect(String(post.args.text)).toMatch(/answering a lot of questions.*try again in a minute/);
    expect(busy.map((c) => c.args.thread_ts).sort()).toEqual([3, 4, 5, 6].map((i) => `1700000500.${i}`));
    release();
    await Promise.all(all);
    expect(d.slots.taken).toBe(0);
    const answered = fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === channel)
      .slice(4);
    expect(answered.map((c) => c.args.thread_ts).sort()).toEqual(['1700000500.1', '1700000500.2']);
  });

  it('shows a clear App Home note when the index cannot be read', async () => {
    const d = deps(new ScriptedAnswerer(), () => {
      throw new Error('no index');
    });
    await handleAppHomeOpened({ event: { type: 'app_home_opened', user: 'U0HOME', tab: 'home' }, client, context }, d);
    const call = fake.callsTo('views.publish').find((c) => c.args.user_id === 'U0HOME');
    expect(JSON.stringify(call?.args.view)).toContain('The minutes index is not available right now');
  });
});
