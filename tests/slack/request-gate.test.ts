import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackRequest, MAX_BODY_BYTES } from '../../src/slack/request-gate.js';
import { eventCallback, FAKE_BOT_USER, postToApp, slackSignature } from '../helpers/fake-slack.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/** Signed JSON bodies that are not an event object: each used to reach Bolt's receiver. */
const NOT_EVENTS_JSON: unknown[] = [
  null,
  true,
  0,
  'text',
  [],
  [{ type: 'event_callback' }],
  {},
  { type: 7 },
  { type: 'event_callback' },
  { type: 'event_callback', event: null },
  { type: 'event_callback', event: [] },
  { type: 'event_callback', event: { text: 'no type' } },
];
/** The same for form bodies (slash commands and interactions). */
const NOT_EVENTS_FORM: Array<Record<string, string>> = [
  { payload: 'null' },
  { payload: '[]' },
  { payload: '{}' },
  { payload: '"x"' },
  { payload: '{"type":null}' },
  { payload: 'not json' },
  {},
  { text: 'no command' },
];

describe('the Slack request gate, in front of the real Bolt app (issue 16 cases 7 and 10)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http');
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers every correctly signed body that is not an event, command or interaction with 400, and keeps serving', async () => {
    const statuses: number[] = [];
    for (const body of NOT_EVENTS_JSON)
      statuses.push((await postToApp(h.eventsUrl, body, { secret: SIGNING_SECRET })).status);
    for (const body of NOT_EVENTS_FORM) {
      statuses.push((await postToApp(h.eventsUrl, body, { secret: SIGNING_SECRET, form: true })).status);
    }
    expect(statuses).toEqual(Array(NOT_EVENTS_JSON.length + NOT_EVENTS_FORM.length).fill(400));
    expect(h.answerer.asked).toEqual([]);

    const event = {
      type: 'app_mention',
      user: 'U0A',
      text: `<@${FAKE_BOT_USER}> still there?`,
      ts: '1700000900.1',
      channel: 'C0G',
    };
    expect((await postToApp(h.eventsUrl, eventCallback(event, 'EvAfter'), { secret: SIGNING_SECRET })).status).toBe(
      200,
    );
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    expect(h.answerer.asked.map((a) => a.question)).toEqual(['still there?']);
  });

  it('refuses a timestamp more than five minutes away in either direction, and takes one within', async () => {
    const now = Math.floor(Date.now() / 1000);
    const challenge = { type: 'url_verification', challenge: 'c-1', token: 'x' };
    const status = async (offset: number) =>
      (await postToApp(h.eventsUrl, challenge, { secret: SIGNING_SECRET, timestamp: now + offset })).status;
    const refused = [-3600, -6 * 60, 6 * 60, 3600, 24 * 3600];
    const taken = [-4 * 60, 0, 4 * 60];
    expect(await Promise.all(refused.map(status))).toEqual(refused.map(() => 401));
    expect(await Promise.all(taken.map(status))).toEqual(taken.map(() => 200));
  });
});

describe('checkSlackRequest', () => {
  const now = Date.UTC(2026, 0, 1);
  const signed = (body: string, timestamp = now / 1000) => ({
    headers: { 'content-type': 'application/json', ...slackSignature(SIGNING_SECRET, body, timestamp) } as Record<
      string,
      string
    >,
    body: Buffer.from(body),
  });

  it('takes a well-formed signed event', () => {
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } });
    expect(checkSlackRequest(signed(body), SIGNING_SECRET, now)).toEqual({ ok: true });
  });

  it('refuses a wrong signature, a missing timestamp and an oversized body', () => {
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } });
    const request = signed(body);
    expect(checkSlackRequest(request, 'another-secret-entirely', now)).toMatchObject({ ok: false, status: 401 });
    const noTimestamp = { ...request.headers };
    delete noTimestamp['x-slack-request-timestamp'];
    expect(checkSlackRequest({ ...request, headers: noTimestamp }, SIGNING_SECRET, now)).toMatchObject({ status: 401 });
    const huge = signed(`{"type":"event_callback","pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`);
    expect(checkSlackRequest(huge, SIGNING_SECRET, now)).toMatchObject({ ok: false, status: 413 });
  });
});
