import { RESOLUTION_START, readPointLabel } from '../points.js';

const SENTENCE_END = /[.:;?!'"’”)]$/;

/**
 * Rejoins lines that a PDF or a copied table wrapped mid-sentence into paragraphs. A paragraph
 * ends at a blank line, before a sub-point label or a resolution marker, after a short line
 * (a sub-heading; unless `shortLinesEnd` is false, for text wrapped at random widths), or after a
 * sentence end on a line clearly shorter than the text's full width.
 */
export function unwrapParagraphs(rawLines: string[], options: { shortLinesEnd?: boolean } = {}): string[] {
  const shortLinesEnd = options.shortLinesEnd ?? true;
  const lines = moveTrailingLabels(rawLines);
  const widths = lines
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const fullWidth = widths[Math.floor(widths.length * 0.9)] ?? 80;
  const paragraphs: string[] = [];
  let current: string[] = [];
  let previous = '';
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      previous = '';
      continue;
    }
    const startsBlock = readPointLabel(line).label !== null || RESOLUTION_START.test(line);
    const previousEnded =
      previous !== '' &&
      ((SENTENCE_END.test(previous) && previous.length < fullWidth * 0.85) ||
        (shortLinesEnd && previous.length < fullWidth * 0.5));
    if (startsBlock || previousEnded) flush();
    current.push(line);
    previous = line;
  }
  flush();
  return paragraphs;
}

/** A sub-point label left at the end of the line before its text ("…national data. ii."). */
const TRAILING_LABEL = /^(.*[.:;])\s+(\([ivx]{1,6}\)|\([a-z]\)|[ivx]{1,6}[.)]|[a-h]\))$/;

/** Moves labels that wrapping left at a line's end onto the line they label. */
function moveTrailingLabels(lines: string[]): string[] {
  const moved = lines.map((l) => l.trim());
  for (let i = 0; i < moved.length - 1; i++) {
    const match = TRAILING_LABEL.exec(moved[i] ?? '');
    const next = moved[i + 1];
    if (match && next) {
      moved[i] = match[1] ?? '';
      moved[i + 1] = `${match[2]} ${next}`;
    }
  }
  return moved;
}

/**
 * Splits lines into paragraphs at blank lines and before bulleted or labelled lines, joining a
 * paragraph's own line breaks into spaces.
 */
export function blankLineParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    // Bulleted sub-points on consecutive lines are paragraphs of their own.
    if (current.length && (readPointLabel(line.trim()).label !== null || /^[-•*]\s/.test(line.trim()))) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    if (line.trim()) {
      current.push(line.trim());
    } else if (current.length) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs;
}

/**
 * Paragraphs of an item's lines, whichever way the text was made: Markdown-like minutes keep one
 * paragraph a line between blank lines; PDF text wraps lines within paragraphs and is rejoined.
 */
export function readParagraphs(lines: string[]): string[] {
  const hasBlankLines = lines.some((l) => !l.trim());
  const wrapsLines = lines.filter((l) => l.trim()).length > 2 * lines.filter((l) => !l.trim()).length;
  return hasBlankLines && !wrapsLines ? blankLineParagraphs(lines) : unwrapParagraphs(lines);
}

/**
 * Where the end-of-minutes signature block starts ("2.00 – 4.12pm", the date, "CHAIRMAN"), or
 * `lines.length` when there is none. It is kept as the closing text, not an item's.
 */
export function signatureBlockStart(lines: string[]): number {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const line = lines[i]?.trim() ?? '';
    if (/^\d{1,2}[.:]\d{2}\s*(?:am|pm)?\s*[-–]\s*\d{1,2}[.:]\d{2}\s*(?:am|pm)\.?$/i.test(line)) return i;
  }
  return lines.length;
}
