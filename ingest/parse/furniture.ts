/**
 * Page furniture in extracted text: page numbers and the running headers and footers a printed page
 * repeats ("Planning Committee 10 November 2011", "Page 3 of 12", "Chairman's initials"). It is
 * not the minutes' text, so it is taken out before items are found, and reported as dropped.
 */

/** A page number alone on a line ("2", "Page 2", "Page 2 of 10", "- 2 -"). A minute number has a dot; a page number never. */
export function isPageNumber(line: string): boolean {
  return /^(?:page\s+)?[-–—\s]*\d{1,4}[-–—\s]*(?:of\s+\d{1,4})?$/i.test(line.trim());
}

/**
 * Lines that say they are furniture whatever repeats, and markup tags alone on a line that an export
 * left in the text (ModernGov's "<AI1>" agenda-item anchors): neither is what the minutes say.
 */
const FURNITURE_LINE =
  /^(?:this page is intentionally (?:left )?blank|page \d{1,4} of \d{1,4}|\(?continued\)?|chair(?:man|person)?'?s initials\.*|<\/?[A-Za-z][\w:-]*>)$/i;

/** A rule drawn under a heading or across the page ("-------", "=====", "_____"): decoration. */
const RULE_LINE = /^[-=_–—]{3,}$/;

/** A page counter closing a line of other text: "… Page 3", "… page 2 of 4". */
const PAGE_COUNTER_AT_END = /\p{L}.*\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$/iu;

/** How often a line must recur to count as a running header or footer. */
const MIN_REPEATS = 3;
/** The share of a repeated line's occurrences that must sit beside a page number for it to be running. */
const RUNNING_SHARE = 0.6;
/** How close (in lines) to a page number a running line sits. */
const NEAR_PAGE_NUMBER = 3;

export interface CleanedLines {
  lines: string[];
  /** The furniture taken out, for measuring what parsing left out. */
  dropped: string[];
}

/**
 * What running headers and footers are compared by: the line without its case, spacing or digits, since
 * they often carry the page number ("Cabinet 4 June 2024 — page 3").
 */
export function furnitureKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * Takes out page numbers and running headers/footers. A repeated line counts as running only where
 * it carries a page counter or sits next to a page number, so a repeated "RESOLVED:" or "That the
 * report be noted." in the body is never taken for furniture.
 */
export function removeFurniture(lines: string[]): CleanedLines {
  const pageNumberAt = lines.map((line) => line.trim() !== '' && isPageNumber(line));
  const nearPageNumber = (i: number) => {
    for (let d = 1; d <= NEAR_PAGE_NUMBER; d++) if (pageNumberAt[i - d] || pageNumberAt[i + d]) return true;
    return false;
  };
  // Right at a page break: beside a page number, or opening a page (a form feed before it).
  const atPageBreak = (i: number) => pageNumberAt[i - 1] || pageNumberAt[i + 1] || /^\f/.test(lines[i] ?? '');
  const seen = new Map<string, { count: number; nearPage: number; atBreak: number }>();
  lines.forEach((line, i) => {
    if (!/\p{L}{3}/u.test(line)) return;
    const entry = seen.get(furnitureKey(line)) ?? { count: 0, nearPage: 0, atBreak: 0 };
    entry.count++;
    if (nearPageNumber(i)) entry.nearPage++;
    if (atPageBreak(i)) entry.atBreak++;
    seen.set(furnitureKey(line), entry);
  });
  const running = (line: string) => {
    const entry = seen.get(furnitureKey(line));
    // A line that ends by counting the page ("Licensing Sub-Committee - 22 July 2025   Page 3") is a
    // header once it comes back on another page: a short document has few pages to repeat it on.
    if (entry && entry.count >= 2 && PAGE_COUNTER_AT_END.test(line)) return true;
    // So is a line that comes back right at every page break of a short document, where there are
    // too few pages for three ("Port of Carrickmoor … Board Minutes 25/09/2025" after "Page 1").
    if (entry && entry.count >= 2 && entry.atBreak === entry.count) return true;
    if (!entry || entry.count < MIN_REPEATS) return false;
    // A line that repeats beside most page breaks is furniture; "RESOLVED:" beside one of eight is not.
    return /\bpage\s+\d/i.test(line) || entry.nearPage / entry.count >= RUNNING_SHARE;
  };
  const kept: string[] = [];
  const dropped: string[] = [];
  let breakSince = -1;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (pageNumberAt[i] || FURNITURE_LINE.test(trimmed) || RULE_LINE.test(trimmed) || running(line)) {
      dropped.push(trimmed);
      if (breakSince < 0) breakSince = kept.length;
      return;
    }
    if (trimmed && breakSince >= 0) {
      joinAcrossBreak(kept, breakSince, trimmed);
      breakSince = -1;
    }
    kept.push(line);
  });
  return { lines: kept, dropped };
}

/**
 * A sentence the page broke ("…up 9 per" / page furniture / "cent on the same quarter…") goes on
 * after the furniture: the blank lines left around it, kept from `from` on, are taken out when the
 * text before ends no sentence and the text after goes on in lower case.
 */
function joinAcrossBreak(kept: string[], from: number, next: string): void {
  let start = from;
  while (start > 0 && !kept[start - 1]?.trim()) start--;
  const before = kept[start - 1]?.trim() ?? '';
  if (!before || /[.!?:;]$/.test(before) || !/^\p{Ll}/u.test(next)) return;
  kept.splice(start);
}
