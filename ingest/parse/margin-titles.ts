import { TOKEN_BODY_UNLABELLED } from '../../src/minutes/reference.js';

/**
 * Minutes printed with each item's title in a left margin, beside its run-in number and text
 * ("Parish rate      3. The Connétable presented…"), as Channel Islands parishes and some English
 * councils print them, the title often wrapped down the margin ("Honorary" / "Police"). Flattened to
 * text, the margin and the text share each line. Before spaces are normalised the margin is moved
 * to the number: "3. Parish rate" on a line of its own, the text under it, as numbered minutes read.
 */

/**
 * A short title in the margin, a run of spaces, and the number with its text. A margin with a figure
 * in it is a minute reference ("C048/23      1.  APOLOGIES"), which other readers place.
 */
const MARGIN_THEN_NUMBER = new RegExp(
  String.raw`^(\p{L}[^\t\d]{0,40}?[^\s\d])[ \t]{2,}((?=\S*\d)(?:${TOKEN_BODY_UNLABELLED})[.)])[ \t]+(\S.*)$`,
  'u',
);

/** Most words a margin title has on one line; more is a sentence or a row of a table. */
const MAX_MARGIN_WORDS = 4;

/** Fewest such lines before the margin is read as titles: one could be a table's row. */
const MIN_MARGIN_TITLES = 2;

export function marginTitlesToFront(text: string): string {
  const lines = text.split('\n');
  const starts = lines.map((line) => {
    const match = MARGIN_THEN_NUMBER.exec(line);
    return match && (match[1] ?? '').split(/\s+/).length <= MAX_MARGIN_WORDS ? match : null;
  });
  if (starts.filter(Boolean).length < MIN_MARGIN_TITLES) return text;

  const out: string[] = [];
  let column = -1;
  let title: string[] = [];
  let pending: { number: string; body: string[] } | null = null;
  const flush = () => {
    if (pending) out.push(`${pending.number} ${title.join(' ')}`, ...pending.body);
    pending = null;
    title = [];
  };
  lines.forEach((line, i) => {
    const start = starts[i];
    if (start) {
      flush();
      column = line.indexOf(start[2] ?? '', (start[1] ?? '').length);
      title = [start[1] ?? ''];
      pending = { number: start[2] ?? '', body: [start[3] ?? ''] };
      return;
    }
    // Under a margin title, a line with words in the margin and text at the text's column: the
    // title wrapped down the margin ("Police", "- election") beside the text going on.
    const margin = column > 1 ? line.slice(0, column - 2).trim() : '';
    const besideText = column > 1 && line.slice(column - 2, column) === '  ' && /^\S/.test(line.slice(column));
    if (pending && margin && besideText) {
      title.push(margin);
      pending.body.push(line.slice(column));
      return;
    }
    if (pending && line.trim()) {
      pending.body.push(line);
      return;
    }
    flush();
    out.push(line);
  });
  flush();
  return out.join('\n');
}
