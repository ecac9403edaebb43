/**
 * What a heading looks like, as opposed to a sentence: the parser's one test for "this line names an
 * item" (a title after a number, a heading above one, a heading that stands in for a number).
 */

import { sentenceEnd } from '../../src/minutes/sentences.js';
import { officeOf } from '../../src/people/offices.js';

/** Verbs that make a line a sentence rather than a title ("Questions asked by members…" stays a title). */
export const FINITE_VERB =
  /\b(?:is|are|was|were|be|been|being|will|would|shall|should|can|could|may|might|must|has|have|had|did|does|do|reported|received|considered|noted|agreed|made|raised|explained|welcomed|thanked|replied|confirmed|stated)\b/i;

/**
 * "The Board received the Consent Calendar…", "The Board approved…": a subject then its verb (a
 * finite one, or any lower-case past tense) is a sentence, not a title.
 */
export const NARRATIVE_START = new RegExp(
  String.raw`^(?:The|A|An|It|This|After|Following)\b(?:\s+\S+){0,4}?\s+(?:${FINITE_VERB.source.replace(/^\\b/, '')}|\p{Ll}+ed\b)`,
  'u',
);

/** A lower-case past tense straight before the thing done: "led the Pledge", "presented a report". */
const PAST_WITH_OBJECT =
  /\b(?:\p{Ll}+ed|led|read|met|spoke|left|sent|told|gave|took|made|brought|won|lost|set)\s+(?:the|a|an|his|her|their|its|this|that)\b/u;

/** More verbs that only sentences use, for lines with no layout around them to go by. */
const SENTENCE_VERB =
  /\b(?:declared|attended|resolved|advised|informed|seconded|carried|requested|expressed|said|gave|took)\b/i;

/**
 * "14 RESOLUTION", "7 Decision": a resolution's own number before the word, on a line of its own
 * (councils that number resolutions apart from items). It labels the decision inside an item.
 */
export const RESOLUTION_LABEL =
  /^(?:\d{1,5}\s+)?(?:council |committee |board )?(?:resolutions?|resolved|decisions?|motions?|recommendations?)\s*[.:]?$/i;

/**
 * A motion's outcome on a line of its own ("CARRIED", "CARRIED 6/0", "Lost", "MOTION CARRIED
 * UNANIMOUSLY"), often set right under a resolution: never a title.
 */
export const OUTCOME_LINE =
  /^(?:(?:the\s+)?motion\s+(?:was\s+)?)?(?:carried|lost|defeated|passed|failed|fell)(?:\s+(?:unanimously|by\s+(?:a\s+)?majority|on\s+division|\(?\d{1,3}\s*[-/–:]\s*\d{1,3}\)?))*\s*\.?$/i;

/** A passive verb in capitals ("WAS CARRIED", "WERE RECEIVED"): minutes' narrative, never a title. */
const CAPITALS_SENTENCE = /\b(?:WAS|WERE)\s+(?:\p{Lu}+ED|CARRIED|LOST|PUT|TAKEN|HELD|MADE|GIVEN)\b/u;

/** "PDF 229 KB" links that ModernGov leaves at the end of a heading. */
export const PDF_LINK = /(?:pdf icon\s*)?PDF \d+(?:\.\d+)? ?[KM]B$/i;

/** Headings every kind of minutes uses, read as headings even in mixed case and without numbers. */
const STANDARD_HEADING =
  /^(?:call to order|roll call|pledge of allegiance|invocation|approval of (?:the )?(?:agenda|minutes)|adoption of (?:the )?(?:agenda|minutes)|consent (?:agenda|calendar)|public (?:comments?|hearings?|participation|forum|questions|session)|citizen comments|adjournment|adjourn|old business|new business|unfinished business|reports?|apologies(?: for absence)?|declarations? of (?:interests?|pecuniary interest)|disclosures? of (?:pecuniary )?interests?|matters arising(?: from the minutes)?|minutes(?: of (?:the )?(?:previous|last) meeting)?|confirmation of (?:the )?(?:previous )?minutes|any other (?:competent )?business|aocb|aob|date (?:and venue )?of (?:the )?next meeting|next meeting|treasurer'?s report|finance|correspondence|planning(?: applications)?|chair(?:man|person)?'?s (?:report|remarks|announcements)|clerk'?s report|closed session|executive session|in[- ]camera session|announcements|presentations?|recognitions?|communications|ordinances?|resolutions?|action items?|discussion items?|information items?|staff reports?|council (?:comments|reports)|mayor'?s (?:report|comments)|sederunt|welcome(?: and apologies)?|closure|close of (?:the )?meeting|ymddiheuriadau|datganiadau o fuddiant|cofnodion|unrhyw fater arall)$/i;

