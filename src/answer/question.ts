/**
 * What kind of question this is, read from its wording. Kept to patterns people actually type to
 * a minutes bot; anything unrecognised is treated as a plain question of fact.
 */

const HISTORY_PATTERNS = [
  /\bwhat (?:was|has been|have been|were) (?:said|discussed|reported|raised|heard)\b/i,
  /\bwhat (?:has|have|did) (?:the )?(?:committee|commission|members?|council(?:lors)?|we|they) (?:heard|said|discussed|been told)\b/i,
  /\bover the (?:years|past|last)\b/i,
  /\bwhen (?:did|was|were|have|has) (?:we|they|the committee|members|it)? ?(?:last|first)\b/i,
  /\bwhen was .* (?:last|first) (?:discussed|raised|mentioned)\b/i,
  /\bhistory of\b/i,
  /\bhow (?:has|have) .* (?:changed|developed|progressed)\b/i,
  /\b(?:every|each) time\b/i,
];

/**
 * True for questions that ask how a topic was treated across meetings ("what was said about…",
 * "over the years", "when did we last discuss…"): those are answered meeting by meeting in date
 * order, naming the first and latest mention.
 */
export function isHistoryQuestion(question: string): boolean {
  return HISTORY_PATTERNS.some((pattern) => pattern.test(question));
}

/** Questions whose answer is a figure: prefer sentences that contain one. */
export function asksForFigure(question: string): boolean {
  return /\bhow (?:many|much)\b|\bwhat (?:share|proportion|percentage|number|amount|level)\b|\b(?:rate|cost|budget|figure)s?\b/i.test(
    question,
  );
}

/** Questions about people: prefer sentences that name someone. */
export function asksForPerson(question: string): boolean {
  return /^\s*(?:who|whom)\b/i.test(question);
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * Date phrases a question can carry: "in 2022", "since 2019", "in June 2022", "at the June 2022
 * meeting", "last year", "before 2021", "between 2019 and 2021".
 */
export const DATE_PHRASE = new RegExp(
  [
    `\\bbetween (?:${MONTH} )?(?:19|20)\\d{2} and (?:${MONTH} )?(?:19|20)\\d{2}\\b`,
    `\\b(?:at|in|from) the (?:\\d{1,2} )?${MONTH} (?:19|20)\\d{2} meeting\\b`,
    `\\b(?:in|during|since|after|before|from|until|by|for)? ?(?:(?:\\d{1,2} )?${MONTH} )?(?:19|20)\\d{2}\\b`,
    '\\b(?:in |during )?(?:last|this) (?:year|month|municipal year)\\b',
  ].join('|'),
  'gi',
);

/** The date phrases of a text, as written. */
export function datePhrases(text: string): string[] {
  return [...text.matchAll(DATE_PHRASE)].map((m) => m[0].trim()).filter(Boolean);
}

/** The text with its date phrases removed and the spacing tidied. */
export function withoutDatePhrases(text: string): string {
  return text
    .replace(DATE_PHRASE, ' ')
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
