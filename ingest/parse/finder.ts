import { MONTH_NAME } from '../../src/dates.js';
import { MINUTE_LABEL } from '../../src/minutes/reference.js';
import { sentenceEnd } from '../../src/minutes/sentences.js';
import { type Candidate, findCandidates, RUNS_ON, runsOnInto, titleAfter, titleBefore } from './candidates.js';
import { removeFurniture } from './furniture.js';
import { isMostlyUpper, isTitleCase } from './headings.js';
import { looksLikeBlocks, readBlocks } from './layouts/blocks.js';
import { unfoldGridTables } from './layouts/grid.js';
import { closingBusiness, leadWithHeadings, readHeadings } from './layouts/headings.js';
import { leadItems, unnumberedItem } from './layouts/lead.js';
import { readParagraphs, signatureBlockStart } from './layouts/lines.js';
import { looksLikeTable, readTable } from './layouts/table.js';
import type { LayoutItem, LayoutResult } from './layouts/types.js';
import { lostNumberItems } from './lost-numbers.js';
import { RESOLUTION_START, readPointLabel } from './points.js';
import { chooseScheme, type Scheme } from './scheme.js';

/** What the item finder made of a document. */
export interface FoundItems extends LayoutResult {
  /** Page furniture taken out (page numbers, running headers and footers): everything else is in an item. */
  dropped: string[];
}

/** Lines longer than this are PDF text run together into one paragraph: items may start inside them. */
const RUN_TOGETHER_CHARS = 400;
/**
 * The one item finder every reader goes through. It takes out page furniture, then finds the items
 * by the strongest evidence the document has: a flattened ModernGov table's rows, the numbering
 * scheme learned from the document, a copied ModernGov page's headings, or headings alone. What
 * comes before the first item and after the last is kept as unnumbered items, so no text is lost.
 * Returns no items only for text that is not minutes at all.
 */
export function findItems(allLines: string[]): FoundItems {
  const { lines, dropped } = removeFurniture(splitRunTogether(unfoldGridTables(allLines)));
  if (looksLikeTable(lines)) return withLead(readTable(lines), dropped);
  const scheme = chooseScheme(findCandidates(lines), lines);
  if (scheme) return { ...readNumbered(lines, scheme), dropped };
  if (looksLikeBlocks(lines)) return withLead(readBlocks(lines), dropped);
  return { ...readHeadings(lines), dropped };
}

/** A layout's header lines become the lead items in front of its items. */
function withLead(layout: LayoutResult, dropped: string[]): FoundItems {
  return {
    ...layout,
    items: [...leadItems(layout.headerLines, readParagraphs), ...layout.items],
    dropped: [...dropped, ...(layout.dropped ?? [])],
  };
}

/**
 * Where PDF text ran items together into one line, an item's start after a sentence end starts a
 * line of its own, so the scheme can be learned from it like any other: a number before a title in
 * capitals ("…was agreed. 2 MINUTES OF THE PREVIOUS MEETING Agreed. 3 MATTERS ARISING None."), or a
 * labelled number before a capitalised word ("…(holiday). Minute 46/24 Declarations of Interest.").
 */
const RUN_TOGETHER_ITEM = new RegExp(
  String.raw`(?<=[.!?:;)"”’]\s+)(?=(?:(?:\(?\d{1,4}(?:\.\d{1,2})?[.)]?|[A-Z]{1,4}\d{1,4}\/\d{2,4})\s+(?:(?:[A-Z][A-Z'’&,/-]+\s+)+[A-Z][A-Z'’&,/-]+\b|[A-Z][A-Z'’&/-]{4,}(?::|\s[-–])))|${MINUTE_LABEL}\d{1,6}(?:[/.]\d{1,4})*[.:)]?\s+\p{Lu}\p{Ll})`,
  'gu',
);

function splitRunTogether(lines: string[]): string[] {
  return lines.flatMap((line) => (line.length > RUN_TOGETHER_CHARS ? line.split(RUN_TOGETHER_ITEM) : [line]));
}

interface Boundary {
  candidate: Candidate;
  /** First line of the item: the number's line, or the title lines above it. */
  start: number;
  /** Set for a sub-item ("6.1 Play areas" under "6."). */
  sub: boolean;
  /** A sub-item's item's running number: "R-3" under "7. REPORTS" is of minute 7. */
  parent?: number | null;
  /** A sub-item's number as cited, where its own is only a letter: "(a)" under "5." is "5(a)". */
  minute?: string;
}

