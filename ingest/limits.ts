/**
 * How much one meeting's minutes may ask of Minutebook. Every limit is set from measurement with
 * generous headroom over real minutes, so that only hostile or broken input meets one; each refusal
 * names the file, the limit and the variable that raises it. `bench/hostile-inputs.ts` prints the
 * measurements below again and what the worst inputs cost before and after the limits.
 *
 * What real minutes measure. The five real meetings of the corpus: 15–23 K characters, 65–418
 * paragraphs (lines with text), 2.5–3.7 K words, 26–43 passages (79–99 words a passage); the
 * layout fixtures and examples are smaller still. A printed page of minutes holds 400–600 words
 * (A4, 11 pt, single-spaced), so a long full-council meeting of 200 pages is 80–120 K words. Forty
 * corpus meetings joined make one that size: 112 K words, 700 K characters, 7.1 K paragraphs (13.6 K
 * at the densest corpus meeting's 113 a thousand words), 986 passages (1,520 at 79 words a passage).
 * As Word, 10 K paragraphs of that text are 3.8 MB of `document.xml` and 130 K elements (mammoth:
 * 6 s, 430 MB); as a 256-page PDF, 0.8 MB (1.7 s, 320 MB). Markup nests
 * 11 deep in the ModernGov page fixture; a council site's template adds perhaps 20–30 levels.
 */
import { INGEST_LIMIT_VARIABLES, type IngestLimitsConfig } from '../src/config.js';
import { implausibleMeetingDate } from '../src/dates.js';
import { LimitExceededError } from '../src/errors.js';
import type { Meeting } from '../src/types.js';

export interface IngestLimits {
  /** Bytes of one minutes file (or one printed-minutes download), before anything is parsed. */
  maxFileBytes: number;
  /** Paragraphs of one file: lines with text handed to the item parser, paragraphs of a Word document. */
  maxParagraphs: number;
  /** Elements of one file's markup (HTML, or the XML parts of a Word document). */
  maxElements: number;
  /** How deep one file's markup may nest. */
  maxDepth: number;
  /** Bytes of a Word document's XML parts once unzipped. */
  maxUnzippedBytes: number;
  /** Characters of text in one meeting. */
  maxMeetingChars: number;
  /** Passages one meeting may add to the index. */
  maxMeetingPassages: number;
  /** Heap of the thread that parses files, in MB. */
  parseMemoryMb: number;
  /** Time to read and parse one file, in ms. */
  parseTimeoutMs: number;
}

const MB = 1024 * 1024;

/**
 * The defaults, each several times what a 200-page meeting needs (see the measurements above):
 * - 20 MB a file: 29× the text of a 200-page meeting; what `ingest` has always refused above.
 * - 80,000 paragraphs: 5.9–11× a 200-page meeting's 7.1–13.6 K.
 * - 500,000 elements: 3.8× a 200-page Word document's 130 K.
 * - 256 levels of nesting: 8× a council page's ~30; room for tables in tables in text boxes.
 * - 64 MB of unzipped Word XML: 17× a 200-page document's 3.8 MB (Word's own XML runs 2–3× more).
 * - 4 M characters a meeting: 5.7× a 200-page meeting's 0.7 M.
 * - 8,000 passages a meeting: 5.3× a 200-page meeting's 1,520.
 * - 1.5 GB of parse heap: twice the most any file within the limits above was measured to need —
 *   Word at the element limit, which fails in 512 MB and reads in 768 MB (8.5–14 s, 0.8–1.4 GB RSS)
 *   — and a third of what the 2.3 M-paragraph Word file of issue 16 took before it aborted the process.
 * - 60 s to parse a file: 4× the slowest file within the limits above (that Word file) on a loaded
 *   two-core machine; text and HTML at the paragraph limit read in 2–3 s, a 1,300-page PDF in 5 s.
 */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 20 * MB,
  maxParagraphs: 80_000,
  maxElements: 500_000,
  maxDepth: 256,
  maxUnzippedBytes: 64 * MB,
  maxMeetingChars: 4_000_000,
  maxMeetingPassages: 8_000,
  parseMemoryMb: 1536,
  parseTimeoutMs: 60_000,
});

/** Each limit's field in the configuration, whose variable every refusal names. */
const CONFIG_FIELD: Readonly<Record<keyof IngestLimits, keyof IngestLimitsConfig>> = Object.freeze({
  maxFileBytes: 'maxFileMb',
  maxParagraphs: 'maxParagraphs',
  maxElements: 'maxElements',
  maxDepth: 'maxDepth',
  maxUnzippedBytes: 'maxUnzippedMb',
  maxMeetingChars: 'maxMeetingChars',
  maxMeetingPassages: 'maxMeetingPassages',
  parseMemoryMb: 'parseMemoryMb',
  parseTimeoutMs: 'parseTimeoutSeconds',
});

