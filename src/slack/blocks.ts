import type { types } from '@slack/bolt';
import { formatCitation } from '../answer/citation.js';
import { formatLongDate } from '../dates.js';
import type { Answer, Citation, IndexStats } from '../types.js';
import { escapeMrkdwn, mrkdwnLink } from './escape.js';

/**
 * Block Kit for answers, errors and the App Home. Slack's limits (section text 3000 characters,
 * 50 blocks a message) are met here by splitting; an answer is capped first (`LIMITS.answerChars`),
 * saying so, so it is one message.
 *
 * Citations are worded by the answering core's `formatCitation`, so Slack and the CLI cite alike;
 * this module only makes them safe mrkdwn links.
 */

export type Block = types.KnownBlock;

/** Slack's documented limits, with a margin where Slack counts differently from JS. */
export const LIMITS = {
  sectionText: 3000,
  blocksPerMessage: 50,
  /** The `text` fallback is shown in notifications; Slack truncates past 40k, we keep it short. */
  fallbackText: 3000,
  contextText: 2000,
  buttonValue: 2000,
  citationsShown: 10,
  quoteChars: 280,
  /**
   * An answer longer than this is cut at a sentence before it reaches Slack: two sections, about a
   * thousand words, so even a runaway LLM reply is one readable message, not sixteen.
   */
  answerChars: 6000,
} as const;

/** Said where an answer was cut short. */
export const SHORTENED_NOTE = '(Answer shortened: the cited minutes have the rest.)';

/** Cuts `text` to `max` characters at the last paragraph or sentence end before it, and says so. */
export function capAnswerText(text: string, max: number = LIMITS.answerChars): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - SHORTENED_NOTE.length - 2);
  const sentenceEnd = Math.max(room.lastIndexOf('\n'), room.search(/[.!?](?=\s[^.!?]*$)/) + 1);
  const cut = sentenceEnd > room.length / 2 ? room.slice(0, sentenceEnd) : room.replace(/\s+\S*$/, '');
  return `${cut.trimEnd()}\n\n${SHORTENED_NOTE}`;
}

/** One message to post: blocks plus the `text` fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const ACTION_IDS = {
  /** Slack's `feedback_buttons` element: one action, its value says which button. */
  feedback: 'minutebook_feedback',
  /** The 👍/👎 buttons of answers posted before the feedback element; still answered. */
  feedbackUp: 'minutebook_feedback_up',
  feedbackDown: 'minutebook_feedback_down',
  share: 'minutebook_share',
} as const;

/** What a feedback button carries: enough to aggregate, nothing a user wrote. */
export interface FeedbackValue {
  rating: 'up' | 'down';
  mode: Answer['mode'];
  citations: number;
}

export interface RenderOptions {
  /** Adds Slack's 👍/👎 feedback buttons (every answer posted by the bot). */
  feedback?: boolean;
  /** Adds a "Share in channel" button carrying this value (ephemeral slash-command answers). */
  shareValue?: string;
  /** A line above the answer, already mrkdwn-safe (e.g. who shared it). */
  preface?: string;
}

/** "2024-03-12" -> "12 March 2024", or null when unknown. */
export function formatDate(iso: string | null): string | null {
  return iso ? formatLongDate(iso) : null;
}

/** The plain-text label of a citation: "Cabinet, 12 March 2024, minute 76 — Title (point ii)". */
export function citationLabel(c: Citation): string {
  return formatCitation(c);
}

/** A citation as one mrkdwn section text: the linked label, then a short quote. */
export function citationMrkdwn(c: Citation): string {
  const link = `*[${c.n}]* ${mrkdwnLink(c.url, citationLabel(c))}`;
  const quote = c.quote.replace(/\s+/g, ' ').trim();
  if (!quote) return clip(link, LIMITS.sectionText);
  const short = quote.length > LIMITS.quoteChars ? `${quote.slice(0, LIMITS.quoteChars - 1).trimEnd()}…` : quote;
  return clip(`${link}\n> _${escapeMrkdwn(short)}_`, LIMITS.sectionText);
}