/** Reads items by the learned numbering scheme: its items, their headed sub-items, the lead and the closing. */
function readNumbered(lines: string[], scheme: Scheme): LayoutResult {
  const end = signatureBlockStart(lines);
  const starts = [...scheme.items, ...lostNumberItems(scheme.items, lines)].sort((a, b) => a.line - b.line);
  const boundaries = withSubItems(starts, findCandidates(lines.slice(0, end)), lines)
    .filter((b) => b.candidate.line < end)
    .map((b, i, all) => {
      // Title lines above a number never reach back to the number before it.
      const floor = (all[i - 1]?.candidate.line ?? -1) + 1;
      return { ...b, start: Math.max(floor, b.candidate.line - titleLinesAbove(lines, b.candidate)) };
    });
  const first = boundaries[0]?.start ?? end;
  const lastLine = boundaries.at(-1)?.candidate.line ?? end;
  const closing = closingBusiness(lines.slice(lastLine, end));
  const businessEnd = closing ? lastLine + closing.start : end;
  const items: LayoutItem[] = boundaries.map((boundary, i) => {
    const next = boundaries[i + 1]?.start ?? businessEnd;
    return numberedItem(lines, boundary, next, scheme.running);
  });
  if (closing) items.push(...closing.items);
  if (lines.slice(end).some((l) => l.trim())) items.push(unnumberedItem('closing', readParagraphs(lines.slice(end))));
  return {
    layout: 'numbered',
    headerLines: lines.slice(0, first),
    items: [...leadWithHeadings(lines.slice(0, first)), ...items],
  };
}

/**
 * Sub-numbered paragraphs ("6.1", "338.2", "6-B") are points of their item, unless they carry a
 * heading of their own ("6.1 Play areas", "9.1.2 RATES POLICY"): then they are sub-items, numbered
 * as printed, at any depth. So are the
 * coded items an agenda section lists under its heading ("5. DELEGATIONS" then "D-1 …", "D-2 …";
 * "7. REPORTS" then "R-1 …" to "R-5 …"): each code's run starts at 1 and rises within the section.
 */
