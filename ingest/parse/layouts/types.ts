import type { RawItem } from '../item.js';
import type { MinuteNumber } from '../numbering.js';

/** An item as a layout reader found it, with what it printed of its number. */
export interface LayoutItem extends RawItem {
  printed: MinuteNumber | null;
  /** Preamble such as a webcast notice: kept, never numbered. */
  unnumbered: boolean;
}

export type LayoutName = 'table' | 'numbered' | 'blocks';

export interface LayoutResult {
  layout: LayoutName;
  /** Lines before the first item: committee, date, venue, attendance. */
  headerLines: string[];
  items: LayoutItem[];
}
