import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const slackOf = (env: Record<string, string>) => loadConfig(env, '/tmp').slack;

describe('how often serve looks for topic alerts', () => {
  it('is every minute unless MINUTEBOOK_ALERTS_INTERVAL_S says otherwise', () => {
    expect(slackOf({}).alertsIntervalMs).toBe(60_000);
    expect(slackOf({ MINUTEBOOK_ALERTS_INTERVAL_S: '900' }).alertsIntervalMs).toBe(900_000);
  });

  it('refuses a value that is no whole number of seconds, or too often, naming the variable', () => {
    expect(() => slackOf({ MINUTEBOOK_ALERTS_INTERVAL_S: 'hourly' })).toThrow(/MINUTEBOOK_ALERTS_INTERVAL_S/);
    expect(() => slackOf({ MINUTEBOOK_ALERTS_INTERVAL_S: '1' })).toThrow(/MINUTEBOOK_ALERTS_INTERVAL_S/);
  });
});
