import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinutesAnswerer } from '../../src/answer/answerer.js';
import type { HybridRetriever } from '../../src/retrieve/retriever.js';
import { examplesDir } from '../helpers/corpus.js';
import { eventCallback, FAKE_BOT_USER, postToApp } from '../helpers/fake-slack.js';
import { buildIndex, openTestRetriever, silentLogger } from '../helpers/index.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/**
 * Questions arrive from Slack wrapped in its markup: the bot's own mention, `<!channel>`, user
 * groups, channel links, emoji. The real Bolt app, a fake Slack on 127.0.0.1 and the real answerer
 * over a real index: the wrapping must not turn a cited answer into "not in the minutes".
 */

const CHANNEL = 'C0GENERAL';

let retriever: HybridRetriever;
let h: Harness;

beforeAll(async () => {
  const { indexDir } = await buildIndex([examplesDir], {
    embedder: null,
    manifest: path.join(examplesDir, 'meetings.json'),
  });
  retriever = openTestRetriever(indexDir, null);
  h = await startHarness('http', {
    answerer: new MinutesAnswerer({ retriever, chatModel: null, logger: silentLogger }),
  });
});
afterAll(async () => {
  await h?.close();
  await retriever?.close();
});

let sequence = 0;

/** Mentions the bot with `text` in a channel and returns what it posted in the thread. */
async function mention(text: string): Promise<string> {
  sequence++;
  const ts = `1700000200.${String(sequence).padStart(6, '0')}`;
  // A new asker each time: one person may ask only so many questions a minute.
  const event = { type: 'app_mention', user: `U0ASKER${sequence}`, text, ts, channel: CHANNEL, event_ts: ts };
  const before = h.fake.callsTo('chat.postMessage').length;
  const res = await postToApp(h.eventsUrl, eventCallback(event, `EvMention${sequence}`), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  await h.fake.waitFor(
    (f) => f.callsTo('chat.postMessage').length > before && f.callsTo('reactions.remove').length >= sequence,
  );
  const posts = h.fake.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
  return JSON.stringify(posts.map((call) => [call.args.text, call.args.blocks]));
}

const CITATION = 'Children and Young People Scrutiny Committee, 12 March 2024, minute 48';

describe('mention tokens from Slack never reach the search', () => {
  it.each([
    ['the bot mention alone', `<@${FAKE_BOT_USER}> What was said about EHCP assessments?`],
    ['@channel after the question', `<@${FAKE_BOT_USER}> What was said about EHCP assessments? <!channel>`],
    ['@here before it', `<!here> <@${FAKE_BOT_USER}> what was said about EHCP assessments`],
    [
      '@everyone, a greeting and thanks',
      `<@${FAKE_BOT_USER}> hey, what was said about EHCP assessments please <!everyone> Thanks!`,
    ],
    [
      'a user group and a colleague',
      `<@${FAKE_BOT_USER}> <!subteam^S0123ABC|@send-team> <@U0COLLEAGUE> what was said about EHCP assessments?`,
    ],
    [
      'a channel link and emoji',
      `<@${FAKE_BOT_USER}> :wave: what was said about ehcp assessments? <#C0SEND|send-team> 🙏`,
    ],
  ])('%s', async (_kind, text) => {
    const posted = await mention(text);
    expect(posted).toContain(CITATION);
    expect(posted).not.toContain("don't cover");
    // The answer never broadcasts, whatever the question carried.
    expect(posted).not.toMatch(/<!channel>|<!here>|<!everyone>|<!subteam/);
  });

  it('still says "not in the minutes" for a subject they never mention, however it is wrapped', async () => {
    const posted = await mention(
      `<@${FAKE_BOT_USER}> hi! what was decided about the Lutterworth bypass? <!channel> thx`,
    );
    expect(posted).toContain("The minutes I have don't cover that.");
  });
});