/**
 * Standard headings of the business boards take after their numbered agenda: a closed session, public
 * comment, the next meeting's date, the adjournment. Not "RESOLUTIONS" or "REPORTS", which head parts
 * of an item as often as business of their own.
 */
const CLOSING_HEADING =
  /^(?:adjournment|adjourn|closure|close of (?:the )?meeting|executive session|closed session|in[- ]camera session|public (?:comments?|participation|forum|session)|citizen comments|announcements|council comments|mayor'?s (?:report|comments)|(?:date (?:and venue )?of (?:the )?)?next meeting|any other (?:competent )?business|aocb|aob)$/i;

/** Whether a line is a standard heading of business taken after the numbered agenda ({@link CLOSING_HEADING}). */
export function isClosingHeading(text: string): boolean {
  return CLOSING_HEADING.test(text.trim().replace(/[.:;\s]+$/, ''));
}

/** The words that open an attendance list: "PRESENT", "Present:", "Members present", "Roll Call", "Sederunt". */
export const ATTENDANCE_START =
  /^(?:present|those (?:present|attending)|attendance|in attendance|attendees|roll call|sederunt|presennol)\b|^(?:(?!(?:was|were|is|are|not)\s)[\p{L}’'-]+\s+){1,3}present\s*(?::|$)/iu;

/**
 * A heading over who attended, not over business: "OFFICIALS IN ATTENDANCE:", "STAFF:", "APOLOGIES:",
 * and a heading that is only the chair's office ("CHAIR:", "CATHAOIRLEACH:"), over who presided.
 */
export function isRosterHeading(title: string): boolean {
  const text = title.trim().replace(/[:.\s]+$/, '');
  return (
    ATTENDANCE_START.test(text) ||
    /\b(?:present|attendance|attending|apologies|absent|officers|officials|staff)\b/i.test(text) ||
    officeOf(text) === 'chair'
  );
}

/** Whether most of a line's letters are capitals: "DECLARATIONS OF INTEREST", "CALL TO ORDER". */
export function isMostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.8;
}

/** A heading every kind of minutes uses ("Call to Order", "Apologies", "Consent Agenda"), with or without a colon. */
export function isStandardHeading(text: string): boolean {
  return STANDARD_HEADING.test(text.trim().replace(/[.:;\s]+$/, ''));
}

/**
 * Whether `text` reads as a title: short, starting with a capital, and either set in capitals, a
 * standard heading, or free of the verbs that make a sentence ("The committee noted the report." is
 * a sentence; "Questions asked by members under Standing Order 7(3)." is a title).
 */
export function isHeadingText(text: string): boolean {
  const t = text.trim().replace(PDF_LINK, '').trim();
  if (!t || t.length > 160 || !/\p{L}{2}/u.test(t)) return false;
  if (t.split(/\s+/).length > 20) return false;
  if (!/^[\p{Lu}0-9‘'"“(]/u.test(t)) return false;
  if (isStandardHeading(t)) return true;
  if (RESOLUTION_LABEL.test(t) || OUTCOME_LINE.test(t)) return false;
  // "THE MOTION WAS CARRIED", "A MOTION WAS MOVED BY…": a sentence set in capitals, not a title.
  if (isMostlyUpper(t)) return !/[.!?]\s+\p{Lu}\p{Ll}/u.test(t) && !CAPITALS_SENTENCE.test(t);
  if (/^That\b/.test(t) || NARRATIVE_START.test(t)) return false;
  // "To see if the Town will vote to repair the culvert", "To receive the accounts": a motion or a
  // warrant article, worded as what is to be done, whatever verbs its clause has ("To date, …" is prose).
  if (/^To\s+\p{Ll}+\s+(?!,)/u.test(t) && !/[.!?]\s+\S/.test(t)) return true;
  // "Chair Kittle led the Pledge of Allegiance.": a past tense with its object, closed by a full stop
  // ("Questions asked by members under Standing Order 7(3)." and "…meeting held on 4 May." go on).
  if (/\.$/.test(t) && PAST_WITH_OBJECT.test(t)) return false;
  // "Meeting closed 9.20pm.", "Motion carried.": a noun and its past tense in a few words closed by
  // a full stop (a title that long, "Questions asked by members under Standing Order 7(3).", goes on).
  if (/^\p{Lu}\p{Ll}+\s+\p{Ll}+ed\b.*[^.]\.$/u.test(t) && t.split(/\s+/).length <= 5) return false;
  // A title has one sentence at most; "Title. More words" is a title and its text.
  if (/[.!?]\s+\S/.test(t.replace(/\b(?:Mr|Mrs|Ms|Dr|Cllr|No|St)\.\s/g, ''))) return false;
  // "…minutes of the May 15, 2025 meeting": the month, not the verb.
  const words = t.replace(/[.:]$/, '').replace(/\bMay(?=\s+\d)|(?<=\d(?:st|nd|rd|th)?\s+)May\b/g, '');
  return !FINITE_VERB.test(words) && !SENTENCE_VERB.test(words);
}

/**
 * Splits a line that begins with an item's title and runs on into its text: "CALL TO ORDER: The
 * meeting was called to order…", "Co-option – Two residents were…", "Apologies. Councillors A and B
 * sent…", "INTRODUCTION AND WELCOME A welcome was extended…". Returns a null title when the line is
 * prose from its first word.
 */
export function splitTitle(line: string): { title: string | null; body: string } {
  const text = line.trim();
  if (!text) return { title: null, body: '' };
  // "CALL TO ORDER: The meeting…", "Co-option – Two residents were…": a short title, then a sentence.
  const separators: Array<[RegExp, 'colon' | 'dash']> = [
    [/^(.{2,80}?):\s+(\S.*)$/, 'colon'],
    [/^(.{2,80}?)\s+[-–—]\s+(\S.*)$/, 'dash'],
  ];
  for (const [separator, kind] of separators) {
    const match = separator.exec(text);
    const head = match?.[1]?.trim() ?? '';
    const body = match?.[2] ?? '';
    // …unless the whole line is itself a title ("Progress Report: Ofsted Recommendations"), which a
    // list of who attended never is ("Present: Dilys Rowe (DR), Elen Hughes (EH)").
    const titleFirst =
      !isHeadingText(text) ||
      isStandardHeading(head) ||
      ATTENDANCE_START.test(head) ||
      (isMostlyUpper(head) && !isMostlyUpper(body));
    // "Public Hearing - Conditional Use Permit CUP-25-03, Sunflower Ridge Solar": after a dash, words
    // in title case that end no sentence name what the heading is about; the line is the title. Not
    // after a heading over people ("Apologies – Cllr Ross", "Declarations – Cllr Hale"): names.
    // So after a label's colon ("Report: Heavy Vehicle Bypass - Ridley Road Upgrade").
    const namesItsSubject =
      (kind === 'dash' || !ATTENDANCE_START.test(head)) &&
      !isRosterHeading(head) &&
      !/^(?:declarations?|disclosures?)\b/i.test(head) &&
      !/[.!?:;]$/.test(body) &&
      isTitleCase(body);
    // "Minutes of the meeting held on 9 April - approved and signed.", "Correspondence - list
    // circulated; noted.": a one-line item, its heading, then what became of it, closed as a
    // sentence, in words that name no subject (any case). A heading's subtitle ends no sentence.
    const saysWhatBecameOfIt =
      kind === 'dash' && !isTitleCase(body) && /^(?:\p{Lu}?\p{Ll})/u.test(body) && /[.;]$/.test(body);
    if (
      match &&
      (titleFirst || saysWhatBecameOfIt) &&
      !namesItsSubject &&
      head.split(/\s+/).length <= (saysWhatBecameOfIt ? 10 : 6) &&
      isHeadingText(head) &&
      (saysWhatBecameOfIt || /^(?:\p{Lu}\p{Ll}|\p{Lu}\s|Cllr)/u.test(body))
    ) {
      return { title: head, body };
    }
  }
  // "Disclosure of Interests None.": a title, then the word minutes use for nothing to report.
  const nothing = /^(.{2,80}?)\s+((?:None|Nil)(?:\s+(?:received|declared|reported))?\.?)$/.exec(text);
  if (nothing && isHeadingText(nothing[1] ?? '')) return { title: nothing[1] ?? '', body: nothing[2] ?? '' };
  const caps = capitalRun(text);
  if (caps) return caps;
  if (isHeadingText(text)) return { title: text, body: '' };
  // "ADOPTED RESOLUTION NO. 141-2024 setting…": the sentence splitter knows "No." ends no sentence.
  const end = sentenceEnd(text);
  const head = text.slice(0, end - 1).trim();
  const body = text.slice(end).trim();
  if (text[end - 1] === '.' && body && head.length >= 4 && head.split(/\s+/).length <= 16 && isHeadingText(head))
    return { title: head, body };
  return { title: null, body: text };
}

/** "INTRODUCTION AND WELCOME A welcome was extended…": the capitals are the title. */
export function capitalRun(text: string): { title: string; body: string } | null {
  const words = text.split(/\s+/);
  let end = 0;
  while (end < words.length && isCapitalWord(words[end] ?? '')) end++;
  // "… WELCOME A welcome": a lone "A" or "I" before a lower-case word starts the sentence.
  if (end > 0 && end < words.length && /^[AI]$/.test(words[end - 1] ?? '') && /^\p{Ll}/u.test(words[end] ?? '')) end--;
  const title = words.slice(0, end).join(' ');
  if (end === 0 || end === words.length || title.replace(/[^\p{L}]/gu, '').length < 4) return null;
  if (!/^\p{Lu}/u.test(words[end] ?? '')) return null;
  // "LANGMOOR - 20060770 - Conversion of barns…": capitals that stop at a dash are a title's first
  // part, not all of it; the line is the title.
  if (/[-–—/]$/.test(title)) return isHeadingText(text) ? { title: text, body: '' } : null;
  const rest = words.slice(end);
  // "KDOT Bridge Inspection Agreement": one word in capitals opening words in title case is an
  // acronym in the title, not a title of its own ("APOLOGIES Cllr Ross" is one: a standard heading).
  if (end === 1 && !isStandardHeading(title) && rest.every(isTitleWord) && !/[.!?:;]$/.test(text)) {
    return { title: text, body: '' };
  }
  return { title, body: rest.join(' ') };
}

/**
 * A word of a title or a body's name in title case: a capital or a figure first, or a small joining
 * word ("Health and Wellbeing Board", "Report of the Director").
 */
export function isTitleWord(word: string): boolean {
  return /^[\p{Lu}\d(&–—-]/u.test(word) || /^(?:of|and|or|for|from|by|the|to|in|on|at|with|a|an)$/.test(word);
}

/** Whether every word of a text is a title word ({@link isTitleWord}): "Grants from the Village Fund". */
export function isTitleCase(text: string): boolean {
  return text.trim().split(/\s+/).every(isTitleWord);
}

/**
 * A word of a title in capitals: capital letters ("APOLOGIES", "O" in "DATGANIAD O GYFRIFON"),
 * or figures and joining marks ("2019/20", "&", "–").
 */
function isCapitalWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return /^[\d&/–—-]+[.,:;)]?$/.test(word);
  return letters === letters.toUpperCase();
}
