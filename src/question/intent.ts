import { MONTH_NAME } from '../dates.js';
import { isStopword } from './stopwords.js';
import { namesSomeone } from './wordnet.js';

/**
 * What kind of answer a question wants, read from its wording: a history across meetings ("what has
 * been said about…"), or one particular thing — a cost, a number, a date, a closure, a vote, a
 * decision, a person. The one place that reads this; the retriever, the answer and the "not in the
 * minutes" decision all ask here.
 */

/** The particular thing a question asks for, beyond its topic. */
export type Facet =
  | 'money'
  | 'count'
  | 'share'
  | 'amount'
  | 'duration'
  | 'date'
  | 'closure'
  | 'vote'
  | 'rating'
  | 'person'
  | 'holder'
  | 'named';

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

/**
 * Kinds of sum a question may ask for by name, each in the words minutes give it in: asked for the
 * budget, an overspend is no answer; asked what a scheme saved, its growth is none. A question naming
 * money only generally ("how much", "cost", "spend", "money") asks for no kind.
 */
const SUM_KINDS: readonly string[][] = [
  ['budget', 'budgets', 'budgeted', 'allocation', 'allocations', 'allocated', 'provision', 'envelope'],
  ['saving', 'savings', 'save', 'saved', 'saves', 'efficiency', 'efficiencies', 'reduction', 'reductions'],
  ['deficit', 'deficits', 'overspend', 'overspent', 'overspending', 'shortfall', 'gap', 'pressure', 'pressures'],
  ['surplus', 'surpluses', 'underspend', 'underspent', 'underspending'],
  ['fee', 'fees', 'charge', 'charges', 'charged', 'tariff', 'tariffs', 'fine', 'fines', 'penalty', 'penalties', 'rate'],
  ['grant', 'grants', 'award', 'awarded', 'allocation', 'allocated', 'contribution', 'contributions', 'bid'],
  ['income', 'revenue', 'receipts', 'raised', 'raise', 'raises', 'generated'],
  ['precept', 'precepts', 'band'],
  ['reserve', 'reserves', 'balances'],
  ['rent', 'rents', 'rental', 'lease'],
  ['salary', 'salaries', 'wage', 'wages', 'allowance', 'allowances'],
];

/** Every word of every kind of sum: which kind a sum is, by the nearest of them. */
export const SUM_KIND_WORDS: readonly string[] = SUM_KINDS.flat();

/**
 * The words of each kind of sum the question names (see {@link SUM_KINDS}), all together: a sum in
 * the minutes answers it only beside one of them. Empty when it names money only generally.
 */
export function sumKindsAsked(question: string): string[] {
  // Of a question asking two things ("what was the tender price, and how is the shortfall funded?"),
  // the kind named where the sum is asked for.
  const clauses = question.split(ANOTHER_QUESTION);
  const askingMoney = clauses.filter(asksForMoney);
  const asking = askingMoney.length > 0 && askingMoney.length < clauses.length ? askingMoney.join(' ') : question;
  const words = new Set(asking.toLowerCase().match(/[\p{L}]+/gu) ?? []);
  return [...new Set(SUM_KINDS.filter((kind) => kind.some((word) => words.has(word))).flat())];
}

/** Where a question goes on to ask another thing: ", and how…", "; what…", " and whether…". */
const ANOTHER_QUESTION =
  /,?\s+and\s+(?=(?:how|what|who|whom|whose|when|where|why|which|whether)\b)|[,;]\s*(?=(?:how|what|who|whom|whose|when|where|why|which|whether)\b)/i;

/**
 * Words naming an average of many cases. A figure for one case is no answer to "the average weekly
 * cost" or "how long an assessment takes on average", so the sentence giving it must say one.
 * ("Mean" is heard only in the minutes: a question's "mean" is mostly "what does it mean".)
 */
const AVERAGE_ASKED = ['average', 'averages', 'averaged', 'avg', 'median', 'typical', 'typically'];
export const AVERAGE_SAID: readonly string[] = [...AVERAGE_ASKED, 'mean'];

/** Whether the question asks for an average (see {@link AVERAGE_SAID}). */
export function asksForAverage(question: string): boolean {
  return (question.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => AVERAGE_ASKED.includes(word));
}

