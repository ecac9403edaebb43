/**
 * The words minutes record decisions with, shared by the extractors: who decides ("the
 * Committee", "Members"), the markers ("RESOLVED", "AGREED"), and where a clause ends.
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

/** Where the clause that starts at `from` ends: the first full stop that ends a sentence, or the end. */
export function clauseEnd(text: string, from: number): number {
  const boundary = /[.!?](?=\s+(?:[“"‘(]?\p{Lu}|\p{N})|\s*$)/gu;
  boundary.lastIndex = from;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    // A full stop after a title or an initial ("Mrs.", "H.") does not end the sentence.
    const before = text.slice(Math.max(from, match.index - 6), match.index);
    if (/(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|No|St|Prof|Rev)|\b\p{Lu})$/u.test(before)) continue;
    return match.index + 1;
  }
  return text.length;
}

/** The sentences of a paragraph, split where {@link clauseEnd} says a sentence ends. */
export function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  while (start < paragraph.length) {
    const end = clauseEnd(paragraph, start);
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  return sentences;
}
