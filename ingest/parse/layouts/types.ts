import type { MinuteNumber } from '../../../src/minutes/reference.js';
import type { MinuteItemKind } from '../../../src/types.js';
import type { RawItem } from '../item.js';

/** An item as the item finder found it, with what it printed of its number. */
export interface LayoutItem extends RawItem {
  printed: MinuteNumber | null;
  /** Lead, attendance and closing text, and notices such as a webcast: kept, never numbered. */
  unnumbered: boolean;
  kind: MinuteItemKind;
  /** The agenda number printed beside a minute number ("C048/23  1.  APOLOGIES"), not the minute number. */
  agendaNumber?: number | null;
  /** `printed` was not printed but recovered from the run of numbers around a title that lost it. */
  recovered?: boolean;
}

/** How the items were told apart: table rows, a numbering scheme, ModernGov blocks, or headings alone. */
export type LayoutName = 'table' | 'numbered' | 'blocks' | 'headings' | 'whole';

export interface LayoutResult {
  layout: LayoutName;
  /** Lines before the first item: committee, date, venue, attendance. */
  headerLines: string[];
  items: LayoutItem[];
  /** What the layout reader left out of items on purpose (ModernGov's agenda text and links), for measuring. */
  dropped?: string[];
}
