import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMrkdwn, mrkdwnLink, safeLinkUrl, slackTextToPlain } from '../../src/slack/escape.js';
import { HOSTILE_TEXT } from '../helpers/scripted-answerer.js';

describe('escapeMarkdown (streamed drafts)', () => {
  it('makes markdown links, emphasis and headings literal as well as mentions and bare links', () => {
    const out = escapeMarkdown(`# Urgent\n[the official site](https://evil.example/x) **now** ${HOSTILE_TEXT}`);
    expect(out).toContain('\\# Urgent');
    expect(out).toContain('\\[the official site\\]\\(https:\u200B//evil.\u200Bexample/x\\)');
    expect(out).toContain('\\*\\*now\\*\\*');
    expect(out).not.toMatch(/<[!@#]|<https:|@(channel|here|everyone)|\]\(/);
  });
});

describe('escapeMrkdwn', () => {
  it('turns every mention, broadcast and link form into inert text', () => {
    const out = escapeMrkdwn(HOSTILE_TEXT);
    expect(out).not.toMatch(/<[!@#]/);
    expect(out).not.toContain('<https://');
    expect(out).not.toMatch(/@(channel|here|everyone)/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;@U0VICTIM&gt;');
    expect(out).toContain('&lt;!subteam^S0TEAM|@council-staff&gt;');
    expect(out).toContain('&amp; 1 &lt; 2 &gt; 0');
  });

  it('escapes entities already in the text so they stay literal', () => {
    expect(escapeMrkdwn('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
  });

  it('defuses broadcast words in any case', () => {
    expect(escapeMrkdwn('@Channel and @HERE')).toBe('@\u200BChannel and @\u200BHERE');
    // "@here" inside an address is not a broadcast; the address itself is made inert, like any host name.
    expect(escapeMrkdwn('email clerk@hereford.gov.uk')).toBe('email clerk@hereford.\u200Bgov.\u200Buk');
  });
});

describe('links', () => {
  it('accepts only http(s) and encodes characters that would break out of the link', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl('https://a.example/x?y=1|<!here>')).toBe('https://a.example/x?y=1%7C%3C!here%3E');
  });

  it('escapes the label and falls back to plain text without a safe URL', () => {
    expect(mrkdwnLink('https://a.example/', 'Title <!channel> | more')).toBe(
      '<https://a.example/|Title &lt;!channel&gt; ¦ more>',
    );
    expect(mrkdwnLink(null, 'Title <@U1>')).toBe('Title &lt;@U1&gt;');
  });
});

describe('slackTextToPlain', () => {
  it('drops the bot mention and decodes what Slack encoded', () => {
    expect(slackTextToPlain('<@UBOT> what about A &amp; B &lt;2020&gt;?', 'UBOT')).toBe('what about A & B <2020>?');
  });

  it('turns other mentions, channels and links into readable words', () => {
    expect(
      slackTextToPlain('<@UBOT> did <@U2|sam> see <#C1|planning> and <https://x.example/a|the report>?', 'UBOT'),
    ).toBe('did @sam see #planning and the report?');
  });
});
