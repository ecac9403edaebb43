/**
 * Text safety for Slack. Anything from minutes, an LLM or a user is escaped before it becomes mrkdwn,
 * so it renders as written and can never ping anyone or forge a link.
 */

/** Zero-width space: keeps `@channel` readable while stopping Slack from treating it as a broadcast. */
const ZWSP = '\u200B';

const BROADCAST_WORDS = /@(channel|here|everyone)\b/gi;

/**
 * What Slack turns into a link by itself: a scheme (`https://`, `ftp://`, `mailto:`), a `www.`, or a
 * host name with a top-level domain (`evil.example/path`, `name@council.example`).
 */
const AUTO_LINKED = /\b(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)\S*|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b\S*/gi;

/**
 * Makes a URL-like run of text inert: a zero-width space after its scheme's colon and after every
 * dot, so Slack neither links it nor unfurls it, while it still reads the same.
 */
function defuseLinks(text: string): string {
  return text.replace(AUTO_LINKED, (run) => run.replace(/:/g, `:${ZWSP}`).replace(/\./g, `.${ZWSP}`));
}

/**
 * Escapes text for Slack mrkdwn. `&`, `<` and `>` become entities, which turns `<!channel>`,
 * `<@U123>`, `<!subteam^S1>` and `<http://x|y>` into inert text; bare `@channel`, `@here` and
 * `@everyone` get a zero-width space after the `@` in case a client links names; and bare URLs
 * and host names are defused, so the only links in a message are the ones we build from our own
 * source records ({@link mrkdwnLink}).
 */
export function escapeMrkdwn(text: string): string {
  return defuseLinks(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST_WORDS, (_match, word: string) => `@${ZWSP}${word}`);
}

/**
 * Escapes text for Slack's markdown (`markdown_text` of a streamed message), which reads links,
 * emphasis and headings where mrkdwn would not: everything {@link escapeMrkdwn} does, and every
 * markdown punctuation mark backslash-escaped, so `[label](url)` or `# heading` from an LLM shows
 * as written and links nothing.
 */
export function escapeMarkdown(text: string): string {
  return escapeMrkdwn(text.replace(/[\\`*_~[\]()#|!]/g, (c) => `\\${c}`));
}

/** Escapes text for a `plain_text` object: no entities needed, but broadcasts are still defused. */
export function defusePlainText(text: string): string {
  return text.replace(BROADCAST_WORDS, (_match, word: string) => `@${ZWSP}${word}`);
}

/**
 * A URL safe to put inside `<url|label>`: only http(s), and the characters that would end or split
 * the link are percent-encoded. Returns null for anything else.
 */
export function safeLinkUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
}

/** A mrkdwn link whose label is escaped; falls back to the bare escaped label without a safe URL. */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safe = safeLinkUrl(url);
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return safe ? `<${safe}|${text}>` : text;
}

/**
 * Turns a Slack-formatted message (what users type, as Slack delivers it) into plain text:
 * mentions of `botUserId` are dropped, other user mentions become `@user`, links become their label,
 * channel references become `#name`, and entities are decoded.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) =>
      id === botUserId ? '' : `@${name ?? 'user'}`,
    )
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => `#${name ?? 'channel'}`)
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, (_m, word: string) => `@${word}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, (_m, fallback: string) => fallback)
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, _url: string, label: string) => label)
    .replace(/<((?:https?|mailto):[^>]+)>/g, (_m, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
