import { findDates, isoFromParts, LONG_DATE } from '../../src/dates.js';
import type { Meeting } from '../../src/types.js';
import { ATTENDANCE_START, isTitleCase } from './headings.js';

/** What the top of a minutes document says about its meeting. */
export type MeetingHeader = Pick<
  Meeting,
  'council' | 'committee' | 'date' | 'startTime' | 'venue' | 'chair' | 'attendees'
>;

/** How far down the header may run; past it, dates belong to the items. */
const OPENING_LINES = 30;

const TIME = String.raw`(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))`;

/** "Children and Families Overview and Scrutiny Committee - Tuesday, 2 June 2020 2.00 pm" (ModernGov page title). */
const MODERNGOV_TITLE = new RegExp(String.raw`^(.{3,160}?)\s+[-–]\s+${LONG_DATE}(?:,?\s+${TIME})?\s*$`, 'im');

/** "Minutes of a meeting of the X held at Y on Monday, 4 June 2018." (printed minutes; "the Monthly Meeting" too). */
const PRINTED_TITLE = new RegExp(
  String.raw`Minutes? of (?:a|the) (?:[A-Za-z-]+\s+){0,2}?meeting of (?:the )?(.{3,160}?)\s+held\s+(?:at|in|via|by)\s+(.{3,200}?)\s+on\s+${LONG_DATE}`,
  'i',
);

/** The same sentence without a venue: "Minutes of the meeting of the X held on 4 June 2018". */
const PRINTED_TITLE_NO_VENUE = new RegExp(
  String.raw`Minutes? of (?:a|the) (?:[A-Za-z-]+\s+){0,2}?meeting of (?:the )?(.{3,160}?)\s+held\s+on\s+${LONG_DATE}`,
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
    council: readCouncil(openingLines),
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

  header.committee ??= bodyNamedAtTop(openingLines, header.council);
  header.date ??= openingDate(openingLines);
  for (const line of openingLines) {
    const venue = /^Venue:\s*(.+?)(?:\.\s*View directions)?\.?$/i.exec(line);
    if (venue && !header.venue) header.venue = venue[1]?.trim() ?? null;
  }
  Object.assign(header, parseAttendance(openingLines, allLines));
  return header;
}

/**
 * A line that names another date than the meeting's: the previous or next meeting, minutes being
 * confirmed, or when a record of decisions was published and its decisions may be called in or come
 * into force ("Date of publication: 19 June", "Call-in deadline: 26 June").
 */
const OTHER_DATE =
  /\b(?:next|previous|last|following|future)\s+(?:[\w-]+\s+){0,3}meeting|were (?:approved|confirmed)|to follow|\b(?:publication|published|call-in|called in|deadline|come into force|implemented from)\b/i;

/**
 * The meeting's own date from its opening lines when no title sentence gives it ("NOVEMBER 13,
 * 2018", "Date: Thursday, 14 May 2015", "14/05/2015", "2 Mehefin 2020"): the first day written
 * there, passing over lines about other meetings and the date of a covering letter ("Date: 7 April
 * 2015" above "Dear Councillor").
 */
function openingDate(lines: string[]): string | null {
  const letter = lines.findIndex((line) => /^Dear\b/i.test(line.trim()));
  let aboutOther = false;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const date = findDates(line, { months: false })[0];
    // "NEXT ORDINARY COUNCIL MEETING" over "6.00pm Tuesday 28 May 2019": the date under it is that meeting's.
    const other = OTHER_DATE.test(line) || aboutOther;
    aboutOther = OTHER_DATE.test(line) && !date;
    if (other || (letter >= 0 && i <= letter)) continue;
    if (date) return date.iso;
  }
  return null;
}

/** The kinds of council and public body minutes come from, as their names end ("Hartwell Parish Council"). */
const BODY_SUFFIX =
  /\b(?:(?:(?:Parish|Town|City|County|District|Borough|Community|Shire|Regional|Metropolitan)\s+)?Council|(?:Combined\s+)?Fire(?:\s+and\s+Rescue)?\s+Authority|(?:NHS\s+)?(?:Foundation\s+)?Trust|CCG|ICB|Health\s+Board|School\s+District|Board\s+of\s+(?:County\s+)?(?:Commissioners|Supervisors))\b/gi;