/** The limits the configuration sets: its overrides over the defaults, in bytes and ms. */
export function limitsFromConfig(config: IngestLimitsConfig): IngestLimits {
  const scaled = (value: number | null, unit: number) => (value === null ? undefined : value * unit);
  return ingestLimits({
    maxFileBytes: scaled(config.maxFileMb, MB),
    maxParagraphs: scaled(config.maxParagraphs, 1),
    maxElements: scaled(config.maxElements, 1),
    maxDepth: scaled(config.maxDepth, 1),
    maxUnzippedBytes: scaled(config.maxUnzippedMb, MB),
    maxMeetingChars: scaled(config.maxMeetingChars, 1),
    maxMeetingPassages: scaled(config.maxMeetingPassages, 1),
    parseMemoryMb: scaled(config.parseMemoryMb, 1),
    parseTimeoutMs: scaled(config.parseTimeoutSeconds, 1000),
  });
}

/** The limits in force: the defaults with whatever a caller (a test, the configuration) overrides. */
export function ingestLimits(overrides: { [K in keyof IngestLimits]?: number | undefined } = {}): IngestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as Array<[keyof IngestLimits, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${key} must be more than 0 (got ${value})`);
    limits[key] = value;
  }
  return limits;
}

/** "1,234,567" — limits and counts are read by people. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * The refusal for passing `limit`: `problem` says what was measured against what ("is 50 MB, over
 * the 20 MB limit for one meeting's minutes"); the variable that raises the limit is added.
 */
export function limitExceeded(
  source: string,
  limit: keyof IngestLimits,
  problem: string,
  advice = 'split it by meeting',
): LimitExceededError {
  const variable = INGEST_LIMIT_VARIABLES[CONFIG_FIELD[limit]];
  return new LimitExceededError(
    source,
    variable,
    `${problem} (${variable}); ${advice}, or raise ${variable} if it really is one meeting's minutes`,
  );
}

/** Refuses text too big for the item parser before it is parsed: characters, then paragraphs. */
export function checkTextSize(text: string, source: string, limits: IngestLimits): void {
  if (text.length > limits.maxMeetingChars) {
    throw limitExceeded(
      source,
      'maxMeetingChars',
      `has ${formatCount(text.length)} characters of text, over the limit of ${formatCount(limits.maxMeetingChars)} for one meeting`,
    );
  }
  // Paragraphs are the lines with text: blank lines between paragraphs cost the parser next to nothing.
  let paragraphs = 0;
  let inParagraph = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) inParagraph = false;
    else if (!inParagraph && code > 32) {
      inParagraph = true;
      if (++paragraphs > limits.maxParagraphs) {
        throw limitExceeded(
          source,
          'maxParagraphs',
          `has more than ${formatCount(limits.maxParagraphs)} paragraphs (lines of text), the limit for one file`,
        );
      }
    }
  }
}

/**
 * Refuses a parsed meeting too big to index: its passages and the characters of its items. Text
 * that was checked before parsing cannot fail the character check, but minutes assembled from a
 * web service's items arrive here unchecked.
 */
export function checkMeetingSize(meeting: Meeting, limits: IngestLimits): void {
  const passages = meeting.items.reduce((n, item) => n + item.passages.length, 0);
  if (passages > limits.maxMeetingPassages) {
    throw limitExceeded(
      meeting.source,
      'maxMeetingPassages',
      `makes ${formatCount(passages)} passages, over the limit of ${formatCount(limits.maxMeetingPassages)} for one meeting`,
    );
  }
  const chars = meeting.items.reduce((n, item) => n + item.title.length + item.text.length, 0);
  if (chars > limits.maxMeetingChars) {
    throw limitExceeded(
      meeting.source,
      'maxMeetingChars',
      `has ${formatCount(chars)} characters of text, over the limit of ${formatCount(limits.maxMeetingChars)} for one meeting`,
    );
  }
}

/** Today as an ISO date (UTC), the reference for `implausibleMeetingDate`. */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A meeting date read from the minutes themselves (or a web service) that cannot be right is not
 * believed: the date is left unknown, with a warning, as when the minutes give none.
 */
export function distrustImplausibleDate(meeting: Meeting, today: string): void {
  if (!meeting.date) return;
  const reason = implausibleMeetingDate(meeting.date, today);
  if (!reason) return;
  meeting.warnings.push(`the meeting date ${reason}, so it cannot be right; date left unknown`);
  meeting.date = null;
}
