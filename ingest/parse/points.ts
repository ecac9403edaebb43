/**
 * Sub-point labels — "(i)", "ii.", "iii)", "(a)", "b)", "(A)", "1." — at the start of a paragraph.
 * The captured label is stored without its brackets and dot ("ii", "b", "1").
 */
const LEADING_LABEL =
  /^(?:[-•*]\s*)?(?:\(([ivx]{1,6}|[a-z]|[A-Z]|\d{1,2})\)|([ivx]{1,6})[.)]|([a-h])\)|([a-h])\.(?=\s+[A-Z])|(\d{1,2})[.)](?=\s))\s*/;

/** Reads a paragraph's leading sub-point label; returns it with the rest of the paragraph. */
export function readPointLabel(paragraph: string): { label: string | null; rest: string } {
  const match = LEADING_LABEL.exec(paragraph);
  if (!match) return { label: null, rest: paragraph };
  const label = match.slice(1).find((group) => group !== undefined) ?? null;
  return { label, rest: paragraph.slice(match[0].length) };
}

/**
 * Labels that copied text has run into the middle of a paragraph: "…the following points were
 * made: i. In response…". Only after the end of a sentence or a colon, and only before a capital,
 * so "i.e." and initials are left alone.
 */
const INLINE_LABEL = /(?<=[.:;!?’'"”)]\s+)(?=(?:\([ivx]{1,6}\)|\([a-z]\)|[ivx]{1,6}[.)]|[a-h]\))\s+[A-Z“"‘'])/g;

/**
 * The words that open what a committee decided ("RESOLVED:", "AGREED that…"): the one list the
 * paragraph reader, the resolution finder and the number reader share (a regular-expression
 * alternation, no groups).
 */
export const RESOLUTION_WORDS = 'RESOLVED|AGREED|DECIDED|RECOMMENDED';

/** A paragraph or line that opens with a resolution marker in capitals. */
export const RESOLUTION_START = new RegExp(`^(?:${RESOLUTION_WORDS})\\b`);

/** Resolution markers run into the middle of a paragraph. */
const INLINE_RESOLUTION = new RegExp(`(?<=[.:;!?’'"”]\\s+)(?=(?:${RESOLUTION_WORDS})\\b)`, 'g');

/** Splits a paragraph where a sub-point label or a resolution marker starts mid-text. */
export function splitInlineStructure(paragraph: string): string[] {
  return paragraph
    .split(INLINE_RESOLUTION)
    .flatMap((part) => part.split(INLINE_LABEL))
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Joins a paragraph that is only a label ("i)" on a line of its own, as PDFs extract them) to the
 * paragraph it labels.
 */
export function joinLoneLabels(paragraphs: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const current = paragraphs[i] ?? '';
    const next = paragraphs[i + 1];
    const { label, rest } = readPointLabel(current);
    if (label !== null && rest.trim() === '' && next !== undefined) {
      joined.push(`${current.trim()} ${next}`);
      i++;
    } else {
      joined.push(current);
    }
  }
  return joined;
}
