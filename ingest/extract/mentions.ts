import { findTitledNames } from '../../src/people/names.js';
import type { Meeting, PersonMention } from '../../src/types.js';
import { anchorOf } from './paragraphs.js';

/**
 * Every titled name each item prints ("Councillor Moore", "Mr Ould CC"), once per item: what
 * "what has Cllr X said about Y?" looks through.
 */
export function extractMentions(meeting: Pick<Meeting, 'items'>): PersonMention[] {
  return meeting.items.flatMap((item, index) => {
    const names = [...findTitledNames(item.title), ...findTitledNames(item.text)].map((n) => n.name);
    return [...new Set(names)].map((name) => ({ at: anchorOf(item, index), name }));
  });
}
