/**
 * The words minutes record decisions with, shared by the extractors: who decides ("the
 * Committee", "Members") and the markers ("RESOLVED", "AGREED"). Where a sentence ends is
 * src/minutes/sentences.ts's to say.
 */

/** The deciding body as minutes name it in a sentence. */
export const BODY = `(?:Committee|Sub-Committee|Subcommittee|Commission|Council|Board|Panel|Cabinet|Executive|Forum|Authority|Assembly|Partnership|Trust|Governors|Trustees|Members)`;

/** "the Cabinet", "the Scrutiny Commission", "Council", "the Council of Governors": another body, captured. */
export const NAMED_BODY = String.raw`((?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:and|&|of)\s+)?){0,4}(?:Cabinet|Council|Executive|Commission|Committee|Board|Panel|Mayor|Governors|Assembly|Authority|Secretary of State)(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?)`;

/** How a resolution was passed, printed after its marker: "unanimously", "nem. con.", "by 6 votes to 3". */
const MANNER = String.raw`(?:\s+\(?(?:unanimously|nem\.?\s*con\.?|by\s+(?:a\s+)?(?:majority|\w+\s+votes?\s+to\s+\w+(?:,?\s+with\s+\w+\s+abstentions?)?))\)?)?`;
const MARKERS = String.raw`(RESOLVED\s+TO\s+RECOMMEND|RESOLVED|AGREED|DECIDED|RECOMMENDED|DEFERRED)`;

/**
 * A marker heading a paragraph, in any case, followed by a colon or dash or by nothing:
 * "RESOLVED:", "Resolved –", "The Committee agreed:—", "It was RESOLVED:".
 */
export const MARKER_HEADING = new RegExp(
  String.raw`^(?:(?:It\s+was|The\s+(?:[\w-]+\s+){0,3}${BODY})\s+)?(?:unanimously\s+)?${MARKERS}\b(${MANNER})\s*(?:[:—–-]+\s*|$)`,
  'i',
);

/** A marker in capitals opening a paragraph and running into its text: "RESOLVED that…", "AGREED unanimously to…". */
export const MARKER_CAPS = new RegExp(String.raw`^(?:[Ii]t\s+was\s+)?${MARKERS}(${MANNER})\s+(?=\S)`);

/**
 * A marker inside a sentence: "…it was RESOLVED that…", "…and it was resolved to…", "The Parish
 * Council resolved to…", "The Board APPROVED…". Lower-case verbs need "that" or "to" after them.
 */
export const MARKER_INLINE = new RegExp(
  [
    String.raw`\b(?:[Ii]t\s+was|and|was|[Mm]embers)\s+(?:then\s+|therefore\s+|subsequently\s+|duly\s+|also\s+)?(?:unanimously\s+)?(RESOLVED|AGREED|DECIDED|resolved|agreed|decided)(?:\s+by\s+[^,.;]{1,40}?)?\s+(?:that|to)\b`,
    String.raw`\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}${BODY}\s+(?:unanimously\s+)?(resolved|agreed|decided)(?:\s+(?:that|to)\b|\s*:)`,
    String.raw`\b[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}${BODY}\s+(?:unanimously\s+)?(RESOLVED|AGREED|DECIDED|APPROVED|NOTED|ENDORSED|RATIFIED|RECEIVED)\b(?:\s+(?:that|to)\b)?`,
  ].join('|'),
  'g',
);
