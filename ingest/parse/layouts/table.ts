import { capitalRun } from '../headings.js';
import { cleanTitle } from '../item.js';
import { unwrapParagraphs } from './lines.js';
import type { LayoutItem, LayoutResult } from './types.js';

/** A row separator of a flattened ModernGov table: nothing but pipes ("|", "|||||||"). */
const ROW_SEPARATOR = /^\|[|\s]*$/;
const TABLE_HEADER = /^No\.?\s*\|\s*Item\b/i;
const TABLE_RULE = /^-{3}[-|\s]*$/;

/** The flattened-table layout has at least two rows separated by pipe-only lines. */
export function looksLikeTable(lines: string[]): boolean {
  return lines.filter((l) => ROW_SEPARATOR.test(l.trim())).length >= 2;
}

/**
 * Reads a ModernGov agenda-and-minutes table copied as text: rows separated by pipe lines, each
 * row "Title. PDF 163 KB Agenda text. Minutes: what was minuted |". Numbers are gone; titles run
 * into the agenda text and are sometimes missing.
 */
export function readTable(lines: string[]): LayoutResult {
  const headerEnd = lines.findIndex((l) => TABLE_HEADER.test(l.trim()));
  const headerLines = headerEnd >= 0 ? lines.slice(0, headerEnd) : [];
  const rows: string[][] = [[]];
  for (const line of lines.slice(headerEnd + 1)) {
    const trimmed = line.trim();
    if (TABLE_RULE.test(trimmed) && rows.length === 1 && rows[0]?.length === 0) continue;
    if (ROW_SEPARATOR.test(trimmed)) {
      rows.push([]);
      continue;
    }
    rows[rows.length - 1]?.push(trimmed.replace(/\s*\|[|\s]*$/, ''));
  }
  const dropped: string[] = [];
  const items = rows.filter((row) => row.some((l) => l.trim())).map((row) => readRow(row, dropped));
  return { layout: 'table', headerLines, items, dropped };
}

/** ModernGov's link to an item's papers, printed in the agenda text: page furniture. */
const PAPERS_LINK = /\s*Additional documents:?/gi;

function readRow(rowLines: string[], dropped: string[]): LayoutItem {
  const row = rowLines.join('\n');
  const split = /(?:^|\s)Minutes:\s*/.exec(row);
  const agendaPart = split ? row.slice(0, split.index) : row;
  const minutesPart = split ? row.slice(split.index + split[0].length) : '';
  dropped.push(...(agendaPart.match(PAPERS_LINK) ?? []));
  const { heading, description } = splitAgendaText(agendaPart.replace(PAPERS_LINK, '').replace(/\s+/g, ' ').trim());
  // The agenda's own text is left out of the minutes, deliberately, and counted as such.
  if (description) dropped.push(description);
  const minuteLines = minutesPart.split('\n');
  // Rows are either wrapped at a fixed width (join them) or one paragraph a line (keep them).
  const lengths = minuteLines.map((l) => l.length).sort((a, b) => a - b);
  const wrapped = (lengths[Math.floor(lengths.length / 2)] ?? 0) <= 120;
  const paragraphs = wrapped
    ? unwrapParagraphs(minuteLines, { shortLinesEnd: false })
    : minuteLines.map((l) => l.trim()).filter(Boolean);
  return { heading, description, paragraphs, printed: null, unnumbered: false, kind: 'item' };
}

const FINITE_VERB =
  /\b(?:is|are|was|were|be|been|will|would|shall|should|can|could|may|has|have|had|did|does|do|reported|received|considered|noted|agreed|made|asks?|invited)\b/i;

/** Capitalised words that begin the agenda text after a title that ran into it. */
const SENTENCE_STARTERS = new Set([
  'The',
  'A',
  'An',
  'Any',
  'To',
  'This',
  'These',
  'That',
  'It',
  'Members',
  'Member',
  'Officers',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Councillor',
  'Cllr',
  'Each',
  'All',
  'Following',
  'Please',
]);

const TITLE_JOINERS = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'on', 'a', 'an', '&', '-', '–', 'with', 'at']);

/**
 * Separates the item title from the agenda text it ran into. Either a run of capitalised words ends
 * where a sentence begins ("Families First Programme The Strategic Director will…"), or the first
 * sentence is itself a title ("SEND and Inclusion."). Where neither holds, the title was
 * lost and the caller derives one.
 */
export function splitAgendaText(text: string): { heading: string | null; description: string | null } {
  // cleanTitle drops the "PDF 163 KB" links.
  const cleaned = cleanTitle(text);
  if (!cleaned) return { heading: null, description: null };
  // "ROADS SERVICES UPDATE Report by Executive Director…": a title in capitals ends where they do.
  const caps = capitalRun(cleaned);
  if (caps) return { heading: caps.title, description: caps.body || null };
  const words = cleaned.split(' ');
  const run: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[,:;]+$/, '');
    const capitalised = /^[A-Z0-9'‘’(]/.test(bare);
    if (run.length > 0 && SENTENCE_STARTERS.has(bare)) {
      while (run.length && TITLE_JOINERS.has(run[run.length - 1] ?? '')) run.pop();
      const heading = run.join(' ').replace(/[,:;]+$/, '');
      return { heading, description: words.slice(run.length).join(' ').trim() || null };
    }
    if (!capitalised && !TITLE_JOINERS.has(bare)) break;
    run.push(word);
    // A full stop ends the first sentence: that is the other kind of title, below.
    if (run.length > 14 || /[.?!]$/.test(bare)) break;
  }
  if (!/[.?!]/.test(cleaned) && words.length <= 12 && !FINITE_VERB.test(cleaned)) {
    return { heading: cleaned, description: null };
  }
  const firstSentence = /^(.+?)[.?!](?:\s|$)/.exec(cleaned)?.[1];
  if (firstSentence && firstSentence.split(' ').length <= 15 && !FINITE_VERB.test(firstSentence)) {
    const rest = cleaned.slice(firstSentence.length + 1).trim();
    return { heading: firstSentence, description: rest || null };
  }
  return { heading: null, description: cleaned };
}
