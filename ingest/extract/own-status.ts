import type { MeetingRecords, MinuteItem } from '../../src/types.js';

/** How minutes mark themselves unconfirmed: "DRAFT", "subject to approval at the next meeting", "unconfirmed minutes". */
const DRAFT =
  /\bDRAFT\b(?:\s+(?:minutes|MINUTES|UNTIL\s+SIGNED[^.\n]*))?|\bdraft\s+minutes\b|\bminutes\s+(?:are|remain)\s+(?:in\s+)?draft\b|\b(?:published\s+)?subject\s+to\s+(?:approval|confirmation)\s+(?:at|by)\s+(?:the|its)\s+[^.\n)]*|\bunconfirmed\s+minutes\b/i;
/** And as confirmed: "Adopted Minutes", "Approved minutes", "CONFIRMED MINUTES OF THE MEETING". */
const CONFIRMED = /\b(?:adopted|approved|confirmed|signed)\s+(?:council\s+|board\s+)?minutes\b/i;

/** How much of the first item a banner can sit in, before the item's own business. */
const OPENING_CHARS = 400;

/**
 * What minutes say of their own status, read from where it is printed: lead material before the
 * first numbered item and the opening of the first item (a banner or page header). Null when they
 * say nothing; a later meeting's confirmation is the stronger evidence either way.
 */
export function readOwnStatus(
  items: Array<Pick<MinuteItem, 'minute' | 'title' | 'text'>>,
): MeetingRecords['ownStatus'] {
  const firstNumbered = items.findIndex((i) => i.minute !== null);
  const lead = items.slice(0, firstNumbered < 0 ? items.length : firstNumbered).map((i) => `${i.title}\n${i.text}`);
  const first = items[firstNumbered];
  const opening = first ? [`${first.title}\n${first.text.slice(0, OPENING_CHARS)}`] : [];
  for (const text of [...lead, ...opening]) {
    const draft = DRAFT.exec(text);
    if (draft) return { status: 'draft', text: draft[0].trim() };
    const confirmed = CONFIRMED.exec(text);
    if (confirmed) return { status: 'confirmed', text: confirmed[0].trim() };
  }
  return null;
}
