import { findDates, isoFromParts, LONG_DATE } from '../../src/dates.js';
import type { Meeting } from '../../src/types.js';

/** What the top of a minutes document says about its meeting. */
export type MeetingHeader = Pick<Meeting, 'committee' | 'date' | 'startTime' | 'venue' | 'chair' | 'attendees'>;

/** How far down the header may run; past it, dates belong to the items. */
const OPENING_LINES = 30;

const TIME = String.raw`(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))`;

/** "Children and Families Overview and Scrutiny Committee - Tuesday, 2 June 2020 2.00 pm" (ModernGov page title). */
const MODERNGOV_TITLE = new RegExp(String.raw`^(.{3,160}?)\s+[-–]\s+${LONG_DATE}(?:,?\s+${TIME})?\s*$`, 'im');

/** "Minutes of a meeting of the X held at Y on Monday, 4 June 2018." (printed minutes). */
const PRINTED_TITLE = new RegExp(
  String.raw`Minutes of (?:a|the) (?:meeting|virtual meeting|remote meeting) of (?:the )?(.{3,160}?)\s+held\s+(?:at|in|via|by)\s+(.{3,200}?)\s+on\s+${LONG_DATE}`,
  'i',
);

/** The same sentence without a venue: "Minutes of the meeting of the X held on 4 June 2018". */
const PRINTED_TITLE_NO_VENUE = new RegExp(
  String.raw`Minutes of (?:a|the) (?:meeting|virtual meeting|remote meeting) of (?:the )?(.{3,160}?)\s+held\s+on\s+${LONG_DATE}`,
  'i',
);

/**
 * Reads the meeting's own committee, date, time and venue from the lines before the first item only:
 * dates further down belong to previous or next meetings ("the minutes of the meeting held on
 * 3 March 2020…") and must never be taken for this one.
 */
export function parseHeader(headerLines: string[], allLines: string[] = headerLines): MeetingHeader {
  const openingLines = headerLines.slice(0, OPENING_LINES);
  // Printed titles wrap across lines; join the opening lines to read them whole.
  const opening = openingLines.join(' ').replace(/\s+/g, ' ');
  const header: MeetingHeader = {
    committee: null,
    date: null,
    startTime: null,
    venue: null,
    chair: null,
    attendees: [],
  };

  const moderngov = MODERNGOV_TITLE.exec(openingLines.join('\n'));
  const printed = PRINTED_TITLE.exec(opening);
  const printedNoVenue = printed ? null : PRINTED_TITLE_NO_VENUE.exec(opening);
  if (moderngov) {
    header.committee = cleanName(moderngov[1]);
    header.date = isoFromParts(moderngov[2] ?? '', moderngov[3] ?? '', moderngov[4] ?? '');
    header.startTime = moderngov[5]?.trim() ?? null;
  } else if (printed) {
    header.committee = cleanName(printed[1]);
    header.venue = printed[2]?.trim() ?? null;
    header.date = isoFromParts(printed[3] ?? '', printed[4] ?? '', printed[5] ?? '');
  } else if (printedNoVenue) {
    header.committee = cleanName(printedNoVenue[1]);
    header.date = isoFromParts(printedNoVenue[2] ?? '', printedNoVenue[3] ?? '', printedNoVenue[4] ?? '');
  }

  header.date ??= openingDate(openingLines);
  for (const line of openingLines) {
    const venue = /^Venue:\s*(.+?)(?:\.\s*View directions)?\.?$/i.exec(line);
    if (venue && !header.venue) header.venue = venue[1]?.trim() ?? null;
  }
  Object.assign(header, parseAttendance(openingLines, allLines));
  return header;
}

/** A line that names another meeting's date: the previous or next meeting, or minutes being confirmed. */
const OTHER_MEETING = /\b(?:next|previous|last|following|future)\s+meeting|were (?:approved|confirmed)|to follow/i;

/**
 * The meeting's own date from its opening lines when no title sentence gives it ("NOVEMBER 13,
 * 2018", "Date: Thursday, 14 May 2015", "14/05/2015", "2 Mehefin 2020"): the first day written
 * there, passing over lines about other meetings and the date of a covering letter ("Date: 7 April
 * 2015" above "Dear Councillor").
 */
function openingDate(lines: string[]): string | null {
  const letter = lines.findIndex((line) => /^Dear\b/i.test(line.trim()));
  for (const [i, line] of lines.entries()) {
    if (OTHER_MEETING.test(line) || (letter >= 0 && i <= letter)) continue;
    const date = findDates(line, { months: false })[0];
    if (date) return date.iso;
  }
  return null;
}

function cleanName(raw: string | undefined): string | null {
  const name = raw?.replace(/\s+/g, ' ').trim();
  return name ? name : null;
}

/** Reads the PRESENT list: one or two names a line, the chair marked "(in the Chair)" or "– in the Chair". */
function parseAttendance(lines: string[], allLines: string[]): Pick<MeetingHeader, 'chair' | 'attendees'> {
  const attendees: string[] = [];
  let chair: string | null = null;
  const start = lines.findIndex((line) => /^present:?$/i.test(line.trim()));
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      if (/^(in attendance|apologies|also present|officers)/i.test(trimmed) || /^\S+\.\s*$/.test(trimmed)) break;
      // Two columns of names run together on one line: split before each honorific.
      for (const cell of trimmed.split(/\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s)/)) {
        const name = cell.trim();
        if (!name) continue;
        const inChair = /\(in the chair\)/i.test(name);
        const clean = name.replace(/\s*\(in the chair\)\s*/i, '').trim();
        if (inChair) chair = clean;
        attendees.push(clean);
      }
    }
  }
  // "Mrs. B. Seaton CC – in the Chair" can follow the item that appointed the chair.
  for (const line of allLines) {
    const marked = /^(.+?)\s+[–-]\s+in the chair\.?$/i.exec(line.trim());
    if (marked && !chair) chair = marked[1]?.trim() ?? null;
  }
  return { chair, attendees };
}
