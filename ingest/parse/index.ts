import { BadMinutesFileError } from '../../src/errors.js';
import type { Meeting, MinuteItem, SourceDocument } from '../../src/types.js';
import { chunkItem } from '../chunk.js';
import { normalizeText } from '../read/text.js';
import { parseHeader } from './header.js';
import { buildItem } from './item.js';
import { readBlocks } from './layouts/blocks.js';
import { looksNumbered, readNumbered } from './layouts/numbered.js';
import { looksLikeTable, readTable } from './layouts/table.js';
import type { LayoutResult } from './layouts/types.js';
import { assignNumbers, findMinuteAnchor } from './numbering.js';

export interface ParseOptions {
  /** File path or URL the text came from; named in every error and kept as the meeting's source. */
  source: string;
  /** Metadata known from outside the text (manifest, web service); the text wins where it has its own. */
  hints?: SourceDocument['hints'];
}

/** ModernGov's "… view the full minutes text for item 77." link: page furniture, read then dropped. */
const FULL_TEXT_LINK = /\s*(?:\.\.\.|…)?\s*view the full minutes text for item\s+\d+\.?/gi;

/**
 * Parses minutes text in any supported layout — a flattened ModernGov table, printed or numbered
 * minutes, or a ModernGov page copied as paragraphs — into a meeting of numbered items with passages.
 * Throws BadMinutesFileError naming `source` when the text holds no recognisable items.
 */
export function parseMinutesText(text: string, options: ParseOptions): Meeting {
  const { source } = options;
  if (!text.trim()) throw new BadMinutesFileError(source, 'is empty; nothing to parse');
  const lines = normalizeText(text).split('\n');
  const layout = readLayout(lines);
  if (layout.items.filter((i) => !i.unnumbered).length === 0) {
    throw new BadMinutesFileError(
      source,
      'has no recognisable minute items (no numbered headings, item headings or ModernGov rows); check it is minutes text',
    );
  }

  const anchors = layout.items.map((item) => findMinuteAnchor(item.paragraphs.join(' ')));
  const numbers = assignNumbers(
    layout.items.map((item, i) => ({
      printed: item.printed,
      anchor: anchors[i] ?? null,
      unnumbered: item.unnumbered || /^webcast\b/i.test(item.heading ?? ''),
    })),
  );
  const items: MinuteItem[] = layout.items.map((raw, i) => {
    const paragraphs = raw.paragraphs.map((p) => p.replace(FULL_TEXT_LINK, ' …').trim()).filter(Boolean);
    const item = buildItem(
      { ...raw, paragraphs },
      numbers[i] ?? { minute: null, minuteNumber: null, numberSource: null },
    );
    if (raw.unnumbered) item.procedural = true;
    item.passages = chunkItem(item);
    return item;
  });

  return assembleMeeting(layout, lines, items, options);
}

function readLayout(lines: string[]): LayoutResult {
  if (looksLikeTable(lines)) return readTable(lines);
  if (looksNumbered(lines)) return readNumbered(lines);
  return readBlocks(lines);
}

function assembleMeeting(
  layout: LayoutResult,
  allLines: string[],
  items: MinuteItem[],
  options: ParseOptions,
): Meeting {
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
  const unnumbered = items.filter((i) => i.minute === null && i.procedural === false).length;
  if (unnumbered > 0) warnings.push(`${unnumbered} item(s) have no minute number: nothing in the text anchors them`);
  return {
    council: hints.council ?? null,
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