/**
 * Which side a question asks about: those "in favour" of something or "against" it. A count or a
 * name given for the other side only ("two residents spoke against") is no answer.
 */
export type Stance = 'for' | 'against';
export const STANCE_SAID: Record<Stance, RegExp> = {
  for: /\b(?:in favou?r|support(?:s|ed|ing|ers?)?|for|yes|ayes?)\b/i,
  against: /\b(?:against|oppos(?:e|es|ed|ing|ition)|object(?:s|ed|ing|ions?|ors?)?|no|noes|nays?)\b/i,
};
/** The stance words a question is read by: narrower than what a sentence may say ("for" is everywhere). */
const STANCE_ASKED: Record<Stance, RegExp> = {
  for: /\b(?:in favou?r|supported|supporting|voted for|spoke for)\b/i,
  against: /\b(?:against|opposed|opposing|objected|objecting|objections?|objectors?|voted no)\b/i,
};

/** The side a question asks about, or null when it names neither or both. */
export function stanceAsked(question: string): Stance | null {
  const asks = (['for', 'against'] as const).filter((stance) => STANCE_ASKED[stance].test(question));
  return asks.length === 1 ? (asks[0] ?? null) : null;
}

/**
 * A question for a level or a total ("the total precept after the rise", "how many in total"): a
 * figure by which something changed ("a rise of £15") does not answer it.
 */
const LEVEL_ASKED =
  /\b(?:total|in all|altogether|after the (?:\w+ )?(?:rise|increase|uplift|change|cut|reduction|decrease))\b/i;

/** Whether the question asks for a level or a total (see {@link LEVEL_ASKED}). */
export function asksForLevel(question: string): boolean {
  return LEVEL_ASKED.test(question);
}

/** Things that are sums of money: "how much funding", "what is the budget", "cost of the lights?". */
const MONEY_NOUNS =
  'cost|costs|costing|spend|spending|budget|budgets|fund|funds|funding|money|price|prices|worth|saving|savings|grant|grants|overspend|underspend|deficit|gap|fee|fees|income|charge|charges|bill|bills|value';
/**
 * Sums named after "how much" or "what" ("how much rent", "what salary"). Not bare asks: a follow
 * of "allotment rents" is a topic, not a question for the rent. Not "what grant", which asks which
 * grant as often as how much.
 */
const SUMS_ASKED_BY_NAME =
  'salary|salaries|wage|wages|rent|rents|stipend|fee|fees|price|prices|allowance|allowances|precept|precepts|budget|budgets|deficit|surplus|arrears|debt|debts';
/** Doings that move money: "how much did it raise", "how much was spent". */
const MONEY_VERBS =
  'spent|pay|paid|save|saved|receive|received|get|got|bid|award|awarded|charged|allocate|allocated|raise|raised|overspent|underspent|funded|cost|budgeted|invested|borrowed|donated|earmarked|owed|owe|reimbursed|refunded';
const MONEY_WORD = new RegExp(String.raw`\b(?:${MONEY_NOUNS}|${MONEY_VERBS})\b`, 'i');
/** "What will pay-and-display charges be?", "what would the new fee be": the sum it is to be. */
const SUM_TO_BE = new RegExp(
  String.raw`\bwhat (?:will|would|is|are|was|were|should) (?:the )?(?:[\w'’-]+ ){0,4}(?:${MONEY_NOUNS}|rates?) be\b`,
  'i',
);
/** Words after "how much" that leave what is measured to the rest of the question ("how much did…"). */
const OPEN_AFTER_HOW_MUCH =
  'did|does|do|is|was|were|are|will|would|has|have|had|can|could|should|might|it|this|that|they|we|the|a|an|of|for|in|on|to';

/**
 * A question for a sum of money. "How much" asks for money when a money noun follows it ("how much
 * funding"), or when what it measures is left open ("how much did…", "how much the lights will
 * cost", "funding - how much?") and the question names money somewhere; "how much notice do we
 * get" measures notice. So do "what is the budget", "what was the Trust's deficit", "what were the
 * Harbour Board's mooring fees", "what would the precept be", "what it cost", "what's it worth" and
 * a bare "cost of the lights?".
 */
