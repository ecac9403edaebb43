import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusMetrics } from '../../src/net/prometheus.js';
import { eventCallback, FAKE_BOT_USER, postToApp } from '../helpers/fake-slack.js';
import { sampleAnswer, sampleStats } from '../helpers/scripted-answerer.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../slack/harness.js';

function value(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('serve metrics', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('counts Slack API errors by method and code, answers by mode, and LLM fallbacks by reason', async () => {
    const metrics = new PrometheusMetrics(async () => sampleStats());
    h = await startHarness('http', { metrics });
    h.fake.fail('reactions.add', 'missing_scope');
    h.answerer.answerWith((q) =>
      sampleAnswer(q, {
        fallbackReason: 'the model was unavailable: the model at x did not finish answering within 30000 ms',
        fallbackCode: 'timeout',
      }),
    );
    const event = {
      type: 'app_mention',
      user: 'U0A',
      text: `<@${FAKE_BOT_USER}> q?`,
      ts: '1700000950.1',
      channel: 'C0M',
    };
    await postToApp(h.eventsUrl, eventCallback(event, 'EvMetrics'), { secret: SIGNING_SECRET });
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length === 1);
    const { body } = await metrics.render();
    expect(value(body, 'minutebook_slack_api_errors_total{method="reactions.add",error="missing_scope"}')).toBe(1);
    expect(value(body, 'minutebook_answers_total{mode="extractive"}')).toBe(1);
    expect(value(body, 'minutebook_llm_fallbacks_total{reason="timeout"}')).toBe(1);
    expect(value(body, 'minutebook_questions_total{outcome="answered"}')).toBe(1);
    expect(value(body, 'minutebook_index_meetings')).toBe(12);
    // No question or answer text in the metrics.
    expect(body).not.toContain('q?');
  });
});
