import type { NumberSource } from '../../src/types.js';

/** A minute number as printed, with the running integer inside it. */
export interface MinuteNumber {
  minute: string;
  minuteNumber: number | null;
}

/**
 * The printed forms councils use for minute numbers: "54", "54.", "C61/24", "77/21", "5.2", "12a",
 * "Minute 12", "Item 5". The group captures the number without its label or trailing dot.
 */
export const MINUTE_TOKEN = String.raw`(?:(?:Minute|Item|Min\.?)\s+)?([A-Z]{1,3}\s?\d{1,4}(?:\/\d{2,4})?|\d{1,4}(?:\/\d{2,4}|\.\d{1,2}|\([a-z]\)|[a-z])?)`;

const TOKEN_ONLY = new RegExp(String.raw`^${MINUTE_TOKEN}\.?$`);

/** Reads a printed minute number token; null when the string is not one. */
export function readMinuteToken(raw: string): MinuteNumber | null {
  const match = TOKEN_ONLY.exec(raw.trim());
  const minute = match?.[1]?.replace(/\s+/g, '');
  if (!minute) return null;
  const integer = /\d+/.exec(minute);
  return { minute, minuteNumber: integer ? Number(integer[0]) : null };
}

/** Where an item's number comes from before recovery. */
export interface NumberEvidence {
  /** Printed at the item itself (heading or number line). */
  printed: MinuteNumber | null;
  /** Named by a link or reference inside the item ("view the full minutes text for item 77"). */
  anchor: number | null;
  /** Items that never take part in the numbering (a webcast notice before the first item). */
  unnumbered: boolean;
}

export interface AssignedNumber {
  minute: string | null;
  minuteNumber: number | null;
  numberSource: NumberSource | null;
}

/**
 * Numbers every item from what was printed and the running sequence. Printed numbers stand; an
 * anchor fixes its own item; the others are counted from the nearest fixed item before them (or,
 * failing that, after them). With nothing fixed at all, numbers stay null rather than invented.
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
    if (e.unnumbered) return { minute: null, minuteNumber: null, numberSource: null };
    if (e.printed) return { ...e.printed, numberSource: 'printed' };
    if (e.anchor !== null) return { minute: String(e.anchor), minuteNumber: e.anchor, numberSource: 'recovered' };
    const counted = countFrom(fixed, seq, i);
    return counted === null
      ? { minute: null, minuteNumber: null, numberSource: null }
      : { minute: String(counted), minuteNumber: counted, numberSource: 'recovered' };
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

/** "… view the full minutes text for item 77." — ModernGov's link at the end of a cut-short minute. */
export function findMinuteAnchor(text: string): number | null {
  const match = /view the full minutes text for item\s+(\d{1,4})/i.exec(text);
  return match ? Number(match[1]) : null;
}
