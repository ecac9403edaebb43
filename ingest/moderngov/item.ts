/**
 * Minute items from ModernGov's own structure (web service or saved page), where number, title and
 * body arrive as separate fields: nothing has to be recovered, only shaped like parsed items so
 * every source indexes and cites alike.
 */
import { readPrintedNumber } from '../../src/minutes/reference.js';
import type { MinuteItem } from '../../src/types.js';
import { chunkItem } from '../chunk.js';
import { buildItem, cleanTitle } from '../parse/item.js';

export interface StructuredItemInput {
  /** The minute number as printed by the site ("76", "76.", "C61/24"), or null for unnumbered items. */
  minute: string | null;
  title: string;
  /** The minute as plain text, paragraphs separated by blank lines. */
  text: string;
  url: string | null;
  restricted: boolean;
  /** The agenda item number, which is not the minute number. */
  agendaItem: number | null;
}

/**
 * Builds a MinuteItem with passages. A restricted item keeps its title only: its text is dropped
 * even if the source sent some, so exempt business can never be indexed by accident.
 */
export function structuredItem(input: StructuredItemInput): MinuteItem {
  const number = input.minute ? readPrintedNumber(cleanTitle(input.minute)) : null;
  const paragraphs = input.restricted
    ? []
    : input.text
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
        .filter(Boolean);
  const item = buildItem(
    { heading: input.title, description: null, paragraphs },
    {
      minute: number?.minute ?? null,
      minuteNumber: number?.minuteNumber ?? null,
      numberSource: number ? 'printed' : 'none',
    },
  );
  item.url = input.url;
  item.restricted = input.restricted;
  // The structure says which agenda item this is; the text's "Agenda Item N" is only a fallback.
  item.agendaItem = input.agendaItem ?? item.agendaItem;
  item.passages = chunkItem(item);
  return item;
}