function withSubItems(items: Candidate[], all: Candidate[], lines: string[]): Boundary[] {
  const boundaries: Boundary[] = [];
  items.forEach((item, i) => {
    boundaries.push({ candidate: item, start: item.line, sub: false });
    if (item.token.form === 'decimal' || item.token.form === 'letter' || item.token.form === 'roman') return;
    const nextLine = items[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    // "Item 4", then "Item 5.a" to "Item 6.e", then "Item 7": the minutes print the sections
    // between two items only by their sub-items, which are items in their own right.
    const own = item.token.minuteNumber;
    const nextNumber = items[i + 1]?.token.minuteNumber ?? Number.POSITIVE_INFINITY;
    const parentOf = (c: Candidate): number | null => {
      const section = c.token.parts[0];
      if (section === undefined || own === null) return null;
      return section === own || (section > own && section < nextNumber) ? section : null;
    };
    let last: number[] = [];
    const seen = new Set<string>();
    // Sub-numbers that all open with a title closed by a full stop ("7.2 Boating safety grant.
    // Accept…") are a consent agenda's items; where one opens with a sentence ("1.1 Everyone was
    // welcomed…") they are numbered paragraphs, and "1.1 Present: names" is a record of who came.
    // Then only a title standing alone on its line is a heading.
    const subNumbered = all.filter(
      (c) => c.line > item.line && c.line < nextLine && c.token.form === 'decimal' && parentOf(c) !== null,
    );
    const allTitled = subNumbered.every((c) => c.split.title !== null);
    let lastLetter = 0;
    const lastOfCode = new Map<string, number>();
    for (const c of all) {
      if (c.line <= item.line || c.line >= nextLine) continue;
      // A section's sub-number where the section itself is not printed numbers an item whatever
      // follows its title: there is no item for it to be a paragraph of.
      const section = c.token.form === 'decimal' ? parentOf(c) : null;
      const inGap = section !== null && section !== own;
      // Text running on past a title that ended on its line is the item's text, not a sentence.
      if (!c.rest || c.split.title === null || (!inGap && c.split.body === '' && isRunningText(lines, c))) continue;
      if (c.token.form === 'decimal') {
        // "9.1 INFRASTRUCTURE" then "9.1.1", "9.1.2", "9.2": deeper numbers come after their parent.
        // One taken out of its order ("8.3" heard before "8.1") is still new to the item. A titled
        // line that goes on into its text ("7.2 Boating safety grant. Accept a grant of…") is a
        // consent agenda's item, so a title need not stand alone.
        if (!inGap && c.split.body !== '' && !(allTitled && endsTitleWithFullStop(c))) continue;
        const taken = c.token.parts.join('.');
        if (parentOf(c) === null || seen.has(taken)) continue;
        if (!comesAfter(c.token.parts, last) && c.token.parts.length !== 2) continue;
        seen.add(taken);
        last = c.token.parts;
      } else if (c.split.body !== '') {
        continue;
      } else if (c.token.form === 'prefixed' && item.token.form !== 'prefixed') {
        const n = c.token.parts[0] ?? 0;
        const before = lastOfCode.get(c.token.prefix) ?? 0;
        if (n <= before || n - before > MAX_CODE_STEP) continue;
        lastOfCode.set(c.token.prefix, n);
      } else if (c.token.form === 'letter' && item.token.form === 'integer') {
        // "5. REPORTS FOR DECISION" then "(a) Kerbside Glass Pilot", "(b) …": headings lettered
        // from a, in title case or capitals, are the item's sub-items, cited "5(a)".
        const position = c.token.parts[0] ?? 0;
        if (position !== lastLetter + 1 || !isTitleCase(c.split.title ?? '')) continue;
        lastLetter = position;
        const letter = c.token.minute.replace(/[^A-Za-z]/g, '').toLowerCase();
        boundaries.push({
          candidate: c,
          start: c.line,
          sub: true,
          parent: item.token.minuteNumber,
          minute: `${item.token.minute}(${letter})`,
        });
        continue;
      } else {
        continue;
      }
      boundaries.push({ candidate: c, start: c.line, sub: true, parent: parentOf(c) ?? item.token.minuteNumber });
    }
  });
  return boundaries;
}

/** Whether a candidate's title ends in a full stop before its text on the same line. */
function endsTitleWithFullStop(c: Candidate): boolean {
  return c.split.title !== null && c.rest.startsWith(`${c.split.title}.`);
}

/**
 * A numbered paragraph whose sentence runs on to the next line ("5.3  Mr Blythe, for the applicant,
 * offered to close the" / "terrace at 22.00…") is text, though its first line has a title's shape;
 * a heading in capitals or title case that wraps is still a heading.
 */
function isRunningText(lines: string[], c: Candidate): boolean {
  const next = lines[c.line + 1]?.trim() ?? '';
  const runsOn = runsOnInto(lines, c.line + 1) || /^\p{Ll}/u.test(next);
  return runsOn && !isTitleCase(c.rest);
}

/** Whether outline number `a` ([1, 1] for "9.1.1" under 9) follows `b` ([1] for "9.1") in reading order. */
function comesAfter(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return false;
    if (b[i] === undefined || (a[i] as number) > (b[i] as number)) return true;
    if ((a[i] as number) < (b[i] as number)) return false;
  }
  return false;
}

/** Words an item made of its title alone may have; past them, the "title" is the item's text. */
const MAX_TITLE_ONLY_WORDS = 12;

/** A section's coded items run "R-1, R-2 …"; a code that jumps further is a reference, not the next item. */
const MAX_CODE_STEP = 3;

/** How many lines above a number are its title: only when nothing after the number gives one. */
function titleLinesAbove(lines: string[], candidate: Candidate): number {
  if (candidate.rest ? candidate.split.title !== null : titleAfter(lines, candidate.line)) return 0;
  return titleBefore(lines, candidate.line);
}

