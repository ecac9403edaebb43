import { findDates } from '../../../src/dates.js';
import {
  ATTENDANCE_START,
  isClosingHeading,
  isHeadingText,
  isMostlyUpper,
  isRosterHeading,
  isStandardHeading,
  OUTCOME_LINE,
  RESOLUTION_LABEL,
} from '../headings.js';
import { isBlockHeading } from './blocks.js';
import { leadItems } from './lead.js';
import { readParagraphs } from './lines.js';
import { numberedByResolutions, opensResolution } from './resolutions.js';
import type { LayoutItem, LayoutResult } from './types.js';

/** With no numbering and no headings, a document is minutes only if it reads like minutes. */
const MINUTES_WORDS =
  /\b(?:minutes?|meeting|present|apologies|resolved|agreed|council|committee|board|chair(?:man|person)?|motion|carried|seconded|agenda|councillors?|cofnodion|cyfarfod)\b/gi;

/** How far down a document's title block ("BOROUGH OF KELLSVILLE", "MINUTES", the date) may run. */
const TITLE_BLOCK_LINES = 12;
/** Most words of an item's title under a section heading. */
const SUBHEADING_WORDS = 12;
/** A title standing alone on its line is short; longer lines are prose. */
const STANDALONE_TITLE_WORDS = 8;
/** A Markdown heading's marks: "## ". */
const MARKDOWN_HEADING = /^#{1,6}\s+/;
/**
 * A heading led by the time the board reached it ("6:44 PM – Public Hearing: Highway Ordinance"),
 * as New England selectboards and some boards' clerks write minutes: the time is the item's first
 * words, the rest its title.
 */
const TIMED_HEADING = /^(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?)\s*[–—-]\s+(\S.*)$/i;
/** Fewer words than this ending in a full stop are a note ("No apologies."), not yet a sentence of prose. */
const PROSE_WORDS = 4;

/** A line that heads an unnumbered item, with any text that follows the title on the same line. */
interface HeadingStart {
  line: number;
  title: string;
  body: string;
  /** The last line of a title wrapped over several, where it is not `line`. */
  through?: number;
}

/**
 * Minutes that print no numbers: items split at their headings — standard headings ("Apologies",
 * "CALL TO ORDER"), lines in capitals, and short title lines set apart before their text — kept with
 * no number. With no headings at all, the whole text is one item, if it reads like minutes.
 */
export function readHeadings(lines: string[]): LayoutResult {
  const starts = headingStarts(lines);
  starts.splice(0, titleBlockHeadings(lines, starts));
  if (starts.length < 2) return wholeDocument(lines);
  const first = starts[0]?.line ?? 0;
  return {
    layout: 'headings',
    headerLines: lines.slice(0, first),
    items: [...leadItems(lines.slice(0, first), readParagraphs), ...numberedByResolutions(headedItems(lines, starts))],
  };
}

/**
 * The text before the first numbered item: the preamble and attendance, and then — where minutes
 * leave their opening business unnumbered ("Apologies", "Confirmation of Minutes", then "SI20/13 …")
 * — unnumbered items, from the first heading after the attendance list whose text is prose rather
 * than more names ("STAFF:", "APOLOGIES:" lists belong to the attendance).
 */
export function leadWithHeadings(lead: string[]): LayoutItem[] {
  const attendance = lead.findIndex((line) => ATTENDANCE_START.test(line.trim()));
  const starts = headingStarts(lead);
  const business = starts.findIndex(
    (start) =>
      start.line > attendance &&
      !isRosterHeading(start.title) &&
      isProse(start.body || nextParagraph(lead, start.line)),
  );
  if (attendance < 0 || business < 0) return leadItems(lead, readParagraphs);
  const from = starts.slice(business);
  return [...leadItems(lead.slice(0, from[0]?.line ?? lead.length), readParagraphs), ...headedItems(lead, from)];
}

/**
 * Where the numbered business ends and unnumbered closing business begins ("EXECUTIVE SESSION",
 * "ADJOURNMENT" after the last numbered item, as US boards print them): the first closing heading
 * in capitals on a line of its own after a blank line, with prose under it. `lines` run from the
 * last item's number to the end of the minutes; null when nothing follows it but its own text.
 */
