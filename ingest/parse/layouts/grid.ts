/**
 * Minutes kept in a ruled table and saved as text ("+------+------+" borders, "| C25.047 | APOLOGIES |"
 * rows): each row's cells are read column by column, so the reference, the title and the wrapped
 * text of the minute come out as lines of their own, in the order a reader would take them, and the
 * item finder reads them like any other minutes. Lines outside such tables are left as they are.
 */

/** A rule between rows: "+---------+-------+", "+=====+=====+". */
const BORDER = /^\+(?:[-=]+\+)+$/;
/** A row's line: cells between pipes. */
const ROW = /^\|.*\|$/;

export function unfoldGridTables(lines: string[]): string[] {
  if (lines.filter((line) => BORDER.test(line.trim())).length < 2) return lines;
  const out: string[] = [];
  let row: string[][] = [];
  const flush = () => {
    if (row.length === 0) return;
    const columns = Math.max(...row.map((cells) => cells.length));
    let lastColumnLines = 0;
    for (let column = 0; column < columns; column++) {
      const texts = row.map((cells) => cells[column]?.trim() ?? '').filter(Boolean);
      // A column of one line (the reference) leads into the next; after a column of text, the
      // next ("Action: Clerk") is a paragraph of its own, not the end of the last sentence.
      if (column > 0 && out.length && texts.length && out.at(-1) !== '' && lastColumnLines > 1) out.push('');
      out.push(...texts);
      if (texts.length) lastColumnLines = texts.length;
    }
    out.push('');
    row = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (BORDER.test(trimmed)) {
      flush();
    } else if (ROW.test(trimmed)) {
      row.push(trimmed.slice(1, -1).split('|'));
    } else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}
