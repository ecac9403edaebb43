import { findDates } from '../../src/dates.js';
import { type Candidate, findCandidates, titleAfter, titleBefore } from './candidates.js';
import { removeFurniture } from './furniture.js';
import { isHeadingText, isMostlyUpper, isStandardHeading, splitTitle } from './headings.js';
import { isBlockHeading, looksLikeBlocks, readBlocks } from './layouts/blocks.js';
import { readParagraphs, signatureBlockStart } from './layouts/lines.js';
import { looksLikeTable, readTable } from './layouts/table.js';
import type { LayoutItem, LayoutResult } from './layouts/types.js';
import { leadItems, unnumberedItem } from './lead.js';
import { chooseScheme, type Scheme } from './scheme.js';

/** What the item finder made of a document. */
export interface FoundItems extends LayoutResult {
  /** Page furniture taken out (page numbers, running headers and footers): everything else is in an item. */
  dropped: string[];
}

/** Lines longer than this are PDF text run together into one paragraph: items may start inside them. */
const RUN_TOGETHER_CHARS = 400;
/** With no numbering and no headings, a document is minutes only if it reads like minutes. */
const MINUTES_WORDS =
  /\b(?:minutes?|meeting|present|apologies|resolved|agreed|council|committee|board|chair(?:man|person)?|motion|carried|seconded|agenda|councillors?|cofnodion|cyfarfod)\b/gi;

/**
 * The one item finder every reader goes through. It takes out page furniture, then finds the items
 * by the strongest evidence the document has: a flattened ModernGov table's rows, the numbering
 * scheme learned from the document, a copied ModernGov page's headings, or headings alone. What
 * comes before the first item and after the last is kept as unnumbered items, so no text is lost.
 * Returns no items only for text that is not minutes at all.
 */
export function findItems(allLines: string[]): FoundItems {
  const { lines, dropped } = removeFurniture(splitRunTogether(allLines));
  if (looksLikeTable(lines)) return withLead(readTable(lines), dropped);
  const scheme = chooseScheme(findCandidates(lines));
  if (scheme) return { ...readNumbered(lines, scheme), dropped };
  if (looksLikeBlocks(lines)) return withLead(readBlocks(lines), dropped);
  return { ...readHeadings(lines), dropped };
}

/** A layout's header lines become the lead items in front of its items. */
function withLead(layout: LayoutResult, dropped: string[]): FoundItems {
  return { ...layout, items: [...leadItems(layout.headerLines, readParagraphs), ...layout.items], dropped };
}

/**
 * "…was agreed. 2 MINUTES OF THE PREVIOUS MEETING Agreed. 3 MATTERS ARISING None.": where PDF text
 * ran items together into one line, a number after a sentence end and before a capitalised title
 * starts a line of its own, so the scheme can be learned from it like any other.
 */