/**
 * Names that put the kind of body first: "CITY OF PELLMORE", "The Township of Orlo-Medway" (US and
 * Canadian municipalities), "Cyngor Tref Aberwen" (Welsh town and community councils).
 */
const KIND_FIRST =
  /^(?:(?:the\s+)?(?:city|town|village|borough|township|county|municipality|shire|(?:municipal|regional)\s+district|district|rural\s+municipality)\s+of|cyngor\s+(?:tref|cymuned|sir|dinas))\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}$/iu;
/**
 * The same inside a title sentence, for kinds no sentence uses of anything else: "Minutes of the
 * Annual Meeting of the Municipal District of Carrowbeg held on…", "…of the Shire of Wandarra".
 */
const KIND_FIRST_IN_TITLE = /\b(?:(?:municipal|regional)\s+district|shire|rural\s+municipality)\s+of\s+/iu;
/** Words that end a kind-first name in a title: what the body holds, not its name. */
const AFTER_NAME = /^(?:board|council|committee|meeting|minutes|held|on|at)$/i;

/** The kind-first name a title sentence gives, or null: "Municipal District of Carrowbeg". */
function kindFirstInTitle(text: string): string | null {
  const kind = KIND_FIRST_IN_TITLE.exec(text);
  if (!kind) return null;
  const name: string[] = [];
  for (const word of text.slice(kind.index + kind[0].length).split(/\s+/)) {
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word) || AFTER_NAME.test(word) || name.length === 4) break;
    name.push(word);
  }
  if (name.length === 0) return null;
  const kindWords = kind[0]
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return `${kindWords} ${name.join(' ')}`;
}

/** Capitalised words that open a title without naming anyone: "Minutes of the Ordinary Meeting of the Parish Council". */
const NOT_A_NAME =
  /^(?:the|a|minutes?|meeting|ordinary|full|annual|joint|special|extraordinary|regular|statutory|agenda|and|of|held|council|draft|confirmed|unconfirmed|approved|venue:?)$/i;
/** Words after "Council" that make it a place: "Council Chamber", "Council Offices". */
const PLACE_AFTER = /^\s+(?:chambers?|offices|house|hall|buildings|building)\b/i;
/** A council's own name is a few words. */
const MAX_NAME_WORDS = 5;

/**
 * The council or public body the minutes are from, as their opening lines name it ("WILLOWBECK
 * PARISH COUNCIL", "Minutes of March Ordinary Meeting of Dunmara County Council", "CITY OF
 * PELLMORE", "Eastholm Hospitals NHS Foundation Trust"), in title case when printed in capitals;
 * null when they name none ("Minutes of the Parish Council"). A manifest's council wins over it.
 */
