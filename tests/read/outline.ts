import type { Meeting, MinuteItem } from '../../src/types.js';

/**
 * The business items of a meeting: what every format of the same minutes must agree on. The lead,
 * attendance and closing text a text or PDF reader keeps around them (so that nothing is lost) is not
 * in a structured source such as ModernGov's web service, so formats are compared without it.
 */
export function business(meeting: Meeting): MinuteItem[] {
  return meeting.items.filter((item) => (item.kind ?? 'item') === 'item');
}

/** What every format must agree on: the business items, their minute numbers and titles, in order. */
export function outline(
  meeting: Meeting,
): Array<{ minute: string | null; minuteNumber: number | null; title: string }> {
  return business(meeting).map((item) => ({ minute: item.minute, minuteNumber: item.minuteNumber, title: item.title }));
}

/** An item's words, for comparing text that went through different layouts. */
export function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
