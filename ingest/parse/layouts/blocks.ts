import { isPageNumber } from '../furniture.js';
import { FINITE_VERB, PDF_LINK } from '../headings.js';
import { FULL_TEXT_LINK_WORDS } from '../numbering.js';
import { readPointLabel } from '../points.js';
import { unnumberedItem } from './lead.js';
import { blankLineParagraphs } from './lines.js';
import type { LayoutItem, LayoutResult } from './types.js';

/** ModernGov's column header ("No. Item") ends the page header of a copied agenda-and-minutes page. */
const COLUMN_HEADER = /^No\.?\s+Item$/i;

/** Whether the text is a ModernGov agenda-and-minutes page copied as text (it has the "No. Item" column header). */
export function looksLikeBlocks(lines: string[]): boolean {
  return lines.some((l) => COLUMN_HEADER.test(l.trim()));
}

/**
 * A heading of a copied ModernGov page: one short line, capitalised, ending in a full stop or a
 * "PDF 229 KB" link, and not a sentence (no finite verb, not "That …", not a sub-point).
 */
export function isBlockHeading(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.length > 160 || text.split(' ').length > 20) return false;
  if (!/^[A-Z‘'"“]/.test(text)) return false;
  if (!(PDF_LINK.test(text) || /\.$/.test(text))) return false;
  if (/^That\b/.test(text) || readPointLabel(text).label !== null) return false;
  const words = text.replace(PDF_LINK, '');
  // "The committee asked for a report." is a sentence; "Questions asked by members…" is a title.
  if (/^(?:The|It|A|An|There|This|Members|Officers|He|She|They)\s/.test(words) && /\b\w+ed\b/.test(words)) return false;
  return !FINITE_VERB.test(words);
}

/**
 * Reads a ModernGov agenda-and-minutes page copied as text: unnumbered headings and paragraphs
 * separated by blank lines. What comes before the first heading (after the page header) is preamble;
 * the page header itself is the caller's (it becomes the lead).
 */
export function readBlocks(lines: string[]): LayoutResult {
  const columnHeader = lines.findIndex((l) => COLUMN_HEADER.test(l.trim()));
  const body = lines.slice(columnHeader + 1).filter((l) => !isPageNumber(l));
  const headerLines = lines.slice(0, Math.max(columnHeader, 0));
  const byBlankLines = readBlankLineBlocks(body);
  const byLinks = readLinkedItems(body);
  const headed = byBlankLines.filter((item) => item.kind === 'item').length;
  // A page copied without its blank lines runs heading into text; its links still end each item.
  const items = byLinks && byLinks.length > headed ? byLinks : byBlankLines;
  return { layout: 'blocks', headerLines, items };
}

/** Headings and paragraphs separated by blank lines; what comes before the first heading is preamble. */
function readBlankLineBlocks(body: string[]): LayoutItem[] {
  const paragraphs = blankLineParagraphs(body);
  const items: LayoutItem[] = [];
  const preamble: string[] = [];
  for (const paragraph of paragraphs) {
    if (/^Additional documents:?$/i.test(paragraph)) continue;
    if (isBlockHeading(paragraph)) {
      items.push({
        heading: paragraph,
        description: null,
        paragraphs: [],
        printed: null,
        unnumbered: false,
        kind: 'item',
      });
    } else if (items.length === 0) {
      preamble.push(paragraph);
    } else {
      items[items.length - 1]?.paragraphs.push(paragraph);
    }
  }
  if (preamble.length > 0) items.unshift(unnumberedItem('preamble', preamble));
  return items;
}

/** ModernGov's link closing a minute the page cut short: "View the full minutes text for item 77." */
const FULL_TEXT_LINK_LINE = new RegExp(String.raw`${FULL_TEXT_LINK_WORDS}\d+\.?$`, 'i');

/** Links it takes to read a page's items by them: one may be a stray. */
const MIN_LINKED_ITEMS = 2;

/**
 * A page whose items run on without blank lines ("Apologies for Absence" / "Minutes:" / "…" / "View
 * the full minutes text for item 44." / "Declarations of Interest" …): each link ends an item, and the
 * line after it is the next one's title, with any lines that carry it on in lower case ("…of the
 * Police" / "and Crime Commissioner PDF 140 KB"). Null when the page has too few links.
 */
function readLinkedItems(body: string[]): LayoutItem[] | null {
  const ends = body.flatMap((line, i) => (FULL_TEXT_LINK_LINE.test(line.trim()) ? [i] : []));
  if (ends.length < MIN_LINKED_ITEMS) return null;
  const items: LayoutItem[] = [];
  let start = 0;
  for (const end of [...ends, body.length - 1]) {
    const lines = body
      .slice(start, end + 1)
      .map((line) => line.trim())
      .filter(Boolean);
    start = end + 1;
    if (lines.length === 0) continue;
    let titleEnd = 1;
    while (titleEnd < lines.length && /^\p{Ll}/u.test(lines[titleEnd] ?? '')) titleEnd++;
    items.push({
      heading: lines.slice(0, titleEnd).join(' '),
      description: null,
      paragraphs: blankLineParagraphs(lines.slice(titleEnd)),
      printed: null,
      unnumbered: false,
      kind: 'item',
    });
  }
  return items;
}