/** Escapes answer text and turns `[n]` markers into links to the cited minute where one is known. */
function renderAnswerText(text: string, citations: Citation[]): string {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  return escapeMrkdwn(text).replace(/\[(\d{1,3})\]/g, (marker, n: string) => {
    const c = byNumber.get(Number(n));
    return c ? mrkdwnLink(c.url, `[${n}]`) : marker;
  });
}

const SEPARATORS = ['\n\n', '\n', ' '];

/**
 * Splits `text` into pieces whose rendered form fits `max`, breaking at paragraphs, then lines, then
 * words, then characters. Rendering must be local (escaping, marker links): a piece's rendered
 * length is the sum of its parts'.
 */
export function splitRendered(text: string, max: number, render: (s: string) => string, level = 0): string[] {
  if (render(text).length <= max) return [render(text)];
  const separator = SEPARATORS[level];
  if (separator === undefined) {
    // One word longer than a section: cut by characters, shrinking until the rendered piece fits.
    const out: string[] = [];
    let rest = text;
    while (rest.length > 0) {
      let size = Math.min(rest.length, max);
      while (size > 1 && render(rest.slice(0, size)).length > max) size = Math.floor(size * 0.8);
      out.push(render(rest.slice(0, size)));
      rest = rest.slice(size);
    }
    return out;
  }
  // Rendering is local, so lengths add up and each part is rendered once.
  const separatorLength = render(separator).length;
  const out: string[] = [];
  let current: string[] = [];
  let currentLength = 0;
  for (const part of text.split(separator)) {
    const partLength = render(part).length;
    const candidateLength = current.length > 0 ? currentLength + separatorLength + partLength : partLength;
    if (candidateLength <= max) {
      current.push(part);
      currentLength = candidateLength;
      continue;
    }
    if (current.length > 0) out.push(render(current.join(separator)));
    if (partLength <= max) {
      current = [part];
      currentLength = partLength;
    } else {
      out.push(...splitRendered(part, max, render, level + 1));
      current = [];
      currentLength = 0;
    }
  }
  if (current.length > 0) out.push(render(current.join(separator)));
  return out.filter((s) => s.trim().length > 0);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.contextText) }] };
}

/** The footer: what was searched and how the answer was made. */
export function footerText(answer: Answer): string {
  const { searched } = answer;
  const parts = [`Searched ${searched.meetings} meeting${searched.meetings === 1 ? '' : 's'}`];
  const from = formatDate(searched.from);
  const to = formatDate(searched.to);
  if (from && to) parts.push(`${from} to ${to}`);
  if (searched.committees.length > 0) {
    const shown = searched.committees.slice(0, 5).join(', ');
    const more = searched.committees.length > 5 ? ` and ${searched.committees.length - 5} more` : '';
    parts.push(`${shown}${more}`);
  }
  if (answer.mode === 'extractive') parts.push('quoted from the minutes');
  if (answer.mode === 'llm') parts.push('summarised by AI: check the cited minutes');
  let text = escapeMrkdwn(parts.join(' · '));
  if (answer.fallbackReason) text += `\n${escapeMrkdwn(`AI summary unavailable (${answer.fallbackReason})`)}`;
  return text;
}

function feedbackValue(answer: Answer, rating: FeedbackValue['rating']): string {
  const value: FeedbackValue = { rating, mode: answer.mode, citations: answer.citations.length };
  return JSON.stringify(value);
}

function actionsBlocks(answer: Answer, options: RenderOptions): Block[] {
  const blocks: Block[] = [];
  if (options.shareValue !== undefined) {
    blocks.push({
      type: 'actions',
      block_id: 'minutebook_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION_IDS.share,
          text: { type: 'plain_text', text: 'Share in channel' },
          style: 'primary',
          value: options.shareValue.slice(0, LIMITS.buttonValue),
        },
      ],
    });
  }
  if (options.feedback) {
    blocks.push({
      // No block_id: Slack wants a new one per message and per update, and generates one.
      type: 'context_actions',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: ACTION_IDS.feedback,
          positive_button: {
            text: { type: 'plain_text', text: '👍' },
            accessibility_label: 'This answer helped',
            value: feedbackValue(answer, 'up'),
          },
          negative_button: {
            text: { type: 'plain_text', text: '👎' },
            accessibility_label: 'This answer did not help',
            value: feedbackValue(answer, 'down'),
          },
        },
      ],
    });
  }
  return blocks;
}

