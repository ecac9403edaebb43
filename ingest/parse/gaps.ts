import { TOKEN_BODY_UNLABELLED } from '../../src/minutes/reference.js';

/**
 * Text from a PDF or a fixed-width page sets a short title apart from the minute by a run of spaces
 * on the number's line ("414.1  Goleuadau stryd  Adroddodd y Clerc…"). Normalising spaces would
 * run the two together, so before it the gap becomes a line break: the number and title on one
 * line, the text under it, as minutes laid out in lines print them.
 */

/**
 * A number as the one grammar reads them, with a figure in it ("7", "414.1", "C25/047", "12."; a
 * lone letter or roman numeral starts sentences too often), a title of a few words with no sentence
 * end in it, a gap of two or more spaces, and text that starts afresh (a capital or a figure).
 */
const TITLE_THEN_GAP = new RegExp(
  String.raw`^(\s*(?=\S*\d)(?:${TOKEN_BODY_UNLABELLED})[.)]?[ \t]{1,3})(\p{Lu}[^.!?:;\t]{1,60}?\S)[ \t]{2,}(?=[\p{Lu}\d])`,
  'u',
);

/** Most words a title set apart by a gap has; more is a sentence or a row of a table. */
const MAX_TITLE_WORDS = 8;

/**
 * A paper's reference set to the right of a heading ("Agenda Item 5   Chief Executive's report
 * Paper: ICB 25-09-05", "7.  Budget monitoring        Report ref FIN/25/07"): the paper's, not the title's.
 */
const PAPER_AT_END =
  /^(\S.*?\S)[ \t]{3,}((?:paper|report|ref(?:erence)?|enclosure|appendix|annex|document)\b[^\t]{0,30}\d[^\t]*)$/i;

export function breakAtTitleGaps(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const paper = PAPER_AT_END.exec(line);
      return paper ? `${paper[1]}\n${paper[2]}` : line;
    })
    .join('\n')
    .split('\n')
    .map((line) => {
      const match = TITLE_THEN_GAP.exec(line);
      const title = match?.[2] ?? '';
      if (!match || title.split(/\s+/).length > MAX_TITLE_WORDS || /\s{2,}/.test(title)) return line;
      return `${match[1]}${title}\n${line.slice(match[0].length)}`;
    })
    .join('\n');
}
