import type { MinuteNumber } from '../../src/minutes/reference.js';
import type { NumberSource } from '../../src/types.js';

/** Where an item's number comes from before recovery. */
export interface NumberEvidence {
  /** Printed at the item itself (heading or number line). */
  printed: MinuteNumber | null;
  /** Named by a link or reference inside the item ("view the full minutes text for item 77"). */
  anchor: number | null;
  /** Items that never take part in the numbering (a webcast notice before the first item). */
  unnumbered: boolean;
  /** `printed` is a number the text lost, recovered from the run around it. */
  recovered?: boolean;
}

/** No number printed, none anchored: the minutes print none for this item. */
const NO_NUMBER: AssignedNumber = { minute: null, minuteNumber: null, numberSource: 'none' };

export interface AssignedNumber {
  minute: string | null;
  minuteNumber: number | null;
  numberSource: NumberSource | null;
}

/**
 * Numbers every item from what was printed and the running sequence. Printed numbers stand; an
 * anchor fixes its own item; the others are counted from the nearest fixed item before them (or,
 * failing that, after them). With nothing fixed at all, numbers stay null (`none`) rather than invented.
 */
export function assignNumbers(evidence: NumberEvidence[]): AssignedNumber[] {
  const fixed: Array<number | null> = evidence.map((e) =>
    e.unnumbered ? null : (e.printed?.minuteNumber ?? e.anchor),
  );
  // Positions in the running sequence, skipping unnumbered items.
  const seq: number[] = [];
  let position = 0;
  for (const e of evidence) seq.push(e.unnumbered ? -1 : position++);

  return evidence.map((e, i): AssignedNumber => {
    if (e.unnumbered) return NO_NUMBER;
    if (e.printed) return { ...e.printed, numberSource: e.recovered ? 'recovered' : 'printed' };
    if (e.anchor !== null) return { minute: String(e.anchor), minuteNumber: e.anchor, numberSource: 'recovered' };
    const counted = countFrom(fixed, seq, i);
    return counted === null ? NO_NUMBER : { minute: String(counted), minuteNumber: counted, numberSource: 'recovered' };
  });
}

function countFrom(fixed: Array<number | null>, seq: number[], i: number): number | null {
  const here = seq[i] ?? -1;
  for (let j = i - 1; j >= 0; j--) {
    const n = fixed[j];
    if (n !== null && n !== undefined) return n + (here - (seq[j] ?? 0));
  }
  for (let j = i + 1; j < fixed.length; j++) {
    const n = fixed[j];
    if (n !== null && n !== undefined) {
      const counted = n - ((seq[j] ?? 0) - here);
      return counted > 0 ? counted : null;
    }
  }
  return null;
}

/**
 * The words of ModernGov's link at the end of a cut-short minute, before its item number ("… view
 * the full minutes text for item 77."): read for the number here, dropped as furniture by the parser,
 * and ending items on a page copied without blank lines.
 */
export const FULL_TEXT_LINK_WORDS = String.raw`view the full minutes text for item\s+`;

const FULL_TEXT_LINK_NUMBER = new RegExp(String.raw`${FULL_TEXT_LINK_WORDS}(\d{1,6})`, 'i');

/** The item number of ModernGov's full-text link in `text` (see {@link FULL_TEXT_LINK_WORDS}). */
export function findMinuteAnchor(text: string): number | null {
  const match = FULL_TEXT_LINK_NUMBER.exec(text);
  return match ? Number(match[1]) : null;
}
