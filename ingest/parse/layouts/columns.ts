/**
 * Minutes kept in a table without rules and saved as text: each row's first line holds the minute
 * number, perhaps a subject, and the start of the discussion, in columns set apart by runs of spaces
 * ("31        Apologies        Apologies were received from Capt. R."), and the discussion wraps on
 * lines indented to its column. Read line by line, the subject and the discussion would run into one
 * title. Each row is rewritten as a reader takes it: the number and subject on a line of their own,
 * then the discussion's lines, so the item finder reads them like any other minutes. Text outside
 * such rows is left as it is.
 */

/** The discussion column starts at least this far in: a paragraph's indent is shallower. */
const MIN_TEXT_COLUMN = 16;
/** Rows and wrapped lines a document needs before it is read as such a table. */
const MIN_ROWS = 3;
const MIN_WRAPPED = 3;

interface Cell {
  start: number;
  text: string;
}

/** A line's cells: runs of text apart by three spaces or more (words keep one or two between them). */
function cellsOf(line: string): Cell[] {
  return [...line.matchAll(/\S+(?: {1,2}\S+)*/g)].map((match) => ({ start: match.index ?? 0, text: match[0] }));
}

/** The column where wrapped discussion lines start, when enough lines share one; else null. */
function textColumn(lineCells: Cell[][]): number | null {
  const starts = new Map<number, number>();
  for (const cells of lineCells) {
    const start = cells[0]?.start ?? 0;
    if (cells.length === 1 && start >= MIN_TEXT_COLUMN) starts.set(start, (starts.get(start) ?? 0) + 1);
  }
  const [column, count] = [...starts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= MIN_WRAPPED ? column : null;
}

/** A row's first line: at the margin, two cells or more, the last at the discussion column. */
function isRowStart(cells: Cell[], column: number): boolean {
  return cells.length >= 2 && cells[0]?.start === 0 && Math.abs((cells.at(-1)?.start ?? 0) - column) <= 1;
}

/** A line inside a row: indented, every cell at one of the row's columns. */
function continues(cells: Cell[], columns: number[]): boolean {
  return (
    cells.length > 0 &&
    (cells[0]?.start ?? 0) > 0 &&
    cells.every((cell) => columns.some((start) => Math.abs(start - cell.start) <= 1))
  );
}

/** The lines with each table row rewritten as a heading line and its discussion's lines. */
export function unfoldSpacedColumns(lines: string[]): string[] {
  // Each line's cells, read once.
  const lineCells = lines.map(cellsOf);
  const column = textColumn(lineCells);
  if (column === null || lineCells.filter((cells) => isRowStart(cells, column)).length < MIN_ROWS) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lineCells[i] ?? [];
    if (!isRowStart(first, column)) {
      out.push(lines[i] ?? '');
      continue;
    }
    const columns = first.map((cell) => cell.start);
    const texts: string[][] = columns.map(() => []);
    const place = (cell: Cell) => {
      // The nearest column at or before the cell: a wrapped subject stays under the subject.
      let at = 0;
      columns.forEach((start, k) => {
        if (start <= cell.start + 1) at = k;
      });
      texts[at]?.push(cell.text);
    };
    first.forEach(place);
    while (i + 1 < lines.length && continues(lineCells[i + 1] ?? [], columns)) {
      i++;
      lineCells[i]?.forEach(place);
    }
    const heading = texts.slice(0, -1).map((parts) => parts.join(' '));
    out.push(heading.join(' '), ...(texts.at(-1) ?? []));
  }
  return out;
}