export function closingBusiness(lines: string[]): { start: number; items: LayoutItem[] } | null {
  const start = lines.findIndex(
    (line, i) =>
      i > 1 &&
      !lines[i - 1]?.trim() &&
      isClosingHeading(line.trim()) &&
      isMostlyUpper(line.trim()) &&
      isProse(nextParagraph(lines, i)),
  );
  if (start < 0) return null;
  const tail = lines.slice(start);
  const starts = headingStarts(tail).filter((h) => isClosingHeading(h.title));
  return starts.length > 0 ? { start, items: headedItems(tail, starts) } : null;
}

function headedItems(lines: string[], starts: HeadingStart[]): LayoutItem[] {
  return starts.map((start, i): LayoutItem => {
    const from = (start.through ?? start.line) + 1;
    const subheading = start.body ? null : itemUnderSection(start.title, lines, from);
    const body = subheading
      ? [start.title, '', ...lines.slice(from + 1, starts[i + 1]?.line ?? lines.length)]
      : [start.body, ...lines.slice(from, starts[i + 1]?.line ?? lines.length)];
    return {
      heading: subheading ?? start.title,
      description: null,
      paragraphs: readParagraphs(body.filter((l, j) => j > 0 || l)),
      printed: null,
      unnumbered: false,
      kind: 'item',
    };
  });
}

/**
 * The title of an item printed under a section heading in capitals ("STAFF REPORTS" then "Solid
 * Waste - Transfer Station Tipping Fee Review", "DELEGATIONS" then the delegation's name): a short
 * title-case line straight under it, set apart from the text below. The item is what the title
 * names; the section heading stays in its text.
 */
function itemUnderSection(section: string, lines: string[], at: number): string | null {
  const line = lines[at]?.trim() ?? '';
  if (!isMostlyUpper(section) || !line || isMostlyUpper(line) || (lines[at + 1] ?? '').trim()) return null;
  if (opensResolution(line)) return null;
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  return words <= SUBHEADING_WORDS && !/[.,;:]$/.test(line) && isHeadingText(line) ? line : null;
}

function headingStarts(lines: string[]): HeadingStart[] {
  const starts: HeadingStart[] = [];
  lines.forEach((_, i) => {
    const heading = readHeadingLine(lines, i);
    if (!heading) return;
    // "Apologies" then "No apologies.", "Planning" then "Two applications to note:": a line straight
    // after a heading with no text of its own is that heading's text, though it has a heading's shape.
    const previous = starts.at(-1);
    const followsHeading = previous && !previous.body && lines.slice(previous.line + 1, i).every((l) => !l.trim());
    if (followsHeading && /[.!?:]$/.test(heading.title)) return;
    // "…SHORT-TERM ACCOMMODATION (12 CABINS), 88 DINGO GAP ROAD," / "KOOMBARRA": a title wrapped
    // after a comma, a dash or a joining word ("CORNER OF MILL STREET AND") goes on, on the next line.
    const unfinished = /(?:[,–-]|\s(?:and|of|the|for|to|at|on|in|&))$/i;
    if (previous && !previous.body && previous.line === i - 1 && unfinished.test(previous.title)) {
      if (isMostlyUpper(heading.title) === isMostlyUpper(previous.title)) {
        previous.title = `${previous.title} ${heading.title}`;
        previous.body = heading.body;
        previous.through = i;
        return;
      }
    }
    starts.push({ line: i, ...heading });
  });
  return starts;
}

/**
 * How many of the first headings are the document's title block, not items: title lines in capitals
 * ("BOROUGH OF KELLSVILLE") before the first standard heading, or at or above the line that gives
 * the meeting's date ("ROTHBURY TOWN COUNCIL" over "Minutes of the Planning Committee, 14/05/2015").
 */
function titleBlockHeadings(lines: string[], starts: HeadingStart[]): number {
  const opening = lines.slice(0, TITLE_BLOCK_LINES);
  const dateLine = opening.findIndex((line) => findDates(line, { months: false }).length > 0);
  const firstStandard = starts.findIndex((s) => isStandardHeading(s.title));
  let count = 0;
  while (count < starts.length) {
    const start = starts[count];
    if (!start || start.body || start.line >= TITLE_BLOCK_LINES) break;
    if (!(start.line <= dateLine || (firstStandard > 0 && count < firstStandard))) break;
    count++;
  }
  return count;
}

