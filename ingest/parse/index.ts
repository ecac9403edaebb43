import type { Meeting, SourceDocument } from '../../src/types.js';

export interface ParseOptions {
  /** File path or URL the text came from; named in every error and kept as the meeting's source. */
  source: string;
  /** Metadata known from outside the text (manifest, web service); the text wins where it has its own. */
  hints?: SourceDocument['hints'];
}

/**
 * Parses minutes text in any of the supported layouts into a meeting with numbered items and
 * passages. Throws BadMinutesFileError naming `source` when no items can be found.
 */
export function parseMinutesText(_text: string, _options: ParseOptions): Meeting {
  throw new Error('parseMinutesText: being written (issue 2)');
}
