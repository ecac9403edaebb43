import { formatLongDate, isIsoDate } from '../dates.js';
import type { Meeting, MinuteItem } from '../types.js';

/**
 * The line that places a passage: committee, council, meeting date and minute number. The index
 * stores it with every passage and searches it by keyword ("Cabinet", "June 2022", "minute 76"); the
 * ingest pipeline may prepend it to the text it embeds so both halves see the same context.
 */
export function passageHeader(
  meeting: Pick<Meeting, 'council' | 'committee' | 'date'>,
  item: Pick<MinuteItem, 'minute'>,
): string {
  const parts = [
    meeting.committee,
    meeting.council,
    longDate(meeting.date),
    item.minute ? `Minute ${item.minute}` : null,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/** "2022-06-12" as "12 June 2022", which is how people type dates into questions. */
function longDate(date: string | null): string | null {
  return date && isIsoDate(date) ? formatLongDate(date) : date;
}