/**
 * Renders an answer as one or more messages: answer sections, the citations, and a footer with the
 * buttons on the last message. Every message stays within Slack's block limits.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage[] {
  const body: Block[] = [];
  if (options.preface) body.push(context(options.preface));
  const answerText = capAnswerText(answer.answer.trim() || 'I could not find anything on that in the minutes.');
  for (const piece of splitRendered(answerText, LIMITS.sectionText, (s) => renderAnswerText(s, answer.citations))) {
    body.push(section(piece));
  }
  const shown = answer.citations.slice(0, LIMITS.citationsShown);
  if (shown.length > 0) {
    body.push({ type: 'divider' });
    body.push(context('*Sources*'));
    for (const c of shown) body.push(section(citationMrkdwn(c)));
    if (answer.citations.length > shown.length) {
      body.push(context(`and ${answer.citations.length - shown.length} more sources not shown`));
    }
  }
  const tail: Block[] = [context(footerText(answer)), ...actionsBlocks(answer, options)];

  const chunks: Block[][] = [];
  const room = LIMITS.blocksPerMessage;
  let rest = body;
  // Leave room for the footer on the last message; continuations carry only body blocks.
  while (rest.length + tail.length > room) {
    chunks.push(rest.slice(0, room));
    rest = rest.slice(room);
  }
  chunks.push([...rest, ...tail]);

  const fallback = clip(escapeMrkdwn(answerText), LIMITS.fallbackText);
  return chunks.map((blocks, i) => ({ text: i === 0 ? fallback : '(answer continued)', blocks }));
}

/** A short message for the thread when something failed. `reason` is plain text and is escaped. */
export function errorMessage(reason: string): SlackMessage {
  const text = `:warning: ${escapeMrkdwn(reason)}`;
  return { text, blocks: [section(clip(text, LIMITS.sectionText))] };
}

/** The reply to an empty mention or command: how to ask. */
export function usageMessage(): SlackMessage {
  const text =
    'Ask me about the committee minutes, for example: *@Minutebook what was decided about school transport?* ' +
    'or `/minutes what did Cabinet agree on the budget in 2023?` Reply in the thread to follow up.';
  return { text, blocks: [section(text)] };
}

/** The App Home: what is indexed and how to ask. */
export function homeView(stats: IndexStats | null, problem?: string): types.HomeView {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Minutebook', emoji: true } }];
  blocks.push(section('Answers from the committee minutes, each cited to the meeting, date and minute item.'));
  blocks.push({ type: 'divider' });
  if (stats && stats.meetings > 0) {
    const from = formatDate(stats.from);
    const to = formatDate(stats.to);
    const lines = [
      `*What is indexed:* ${stats.meetings} meetings, ${stats.items} minute items`,
      from && to ? `*Dates:* ${escapeMrkdwn(from)} to ${escapeMrkdwn(to)}` : null,
      stats.councils.length > 0 ? `*Councils:* ${escapeMrkdwn(stats.councils.join(', '))}` : null,
    ].filter((line): line is string => line !== null);
    blocks.push(section(clip(lines.join('\n'), LIMITS.sectionText)));
    if (stats.committees.length > 0) {
      for (const piece of splitRendered(stats.committees.join(', '), LIMITS.sectionText - 20, escapeMrkdwn).slice(
        0,
        20,
      )) {
        blocks.push(section(`*Committees:* ${piece}`));
      }
    }
  } else {
    blocks.push(
      section(
        escapeMrkdwn(problem ?? 'No minutes are indexed yet. Ask your administrator to run `minutebook ingest`.'),
      ),
    );
  }
  blocks.push({ type: 'divider' });
  blocks.push(
    section(
      '*How to ask*\n' +
        '• Mention me in a channel: *@Minutebook what was decided about the library opening hours?* I answer in a thread.\n' +
        '• Send me a direct message with your question.\n' +
        '• Use `/minutes <question>` for an answer only you can see, with a button to share it.\n' +
        '• Follow up in the same thread ("and in 2022?"): I read the thread for context.\n' +
        '• Name a committee or a year in your question to narrow the search.',
    ),
  );
  blocks.push(context('Answers cite the minutes they rest on: open the links to check the wording.'));
  return { type: 'home', blocks };
}