function splitRunTogether(lines: string[]): string[] {
  const split =
    /(?<=[.!?:;)"”’]\s+)(?=(?:\(?\d{1,4}(?:\.\d{1,2})?[.)]?|[A-Z]{1,4}\d{1,4}\/\d{2,4})\s+(?:(?:[A-Z][A-Z'’&,/-]+\s+)+[A-Z][A-Z'’&,/-]+\b|[A-Z][A-Z'’&/-]{4,}(?::|\s[-–])))/g;
  return lines.flatMap((line) => (line.length > RUN_TOGETHER_CHARS ? line.split(split) : [line]));
}

interface Boundary {
  candidate: Candidate;
  /** First line of the item: the number's line, or the title lines above it. */
  start: number;
  /** Set for a sub-item ("6.1 Play areas" under "6."). */
  sub: boolean;
}

/** Reads items by the learned numbering scheme: its items, their headed sub-items, the lead and the closing. */
function readNumbered(lines: string[], scheme: Scheme): LayoutResult {
  const end = signatureBlockStart(lines);
  const boundaries = withSubItems(scheme.items, findCandidates(lines.slice(0, end)))
    .filter((b) => b.candidate.line < end)
    .map((b, i, all) => {
      // Title lines above a number never reach back to the number before it.
      const floor = (all[i - 1]?.candidate.line ?? -1) + 1;
      return { ...b, start: Math.max(floor, b.candidate.line - titleLinesAbove(lines, b.candidate)) };
    });
  const first = boundaries[0]?.start ?? end;
  const items: LayoutItem[] = boundaries.map((boundary, i) => {
    const next = boundaries[i + 1]?.start ?? end;
    return numberedItem(lines, boundary, next, scheme.running);
  });
  const closing = lines.slice(end).filter((l) => l.trim());
  if (closing.length) items.push(unnumberedItem('closing', readParagraphs(lines.slice(end))));
  return {
    layout: 'numbered',
    headerLines: lines.slice(0, first),
    items: [...leadItems(lines.slice(0, first), readParagraphs), ...items],
  };
}

/**
 * Sub-numbered paragraphs ("6.1", "338.2") are points of their item, unless they carry a heading of
 * their own ("6.1 Play areas"): then they are sub-items, numbered as printed.
 */
function withSubItems(items: Candidate[], all: Candidate[]): Boundary[] {
  const boundaries: Boundary[] = [];
  items.forEach((item, i) => {
    boundaries.push({ candidate: item, start: item.line, sub: false });
    if (item.token.form === 'decimal' || item.token.form === 'letter' || item.token.form === 'roman') return;
    const nextLine = items[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    let last = 0;
    for (const c of all) {
      if (c.line <= item.line || c.line >= nextLine || c.token.form !== 'decimal') continue;
      if (c.token.parts[0] !== item.token.minuteNumber || (c.token.parts[1] ?? 0) <= last) continue;
      if (!c.rest || splitTitle(c.rest).body !== '') continue;
      last = c.token.parts[1] ?? 0;
      boundaries.push({ candidate: c, start: c.line, sub: true });
    }
  });
  return boundaries;
}

/** How many lines above a number are its title: only when nothing after the number gives one. */
function titleLinesAbove(lines: string[], candidate: Candidate): number {
  if (candidate.rest ? splitTitle(candidate.rest).title !== null : titleAfter(lines, candidate.line)) return 0;
  return titleBefore(lines, candidate.line);
}

function numberedItem(lines: string[], boundary: Boundary, next: number, running: number): LayoutItem {
  const { candidate } = boundary;
  const above = lines.slice(boundary.start, candidate.line).map((l) => l.trim());
  let body = lines.slice(candidate.line + 1, next);
  let heading: string | null = null;
  const firstLines: string[] = [];
  if (candidate.rest) {
    const split = splitTitle(candidate.rest);
    heading = split.title;
    if (heading !== null && split.body === '' && !/[.:;?!)]$/.test(heading)) {
      const wrapped = titleContinuation(heading, body);
      heading = [heading, ...body.slice(0, wrapped).map((l) => l.trim())].join(' ');
      body = body.slice(wrapped);
    }
    if (heading === null && above.length) heading = above.join(' ');
    firstLines.push(heading === null || heading === above.join(' ') ? candidate.rest : split.body);
  } else if (above.length) {
    heading = above.join(' ');
  } else if (titleAfter(lines, candidate.line)) {
    const taken = takeTitleLines(body);
    heading = taken.title;
    body = body.slice(taken.consumed);
  }
  const paragraphs = readParagraphs([candidate.time, ...firstLines, ...body].filter((line, i) => i > 1 || line));
  const { token } = candidate;
  const minuteNumber = token.form === 'compound' ? (token.parts[running] ?? null) : token.minuteNumber;
  return {
    heading,
    description: null,
    paragraphs,
    printed: { minute: token.minute, minuteNumber },
    unnumbered: false,
    kind: 'item',
    agendaNumber: candidate.agendaNumber,
  };
}

/** Lines that continue a title the line broke: lower-case words, or more capitals after capitals. */
function titleContinuation(title: string, body: string[]): number {
  let taken = 0;
  let current = title;
  for (const raw of body.slice(0, 2)) {
    const line = raw.trim();
    const continues = /^\p{Ll}/u.test(line) || (isMostlyUpper(current) && isMostlyUpper(line) && line.length <= 100);
    if (!line || !continues || /[.:;?!)]$/.test(current)) break;
    taken++;
    current = line;
  }
  return taken;
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
  if (!/[.:?!]$/.test(firstLine) && next.length <= 80 && /[.]$/.test(next) && continues) {
    return { title: `${firstLine} ${next}`, consumed: i + 2 };
  }
  return { title: firstLine, consumed: i + 1 };
}

/**
 * Minutes that print no numbers: items split at their headings — standard headings ("Apologies",
 * "CALL TO ORDER"), lines in capitals, and short title lines set apart by blank lines — kept with no
 * number. With no headings at all, the whole text is one item, if it reads like minutes.
 */
function readHeadings(lines: string[]): LayoutResult {
  const starts: Array<{ line: number; title: string; body: string }> = [];
  lines.forEach((raw, i) => {
    const heading = readHeadingLine(raw.trim(), lines[i - 1]?.trim() ?? '', lines[i + 1]?.trim() ?? '');
    if (heading) starts.push({ line: i, ...heading });
  });
  starts.splice(0, titleBlockHeadings(lines, starts));
  if (starts.length < 2) return wholeDocument(lines);
  const first = starts[0]?.line ?? 0;
  const items = starts.map((start, i): LayoutItem => {
    const body = [start.body, ...lines.slice(start.line + 1, starts[i + 1]?.line ?? lines.length)];
    return {
      heading: start.title,
      description: null,
      paragraphs: readParagraphs(body.filter((l, j) => j > 0 || l)),
      printed: null,
      unnumbered: false,
      kind: 'item',
    };
  });
  return {
    layout: 'headings',
    headerLines: lines.slice(0, first),
    items: [...leadItems(lines.slice(0, first), readParagraphs), ...items],
  };
}

/** How far down a document's title block ("BOROUGH OF KELLSVILLE", "MINUTES", the date) may run. */
const TITLE_BLOCK_LINES = 12;

/**
 * How many of the first headings are the document's title block, not items: title lines in capitals
 * ("BOROUGH OF KELLSVILLE") before the first standard heading, or at or above the line that gives
 * the meeting's date ("ROTHBURY TOWN COUNCIL" over "Minutes of the Planning Committee, 14/05/2015").
 */
function titleBlockHeadings(lines: string[], starts: Array<{ line: number; title: string; body: string }>): number {
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

function readHeadingLine(line: string, previous: string, next: string): { title: string; body: string } | null {
  if (!line) return null;
  const colon = /^([^:]{2,60}):\s+(\S.*)$/.exec(line);
  if (colon && isStandardHeading(colon[1] ?? '')) return { title: colon[1] ?? '', body: colon[2] ?? '' };
  if (isStandardHeading(line)) return { title: line, body: '' };
  if (!isHeadingText(line) || line.split(/\s+/).length > 14) return null;
  if (isMostlyUpper(line) && /\p{L}{3}/u.test(line)) return { title: line, body: '' };
  // A short title line on its own between blank lines, or ending in a colon before its text.
  if ((!previous && !next && isBlockHeading(line)) || (/:$/.test(line) && line.split(/\s+/).length <= 8)) {
    return { title: line, body: '' };
  }
  return null;
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
