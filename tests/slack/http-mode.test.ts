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
      '<https://democracy.example.gov.uk/mgAi.aspx?ID=1234|Cabinet, 12 March 2024, minute 76 — Home to School Transport Policy>',
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

  it('rejects a bad signature or a stale timestamp with 401 and does nothing', async () => {
    const body = eventCallback(mention('1700000100.000200', 'anything'), 'EvBad');
    const forged = await postToApp(h.eventsUrl, body, { secret: SIGNING_SECRET, signature: 'v0=deadbeef' });
    const wrongSecret = await postToApp(h.eventsUrl, body, { secret: 'not-the-secret-at-all' });
    const stale = await postToApp(h.eventsUrl, body, {
      secret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 60 * 10,
    });
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    expect(h.answerer.asked).toEqual([]);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers a retried delivery once', async () => {
    const body = eventCallback(mention('1700000100.000300', 'budget?'), 'EvRetry');
    expect((await postToApp(h.eventsUrl, body, { secret: SIGNING_SECRET })).status).toBe(200);
    const retry = await postToApp(h.eventsUrl, body, { secret: SIGNING_SECRET, retryNum: 1 });
    expect(retry.status).toBe(200);
    const dup = await h.logs.waitFor((l) => l.event === 'slack.duplicate');
    expect(dup).toMatchObject({ event_id: 'EvRetry', retry_num: 1, retry_reason: 'http_timeout' });
    // A later question is answered, so the pipeline is live, and the first thread still has one answer.
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000301', 'next?'), 'EvNext'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length >= 2 && f.callsTo('reactions.remove').length >= 2);
    const threads = h.fake.callsTo('chat.postMessage').map((c) => c.args.thread_ts);
    expect(threads.sort()).toEqual(['1700000100.000300', '1700000100.000301']);
    expect(h.answerer.asked).toHaveLength(2);
  });

  it('answers a direct message in the DM', async () => {
    const dm = {
      type: 'message',
      channel: 'D0DIRECT',
      channel_type: 'im',
      user: USER,
      text: 'when did Planning last meet?',
      ts: '1700000100.000400',
    };
    await postToApp(h.eventsUrl, eventCallback(dm, 'EvDm'), { secret: SIGNING_SECRET });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    expect(h.fake.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'D0DIRECT',
      thread_ts: '1700000100.000400',
    });
    expect(h.answerer.asked[0]?.question).toBe('when did Planning last meet?');
  });

  it('understands a follow-up from the thread it is asked in, read back from Slack', async () => {
    h.fake.addMessage(CHANNEL, { ts: '1700000100.000500', user: USER, text: `<@${FAKE_BOT_USER}> school transport?` });
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000500', 'school transport?'), 'EvQ1'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);

    const followUp = mention('1700000200.000001', 'and in 2022?', '1700000100.000500');
    h.fake.addMessage(CHANNEL, {
      ts: '1700000200.000001',
      thread_ts: '1700000100.000500',
      user: USER,
      text: String(followUp.text),
    });
    await postToApp(h.eventsUrl, eventCallback(followUp, 'EvQ2'), { secret: SIGNING_SECRET });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 2);

    expect(h.fake.callsTo('conversations.replies')[0]?.args).toMatchObject({
      channel: CHANNEL,
      ts: '1700000100.000500',
    });
    const second = h.answerer.asked[1];
    expect(second?.question).toBe('and in 2022?');
    expect(second?.options?.history).toEqual([
      { role: 'user', text: 'school transport?' },
      { role: 'assistant', text: 'Cabinet approved the revised home to school transport policy [1].' },
    ]);
    expect(h.fake.callsTo('chat.postMessage')[1]?.args.thread_ts).toBe('1700000100.000500');
  });

  it('ends a failure with a short message in the thread and removes the working reaction', async () => {
    h.answerer.answerWith(() => new Error('socket hang up at 10.0.0.3'));
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000600', 'anything?'), 'EvFail'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.args.thread_ts).toBe('1700000100.000600');
    expect(String(post?.args.text)).toMatch(/something went wrong while answering.*ref [0-9a-f]{6}/i);
    expect(String(post?.args.text)).not.toContain('10.0.0.3');
    const logged = await h.logs.waitFor((l) => l.msg === 'slack answer failed');
    expect(String(post?.args.text)).toContain(String(logged.ref));
  });

  it('never lets minutes or LLM text ping anyone or forge links', async () => {
    const { hostileAnswer } = await import('../helpers/scripted-answerer.js');
    h.answerer.answerWith((q) => hostileAnswer(q));
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000700', 'hostile?'), 'EvHostile'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    const post = h.fake.callsTo('chat.postMessage')[0];
    const seen = JSON.stringify([post?.args.text, post?.args.blocks]);
    for (const forbidden of ['<!channel', '<!here', '<!everyone', '<@U0VICTIM', '<!subteam', '<https://evil']) {
      expect(seen).not.toContain(forbidden);
    }
    expect(seen).not.toMatch(/@(channel|here|everyone)/);
    expect(seen).toContain('&lt;!channel&gt;');
    // The citation link survives, with the characters that could break out of it encoded.
    expect(seen).toContain('<https://democracy.example.gov.uk/mgAi.aspx?ID=1%7C%3C!channel%3E|');
  });

  it('posts links only from our own source records: URLs in minutes or LLM text are left inert (issue 16 case 13)', async () => {
    const { sampleAnswer, sampleCitation } = await import('../helpers/scripted-answerer.js');
    const stray =
      'Log in at https://evil.example/login, www.evil.example or evil.example/pay; write to clerk@evil.example.';
    h.answerer.answerWith((q) =>
      sampleAnswer(q, {
        mode: 'llm',
        answer: `${stray} [1]`,
        citations: [sampleCitation({ quote: `Members were told to visit http://phish.example/form. ${stray}` })],
      }),
    );
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000750', 'links?'), 'EvLinks'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    const post = h.fake.callsTo('chat.postMessage')[0];
    const seen = JSON.stringify([post?.args.text, post?.args.blocks]);
    const ours = /<https:\/\/democracy\.example\.gov\.uk\/mgAi\.aspx\?ID=1234\|[^>]*>/g;
    expect(seen.match(ours)?.length).toBeGreaterThanOrEqual(2);
    const rest = seen.replace(ours, '');
    // Nothing else Slack would turn into a link: no scheme, no www., no host name with its dots intact.
    expect(rest).not.toMatch(/[a-z]+:\/\//i);
    expect(rest).not.toMatch(/www\.(?!\u200B)/i);
    expect(rest).not.toMatch(/\b(?:evil|phish)\.example/);
    // Still readable: the words are all there.
    expect(rest.replace(/\u200B/g, '')).toContain('https://evil.example/login');
  });

  it('rate limits a user with a friendly note only they see', async () => {
    await h.close();
    h = await startHarness('http', { rateLimit: 1, rateWindowMs: 60_000 });
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000800', 'one?'), 'EvR1'), {
      secret: SIGNING_SECRET,
    });
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.000801', 'two?'), 'EvR2'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor(
      (f) => f.callsTo('chat.postEphemeral').length === 1 && f.callsTo('chat.postMessage').length === 1,
    );
    expect(h.fake.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({ user: USER, channel: CHANNEL });
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]?.args.text)).toMatch(/try again in \d+ seconds?/);
    expect(h.answerer.asked).toHaveLength(1);
  });

  it('answers /minutes privately with a Share button that posts the answer in the channel', async () => {
    const res = await postToApp(
      h.eventsUrl,
      {
        command: '/minutes',
        text: 'what did Cabinet decide?',
        user_id: USER,
        channel_id: CHANNEL,
        team_id: 'T0FAKE',
        response_url: h.fake.responseUrl('cmd1'),
        trigger_id: 't',
        api_app_id: 'A0FAKE',
      },
      { secret: SIGNING_SECRET, form: true },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral' });
    await h.fake.waitFor((f) => f.responses.length === 1);
    const answer = h.fake.responses[0]?.body ?? {};
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const actions = (answer.blocks as Array<Record<string, unknown>>).find((b) => b.type === 'actions');
    const share = ((actions?.elements ?? []) as Array<Record<string, unknown>>).find(
      (e) => e.action_id === 'minutebook_share',
    );
    expect(share).toBeDefined();

    const click = {
      type: 'block_actions',
      user: { id: USER },
      team: { id: 'T0FAKE' },
      channel: { id: CHANNEL },
      container: { type: 'message', is_ephemeral: true },
      response_url: h.fake.responseUrl('share1'),
      trigger_id: 't',
      api_app_id: 'A0FAKE',
      actions: [{ type: 'button', action_id: 'minutebook_share', block_id: 'minutebook_actions', value: share?.value }],
    };
    const clicked = await postToApp(
      h.eventsUrl,
      { payload: JSON.stringify(click) },
      { secret: SIGNING_SECRET, form: true },
    );
    expect(clicked.status).toBe(200);
    await h.fake.waitFor((f) => f.responses.some((r) => r.id === 'share1'));
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(post?.args.blocks)).toContain('Cabinet approved the revised home to school transport policy');
    expect(JSON.stringify(post?.args.blocks)).toContain(`<@${USER}> shared an answer to: _what did Cabinet decide?_`);
    expect(h.fake.responses.find((r) => r.id === 'share1')?.body).toEqual({ delete_original: true });
    // The shared answer is the one the asker saw, not a second answer.
    expect(h.answerer.asked).toHaveLength(1);
  });

  it('says how to invite the bot when sharing into a channel it may not post in', async () => {
    h.fake.fail('chat.postMessage', 'not_in_channel');
    const value = JSON.stringify({ id: 'forgotten-by-a-restart', q: 'what did Cabinet decide?' });
    const click = {
      type: 'block_actions',
      user: { id: USER },
      team: { id: 'T0FAKE' },
      channel: { id: 'C0PRIVATE' },
      container: { type: 'message', is_ephemeral: true },
      response_url: h.fake.responseUrl('share-denied'),
      trigger_id: 't',
      api_app_id: 'A0FAKE',
      actions: [{ type: 'button', action_id: 'minutebook_share', block_id: 'minutebook_actions', value }],
    };
    await postToApp(h.eventsUrl, { payload: JSON.stringify(click) }, { secret: SIGNING_SECRET, form: true });
    await h.fake.waitFor((f) => f.responses.some((r) => r.id === 'share-denied'));
    expect(h.fake.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(h.fake.responses[0]?.body.text)).toContain('Invite me with `/invite @Minutebook`');
    // The answer was no longer cached, so it was asked again rather than lost.
    expect(h.answerer.asked.map((a) => a.question)).toEqual(['what did Cabinet decide?']);
  });

  it.each([
    { type: 'feedback_buttons', action_id: 'minutebook_feedback', block_id: 'Bk1' },
    { type: 'button', action_id: 'minutebook_feedback_down', block_id: 'minutebook_actions' },
  ])('records 👍/👎 ($type) as a structured log event without message text', async (element) => {
    const click = {
      type: 'block_actions',
      user: { id: USER },
      team: { id: 'T0FAKE' },
      channel: { id: CHANNEL },
      message: { ts: '1700000100.000901', thread_ts: '1700000100.000900', text: 'SECRET-ANSWER-TEXT' },
      container: { type: 'message' },
      response_url: h.fake.responseUrl('fb'),
      trigger_id: 't',
      api_app_id: 'A0FAKE',
      actions: [
        { ...element, value: JSON.stringify({ rating: 'down', mode: 'llm', citations: 2 }), action_ts: '1700000100.1' },
      ],
    };
    await postToApp(h.eventsUrl, { payload: JSON.stringify(click) }, { secret: SIGNING_SECRET, form: true });
    const line = await h.logs.waitFor((l) => l.event === 'slack.feedback');
    expect(line).toMatchObject({ rating: 'down', mode: 'llm', citations: 2, user: USER, channel: CHANNEL });
    expect(h.logs.raw.join('\n')).not.toContain('SECRET-ANSWER-TEXT');
    await h.fake.waitFor((f) => f.callsTo('chat.postEphemeral').length === 1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]?.args.thread_ts).toBe('1700000100.000900');
  });

  it('publishes the App Home with what is indexed', async () => {
    const event = { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '1700000100.001' };
    await postToApp(h.eventsUrl, eventCallback(event, 'EvHome'), { secret: SIGNING_SECRET });
    await h.fake.waitFor((f) => f.callsTo('views.publish').length === 1);
    const call = h.fake.callsTo('views.publish')[0];
    expect(call?.args.user_id).toBe(USER);
    const view = JSON.stringify(call?.args.view);
    expect(view).toContain('12 meetings, 340 minute items');
    expect(view).toContain('10 January 2023 to 30 June 2024');
    expect(view).toContain('Cabinet, Planning Committee');
  });

  it('keeps tokens and the signing secret out of the logs, even at debug level', async () => {
    await postToApp(h.eventsUrl, eventCallback(mention('1700000100.001000', 'logs?'), 'EvLogs'), {
      secret: SIGNING_SECRET,
    });
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);
    const all = h.logs.raw.join('\n');
    expect(h.logs.raw.length).toBeGreaterThan(5);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toMatch(/xox[bp]-/);
  });
});
