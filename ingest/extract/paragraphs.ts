import type { MinuteItem, RecordAnchor } from '../../src/types.js';
import { readPointLabel } from '../parse/points.js';

/**
 * An item's paragraphs as the extractors read them. Copied tables and PDFs sometimes break a
 * sentence across a paragraph boundary ("…Future (DCFSF)" / "programme and the…"); a paragraph
 * that starts in lower case (and not with a point label, "a) That…") is the rest of the one before.
 */
export function itemParagraphs(item: Pick<MinuteItem, 'text'>): string[] {
  const paragraphs: string[] = [];
  for (const raw of item.text.split(/\n\s*\n/)) {
    const paragraph = raw.replace(/\s+/g, ' ').trim();
    if (!paragraph) continue;
    if (/^\p{Ll}/u.test(paragraph) && readPointLabel(paragraph).label === null && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] = `${paragraphs.at(-1)} ${paragraph}`;
    } else {
      paragraphs.push(paragraph);
    }
  }
  return paragraphs;
}

/** Where a record of item `index` sits. */
export function anchorOf(item: Pick<MinuteItem, 'minute'>, index: number): RecordAnchor {
  return { itemIndex: index, minute: item.minute };
}

/** Words of a record as they should be stored: one line, without the list punctuation that joined it to the next. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*(?:…|\.{3})\s*$/, '')
    .replace(/(?:[;,:]|\s+and|\s+or)+\s*$/i, '')
    .replace(/\.\s*$/, '')
    .trim();
}
