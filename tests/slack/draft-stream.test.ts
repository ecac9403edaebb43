import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { DraftStream } from '../../src/slack/draft-stream.js';
import { FakeSlack } from '../helpers/fake-slack.js';

const TARGET = { channel: 'C0CHAN', threadTs: '1700007000.000100', user: 'U0ASKER', team: 'T0FAKE' };

describe('DraftStream', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeEach(async () => {
    fake = await new FakeSlack().start();
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(async () => {
    await fake.stop();
  });

  function streamedText(): string {
    const calls = [...fake.callsTo('chat.startStream'), ...fake.callsTo('chat.appendStream')];
    return calls.map((c) => String(c.args.markdown_text)).join('');
  }

  it('sends whole words at most once per interval however fast drafts come, and stops the stream', async () => {
    const stream = new DraftStream(client, TARGET, createLogger({ level: 'silent' }), 150);
    const full = 'The committee noted the report and agreed the revised plan for the coming year';
    const words = full.split(' ');
    const started = Date.now();
    for (let i = 1; i <= words.length; i++) {
      stream.push(words.slice(0, i).join(' '));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ts = await stream.finish();
    const elapsed = Date.now() - started;
    // One call per 150 ms at most (the first at once): a handful, not one per draft.
    const calls = fake.callsTo('chat.startStream').length + fake.callsTo('chat.appendStream').length;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(Math.floor(elapsed / 150) + 1);
    expect(calls).toBeLessThan(words.length);
    expect(fake.callsTo('chat.startStream')[0]?.args).toMatchObject({
      channel: 'C0CHAN',
      thread_ts: TARGET.threadTs,
      recipient_user_id: 'U0ASKER',
      recipient_team_id: 'T0FAKE',
    });
    // Only whole words, in order: a word still being written waits (the checked answer replaces it all).
    const streamed = streamedText();
    expect(full.startsWith(`${streamed} `)).toBe(true);
    expect(fake.callsTo('chat.stopStream').map((c) => c.args.ts)).toEqual([ts]);
    expect(fake.message('C0CHAN', String(ts))?.streaming).toBe(false);
  });

  it('streams hostile model text inert', async () => {
    const stream = new DraftStream(client, TARGET, createLogger({ level: 'silent' }), 10);
    stream.push('Read <!channel> [this](https://evil.example/pay) now @here please ');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await stream.finish();
    const sent = streamedText();
    expect(sent).not.toMatch(/<!channel>|\]\(|https:\/\/evil|@here/);
    expect(sent).toContain('&lt;\\!channel&gt;');
  });

  it('stops streaming when a draft rewrites what was already sent', async () => {
    const stream = new DraftStream(client, TARGET, createLogger({ level: 'silent' }), 10);
    stream.push('First words of the answer ');
    await new Promise((resolve) => setTimeout(resolve, 50));
    stream.push('Different words entirely now ');
    await new Promise((resolve) => setTimeout(resolve, 50));
    stream.push('Different words entirely now and more ');
    await stream.finish();
    expect(streamedText()).toBe('First words of the answer');
    expect(fake.callsTo('chat.appendStream')).toHaveLength(0);
  });

  it('streams nothing and returns no message when Slack refuses to start a stream', async () => {
    fake.fail('chat.startStream', 'not_allowed');
    const stream = new DraftStream(client, TARGET, createLogger({ level: 'silent' }), 10);
    stream.push('Some words of an answer ');
    await new Promise((resolve) => setTimeout(resolve, 30));
    stream.push('Some words of an answer and more ');
    expect(await stream.finish()).toBeUndefined();
    expect(fake.callsTo('chat.startStream')).toHaveLength(1);
    expect(fake.callsTo('chat.stopStream')).toHaveLength(0);
  });
});
