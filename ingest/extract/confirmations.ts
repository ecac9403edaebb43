import { findDates, type NumericOrder } from '../../src/dates.js';
import { splitSentences } from '../../src/minutes/sentences.js';
import type { Confirmation, Meeting, MinuteItem, RecordAnchor } from '../../src/types.js';
import { anchorOf, itemParagraphs, tidy } from './paragraphs.js';

/** A sentence about minutes as a record, not "filed with these minutes" or "view the full minutes text". */
const ABOUT_MINUTES = /\bminutes\b(?!\s+text)|\bminute\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?meeting\b/i;
const NOT_A_RECORD =
  /\b(?:filed\s+with|attached\s+to|appended\s+to)\s+these\s+minutes\b|\bminutes\s+(?:of\s+)?silence\b|\d+\s+minutes\b|\bdraft\s+minutes\b|\bsubject\s+to\s+(?:approval|confirmation)\s+(?:at|by)\s+(?:the|its)\b/i;

/** What makes minutes a confirmed record. */
const CONFIRMING =
  /\b(?:confirm(?:ed)?|approv(?:ed|e|al)|agreed|adopted?|accept(?:ed)?|sign(?:ed)?|taken\s+as\s+read|(?:correct|true|accurate)\s+(?:and\s+\w+\s+)?record)\b/i;
/** What leaves them unconfirmed. */
const NOT_CONFIRMING =
  /\b(?:deferred|laid\s+over|postponed|withdrawn|not\s+(?:be\s+)?(?:confirmed|approved|agreed|signed|adopted)|not\s+(?:comprise\s+|a\s+)?(?:an?\s+)?(?:correct|true|accurate)\s+record)\b/i;

/** "previous meeting", "last meeting": a confirmation that names no date. */
const PREVIOUS = /\b(?:previous|last|preceding)\s+(?:\w+\s+)?meeting\b/i;

/** "of the Planning Committee held on", "of the meeting of the Children … Commission held on". */
const WHOSE =
  /\bminutes?\s+of\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?|meetings\s+of\s+(?:the\s+)?)?((?:\p{Lu}[\p{L}'’,-]*\s+(?:and\s+|of\s+|for\s+)?){0,8}(?:Committee|Commission|Council|Board|Panel|Cabinet|Sub-Committee|Forum|Authority))\b/u;

export interface ConfirmationOptions {
  /** How to read numeric dates ("9/10/90"); see `numericOrderOf`. */
  numericOrder?: NumericOrder;
}

/**
 * Every confirmation of earlier minutes, one per item: "The minutes of the meeting held on 3 March
 * 2020 were taken as read, confirmed and signed", "That the minutes of … 8th April 2025 and 22nd
 * May 2025 be confirmed as a correct record", "Proposed as a true record … and unanimously
 * approved" (the date in the item's title), "approve the minutes of the February 19, 2019 regular
 * meeting". Dates after this meeting's own are never taken (they are the next meeting's).
 */
export function extractConfirmations(
  meeting: Pick<Meeting, 'items' | 'date'>,
  options: ConfirmationOptions = {},
): Confirmation[] {
  return meeting.items.flatMap((item, index) => {
    const found = confirmationOfItem(item, anchorOf(item, index), meeting.date, options);
    return found ? [found] : [];
  });
}

/** The confirmation an item records, if it records one. */
export function confirmationOfItem(
  item: Pick<MinuteItem, 'text' | 'title'>,
  at: RecordAnchor,
  meetingDate: string | null,
  options: ConfirmationOptions = {},
): Confirmation | null {
  const sentences = itemParagraphs(item)
    .flatMap(splitSentences)
    .filter((s) => ABOUT_MINUTES.test(s) && !NOT_A_RECORD.test(s) && (CONFIRMING.test(s) || NOT_CONFIRMING.test(s)));
  // A sentence about minutes that only proposes them ("Proposed as a true record by…") still
  // needs a date: from itself, or the item's title ("Minutes of the meeting held 2nd April 2024").
  const titleAboutMinutes = /\bminutes\b/i.test(item.title);
  const candidates = sentences.length > 0 ? sentences : titleAboutMinutes ? confirmingWithoutTheWord(item) : [];
  const sentence = candidates[0];
  if (!sentence) return null;
  const earlier = (text: string) =>
    findDates(text, { months: false, ...(options.numericOrder ? { numericOrder: options.numericOrder } : {}) })
      .map((d) => d.iso)
      .filter((iso) => meetingDate === null || iso < meetingDate);
  let meetingDates = [...new Set(candidates.flatMap(earlier))];
  // The title, in full: a long one is shortened ("…held on 15th…") and printed whole as the text's first sentence.
  const heading = `${item.title} ${splitSentences(item.text)[0] ?? ''}`;
  if (meetingDates.length === 0 && !PREVIOUS.test(sentence)) meetingDates = [...new Set(earlier(heading))];
  const subjectTo = /\b(?:subject\s+to|as\s+amended(?:\s+to)?)\s+(.+?)(?:[.;]|$)/i.exec(candidates.join(' '))?.[1];
  return {
    at,
    meetingDates: meetingDates.sort(),
    committee: WHOSE.exec(sentence)?.[1]?.replace(/\s+/g, ' ').trim() ?? null,
    outcome:
      candidates.some((s) => NOT_CONFIRMING.test(s)) && !candidates.some(confirmsOutright)
        ? 'not_confirmed'
        : 'confirmed',
    subjectTo: subjectTo ? tidy(subjectTo) : null,
    text: tidy(sentence),
  };
}

/** "It was resolved that the Chairman sign these as a correct record", under a "Minutes of…" title. */
function confirmingWithoutTheWord(item: Pick<MinuteItem, 'text'>): string[] {
  return itemParagraphs(item)
    .flatMap(splitSentences)
    .filter(
      (s) => /\b(?:(?:correct|true|accurate)\s+record|approved|confirmed|adopted)\b/i.test(s) && !NOT_A_RECORD.test(s),
    );
}

/** A confirmation that stands even if another sentence mentions a deferral (of something else). */
function confirmsOutright(sentence: string): boolean {
  return CONFIRMING.test(sentence) && !NOT_CONFIRMING.test(sentence);
}
