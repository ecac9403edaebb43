/**
 * What kind of answer a question wants, read from its wording: a history across meetings ("what has
 * been said about…"), or one particular thing — a cost, a number, a date, a closure, a vote, a
 * decision, a person. The one place that reads this; the retriever, the answer and the "not in the
 * minutes" decision all ask here.
 */

/** The particular thing a question asks for, beyond its topic. */
export type Facet = 'money' | 'count' | 'share' | 'amount' | 'duration' | 'date' | 'closure' | 'vote' | 'person';

/** Wordings that ask how a topic was treated across meetings, direct and indirect. */
const HISTORY_PATTERNS = [
  /\bwhat(?:'s| has| have| had| was| were| is being)(?: been)? (?:said|discussed|raised|reported|heard|mentioned|debated|talked about)\b/i,
  /\bwhat (?:has|have|had|did) (?:the \w+|members?|councillors|we|they|it|officers) (?:heard|said|discussed|been told|talked about|raised)\b/i,
  /\bwhat (?:the \w+|members?|councillors|we|they|officers) (?:has|have|had) (?:heard|said|discussed|been told|talked about|raised)\b/i,
  /\bover (?:the )?(?:years|time|past|last few)\b/i,
  /\bhistory of\b/i,
  // "When did we last discuss…", "when did cttee last talk about…"; not "when did the Families First programme start".
  /\bwhen (?:did|was|were|have|has) (?:we|they|(?:the )?\w+|members|it)? ?(?:last|first) (?:discuss|talk|hear|consider|raise|mention|look at|debate|cover|review|see)/i,
  /\bwhen (?:was|were|did) .* (?:last|first) (?:discussed|raised|mentioned|considered|talked about)\b/i,
  /\b(?:first|last) (?:discussed|raised|mentioned|considered|talked about)\b/i,
  /\bhow (?:often|many times)\b/i,
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

const MONEY_WORDS =
  'cost|costs|costing|spend|spent|spending|budget|budgets|fund|funded|funding|money|pay|paid|price|worth|save|saved|saving|savings|receive|received|get|got|bid|grant|grants|overspend|overspent|underspend|deficit|gap|award|awarded|charge|charged|fee|fees|allocate|allocated|income|raise';

/** The wordings of each facet. Order matters only for reading; a question may ask for several. */
const FACETS: Array<[Facet, RegExp]> = [
  [
    'share',
    /\bwhat (?:share|proportion|percentage|per ?cent|fraction)\b|\bwhat %|\b(?:share|proportion|percentage) of\b|%\s+of\b/i,
  ],
  [
    'money',
    new RegExp(
      String.raw`\b(?:how much|how big|by how much)\b.*\b(?:${MONEY_WORDS})\b|\bwhat (?:did|does|will|would) .*\bcost\b|\bwhat (?:is|was|were|are|will be) the (?:\w+ ){0,3}(?:cost|budget|price|spend|deficit|overspend|funding|amount|value)\b|\b(?:cost|budget|spend|price)s?\s*\??$`,
      'i',
    ),
  ],
  [
    'count',
    /\bhow many\b(?! times)|^\s*(?:what (?:is|was|were|are) )?(?:the )?number of\b|\bhow big (?:is|was) the (?:backlog|cohort|caseload)\b/i,
  ],
  ['duration', /\bhow long\b|\bhow much notice\b/i],
  ['amount', /\b(?:how much|how big|by how much|how far)\b/i],
  ['closure', /\b(?:close|closed|closes|closing|closure|closures|shut|shuts|shutting|shutdown)\b(?! to\b)/i],
  ['vote', /\b(?:vote|voted|votes|voting|unanimous|unanimously|abstain|abstained|abstention)\b/i],
  ['person', /^\s*(?:who|whom|whose)\b/i],
];

/** Verbs whose date is the meeting's own: "when was X discussed" is answered by the meeting. */
const MEETING_VERBS =
  /\b(?:discuss|discussed|raised|considered|mentioned|reported|talked|debated|heard|noted|on the agenda)\b/i;
const DATE_QUESTION =
  /^\s*(?:when|by when|until when|on what date|what date|what day)\b|\bwhen (?:will|did|was|were|is|are|does|do|has|have|had|would|should)\b|\bwhen(?:\s+\w+)?\s*\?*\s*$|\bdeadline\b/i;

/**
 * The particular things a question asks for, in a stable order. A generic "how much" is an amount
 * only when it names no money word; a date is asked for only when the date is not the meeting's own.
 */
export function askedFacets(question: string, history: boolean): Facet[] {
  const facets = FACETS.filter(([, pattern]) => pattern.test(question)).map(([facet]) => facet);
  const wanted = new Set(facets);
  if (wanted.has('money') || wanted.has('share') || wanted.has('duration')) wanted.delete('amount');
  if (!history && DATE_QUESTION.test(question) && !MEETING_VERBS.test(question)) wanted.add('date');
  return [...wanted];
}

/**
 * The words a "how many" question counts ("how many looked after children" -> looked, after,
 * children): a number in the minutes answers it only when it counts one of them.
 */
export function countedWords(question: string): string[] {
  const match = /\b(?:how many|number of)\s+((?:[\p{L}\p{N}'’-]+\s*){1,4})/iu.exec(question);
  return match
    ? ((match[1] ?? '')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
        ?.slice(0, 4) ?? [])
    : [];
}

/**
 * Questions about when meetings are ("when is the next meeting?", "the meeting after 2 June
 * 2020"): "meeting" is then what the question is about, not the word every question shares.
 */
export function asksForMeetingDates(question: string): boolean {
  return /\b(?:next|following|upcoming|future|subsequent) (?:committee |commission )?meetings?\b|\bmeetings? (?:after|following|before)\b|\b(?:dates?|schedule|timetable) (?:of|for) (?:the )?(?:next |future )?meetings?\b|\bmeeting dates?\b/i.test(
    question,
  );
}