function numberedItem(lines: string[], boundary: Boundary, next: number, running: number): LayoutItem {
  const { candidate } = boundary;
  const above = lines.slice(boundary.start, candidate.line).map((l) => l.trim());
  let body = lines.slice(candidate.line + 1, next);
  let heading: string | null = null;
  const firstLines: string[] = [];
  if (candidate.rest) {
    const { split } = candidate;
    heading = split.title;
    if (heading !== null && split.body === '' && !/[.:;?!)]$/.test(heading)) {
      const wrapped = titleContinuation(heading, body);
      heading = [heading, ...wrapped.lines].join(' ');
      body = [...(wrapped.rest ? [wrapped.rest] : []), ...body.slice(wrapped.taken)];
    }
    if (heading === null && above.length) heading = above.join(' ');
    firstLines.push(heading === null || heading === above.join(' ') ? candidate.rest : split.body);
  } else if (above.length) {
    heading = above.join(' ');
  } else if (titleAfter(lines, candidate.line)) {
    const taken = takeTitleLines(body);
    heading = taken.title;
    body = body.slice(taken.consumed);
    // A title that stops where it cannot end ("… Parking on", "… (Water and Sewer") goes on below.
    while (heading !== null && runsOnBelow(heading) && body[0]?.trim()) {
      const line = body[0].trim();
      const end = sentenceEnd(line);
      heading = `${heading} ${line.slice(0, end)}`;
      body = [...(end < line.length ? [line.slice(end).trim()] : []), ...body.slice(1)];
    }
  }
  let paragraphs = readParagraphs([candidate.time, ...firstLines, ...body].filter((line, i) => i > 1 || line));
  // "7. APPROVED minutes of May 21 and 28, 2024, as recommended by the Clerk": an item that is one
  // long sentence and nothing else is text without a title, not a title without text.
  if (heading !== null && paragraphs.every((p) => !p.trim()) && heading.split(/\s+/).length > MAX_TITLE_ONLY_WORDS) {
    paragraphs = [heading];
    heading = null;
  }
  const { token } = candidate;
  const minuteNumber =
    boundary.parent !== undefined
      ? boundary.parent
      : token.form === 'compound' || token.form === 'decimal'
        ? (token.parts[running] ?? null)
        : token.minuteNumber;
  return {
    heading,
    description: null,
    paragraphs,
    printed: { minute: boundary.minute ?? token.minute, minuteNumber },
    unnumbered: false,
    kind: 'item',
    agendaNumber: candidate.agendaNumber,
    ...(candidate.recovered ? { recovered: true } : {}),
  };
}

/** A line broken inside a date ("…from February" / "19, 2025"). */
const ENDS_ON_MONTH = new RegExp(`\\b(?:${MONTH_NAME})$`, 'i');

/** A line at least this share of the widest line before it, and this long, filled the page's width. */
const FULL_LINE_SHARE = 0.85;
const MIN_FULL_LINE = 60;

/** How many lines a wrapped title may run on to. */
const MAX_TITLE_LINES = 3;

/** Whether a line of a title stops where no title ends: on a joining word, a comma or a dash. */
function stopsMidTitle(line: string): boolean {
  return RUNS_ON.test(line) || /[,&–-]$/.test(line);
}

/**
 * Whether a title stops where no title ends ({@link stopsMidTitle}), or inside a bracket it opened
 * ("… Chapter 52 (Water and Sewer" / "Rates) of the Code of Ordinances").
 */
function runsOnBelow(title: string): boolean {
  const unclosed = (title.match(/\(/g)?.length ?? 0) > (title.match(/\)/g)?.length ?? 0);
  return unclosed || stopsMidTitle(title);
}

/**
 * Lines that continue a title the line broke: lower-case words, figures after a month ("…Minutes
 * from February" / "19, 2025, and…"), anything after a line that stopped on a joining word
 * ("…licence for" / "Copperleaf Kitchen LLC…") or inside a bracket the title opened ("…ZA-2025-01
 * (Accessory" / "Structures)"), or after a continuation that filled the line, or
 * more capitals after capitals. A sentence that ends inside the last line ends the title there, and
 * the rest of that line is the text.
 */
