import { readFileSync } from 'node:fs';

/**
 * Web-service replies and printed minutes for the sync tests, made from the Northbridge fixtures
 * (all made up): a meeting with some agenda items taken out, and one giant meeting.
 */

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/moderngov/northbridge/${name}`, import.meta.url), 'utf8');

/** The printed minutes of meeting 301 (minutes 31–36), as the fake serves them as a PDF. */
export const PRINTED_301 = readFileSync(
  new URL('../../examples/northbridge-2023-11-07-printed.txt', import.meta.url),
  'utf8',
);

/** GetMeeting for 318 (minutes 45–51), well-formed, without the agenda items of these ids. */
export function withoutAgendaItems(agendaItemIds: string[]): string {
  return fixture('GetMeeting-318.xml').replace(/\s*<agendaitem>[\s\S]*?<\/agendaitem>/g, (item) =>
    agendaItemIds.some((id) => item.includes(`<agendaitemid>${id}</agendaitemid>`)) ? '' : item,
  );
}

/**
 * GetMeeting for 318 as a giant meeting: `items` agenda items whose minutes are `words` words each
 * (or `bodyHtml`, escaped as the service sends it).
 */
export function giantMeetingReply(items: number, words: number, bodyHtml?: string): string {
  const vocabulary = 'members noted the budget report on school transport and housing repairs'.split(' ');
  const agenda: string[] = [];
  for (let n = 1; n <= items; n++) {
    const text = Array.from({ length: words }, (_, w) => vocabulary[(n + w) % vocabulary.length]);
    // Paragraphs of 40 words, as minutes are written: passages are cut between them.
    const paragraphs: string[] = [];
    for (let at = 0; at < text.length; at += 40) paragraphs.push(`<p>${text.slice(at, at + 40).join(' ')}.</p>`);
    const html = escapeXml(bodyHtml ?? paragraphs.join(''));
    agenda.push(
      `<agendaitem><agendaitemid>${90000 + n}</agendaitemid><agendaitemtitle>Report ${n}</agendaitemtitle>` +
        `<agendaitemnumber>${n}</agendaitemnumber><minutesitemnumber>${n}</minutesitemnumber>` +
        `<minutesnonemptyhtmlbody>${html}</minutesnonemptyhtmlbody></agendaitem>`,
    );
  }
  return fixture('GetMeeting-318.xml').replace(
    /<agendaitems>[\s\S]*<\/agendaitems>/,
    `<agendaitems>${agenda.join('')}</agendaitems>`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
