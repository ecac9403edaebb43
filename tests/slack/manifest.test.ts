import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MINUTES_COMMAND } from '../../src/slack/listeners/commands/index.js';

/** The manifest must grant what the code uses; a missing scope only shows up in a live workspace. */
describe('slack-app-manifest.yaml', () => {
  it('declares the command, events and scopes the bot relies on', async () => {
    const manifest = await readFile(new URL('../../slack-app-manifest.yaml', import.meta.url), 'utf8');
    const active = manifest
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    expect(active).toContain(`- command: ${MINUTES_COMMAND}`);
    for (const event of ['app_mention', 'message.im', 'app_home_opened', 'app_context_changed']) {
      expect(active).toContain(`- ${event}\n`);
    }
    const scopes = [
      'app_mentions:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'im:history',
      'channels:history',
      'groups:history',
      'mpim:history',
      'reactions:write',
      'assistant:write',
      // `/minutes follow <topic> #channel` checks the bot is in the channel (conversations.info).
      'channels:read',
      'groups:read',
    ];
    for (const scope of scopes) expect(active).toMatch(new RegExp(`^\\s+- ${scope}$`, 'm'));
    // Escaped, so "#channel" in `/minutes follow <topic> #channel` arrives as the channel's id.
    expect(active).toMatch(/- command: \/minutes\n(?:\s+\w+: .*\n)*?\s+should_escape: true\n/);
    expect(active).toMatch(/home_tab_enabled: true/);
    // The AI-app setting Slack accepts for new apps (Agent messaging), with the Messages tab it lives in.
    expect(active).toMatch(/\n {2}agent_view:\n {4}agent_description: /);
    expect(active).toMatch(/messages_tab_enabled: true/);
    expect(active).not.toMatch(/assistant_view/);
    expect(active).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(active).toMatch(/socket_mode_enabled: true/);
  });
});