/**
 * Whether line `index` heads an item: a standard heading, with or without its text after a colon
 * ("Apologies: None"); a title after the time it was reached ("6:32 PM – Public Comment"); a line in
 * capitals; a short title ending in a colon; or a short title alone
 * after a blank line whose text follows as prose ("Opening of Ordinary Meeting" / "The meeting
 * commenced at 5.00pm…"), which a ModernGov copy ends with a full stop.
 */
function readHeadingLine(lines: string[], index: number): { title: string; body: string } | null {
  const raw = lines[index]?.trim() ?? '';
  const previous = lines[index - 1]?.trim() ?? '';
  const next = lines[index + 1]?.trim() ?? '';
  // "## Water supply": Markdown marks its headings, whatever their words.
  const marked = MARKDOWN_HEADING.exec(raw);
  const line = marked ? raw.slice(marked[0].length) : raw;
  if (!line) return null;
  if (marked && line.split(/\s+/).length <= 14) return { title: line, body: '' };
  // "RESOLUTION" over a resolution's number ("RESOLUTION: OM/2025/08/206"), "CARRIED 6/0" under it:
  // parts of an item, heading none.
  if (RESOLUTION_LABEL.test(line.replace(/:.*$/, ':')) || OUTCOME_LINE.test(line)) return null;
  // "…and led the" / "Pledge of Allegiance.": a line that finishes a sentence heads nothing.
  if (/[\p{Ll},]$/u.test(previous) && /^\p{Ll}/u.test(previous.split(/\s+/).at(-1) ?? '')) return null;
  const timed = TIMED_HEADING.exec(line);
  if (timed && isHeadingText(timed[2] ?? '') && !/[.!?]$/.test(timed[2] ?? '')) {
    return { title: timed[2] ?? '', body: timed[1] ?? '' };
  }
  const colon = /^([^:]{2,60}):\s+(\S.*)$/.exec(line);
  if (colon && isStandardHeading(colon[1] ?? '')) return { title: colon[1] ?? '', body: colon[2] ?? '' };
  if (isStandardHeading(line)) return { title: line, body: '' };
  if (!isHeadingText(line) || line.split(/\s+/).length > 14) return null;
  if (isMostlyUpper(line) && /\p{L}{3}/u.test(line)) return { title: line, body: '' };
  // Words, not dashes: "Upper Kettle Fire Protection - Fire Hall Roof Replacement" is eight.
  const short = line.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length <= STANDALONE_TITLE_WORDS;
  if ((!previous && !next && isBlockHeading(line)) || (/:$/.test(line) && short)) return { title: line, body: '' };
  // The text under it is read to the end of its paragraph: a sentence wraps ("PC Dunnet reported 11
  // incidents in the area since last meeting, mainly" / "speeding on the B8105…"). Or a resolution
  // follows at once, with its movers and number ("Halvorsen/Dufresne: KNRD 076/25").
  const under = nextParagraph(lines, index);
  if (!previous && short && !/[.,;]$/.test(line) && (isProse(under) || opensResolution(under)))
    return { title: line, body: '' };
  return null;
}

/** Text that reads as a sentence: a few words that end like one ("The meeting commenced at 5.00pm."). */
function isProse(text: string): boolean {
  return /[.!?)"”]$/.test(text.trim()) && text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= PROSE_WORDS;
}

/** The paragraph after line `index`: its lines up to the next blank one, joined (a wrapped sentence ends on its last). */
function nextParagraph(lines: string[], index: number): string {
  const from = lines.findIndex((line, i) => i > index && line.trim() !== '');
  if (from < 0) return '';
  const to = lines.findIndex((line, i) => i > from && line.trim() === '');
  return lines
    .slice(from, to < 0 ? lines.length : to)
    .map((line) => line.trim())
    .join(' ');
}

function wholeDocument(lines: string[]): LayoutResult {
  const text = lines.join('\n');
  const words = new Set([...text.matchAll(MINUTES_WORDS)].map((m) => m[0].toLowerCase().replace(/s$/, '')));
  if (words.size < 3) return { layout: 'whole', headerLines: lines, items: [] };
  const paragraphs = readParagraphs(lines);
  return {
    layout: 'whole',
    headerLines: lines,
    items: [{ heading: null, description: null, paragraphs, printed: null, unnumbered: false, kind: 'item' }],
  };
}
