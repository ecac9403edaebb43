import { sentenceEnd } from '../../src/minutes/sentences.js';
import type { MinuteItem } from '../../src/types.js';
import type { AssignedNumber } from './numbering.js';
import { joinLoneLabels, RESOLUTION_WORDS, readPointLabel, splitInlineStructure } from './points.js';

/** An item as a layout reader found it, before titles, points and numbers are settled. */
export interface RawItem {
  /** The item's own heading, when the layout shows one. */
  heading: string | null;
  /**
   * Agenda text printed before the minute itself (ModernGov "Members will be asked to confirm…"):
   * what the meeting was asked, not what it minuted, so it is no part of the item's text (record
   * extractors would read "asked to confirm them as a correct record" as a confirmation); it gives a
   * title only where the minute has neither title nor text.
   */
  description: string | null;
  paragraphs: string[];
}

/** A resolution marker in any case and what separates it from the resolution ("Resolved: - That…"). */
const RESOLUTION_MARKER = new RegExp(`^(?:${RESOLUTION_WORDS})\\b\\s*(?:[:—–-]|that\\b)?\\s*`, 'i');

/**
 * Housekeeping that every meeting has. Such items stay searchable but are marked procedural so
 * retrieval ranks them below substance; a long "Question Time" with real questions is not.
 */
const PROCEDURAL_TITLE =
  /^(?:apologies|welcome|declarations? of|urgent (?:items|business)|minutes(?: of| of the)?(?: previous meeting| the meeting| last meeting)?\b|confirmation of minutes|date(?:s)? of (?:the )?(?:next )?meeting|membership|terms of reference|change to the order of business|questions asked by members|presentation of petitions|petitions|question time|questions|chair'?s announcements|any other business|appointment of (?:chair|vice|deputy)|election of (?:chair|vice|deputy)|exclusion of the press|webcast)/i;

const NOTHING_TO_REPORT =
  /\b(?:no (?:questions|petitions|declarations|urgent items|items)\b|none had been received|no declarations were made|there were no )/i;

/** Items shorter than this, with a procedural title or nothing-to-report text, are housekeeping. */
const SHORT_ITEM_CHARS = 600;

/** Turns a raw item and its settled number into a MinuteItem (passages are added by the chunker). */
export function buildItem(raw: RawItem, number: AssignedNumber): MinuteItem {
  const paragraphs = joinLoneLabels(raw.paragraphs.flatMap(splitInlineStructure));
  const text = paragraphs.join('\n\n');
  const heading = raw.heading ? cleanTitle(raw.heading) : '';
  const title = heading || deriveTitle(text || raw.description || '');
  return {
    minute: number.minute,
    minuteNumber: number.minuteNumber,
    numberSource: number.numberSource,
    kind: 'item',
    title,
    titleDerived: !heading,
    agendaItem: findAgendaItem(text),
    procedural: isProcedural(title, text),
    text,
    resolutions: findResolutions(paragraphs),
    points: [...new Set(paragraphs.map((p) => readPointLabel(p).label).filter((label) => label !== null))],
    url: null,
    restricted: false,
    passages: [],
  };
}

/** Strips the page furniture ModernGov leaves in headings ("pdf icon PDF 229 KB") and the final dot. */
export function cleanTitle(heading: string): string {
  return heading
    .replace(/\s*(?:pdf icon\s*)?PDF \d+(?:\.\d+)? ?[KM]B\b/gi, '')
    .replace(/\s*Additional documents:?\s*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^#+\s*/, '')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

/**
 * Who moved and seconded, opening a resolution: initials and surnames, two or more ("S. Amundsen,
 * H. Thiessen:", "Sandhu/Dufresne:"). The resolution after them says what the item is.
 */
const INITIALLED = String.raw`(?:\p{Lu}\.\s?){1,3}\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?`;
const MOVERS = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}'’-]+\/\p{Lu}[\p{L}'’-]+|${INITIALLED}(?:\s*(?:,|\band\b)\s*${INITIALLED})+):\s+`,
  'u',
);

/** A short title from the item's opening words, for items whose heading the text lost. */
export function deriveTitle(text: string, maxWords = 8): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(MOVERS, '');
  const firstSentence = flat.slice(0, sentenceEnd(flat)).split(/(?<=[:;?!])\s/)[0] ?? '';
  const words = firstSentence
    .replace(/[.:;?!]+$/, '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return 'Untitled item';
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
}

function findAgendaItem(text: string): number | null {
  const match = /Agenda\s+Item\s+(\d{1,3})\b/i.exec(text);
  return match ? Number(match[1]) : null;
}

function isProcedural(title: string, text: string): boolean {
  if (text.length > SHORT_ITEM_CHARS) return false;
  return PROCEDURAL_TITLE.test(title) || NOTHING_TO_REPORT.test(text) || text.length === 0;
}

/**
 * Resolution blocks: a "RESOLVED:"/"AGREED:" marker and the paragraphs after it. Where the text
 * lost the marker (copied ModernGov pages), a closing run of "That …" paragraphs is the resolution.
 */
function findResolutions(paragraphs: string[]): string[] {
  const resolutions: string[] = [];
  let current: string[] | null = null;
  for (const paragraph of paragraphs) {
    if (RESOLUTION_MARKER.test(paragraph)) {
      if (current?.length) resolutions.push(current.join('\n'));
      const rest = paragraph.replace(RESOLUTION_MARKER, '').trim();
      current = rest ? [rest] : [];
    } else if (current) {
      current.push(paragraph);
    }
  }
  if (current?.length) resolutions.push(current.join('\n'));
  if (resolutions.length > 0) return resolutions;

  const closing: string[] = [];
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const { rest } = readPointLabel(paragraphs[i] ?? '');
    if (!/^That\b/.test(rest)) break;
    closing.unshift(paragraphs[i] ?? '');
  }
  return closing.length ? [closing.join('\n')] : [];
}
