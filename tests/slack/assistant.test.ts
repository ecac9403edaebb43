import { afterEach, describe, expect, it } from 'vitest';
import type { IndexCoverage } from '../../src/slack/coverage.js';
import { WORKING_REACTION } from '../../src/slack/progress.js';
import { eventCallback, FAKE_TEAM, postToApp } from '../helpers/fake-slack.js';
import { directMessage, type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/** The AI-app container, driven through the real Bolt app with the events Slack sends. */

const DM = 'D0ASSIST';
const USER = 'U0ASKER';
const THREAD = '1700005000.000100';

const COVERAGE: IndexCoverage = {
  meetings: 214,
  committees: [
    { name: 'Planning Committee', meetings: 120, latest: '2024-07-02' },
    { name: 'Cabinet', meetings: 90, latest: '2024-06-25' },
    { name: 'Licensing Sub-Committee', meetings: 4, latest: '2023-02-01' },
  ],
  topics: [
    { acronym: 'LTP', longForm: 'Local Transport Plan' },
    { acronym: 'HRA', longForm: 'Housing Revenue Account' },
    { acronym: 'CIL', longForm: 'Community Infrastructure Levy' },
  ],
};

function threadStarted(eventId: string, thread = THREAD): Record<string, unknown> {
  const assistant_thread = {
    user_id: USER,
    context: { channel_id: 'C0VIEWING', team_id: FAKE_TEAM },
    channel_id: DM,
    thread_ts: thread,
  };
  return eventCallback({ type: 'assistant_thread_started', assistant_thread, event_ts: thread }, eventId);
}

function assistantMessage(ts: string, text: string, eventId: string): Record<string, unknown> {
  return eventCallback(directMessage({ channel: DM, user: USER, threadTs: THREAD }, ts, text), eventId);
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function send(harness: Harness, body: Record<string, unknown>): Promise<void> {
  expect((await postToApp(harness.eventsUrl, body, { secret: SIGNING_SECRET })).status).toBe(200);
}

describe('the AI-app container', () => {
  it('suggests up to four prompts drawn from what the index covers when a thread starts', async () => {
    h = await startHarness('http', { coverage: async () => COVERAGE });
    await send(h, threadStarted('EvStart1'));
    await h.fake.waitFor((f) => f.callsTo('assistant.threads.setSuggestedPrompts').length === 1);
    const args = h.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]?.args;
    expect(args).toMatchObject({
      channel_id: DM,
      thread_ts: THREAD,
      title: 'Ask about 214 meetings of 3 committees, for example:',
    });
    expect(args?.prompts).toEqual([
      {
        title: 'Planning Committee, 2 July 2024',
        message: 'What was decided at the Planning Committee meeting on 2 July 2024?',
      },
      { title: 'Cabinet, 25 June 2024', message: 'What was decided at the Cabinet meeting on 25 June 2024?' },
      { title: 'Local Transport Plan (LTP)', message: 'What has been said about Local Transport Plan (LTP)?' },
      { title: 'Housing Revenue Account (HRA)', message: 'What has been said about Housing Revenue Account (HRA)?' },
    ]);
    // Nothing else is said: the prompts are the greeting, and the thread waits for a question.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says nothing is indexed instead of suggesting questions about nothing', async () => {
    h = await startHarness('http', { coverage: async () => ({ meetings: 0, committees: [], topics: [] }) });
    await send(h, threadStarted('EvStartEmpty'));
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    expect(String(h.fake.callsTo('chat.postMessage')[0]?.args.text)).toContain('No minutes are indexed yet');
    expect(h.fake.callsTo('assistant.threads.setSuggestedPrompts')).toHaveLength(0);
  });

  it('answers a question with a title, an honest status instead of a reaction, and feedback buttons', async () => {
    h = await startHarness('http');
    await send(h, assistantMessage('1700005000.000200', 'What did Cabinet decide about school transport?', 'EvAsk1'));
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    await h.fake.waitFor((f) => f.callsTo('assistant.threads.setStatus').length === 2);

    expect(h.fake.callsTo('assistant.threads.setTitle').map((c) => c.args)).toEqual([
      expect.objectContaining({
        channel_id: DM,
        thread_ts: THREAD,
        title: 'What did Cabinet decide about school transport?',
      }),
    ]);
    // The scripted answerer's stats: 12 meetings of Cabinet and the Planning Committee.
    expect(h.fake.callsTo('assistant.threads.setStatus').map((c) => c.args.status)).toEqual([
      'Searching 12 meetings of 2 committees…',
      '',
    ]);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
    const post = h.fake.callsTo('chat.postMessage')[0]?.args;
    expect(post).toMatchObject({ channel: DM, thread_ts: THREAD });
    const blocks = JSON.stringify(post?.blocks);
    expect(blocks).toContain('Cabinet approved the revised home to school transport policy');
    expect(blocks).toContain('"type":"feedback_buttons"');
    // The status line went up before the answer was asked for, and came down after it was posted.
    const order = h.fake.calls.map((c) => c.method).filter((m) => m !== 'conversations.replies' && m !== 'auth.test');
    expect(order).toEqual([
      'assistant.threads.setTitle',
      'assistant.threads.setStatus',
      'chat.postMessage',
      'assistant.threads.setStatus',
    ]);
  });

  it('titles the thread once, and reads it as history for a follow-up', async () => {
    h = await startHarness('http');
    const harness = h;
    // Slack keeps the asker's messages in the thread too; the fake keeps only what it is given.
    harness.fake.addMessage(DM, {
      ts: '1700005000.000200',
      thread_ts: THREAD,
      user: USER,
      text: 'What did Cabinet decide about school transport?',
    });
    await send(
      harness,
      assistantMessage('1700005000.000200', 'What did Cabinet decide about school transport?', 'EvAsk2'),
    );
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    await send(harness, assistantMessage('1700009999.000300', 'and in 2022?', 'EvAsk3'));
    await harness.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 2);
    expect(harness.fake.callsTo('assistant.threads.setTitle')).toHaveLength(1);
    const followUp = harness.answerer.asked[1];
    expect(followUp?.question).toBe('and in 2022?');
    expect(followUp?.options?.history?.map((t) => t.role)).toEqual(['user', 'assistant']);
  });

  it('shows the reaction instead when Slack refuses the status (a threaded DM outside the AI-app container)', async () => {
    h = await startHarness('http');
    h.fake.fail('assistant.threads.setStatus', 'not_allowed_token_type');
    await send(h, assistantMessage('1700005000.000400', 'What did Cabinet decide?', 'EvAsk4'));
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);
    expect(h.fake.callsTo('reactions.add')[0]?.args).toMatchObject({
      name: WORKING_REACTION,
      timestamp: '1700005000.000400',
    });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('notes a change of the channel being viewed without calling Slack', async () => {
    h = await startHarness('http');
    const assistant_thread = {
      user_id: USER,
      context: { channel_id: 'C0ELSEWHERE', team_id: FAKE_TEAM },
      channel_id: DM,
      thread_ts: THREAD,
    };
    await send(
      h,
      eventCallback({ type: 'assistant_thread_context_changed', assistant_thread, event_ts: '1700005001.0' }, 'EvCtx'),
    );
    const line = await h.logs.waitFor((l) => l.event === 'slack.assistant_context');
    expect(line).toMatchObject({ channel: DM, thread_ts: THREAD, viewing: 'C0ELSEWHERE' });
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('answers a new conversation in the Messages tab (Agent messaging) with the status and a title', async () => {
    h = await startHarness('http');
    const ts = '1700005000.000500';
    await send(
      h,
      eventCallback(directMessage({ channel: 'D0AGENT', user: USER }, ts, 'school transport?'), 'EvAgentDm'),
    );
    await h.fake.waitFor((f) => f.callsTo('assistant.threads.setStatus').length === 2);
    // Every conversation is a thread under its first message.
    expect(h.fake.callsTo('assistant.threads.setTitle')[0]?.args).toMatchObject({
      channel_id: 'D0AGENT',
      thread_ts: ts,
      title: 'school transport?',
    });
    expect(h.fake.callsTo('assistant.threads.setStatus')[0]?.args).toMatchObject({
      channel_id: 'D0AGENT',
      thread_ts: ts,
    });
    expect(h.fake.callsTo('chat.postMessage')[0]?.args).toMatchObject({ channel: 'D0AGENT', thread_ts: ts });
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
  });

  it('keeps answering a DM on a workspace without the AI-app features: the reaction, in a thread under it', async () => {
    h = await startHarness('http');
    for (const method of ['assistant.threads.setStatus', 'assistant.threads.setTitle']) {
      h.fake.fail(method, 'not_allowed_token_type');
    }
    const ts = '1700005000.000600';
    await send(
      h,
      eventCallback(directMessage({ channel: 'D0PLAIN', user: USER }, ts, 'school transport?'), 'EvPlainDm'),
    );
    await h.fake.waitFor((f) => f.callsTo('reactions.remove').length === 1);
    expect(h.fake.callsTo('reactions.add')[0]?.args).toMatchObject({ channel: 'D0PLAIN', timestamp: ts });
    expect(h.fake.callsTo('chat.postMessage')[0]?.args).toMatchObject({ channel: 'D0PLAIN', thread_ts: ts });
    expect(h.answerer.asked.map((a) => a.question)).toEqual(['school transport?']);
  });

  it('sets the suggested prompts at the top of the DM when the Messages tab opens (Agent messaging)', async () => {
    h = await startHarness('http', { coverage: async () => COVERAGE });
    const opened = {
      type: 'app_home_opened',
      user: USER,
      channel: 'D0AGENT',
      tab: 'messages',
      event_ts: '1700005002.0',
    };
    await send(h, eventCallback(opened, 'EvMessagesTab'));
    await h.fake.waitFor((f) => f.callsTo('assistant.threads.setSuggestedPrompts').length === 1);
    const args = h.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]?.args;
    expect(args).toMatchObject({
      channel_id: 'D0AGENT',
      title: 'Ask about 214 meetings of 3 committees, for example:',
    });
    expect(args).not.toHaveProperty('thread_ts');
    expect(args?.prompts).toHaveLength(4);
    // The Home tab is still the App Home's: the Messages tab publishes nothing.
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('notes the channel beside the agent from app_context_changed (Agent messaging) without calling Slack', async () => {
    h = await startHarness('http');
    const context = { entities: [{ type: 'slack#/types/channel_id', value: 'C0BESIDE', team_id: FAKE_TEAM }] };
    await send(
      h,
      eventCallback({ type: 'app_context_changed', user: USER, context, event_ts: '1700005003.0' }, 'EvApp'),
    );
    const line = await h.logs.waitFor((l) => l.event === 'slack.assistant_context');
    expect(line).toMatchObject({ viewing: 'C0BESIDE' });
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });
});
