import { TOKEN_BODY_UNLABELLED } from '../../src/minutes/reference.js';

/**
 * Some minutes print an item's number after its title, in brackets: "Setting of Rates for 2025/26
 * (Item 6.2)", "Apologies [Agenda Item 1]" (New Zealand and Australian councils), "Vote of Sympathy
 * [Min. 111/25]" (Irish county councils, at the right margin). The item finder
 * reads numbers where minutes mostly put them, at the start of the line, so before it such a
 * heading is written number first ("Item 6.2 Setting of Rates for 2025/26"): every word is kept,
 * only the label moves.
 */
const TITLE_THEN_LABEL = new RegExp(
  String.raw`^(\s*)(\p{L}(?:[^()\[\]]|\([^()\[\]]*\))*?(?:[^\s.!?;:,()\[\]]|\([^()\[\]]*\)))\s*[(\[]\s*((?:Agenda\s+)?Item|Min(?:ute)?\.?(?:\s+No\.?)?)\s+((?=\S*\d)(?:${TOKEN_BODY_UNLABELLED}))\s*[)\]]\s*$`,
  'u',
);

/** Most words such a title has: more is a sentence that names an item ("…as agreed (Item 4)"). */
const MAX_TITLE_WORDS = 16;

/**
 * Headings that are a scheme, not a sentence pointing at an item: at least this many lines of the
 * document have the shape before any is rewritten.
 */
const MIN_HEADINGS = 2;

export function labelsToFront(text: string): string {
  const lines = text.split('\n');
  const headings = lines.map((line) => {
    const match = TITLE_THEN_LABEL.exec(line);
    return match && (match[2] ?? '').split(/\s+/).length <= MAX_TITLE_WORDS ? match : null;
  });
  if (headings.filter(Boolean).length < MIN_HEADINGS) return text;
  return lines
    .map((line, i) => {
      const match = headings[i];
      return match ? `${match[1]}${match[3]} ${match[4]} ${match[2]}` : line;
    })
    .join('\n');
}