function asksForMoney(question: string): boolean {
  const howMuch = /\b(?:how much|how big|by how much)\b\s*([\p{L}%£$]*)/iu.exec(question);
  if (howMuch) {
    const next = (howMuch[1] ?? '').toLowerCase();
    if (new RegExp(`^(?:${MONEY_NOUNS}|${SUMS_ASKED_BY_NAME})$`).test(next)) return true;
    if ((!next || new RegExp(`^(?:${OPEN_AFTER_HOW_MUCH})$`).test(next)) && MONEY_WORD.test(question)) return true;
  }
  if (bareAskEndsOn(question, `${MONEY_NOUNS}|allowance|allowances|allocation|allocations`)) return true;
  if (SUM_TO_BE.test(question)) return true;
  // "What salary will the judge receive", "what rent do traders pay", "what precept did the council
  // set": the sum itself named first.
  if (new RegExp(String.raw`\bwhat (?:${SUMS_ASKED_BY_NAME})\b`, 'i').test(question)) return true;
  return /\bwhat (?:did|does|will|would) .*\bcost\b|\bwhat (?:is |was |were |are |will |would |will be |would be )?(?:the |its |their |our |this |these |(?:[\w-]+ ){0,4}[\w-]+['’]s )(?:(?!(?:on|of|for|in|about|at|to|with|from) )[\w'’]+ ){0,4}(?:cost|budget|price|spend|deficit|surplus|overspend|underspend|funding|amount|value|precept|grant|fee|allowance|reserves|allocation|arrears|debt)s?\b|\bwhat(?:'s|s| is| was| are| were)? (?:\w+ ){0,3}worth\b|^\s*(?:the\s+)?(?:cost|budget|spend|price)s?\b(?:\s+(?:of|for|on)\b)?|\b(?:cost|costs|budget|spend|spent|price|paid|worth)\s*\??$/i.test(
    question,
  );
}

/** Currency as minutes write it before a sum: "£", "$", "€", "₹", "Rs.", "KSh", "US$"… */
export const CURRENCY_SIGN = String.raw`(?:[£$€¥₹₦₱₩₪₵]|\b(?:US|NZ|A|C)\$|\b(?:Rs|INR|KSh|Ksh|KES|USD|EUR|GBP|CAD|AUD|NZD|GHS|ZAR)\.?)`;

/**
 * Words a bare ask may put after what it wants, saying which figure or that it wants the figure:
 * "rehab cost est", "study budget $", "link budget approved", "precept amt", "increase %?",
 * "ceiling KSh?".
 */
const ASK_QUALIFIERS = String.raw`est|estimate|estimated|approved|agreed|proposed|total|amt|amount|figure|%|${CURRENCY_SIGN}`;
/**
 * A period or date a bare ask names after what it wants: "2023", "22/23", "2024/25", "for 24/25",
 * "fy 2024", "31/3/23", "31 march 2023", "march 2023".
 */
const ASK_PERIOD = String.raw`(?:in|for|fy|at|as at|on|as of)?\s*(?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?|\d{2}\s*[/-]\s*\d{2}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${MONTH_NAME})\s+(?:(?:19|20)\d{2}|'?\d{2}))`;
/** What may trail the noun a bare ask wants, taken off one at a time from the end: a qualifier or a period. */
const ASK_TRAILER = new RegExp(String.raw`(?:\s+|^)(?:${ASK_QUALIFIERS}|${ASK_PERIOD})[\s?.!]*$`, 'iu');
/** An aside in brackets at the end, after what is asked: "(not 2025)", "(prev yr)", "(last yr)?". */
const BRACKETED_ASIDE = /\s*\([^()]*\)(?=[\s?.!]*$)/u;

/**
 * A question typed as a bare topic that ends on what it wants ("H2S transport spend 22/23?",
 * "foster carer allowance per week?", "council tax rise 2023?", "arrears at 31/3/23 %? (prev yr)"):
 * with no question word, the noun that closes it, before a rate ("per week"), a period, a date, a
 * qualifier or an aside in brackets, is what is asked.
 */
