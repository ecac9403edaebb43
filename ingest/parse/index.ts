import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, MinuteItem, SourceDocument } from '../../src/types.js';
import { chunkItem } from '../chunk.js';
import { normalizeText } from '../read/text.js';
import { type FoundItems, findItems } from './finder.js';
import { breakAtTitleGaps } from './gaps.js';
import { parseHeader } from './header.js';
import { buildItem } from './item.js';
import { unfoldSpacedColumns } from './layouts/columns.js';
import { marginTitlesToFront } from './margin-titles.js';
import { assignNumbers, FULL_TEXT_LINK_WORDS, findMinuteAnchor } from './numbering.js';
import { labelsToFront } from './trailing-label.js';

export interface ParseOptions {
  /** File path or URL the text came from; named in every error and kept as the meeting's source. */
  source: string;
  /** Metadata known from outside the text (manifest, web service); the text wins where it has its own. */
  hints?: SourceDocument['hints'];
}

/** ModernGov's "… view the full minutes text for item 77." link: page furniture, read then dropped. */
const FULL_TEXT_LINK = new RegExp(String.raw`\s*(?:\.\.\.|…)?\s*${FULL_TEXT_LINK_WORDS}\d+\.?`, 'gi');

/**
 * Parses minutes text — whatever numbering the council uses, or none — into a meeting of items with
 * passages, through the one item finder (see finder.ts). Every word of the text but page furniture
 * ends up in some item. Throws BadMinutesFileError naming `source` when the text is not minutes.
 */
export function parseMinutesText(text: string, options: ParseOptions): Meeting {
  return parseMinutes(text, options).meeting;
}

/** {@link parseMinutesText}, with the page furniture that was left out (for measuring what parsing drops). */
export function parseMinutes(text: string, options: ParseOptions): { meeting: Meeting; dropped: string[] } {
  const { source } = options;
  if (!text.trim()) throw new BadMinutesFileError(source, 'is empty; nothing to parse');
  // Columns and gaps are read before spaces are normalised away.
  const unfolded = unfoldSpacedColumns(marginTitlesToFront(text).split('\n')).join('\n');
  const lines = normalizeText(breakAtTitleGaps(labelsToFront(unfolded))).split('\n');
  const layout = findItems(lines);
  if (layout.items.filter((i) => !i.unnumbered).length === 0) {
    throw new BadMinutesFileError(
      source,
      'has no recognisable minute items: no numbered items, no item headings, and too few of the words minutes use (meeting, present, apologies, resolved…); check it is minutes text',
    );
  }

  const anchors = layout.items.map((item) => findMinuteAnchor(item.paragraphs.join(' ')));
  const printsNumbers =
    layout.layout === 'numbered' || (layout.layout === 'headings' && layout.items.some((i) => i.printed));
  const numbers = assignNumbers(
    layout.items.map((item, i) => ({
      printed: item.printed,
      recovered: item.recovered ?? false,
      anchor: anchors[i] ?? null,
      // Where the minutes print their numbers, an item printed without one is outside the sequence:
      // counting a number for it from its neighbours would be a guess. So it is where headings carry
      // none and resolutions number the items that record one (a report noted records none).
      unnumbered: item.unnumbered || (printsNumbers && !item.printed) || /^webcast\b/i.test(item.heading ?? ''),
    })),
  );
  const links: string[] = [];
  const items: MinuteItem[] = layout.items.map((raw, i) => {
    links.push(...raw.paragraphs.flatMap((p) => p.match(FULL_TEXT_LINK) ?? []));
    const paragraphs = raw.paragraphs.map((p) => p.replace(FULL_TEXT_LINK, ' …').trim()).filter(Boolean);
    const item = buildItem(
      { ...raw, paragraphs },
      numbers[i] ?? { minute: null, minuteNumber: null, numberSource: 'none' },
    );
    item.kind = raw.kind;
    if (raw.agendaNumber != null) item.agendaItem = raw.agendaNumber;
    if (raw.unnumbered) item.procedural = true;
    item.passages = chunkItem(item);
    return item;
  });

  return { meeting: assembleMeeting(layout, lines, items, options), dropped: [...layout.dropped, ...links] };
}

function assembleMeeting(layout: FoundItems, allLines: string[], items: MinuteItem[], options: ParseOptions): Meeting {
  const header = parseHeader(layout.headerLines, allLines);
  const hints = options.hints ?? {};
  const warnings: string[] = [];
  const date = header.date ?? hints.date ?? null;
  if (!date) warnings.push('no meeting date in the text or the manifest; date left unknown');
  if (!(header.committee ?? hints.committee)) warnings.push('no committee name in the text or the manifest');
  if (header.date && hints.date && header.date !== hints.date) {
    warnings.push(
      `the text says the meeting was on ${header.date} but the manifest says ${hints.date}; using the text`,
    );
  }
  const unnumbered = items.filter((i) => i.minute === null && i.kind === 'item' && !i.procedural).length;
  if (unnumbered > 0)
    warnings.push(
      `${unnumbered} item(s) have no minute number: the minutes print none and nothing in the text anchors them`,
    );
  return {
    council: hints.council ?? header.council,
    committee: header.committee ?? hints.committee ?? null,
    date,
    startTime: header.startTime ?? hints.startTime ?? null,
    venue: header.venue ?? hints.venue ?? null,
    chair: header.chair,
    attendees: header.attendees,
    source: options.source,
    url: hints.url ?? null,
    items,
    warnings,
  };
}
