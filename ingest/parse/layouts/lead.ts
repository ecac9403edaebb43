import { ATTENDANCE_START } from '../headings.js';
import type { LayoutItem } from './types.js';

/**
 * The text before the first item, kept as unnumbered items so nothing is lost: what comes before an
 * attendance list (title, venue, notices) is `preamble`; the list and what follows it is `attendance`.
 */
export function leadItems(lines: string[], paragraphsOf: (lines: string[]) => string[]): LayoutItem[] {
  if (!lines.some((line) => line.trim())) return [];
  const start = lines.findIndex((line) => ATTENDANCE_START.test(line.trim()));
  const items: LayoutItem[] = [];
  const preamble = paragraphsOf(start < 0 ? lines : lines.slice(0, start)).filter((p) => p.trim());
  if (preamble.length) items.push(unnumberedItem('preamble', preamble));
  if (start >= 0) {
    // The list is titled by its marker ("PRESENT", "Roll Call"); what follows the marker on its line stays text.
    const first = lines[start]?.trim() ?? '';
    const marker = ATTENDANCE_START.exec(first)?.[0] ?? first;
    const rest = first.slice(marker.length).replace(/^[\s:.–-]+/, '');
    const attendance = paragraphsOf([rest, ...lines.slice(start + 1)]).filter((p) => p.trim());
    items.push(unnumberedItem('attendance', attendance, marker));
  }
  return items;
}

/** An item kept for its text, never numbered. */
export function unnumberedItem(
  kind: LayoutItem['kind'],
  paragraphs: string[],
  heading: string | null = null,
): LayoutItem {
  return { heading, description: null, paragraphs, printed: null, unnumbered: true, kind };
}