function bareAskEndsOn(question: string, nouns: string): boolean {
  if (
    /\b(?:what|whats|who|whos|whom|whose|how|why|when|whens|which|where|did|does|do|is|was|were|are|any|anything)\b/i.test(
      question,
    )
  )
    return false;
  const endsOnNoun = new RegExp(String.raw`\b(?:${nouns})(?:\s+(?:per|a|an|each)\s+\w+)?[\s?.!]*$`, 'i');
  // Taken off one at a time: a qualifier may be what is asked itself ("warrants total", "budget total").
  let ask = question.replace(BRACKETED_ASIDE, '');
  for (;;) {
    if (endsOnNoun.test(ask)) return true;
    const trailer = ASK_TRAILER.exec(ask);
    if (!trailer || trailer.index === 0) return false;
    ask = ask.slice(0, trailer.index);
  }
}

/** Changes and totals whose size a bare ask wants: "council tax rise 2023?", "budget 23/24 - total?". */
const FIGURE_NOUNS = 'rise|rises|increase|increases|reduction|reductions|cut|cuts|growth|total|totals';
/** What a figure measures, named as what is asked: "the tax rate", "the expenditure ceiling", "arrears". */
const FIGURE_MEASURES =
  'rate|rates|level|levels|ceiling|ceilings|limit|limits|target|targets|figure|figures|balance|arrears';
/**
 * A figure asked for by what it measures: "what was the residential tax increase", "what expenditure
 * ceiling did the assembly approve", "what is the target". The words between say which figure, not
 * what it is about ("the standing count on the budget" asks for a count).
 */
const FIGURE_ASKED = new RegExp(
  String.raw`\bwhat (?:is |was |were |are |will be |would be )?(?:the |its |their |our |this |these |(?:[\w-]+ ){0,4}[\w-]+['’]s )?(?:(?!(?:on|of|for|in|about|at|to|with|from|did|does|do|will|would|has|have|had) )[\w'’]+ ){0,3}(?:${FIGURE_NOUNS}|${FIGURE_MEASURES})\b`,
  'i',
);

/**
 * Closing something down; not a meeting closed to the public ("closed session", "closed to the
 * press") or an item taken in private.
 */
export const CLOSURE =
  /\b(?:close|closed|closes|closing|closure|closures|shut|shuts|shutting|shutdown)\b(?!\s+(?:to|session|sessions|meeting|meetings|part|item|items|doors|business)\b)/i;

