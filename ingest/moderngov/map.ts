/**
 * A ModernGov meeting, as the web service describes it, turned into our Meeting. The minute number
 * is `minutesitemnumber` (the committee's running number), never `agendaitemnumber` (the position
 * on the agenda): the two differ, and citations must use the one printed in the minutes.
 */
import { load } from 'cheerio';
import { composeMinute } from '../../src/minutes/reference.js';
import type { Meeting, MinuteItem } from '../../src/types.js';
import { htmlToText } from '../read/html-text.js';
import { structuredItem } from './item.js';
import type { MgAgendaItem, MgAttendee, MgLinkedDoc, MgMeeting } from './schema.js';

export interface MeetingContext {
  council: string | null;
  committeeId: string;
  committeeTitle: string | null;
  /** The meeting's public page: its identity in the index and its citation link. */
  meetingUrl: string;
  itemUrl: (agendaItemId: string) => string;
}

/** Whether the web service carries the minutes themselves (otherwise they are only in a PDF). */
export function hasStructuredMinutes(meeting: MgMeeting): boolean {
  return meeting.items.some((item) => !item.restricted && bodyOf(item) !== '');
}

/** Builds our Meeting from the structured minutes. Items with neither a minute number nor text are agenda-only and left out. */
export function meetingFromModernGov(meeting: MgMeeting, context: MeetingContext): Meeting {
  const items: MinuteItem[] = [];
  for (const agendaItem of meeting.items) {
    const text = agendaItem.restricted ? '' : bodyOf(agendaItem);
    const minute = minuteLabel(agendaItem);
    if (!minute && !text && !agendaItem.restricted) continue;
    items.push(
      structuredItem({
        minute,
        title: agendaItem.title || `Item ${agendaItem.agendaNumber ?? agendaItem.id ?? ''}`.trim(),
        text,
        url: agendaItem.id ? context.itemUrl(agendaItem.id) : null,
        restricted: agendaItem.restricted,
        agendaItem: integerOrNull(agendaItem.agendaNumber),
      }),
    );
  }
  const warnings: string[] = [];
  if (!meeting.date) warnings.push('the web service gave no meeting date; date left unknown');
  return {
    ...meetingHeader(meeting, context),
    items,
    warnings,
  };
}

/** The meeting-level fields shared by the structured and the printed-PDF paths. */
export function meetingHeader(meeting: MgMeeting, context: MeetingContext): Omit<Meeting, 'items' | 'warnings'> {
  const present = meeting.attendees.filter(attended);
  const chair = present.find((a) => /\bchair(man|woman|person)?\b/i.test(a.role ?? '') && !/vice/i.test(a.role ?? ''));
  return {
    council: context.council,
    committee: meeting.committeeTitle ?? context.committeeTitle,
    date: meeting.date,
    startTime: meeting.time,
    venue: meeting.location,
    chair: chair?.name ?? null,
    attendees: present.map((a) => a.name),
    source: context.meetingUrl,
    url: context.meetingUrl,
  };
}

/**
 * The printed-minutes PDF of a meeting: a linked document titled as minutes, on the meeting or on
 * an agenda item, never a restricted one.
 */
export function printedMinutesLink(meeting: MgMeeting): MgLinkedDoc | null {
  const docs = [...meeting.documents, ...meeting.items.filter((i) => !i.restricted).flatMap((i) => i.documents)];
  return docs.find((doc) => !doc.restricted && isMinutesDocument(doc.title)) ?? null;
}

/**
 * Where a council attaches a meeting's minutes to the next meeting's "Minutes" item (for approval),
 * the PDF linked there. Only the first minutes item counts: later ones are other bodies' minutes.
 */
export function previousMinutesLink(nextMeeting: MgMeeting): MgLinkedDoc | null {
  const item = nextMeeting.items.find((i) => !i.restricted && /^(confirmation of )?minutes\b/i.test(i.title));
  return (
    item?.documents.find(
      (doc) => !doc.restricted && /\.pdf\b|mgConvert2PDF|minutes/i.test(`${doc.url} ${doc.title}`),
    ) ?? null
  );
}

function isMinutesDocument(title: string): boolean {
  return /\b(printed )?minutes\b/i.test(title) && !/\bdraft agenda\b/i.test(title);
}

/** The minute as plain text: the minutes body, or the decision where the site records only that. */
function bodyOf(item: MgAgendaItem): string {
  const html = item.minutesHtml ?? (item.isDecision ? item.decisionHtml : null);
  if (!html) return '';
  return htmlToText(load(html).root().get(), { listLabels: true });
}

/** `minutesitemnumber` plus its sub-number: "12" + "a" = "12a", "5" + "2" = "5.2". */
function minuteLabel(item: MgAgendaItem): string | null {
  return composeMinute(item.minutesNumber, item.minutesSubNumber);
}

function attended(attendee: MgAttendee): boolean {
  return !/apolog|absent|not present|substituted/i.test(attendee.attendance ?? '');
}

function integerOrNull(raw: string | null): number | null {
  const match = raw ? /\d+/.exec(raw) : null;
  return match ? Number(match[0]) : null;
}
