import type { Meeting, SourceDocument } from '../../src/types.js';
import { checkTextSize, type IngestLimits } from '../limits.js';
import { parseMinutesText } from '../parse/index.js';

/**
 * Parses the text read out of a document (any format) into a meeting, refusing text too big for one
 * meeting before the item parser sees it: the parser's time and memory grow with the text.
 */
export function parseDocumentText(text: string, doc: SourceDocument, limits: IngestLimits): Meeting {
  checkTextSize(text, doc.source, limits);
  return parseMinutesText(text, { source: doc.source, ...(doc.hints ? { hints: doc.hints } : {}) });
}
