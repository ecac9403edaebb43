import { isPageNumber } from '../furniture.js';
import { FINITE_VERB, PDF_LINK } from '../headings.js';
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
  const paragraphs = blankLineParagraphs(lines.slice(columnHeader + 1).filter((l) => !isPageNumber(l)));
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
  return { layout: 'blocks', headerLines: lines.slice(0, Math.max(columnHeader, 0)), items };
}
