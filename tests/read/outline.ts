import type { Meeting } from '../../src/types.js';

/** What every format must agree on: the items, their minute numbers and titles, in order. */
export function outline(
  meeting: Meeting,
): Array<{ minute: string | null; minuteNumber: number | null; title: string }> {
  return meeting.items.map((item) => ({ minute: item.minute, minuteNumber: item.minuteNumber, title: item.title }));
}

/** An item's words, for comparing text that went through different layouts. */
export function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