export function readCouncil(openingLines: string[]): string | null {
  for (const raw of openingLines.slice(0, TITLE_LINES)) {
    const line = raw.trim().replace(/\s+/g, ' ');
    for (const part of line.split(/\s+[-–—/|]\s+/)) {
      // "CITY OF CEDAR BLUFF, TEXAS": the state or province after the name is not part of it.
      const named = part.replace(/,\s*[\p{L} ]+$/u, '');
      if (KIND_FIRST.test(named)) return displayName(named);
      const inTitle = kindFirstInTitle(part);
      if (inTitle) return displayName(inTitle);
      for (const suffix of part.matchAll(BODY_SUFFIX)) {
        const end = (suffix.index ?? 0) + suffix[0].length;
        // "the Council Chamber, Council Offices": a building of the council, named for its venue.
        if (PLACE_AFTER.test(part.slice(end))) continue;
        const before = part.slice(0, suffix.index).trim().split(' ');
        let start = before.length;
        while (start > 0 && before.length - start < MAX_NAME_WORDS) {
          const word = before[start - 1] ?? '';
          if (!/^[\p{Lu}][\p{L}'’.&-]*$/u.test(word) || NOT_A_NAME.test(word)) break;
          start--;
        }
        const name = before.slice(start);
        if (name.length) return displayName(`${name.join(' ')} ${suffix[0]}`);
      }
    }
  }
  return null;
}

/** The word a meeting body's name ends on: "Licensing Board", "Planning Commission", "Board of Supervisors". */
const BODY_NAME_END =
  /(?:\b(?:board|(?:sub-?)?committee|commission|authority|panel|cabinet|council|forum|partnership|assembly|executive|trustees)|\bboard of [\p{L}-]+(?: [\p{L}-]+)?)$/iu;
/** A labelled body: "NAME OF BOARD/COMMISSION: Liquor Licensing Authority (LLA)", "Committee: Planning". */
const BODY_LABEL =
  /^(?:name of (?:the )?(?:board|commission|committee|body)\b[^:]{0,30}|board|committee|commission|body)\s*:\s*(.+)$/i;
/** What titles put around a body's name: "Minutes -", "Proceedings of the", "Regular … Meeting Minutes", "Highlights". */
const BEFORE_BODY =
  /^(?:(?:draft|approved|unapproved|confirmed)\s+)?(?:(?:minutes?|proceedings|summary)(?:\s+of)?\s*[-–:]?\s+)?(?:(?:the|a)\s+)?(?:(?:regular|special|ordinary|annual|extraordinary)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?/i;
const AFTER_BODY =
  /(?:\s+\([\p{Lu}]{2,8}\))?(?:\s+(?:regular|special|ordinary|annual))?(?:\s+(?:meeting|minutes|highlights|action summary))*$/iu;
/** A body named by its kind alone ("Council", "Board"): the council's own meeting, which citations name by the council. */
const KIND_ALONE = /^(?:the\s+)?(?:council|board|meeting)$/i;

/**
 * The body a meeting was of, from a line at the top that names one and nothing else ("Strathallan
 * Licensing Board", "BOARD OF SUPERVISORS", "Minutes - Liquor Licensing Authority - March 19, 2025",
 * "REGULAR CITY COUNCIL MEETING MINUTES: November 12, 2024"), or a labelled field; null when none
 * does, or when it is only the council's own name (citations fall back to the council).
 */
function bodyNamedAtTop(openingLines: string[], council: string | null): string | null {
  for (const raw of openingLines.slice(0, TITLE_LINES + 4)) {
    // "(Standing Committee)" under the council's name names it too.
    const line = raw
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/^\((.+)\)$/, '$1');
    // Past "Present:" are the people and their offices ("Chairman, Standing Committee").
    if (opensAttendance(line)) break;
    if (OTHER_DATE.test(line)) continue;
    const labelled = BODY_LABEL.exec(line)?.[1];
    for (const part of labelled ? [labelled] : line.split(/\s+[-–—|]\s+|:\s+/)) {
      // The suffix is taken twice on purpose: its words come in any order, and taking one run can
      // uncover another ("Harbour Board Minutes Regular Meeting": " Regular Meeting", then " Minutes").
      const name = part.replace(AFTER_BODY, '').replace(BEFORE_BODY, '').replace(AFTER_BODY, '').trim();
      const words = name.split(' ');
      if (words.length > 8 || !BODY_NAME_END.test(name) || KIND_ALONE.test(name) || findDates(name).length) continue;
      if (!isTitleCase(name)) continue;
      const shown = displayName(name);
      if (council && shown.toLowerCase() === council.toLowerCase()) return null;
      return shown;
    }
  }
  return null;
}

/**
 * A line that opens the list of who attended: a heading over it ("Present:", "In attendance") or the
 * sentence some councils open it with ("The following were present:-").
 */
function opensAttendance(line: string): boolean {
  return ATTENDANCE_START.test(line) || /^the following (?:were|members were) present\b/i.test(line);
}

/** How far into the opening lines a council names itself: its title block. */
const TITLE_LINES = 6;

/** A name printed in capitals, in title case ("LITTLE WALFORD PARISH COUNCIL" -> "Little Walford Parish Council"). */
function displayName(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return name;
  const small = new Set(['of', 'and', 'the']);
  return name
    .toLowerCase()
    .replace(/[\p{L}][\p{L}'’]*/gu, (word, offset: number) =>
      offset > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .replace(/\b(Nhs|Ccg|Icb)\b/g, (acronym) => acronym.toUpperCase());
}

function cleanName(raw: string | undefined): string | null {
  const name = raw?.replace(/\s+/g, ' ').trim();
  return name ? displayName(name) : null;
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
