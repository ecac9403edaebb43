import { type MinuteToken, parseMinuteToken } from '../../src/minutes/reference.js';
import type { Candidate } from './candidates.js';
import { isPageNumber } from './furniture.js';
import { isHeadingText } from './headings.js';

/**
 * A number lost from the printed text: between "FC/25/077" and "FC/25/079" the minutes run a title
 * with no number ("Finance: accounts for payment", where a PDF's margin or an email's paste dropped
 * "FC/25/078"). With exactly one number missing from the run and exactly one title standing where
 * items start, the title is that item, numbered from the run; anything less certain stays text.
 */

/** A resolution's or motion's label ("COUNCIL RESOLUTION 2025/303"): a part of an item, not a title. */
const DECISION_LABEL =
  /^(?:(?:council|committee|board)\s+)?(?:resolutions?|resolved|decisions?|motions?|recommendations?)\b/i;

/** Most words a title standing in for a lost number has. */
const MAX_TITLE_WORDS = 10;

/** The token one step on in the running part, padded as printed: "FC/25/077" -> "FC/25/078". */
function nextToken(token: MinuteToken): MinuteToken | null {
  let group = -1;
  const minute = token.minute.replace(/\d+/g, (digits) => {
    group++;
    if (group !== token.running) return digits;
    return String(Number(digits) + 1).padStart(digits.length, '0');
  });
  return parseMinuteToken(minute);
}

/** Leading spaces of a line. */
const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Items whose numbers the text lost, one in each single gap of the scheme's run, as candidates
 * (`recovered` set) to read beside the printed ones. `items` are the scheme's items in order.
 */
export function lostNumberItems(items: Candidate[], lines: string[]): Candidate[] {
  const lost: Candidate[] = [];
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (!next || next.shape !== item.shape) return;
    const step = (next.token.parts[item.token.running] ?? 0) - (item.token.parts[item.token.running] ?? 0);
    if (step !== 2) return;
    const column = indentOf(lines[item.line] ?? '');
    const titles: number[] = [];
    for (let at = item.line + 2; at < next.line; at++) {
      const line = lines[at] ?? '';
      const text = line.trim();
      if (!text || (lines[at - 1] ?? '').trim() || indentOf(line) !== column) continue;
      if (!(lines[at + 1] ?? '').trim() || /[.;,]$/.test(text) || isPageNumber(text)) continue;
      if (/\bpage\s+\d+/i.test(text) || DECISION_LABEL.test(text) || text.split(/\s+/).length > MAX_TITLE_WORDS)
        continue;
      if (!isHeadingText(text)) continue;
      titles.push(at);
    }
    const token = nextToken(item.token);
    const at = titles[0];
    if (titles.length !== 1 || at === undefined || !token) return;
    const text = (lines[at] ?? '').trim();
    lost.push({
      line: at,
      token,
      shape: item.shape,
      rest: text,
      split: { title: text, body: '' },
      agendaNumber: null,
      titled: true,
      time: '',
      recovered: true,
    });
  });
  return lost;
}