/** The wordings of each facet. Order matters only for reading; a question may ask for several. */
const FACETS: Array<[Facet, (question: string) => boolean]> = [
  [
    'share',
    (q) =>
      /\bwhat (?:share|proportion|percentage|per ?cent|fraction)\b|\bwhat %|\b(?:share|proportion|percentage) of\b|%\s+of\b/i.test(
        q,
      ),
  ],
  ['money', asksForMoney],
  [
    'count',
    (q) =>
      /\bhow many\b(?! times)|^\s*(?:what (?:is|was|were|are) )?(?:the )?number of\b|\bhow big (?:is|was) the (?:backlog|cohort|caseload)\b/i.test(
        q,
      ) || bareAskEndsOn(q, String.raw`(?:number|no\.?) of [\w-]+`),
  ],
  ['duration', (q) => /\bhow long\b|\bhow much notice\b/i.test(q) || bareAskEndsOn(q, 'length|duration')],
  [
    'amount',
    (q) =>
      /\b(?:how much|how big|by how much|how far)\b|\bwhat (?:did|does|do|will|would) (?:[\w'’/-]+ ){1,8}(?:total|come to|amount to|add up to)\b/i.test(
        q,
      ) ||
      bareAskEndsOn(q, `${FIGURE_NOUNS}|${FIGURE_MEASURES}`) ||
      FIGURE_ASKED.test(q),
  ],
  ['closure', (q) => CLOSURE.test(q)],
  ['vote', (q) => /\b(?:vote|voted|votes|voting|unanimous|unanimously|abstain|abstained|abstention)\b/i.test(q)],
  ['rating', (q) => RATING_ASKED.test(q)],
  ['person', (q) => /^\s*(?:who|whom|whose)\b/i.test(q) || bareAskEndsOn(q, 'winner|winners')],
  // "Who is the Independent Chairman…", "who was elected Vice-Chairman": someone by name, not a body.
  ['holder', (q) => HOLDER_ASKED.test(q)],
  // "Which bus company…", "which four schools…": answered by naming them, not by saying there were some.
  ['named', (q) => /^\s*which\b/i.test(q)],
];

/**
 * Whether a "which" question asks for someone, a person or a body ("which teacher resigned", "which
 * two firms bid"): then only a name answers it, not a number ("Year 4") as for "which footpath".
 * `headOf` finds the noun the words after "which" are about; the first word stands in without it.
 */
export function asksForSomeone(question: string, headOf: (words: string[]) => string | null = () => null): boolean {
  const asked = /^\s*which\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?((?:\p{L}+\s*){1,4})/iu.exec(
    question,
  )?.[1];
  const words = asked?.toLowerCase().match(/\p{L}+/gu) ?? [];
  // "Which energy service company" asks for a company: the noun the words are about.
  const noun = headOf(words) ?? words[0];
  return noun !== undefined && namesSomeone(noun);
}

/**
 * An inspection's grade asked for: "what grade did Ofsted give", "how was the home rated", "which
 * rating". Inspectorates (Ofsted, the CQC, HMICFRS) grade what councils run, and minutes often
 * discuss an inspection without its grade.
 */
const RATING_ASKED =
  /\b(?:what|which) (?:\w+ ){0,2}(?:grade|grading|rating|judgement|judgment)\b|\bhow (?:was|were|is|are|did) (?:\w+ ){0,4}(?:rated|graded|judged)\b|\brated (?:as )?what\b/i;

/** Offices people hold, asked for by "who is the …". */
const OFFICES =
  'chair|chairman|chairwoman|chairperson|vice|deputy|mayor|leader|director|manager|clerk|treasurer|secretary|president|head|headteacher|principal|commissioner|officer|councillor|cathaoirleach|convener|convenor|provost|reeve|warden|governor|trustee|superintendent|coordinator|administrator|auditor|inspector|executive|chief';
/** The words of {@link OFFICES}: capitalised in minutes ("the Chief Executive"), they name an office, not someone. */
export const OFFICE_WORDS: readonly string[] = OFFICES.split('|');
/**
 * Asking who holds an office: "who is the clerk", "who was elected Vice-Chairman", "who chairs the
 * board", "who replaced Mr Ould as Lead Member". Not "who objected" or "who runs the scheme",
 * which a body can answer.
 */
const HOLDER_ASKED = new RegExp(
  `\\bwho\\s+(?:(?:(?:is|was|are|were|will be|has been|had been|became|becomes)\\s+)?(?:the\\s+|our\\s+|its\\s+|their\\s+|an?\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:${OFFICES})\\b|(?:is|was|were|has been|got|will be)\\s+(?:elected|appointed|chosen|co-opted|voted in|made)\\b|(?:chairs|chaired|replaced|succeeded|took over from|takes over from|heads|headed)\\b)`,
  'i',
);

/**
 * The offices a "who holds it" question names ("who was elected vice-chairman" -> vice, chairman):
 * a name answers it only beside those offices, not beside the chair's when the vice-chair's is asked.
 */
export function officesAsked(question: string): string[] {
  if (!HOLDER_ASKED.test(question)) return [];
  return question.toLowerCase().match(new RegExp(`\\b(?:${OFFICES})\\b`, 'g')) ?? [];
}

/** Asking how big a change is: "by how much will fees rise", "how much did attendance go up". */
const CHANGE_SIZE =
  /\bby how much\b|\bhow much (?:\w+ ){0,5}(?:rise|rises|rising|rose|risen|increase|increases|increased|go up|goes up|going up|went up|fall|falls|fell|drop|drops|dropped|grow|grew|grown|change|changes|changed)\b/i;

/**
 * Verbs whose date is the meeting's own: "when was X discussed" is answered by the meeting, and
 * "what did we discuss last year" asks for the meetings of last year.
 */
export const MEETING_VERBS =
  /\b(?:discuss|discussed|raised|considered|mentioned|reported|talk|talked|debated|hear|heard|noted|on the agenda)\b/i;
/**
 * A date still to come ("when will the appeal be heard?", "when is it going to be considered?"):
 * no meeting's own date answers it, whatever the verb; minutes record it when they set it.
 */
const DATE_TO_COME = /\bwhen(?:['’]s)?(?:\s+[\w'’-]+){0,8}?\s+(?:will|going to|due to|being)\b/i;
const DATE_QUESTION =
  /^\s*(?:when|by when|until when|on what date|what date|what day)\b|\bwhen(?:['’]s| (?:will|did|was|were|is|are|does|do|has|have|had|would|should))\b|\bwhen(?:\s+\w+)?\s*\?*\s*$|\bdeadline\b/i;

/**
 * The particular things a question asks for, in a stable order. A generic "how much" is an amount
 * only when it names no money word; a date is asked for only when the date is not the meeting's own.
 */
export function askedFacets(question: string, history: boolean): Facet[] {
  const facets = FACETS.filter(([, asks]) => asks(question)).map(([facet]) => facet);
  const wanted = new Set(facets);
  // The size of a change is any figure: fees "rise by 5 per cent" as often as by a sum.
  if (CHANGE_SIZE.test(question) && wanted.delete('money')) wanted.add('amount');
  else if (wanted.has('money') || wanted.has('share') || wanted.has('duration')) wanted.delete('amount');
  // An office's holder is a person of a kind: the stricter reading stands for both.
  if (wanted.has('holder')) wanted.delete('person');
  const meetingsOwnDate = MEETING_VERBS.test(question) && !DATE_TO_COME.test(question);
  const asksDate = DATE_QUESTION.test(question) || bareAskEndsOn(question, 'date|dates');
  if (!history && asksDate && !meetingsOwnDate) wanted.add('date');
  return [...wanted];
}

/** Words that can follow "how many" without naming what is counted: "how many did the training?". */
const NOT_COUNTED = /^(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could|should|might|went|got)$/;

/**
 * The words a "how many" question counts ("how many looked after children" -> looked, after,
 * children): a number in the minutes answers it only when it counts one of them. Asked last
 * ("knife crime offences - how many?"), what is counted comes before; not named at all ("how many
 * did the training?"), any number answers.
 */
export function countedWords(question: string): string[] {
  const match = /\b(?:how many|number of)\b((?:\s*[\p{L}\p{N}'’-]+){0,4})/iu.exec(question);
  if (!match) return [];
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const after = words(match[1] ?? '').slice(0, 4);
  if (after.length === 0)
    return words(question.slice(0, match.index))
      .filter((w) => !isStopword(w))
      .slice(-4);
  return NOT_COUNTED.test(after[0] ?? '') ? [] : after;
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

/**
 * The housekeeping a meeting records, as questions ask for it: who sent apologies or was present,
 * declarations of interest, the last meeting's minutes, the next meeting, urgent items, petitions,
 * electing a chair, matters arising, when the meeting opened or closed.
 */
const PROCEDURE =
  /\b(?:apolog(?:y|ies|ised|ized)|apols|absent|absence|declar(?:e|ed|es|ing|ation|ations) (?:of |an |any |their |his |her )?(?:\w+ )?interests?|interests? (?:\w+ ){0,3}declar(?:e|ed|es|ing)|dois?|pecuniary|dispensations?|lobbying|(?:previous|last|prior) (?:meeting'?s )?minutes|minutes of (?:the )?(?:previous|last|prior|earlier) meeting|minutes (?:were |was )?(?:approved|confirmed|signed|agreed|accepted|amended)|(?:approved?|confirm(?:ed)?|sign(?:ed)?(?: off)?|agreed?) (?:the )?minutes|urgent (?:items?|business)|petitions?|present at|in attendance|attended|roll call|(?:elect(?:ed|ion)?|appoint(?:ed|ment)?) (?:of |as )?(?:the )?(?:chair|chairman|chairwoman|vice[- ]chair|deputy chair|deputy chairman|mayor|convener|president)|matters arising|any other business|\baob\b|aocb|call(?:ed)? to order|adjourn(?:ed|ment)?|party whip|substitute members?|order of business)\b/i;

/**
 * Questions that ask for a meeting's housekeeping ("who sent apologies", "were any interests
 * declared", "when is the next meeting", "which minutes were approved"): the items that record it
 * are what they ask about, so retrieval must not rank those items down as it does for any other
 * question.
 */
export function asksForProcedure(question: string): boolean {
  return PROCEDURE.test(question) || asksForMeetingDates(question);
}
