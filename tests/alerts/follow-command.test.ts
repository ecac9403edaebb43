import { describe, expect, it } from 'vitest';
import { checkTopic, itemKey, meetingKey, topicKey } from '../../src/alerts/keys.js';
import { openAlertStore } from '../../src/alerts/open.js';
import { MAX_FOLLOWS, parseFollowCommand, runFollowCommand } from '../../src/slack/alerts/follow-command.js';
import { silentLogger } from '../helpers/index.js';
import { sqliteKit } from '../helpers/stores.js';

describe('reading /minutes follow, unfollow and following', () => {
  it('reads the topic and a channel Slack sent as a link', () => {
    expect(parseFollowCommand('follow school transport')).toEqual({
      action: 'follow',
      topic: 'school transport',
      channel: null,
    });
    expect(parseFollowCommand('Follow EHCP assessments <#C0CYP|cyp-team> ')).toEqual({
      action: 'follow',
      topic: 'EHCP assessments',
      channel: { id: 'C0CYP' },
    });
    expect(parseFollowCommand('unfollow knife crime <#G0PRIV>')).toMatchObject({ channel: { id: 'G0PRIV' } });
    expect(parseFollowCommand('follow budget #parks-team')).toMatchObject({
      topic: 'budget',
      channel: { name: 'parks-team' },
    });
    // A mention in the topic is read as its name, never kept as markup.
    expect(parseFollowCommand('follow <@U0CLLR|cllr-okafor> reports')).toMatchObject({ topic: '@cllr-okafor reports' });
    expect(parseFollowCommand('following')).toEqual({ action: 'following' });
  });

  it('leaves questions to the answerer', () => {
    for (const question of [
      'what did Cabinet decide about school transport?',
      'following the budget, what was cut?',
      'follow-up on the library closure',
      'followed by whom?',
    ]) {
      expect(parseFollowCommand(question)).toBeNull();
    }
  });

  it('checks topics where they enter, and compares them without case or spacing', () => {
    expect(() => checkTopic('   ')).toThrow(/the topic is empty/);
    expect(() => checkTopic('x'.repeat(201))).toThrow(/201 characters long: keep it under 200/);
    expect(topicKey(' "School   Transport" ')).toBe(topicKey('school transport'));
  });

  it('keys a meeting by council, committee and date, and an item by its minute number', () => {
    const draft = { council: 'Wessfield', committee: 'Cabinet', date: '2025-02-11', source: '/minutes/draft.pdf' };
    expect(meetingKey(draft)).toBe(meetingKey({ ...draft, committee: ' cabinet ', source: '/minutes/approved.pdf' }));
    expect(meetingKey({ ...draft, date: null })).toBe('s|/minutes/draft.pdf');
    expect(itemKey({ minute: 'C 61/24', title: 'Budget' })).toBe(
      itemKey({ minute: 'c61/24', title: 'Budget (revised)' }),
    );
    expect(itemKey({ minute: null, title: 'Any Other  Business' })).toBe('t|any other business');
  });
});

describe('running the follow commands', () => {
  it(`stops a person at ${MAX_FOLLOWS} follows, and still answers a repeat of one of them`, async () => {
    const kit = sqliteKit();
    await (await kit.writer()).close();
    const store = await openAlertStore(kit.target, { logger: silentLogger });
    const ctx = { store, user: 'U0KEEN', channel: 'C0ANY', checkChannel: async () => 'member' as const };
    try {
      for (let i = 0; i < MAX_FOLLOWS; i++) {
        expect(await runFollowCommand({ action: 'follow', topic: `topic ${i}`, channel: null }, ctx)).toMatch(
          /^Following/,
        );
      }
      expect(await runFollowCommand({ action: 'follow', topic: 'one more', channel: null }, ctx)).toMatch(
        /You follow 50 topics already: unfollow one first/,
      );
      expect(await runFollowCommand({ action: 'follow', topic: 'Topic 7', channel: null }, ctx)).toMatch(
        /^Already following \*topic 7\*/,
      );
      // Another person is not held to this one's count.
      expect(
        await runFollowCommand({ action: 'follow', topic: 'one more', channel: null }, { ...ctx, user: 'U0CALM' }),
      ).toMatch(/^Following/);
    } finally {
      await store.close();
      await kit.cleanup();
    }
  });
});
