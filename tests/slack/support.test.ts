import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { boltLogger, scrubSecrets } from '../../src/slack/bolt-logger.js';
import { threadToTurns } from '../../src/slack/payloads.js';
import { RateLimiter } from '../../src/slack/rate-limit.js';
import { SeenKeys } from '../../src/slack/seen.js';
import { LogCapture } from './harness.js';

describe('SeenKeys', () => {
  it('says first time once per key and forgets the oldest beyond its bound', () => {
    const seen = new SeenKeys(2);
    expect([seen.firstTime('a'), seen.firstTime('a'), seen.firstTime('b'), seen.firstTime('c')]).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(seen.size).toBe(2);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('c')).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows `limit` questions per window per user and says when to come back', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take('u1')).toEqual({ allowed: true });
    now = 10_000;
    expect(limiter.take('u1')).toEqual({ allowed: true });
    expect(limiter.take('u1')).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.take('u2')).toEqual({ allowed: true });
    now = 60_001;
    expect(limiter.take('u1')).toEqual({ allowed: true });
  });

  it('rejects a nonsense limit where it is configured', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow(/at least 1/);
  });
});

describe('threadToTurns', () => {
  it('reads a thread as turns, oldest first, bot messages as the assistant, the question excluded', () => {
    const messages = [
      { ts: '1.000001', user: 'U1', text: '<@UBOT> transport &amp; buses?' },
      { ts: '1.000002', user: 'UBOT', bot_id: 'B1', text: 'Cabinet agreed [1].' },
      { ts: '1.000003', user: 'UBOT', bot_id: 'B1', text: '(answer continued)' },
      { ts: '1.000004', user: 'U1', subtype: 'message_changed', text: 'edited' },
      { ts: '1.000005', user: 'U1', text: '<@UBOT> and in 2022?' },
      { ts: '1.000006', user: 'U2', text: 'later message' },
      'not a message',
    ];
    expect(threadToTurns(messages, { botUserId: 'UBOT', beforeTs: '1.000005', maxTurns: 10 })).toEqual([
      { role: 'user', text: 'transport & buses?' },
      { role: 'assistant', text: 'Cabinet agreed [1].' },
    ]);
    expect(threadToTurns(messages, { botUserId: 'UBOT', beforeTs: '1.000005', maxTurns: 1 })).toEqual([
      { role: 'assistant', text: 'Cabinet agreed [1].' },
    ]);
    expect(threadToTurns({ nope: true }, { botUserId: 'UBOT', beforeTs: '2', maxTurns: 5 })).toEqual([]);
  });
});

describe('Slack SDK logging', () => {
  it('masks tokens and given secrets inside the free-form strings the SDK logs', () => {
    const logs = new LogCapture();
    const logger = boltLogger(createLogger({ level: 'debug', destination: logs }), ['my-signing-secret-123']);
    logger.debug('http request', { headers: { Authorization: 'Bearer xoxb-12-34-abc' } }, 'xapp-1-A-2-def');
    logger.error(new Error('bad secret my-signing-secret-123'));
    const all = logs.raw.join('\n');
    expect(all).not.toMatch(/xoxb-12|xapp-1-A|my-signing-secret-123/);
    expect(all.match(/\[redacted\]/g)).toHaveLength(3);
    expect(logs.lines[0]).toMatchObject({ component: 'slack-sdk', level: 20 });
  });

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('xoxo hugs and box-b', ['short'])).toBe('xoxo hugs and box-b');
  });
});