function titleContinuation(title: string, body: string[]): { lines: string[]; taken: number; rest: string } {
  const lines: string[] = [];
  let current = title;
  let widest = title.length;
  for (const [index, raw] of body.slice(0, MAX_TITLE_LINES).entries()) {
    const line = raw.trim();
    // A labelled point ("a) Councillors received…") starts the text, whatever its case; so does a
    // resolution ("RESOLVED:"), though set in capitals as the title is.
    if (!line || readPointLabel(line).label !== null || /[.:;?!)]$/.test(current)) break;
    if (RESOLUTION_START.test(line)) break;
    // A title set in capitals goes on in capitals: "The Manager reported…" under one is its text.
    if (isMostlyUpper(title) && !isMostlyUpper(line)) break;
    const continues =
      /^\p{Ll}/u.test(line) ||
      (/^\d/.test(line) && ENDS_ON_MONTH.test(current)) ||
      runsOnBelow([title, ...lines].join(' ')) ||
      (lines.length === 0 && endsWrappedTitle(current, line, body[index + 1]?.trim() ?? '')) ||
      // Once a title has wrapped, a line as wide as the widest so far broke too.
      (lines.length > 0 && current.length >= MIN_FULL_LINE && current.length >= FULL_LINE_SHARE * widest) ||
      (isMostlyUpper(current) && isMostlyUpper(line) && line.length <= 100);
    if (!continues) break;
    const end = sentenceEnd(line);
    if (end < line.length) {
      lines.push(line.slice(0, end));
      return { lines, taken: lines.length, rest: line.slice(end).trim() };
    }
    lines.push(line);
    current = line;
    widest = Math.max(widest, line.length);
  }
  return { lines, taken: lines.length, rest: '' };
}

/**
 * The title after a number standing alone: the next line, plus the one after when the title wrapped
 * ("Declarations of the Party Whip … Procedure Rule" / "16.", "Home to School Transport" /
 * "policy review.").
 */
function takeTitleLines(body: string[]): { title: string | null; consumed: number } {
  let i = 0;
  while (i < body.length && !body[i]?.trim()) i++;
  const firstLine = body[i]?.trim();
  if (!firstLine) return { title: null, consumed: i };
  const next = body[i + 1]?.trim() ?? '';
  const continues = /^[a-z0-9(]/.test(next) || firstLine.length >= 50;
  // A note in brackets ("(Taken up after item 12.)") or a line with a sentence ending inside it is
  // the item's text, though it ends in a full stop as a wrapped title does.
  const isText = /^\([^)]*[.!?]\)/.test(next) || /[.!?]\)?\s+\p{Lu}/u.test(next);
  // A title in capitals goes on in capitals: "BILL - THE TRADE LICENSING BILL, 2025" / "(COUNTY
  // ASSEMBLY BILL NO. 4 OF 2025) - SECOND READING".
  const inCapitals = isMostlyUpper(firstLine) && isMostlyUpper(next) && next.length <= 100;
  const wrapped =
    (!/[.:?!]$/.test(firstLine) && ((next.length <= 80 && /[.]$/.test(next)) || inCapitals) && continues && !isText) ||
    endsWrappedTitle(firstLine, next, body[i + 2]?.trim() ?? '');
  return wrapped
    ? { title: withoutRegarding(`${firstLine} ${next}`), consumed: i + 2 }
    : { title: withoutRegarding(firstLine), consumed: i + 1 };
}

/** A title as a court's order or a letter heads it, "RE: APPROVE BURN BAN": the "regarding" says nothing. */
function withoutRegarding(title: string): string {
  return title.replace(/^RE:\s+(?=\S)/i, '');
}

/** Most words a title's last line may have when it wraps with nothing to say so. */
const MAX_WRAPPED_TAIL_WORDS = 8;

/**
 * Whether `next` is the end of a title `line` that filled the line's width and wrapped with nothing
 * to show it ("…Awarding Contract for Cobb Creek Bridge Deck" / "Replacement"): a few title-case
 * words, no punctuation, and prose after them. A short heading in the item ("Background") follows a
 * title that ended well short of the width.
 */
function endsWrappedTitle(line: string, next: string, after: string): boolean {
  if (line.length < MIN_FULL_LINE || /[.:;?!)]$/.test(line) || !after || !/^\p{Lu}/u.test(after)) return false;
  const words = next.split(/\s+/);
  const sameCase = isMostlyUpper(line) ? isMostlyUpper(next) : isTitleCase(next) && /\p{L}$/u.test(next);
  // "Author: Manager Planning" under a title is a label and its value, not the title's end.
  return words.length <= MAX_WRAPPED_TAIL_WORDS && !/[.:;?!]$/.test(next) && !next.includes(':') && sameCase;
}
