import { findDates, MONTH_NAME, monthNumber } from '../dates.js';
import { findMinuteReferences } from '../minutes/reference.js';
import { findTitledNames, parsePersonName } from '../people/names.js';
import { abbreviatesWords } from './concepts.js';
import { isEnglishWord } from './english.js';
import {
  AVERAGE_SAID,
  CLOSURE,
  CURRENCY_SIGN,
  type Facet,
  OFFICE_WORDS,
  STANCE_SAID,
  type Stance,
  SUM_KIND_WORDS,
} from './intent.js';
import type { Question } from './reader.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { namesAPerson } from './wordnet.js';
import { tokenize } from './words.js';

/**
 * What a sentence of the minutes gives towards a facet of a question: a sum of money for "how much
 * did it cost", a count of the thing counted for "how many", a date for "when", a closure, a vote,
 * a name. Used to tell an answer from a near miss: minutes that discuss the topic without the
 * thing asked.
 */

/** Number words minutes write out ("eight referrals", "Twelve additional psychologists"). */
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|half|third|quarter|twice|double|treble';

/**
 * Numbers that are not figures: list labels ("1.", "(ii)"), references to items, rules, pages and
 * paragraphs, ages ("post-16", "under-18s", "16+"), clock times, "Covid-19", years and financial
 * years. Replaced by a blank before figures are looked for.
 */
const NOT_FIGURES: RegExp[] = [
  /\bcovid[- ]?19\b/gi,
  // Minute and item references are found by the one minute-reference grammar (see below).
  /\b(?:order|orders|rule|rules|page|pages|paragraph|paragraphs|para|paras|section|sections|chapter|appendix|point|points|phase|quarter|q|priority|recommendation|block|tier|level|stage|key stage|ks|year group|g|cf)\s*\d+[a-z]?(?:\(\d+\))?(?:\s*(?:and|&|,)\s*\d+(?:\(\d+\))?)*/gi,
  /\b(?:post|under|over|pre)[- ]?\d{1,2}s?\b|\b\d{1,2}\+/gi,
  /\b\d{1,2}[.:]\d{2}\s*(?:am|pm)\b|\b\d{1,2}\s*(?:am|pm)\b/gi,
  /\b(?:19|20)\d{2}(?:\s*[/-]\s*(?:19|20)?\d{2})?\b/g,
  /^\s*\(?(?:\d{1,2}|[ivx]{1,5}|[a-h])[.)]\s+/gi,
];

function withoutNonFigures(sentence: string): string {
  let text = sentence;
  // "minute 34", "item 7(3)", "C048/23": which minute, not how many.
  for (const reference of findMinuteReferences(sentence)) {
    // A paragraph of the minute ("item 7(3)") goes with it.
    const paragraph = /^\(\d{1,3}\)/.exec(sentence.slice(reference.index + reference.text.length))?.[0] ?? '';
    const length = reference.text.length + paragraph.length;
    text = `${text.slice(0, reference.index)}${' '.repeat(length)}${text.slice(reference.index + length)}`;
  }
  return NOT_FIGURES.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
}

/** A currency's code or abbreviation as a word of its own ("Rs", "KSh", "USD"). */
const CURRENCY_CODE = new RegExp(`^${CURRENCY_SIGN}$`);
/** Currency named after a sum, or a scale only money is counted in: "7 million pounds", "Rs. 1.86 crore". */
const CURRENCY_WORD = 'pounds|dollars|euros|rupees|shillings|rand|lakhs?|crores?';

/**
 * Rands, whose "R" also numbers roads ("the R612 crossing"): a sum only with a scale or thousands
 * grouped ("R6.2 million", "R45,000").
 */
const RAND = String.raw`\bR\s?\d(?:[\d,.]*\d)?\s?(?:m|bn|million|billion)\b|\bR\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?`;

/**
 * Sums of money as written: "£330.9m", "£10,000", "$1,200", "£1.5 million", "7 million pounds",
 * "Rs. 1,86,40,000/-", "Rs. 14.72 crore", "KSh 120,000", "R6.2 million".
 */
const SUM = new RegExp(
  String.raw`${CURRENCY_SIGN}\s?\d(?:[\d,.]*\d)?(?:\s?(?:m|k|bn|million|billion|lakhs?|crores?)\b)?|${RAND}|\b\d(?:[\d,.]*\d)?\s?(?:million|billion|bn|${CURRENCY_WORD})\b`,
  'gi',
);

/** A sum {@link SUM} matched that is money by its currency, not a number of millions of anything. */
const SAID_AS_MONEY = new RegExp(`^(?:${CURRENCY_SIGN}|R\\s?\\d)|(?:${CURRENCY_WORD})$`, 'i');

/** A sum of money (see {@link SUM}). */
export function hasMoney(sentence: string): boolean {
  return sentence.search(SUM) >= 0;
}
const KIND_STEMS = new Set(SUM_KIND_WORDS.map((word) => stem(word)));

/**
 * Whether a sum of one of the kinds asked (stems) is in the sentence: a sum with a word of that kind
 * in its own clause ("raise and appropriate $6.1m for the operating budget"), or whose nearest word
 * of any kind of sum is of that kind ("the fisheries grant, confirmed in June, was worth £95,000").
 * "A budget of up to £310,000, part-funded by a fisheries grant" gives a budget, not the grant.
 */
function hasSumOfKind(sentence: string, kinds: readonly string[]): boolean {
  const words = [...sentence.matchAll(/\p{L}+/gu)]
    .map((match) => ({
      at: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      stem: stem(match[0].toLowerCase()),
    }))
    .filter((word) => KIND_STEMS.has(word.stem) || kinds.includes(word.stem));
  if (!words.some((word) => kinds.includes(word.stem))) return false;
  const breaks = [...sentence.matchAll(/[,;:()–—]/g)].map((match) => match.index ?? 0);
  return [...sentence.matchAll(SUM)].some((sum) => {
    const at = sum.index ?? 0;
    const end = at + sum[0].length;
    const from = Math.max(-1, ...breaks.filter((b) => b < at));
    const to = Math.min(sentence.length, ...breaks.filter((b) => b >= end));
    if (words.some((word) => word.at > from && word.end <= to && kinds.includes(word.stem))) return true;
    const distance = (word: { at: number; end: number }) => (word.end <= at ? at - word.end : word.at - end);
    const nearest = words.reduce((best, word) => (distance(word) < distance(best) ? word : best));
    return kinds.includes(nearest.stem);
  });
}

/** Whether a sentence has a word of one of `stemsSaid`: a kind of sum, what the counted did. */
export function saysAnyOf(sentence: string, stemsSaid: readonly string[]): boolean {
  return tokenize(sentence).some((token) => stemsSaid.includes(stem(token)));
}

/** A percentage or share: "54%", "90 per cent", "half", "a third". */
export function hasShare(sentence: string): boolean {
  return /\d\s?%|\bper ?cent\b|\b(?:half|a third|a quarter|two thirds|three quarters|majority|minority)\b/i.test(
    sentence,
  );
}

/** Any figure at all: money, a share, or a number that is not a label, reference, age, time or year. */
export function hasFigure(sentence: string): boolean {
  if (hasMoney(sentence) || hasShare(sentence)) return true;
  const rest = withoutNonFigures(sentence);
  return /\b\d[\d,]*(?:\.\d+)?\b/.test(rest) || new RegExp(String.raw`\b(?:${NUMBER_WORDS})\b`, 'i').test(rest);
}

/**
 * A number counting one of `counted` (stems): "622 looked after children", "eight referrals",
 * "Twelve additional educational psychologists", or the other way round, "referrals totalled 912",
 * "asked how many officers it would fund and was told 24" (not "workers met in room 12").
 */
export function hasCountOf(
  sentence: string,
  counted: string[],
  acts: string[] = [],
  modifiers: string[] = [],
): boolean {
  if (counted.length === 0) return hasFigure(sentence);
  // "How many people attended": a count of people that says nothing of attending counts others.
  if (acts.length > 0 && !saysAnyOf(sentence, acts)) return false;
  const tokens = tokenize(
    withoutNonFigures(sentence)
      // A sum counts money, not things: "$1,200" is no count of 1,200 anything. "3 million
      // visitors" is a count, though {@link SUM} reads it as money too.
      .replace(SUM, (sum) => (SAID_AS_MONEY.test(sum) ? ' ' : sum))
      // "one of the key issues" counts nothing.
      .replace(/\bone\s+of\b/gi, ' '),
  );
  const isDigits = (t: string) => /^\d[\d,]*$/.test(t);
  const isCount = (t: string) => isDigits(t) || new RegExp(`^(?:${NUMBER_WORDS})$`).test(t);
  const wanted = new Set(counted);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (!isCount(token)) continue;
    // "622 looked after children" and, for written figures only, "referrals totalled 912" — or,
    // closing a sentence that counts the thing earlier on, the count ("asked how many extra
    // officers this would fund and was told 24", "the number of referrals rose to 912").
    const after = tokens.slice(i + 1, i + 5);
    // The noun the number counts ends the words after it: "five town centre car parks" counts car
    // parks, which a question for "parking spaces" names only to say which spaces ("657 looked
    // after children" still counts the children asked about).
    const stop = after.findIndex((t) => isStopword(t) || isCount(t));
    const countsOf = (stop < 0 ? after : after.slice(0, stop)).at(-1);
    const namesCounted = after.some((t) => wanted.has(stem(t)) && !modifiers.includes(stem(t)));
    if (countsOf !== undefined && modifiers.includes(stem(countsOf)) && !namesCounted) continue;
    const closing = isDigits(token) && i === tokens.length - 1 && /\b(?:how many|number of)\b/i.test(sentence);
    const before = isDigits(token) ? tokens.slice(closing ? 0 : Math.max(0, i - 3), i) : [];
    if ([...after, ...before].some((t) => wanted.has(stem(t)))) return true;
  }
  return false;
}

/** A length of time: "five working days", "eight weeks", "until October 2019". */
export function hasDuration(sentence: string): boolean {
  return (
    new RegExp(
      String.raw`\b(?:\d+|${NUMBER_WORDS}|a|an|several|few)\s+(?:(?:working|calendar|school|full)\s+)?(?:days?|weeks?|months?|years?|hours?|terms?)\b`,
      'i',
    ).test(sentence) || hasDate(sentence)
  );
}

/**
 * A month or season named alone ("by December", "in the summer"), written with a capital as minutes
 * write months; "May" is left to the dated forms, being a verb far more often than a month.
 */
const MONTH_OR_SEASON = new RegExp(
  String.raw`\b(?:${MONTH_NAME.slice(3, -1)
    .split('|')
    .filter((name) => !/^(?:may|mai|fai)$/.test(name))
    .map((name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`)
    .join('|')})\b|\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\b`,
);

/**
 * A sentence that says its date is still to come: "in May (date to be set)", "date TBC". Whatever
 * other dates it has are other things': it answers no "when".
 */
const DATE_TO_BE_SET =
  /\b(?:dates?|time|day) (?:(?:is |are )?(?:still )?(?:yet )?to be (?:set|confirmed|agreed|arranged|fixed|decided|determined)|tbc|tba)\b|\b(?:date|time)s? (?:not yet|has not been|have not been) (?:set|confirmed|agreed|fixed)\b/i;

/** A date or a time of year: "10 February 2020", "May 2021", "in 2014", "by December", "in the summer". */
export function hasDate(sentence: string): boolean {
  if (DATE_TO_BE_SET.test(sentence)) return false;
  return (
    findDates(sentence).length > 0 ||
    /\b(?:19|20)\d{2}\b/.test(sentence) ||
    MONTH_OR_SEASON.test(sentence) ||
    /\b(?:next|this|last) (?:week|month|year|term)\b|\bwithin (?:\d+|the next)\b/i.test(sentence)
  );
}

/** A closure: "closed", "the closure of", "shut". */
export function hasClosure(sentence: string): boolean {
  return CLOSURE.test(sentence) || /\bdecommission\w*/i.test(sentence);
}

/** A vote: "voted", "unanimously", "abstained", "for and against". */
export function hasVote(sentence: string): boolean {
  return VOTE_RECORDED.test(sentence);
}

/**
 * How minutes record a vote: in words ("carried unanimously", "with two abstentions"), as North
 * American minutes do, by roll call and tally ("Ayes: Lee, Ortiz. Nays: Chen", "a 4-1 vote", "5 in
 * favor, 2 opposed"), as Australian councils tally a division ("CARRIED 6/2", "For: Crs Tully…"),
 * and as town meetings count hands, people standing and ballots ("Standing count: Yes 188, No 41").
 * "CARRIED" alone records an outcome, not how anyone voted.
 */
const VOTE_RECORDED =
  /\b(?:vote|voted|votes|voting|unanimous|unanimously|abstain|abstained|abstention|abstentions|in favou?r|against the motion|opposed|ayes?|nays?|yeas?|noes|roll call|secret ballot|ballot result|show of hands|standing count|hand count)\b|\b\d+\s*[-–]\s*\d+\s+(?:vote|in favou?r)\b|\byes\s*:?\s*\d+\s*[,;]?\s*no\s*:?\s*\d+\b|\b(?:carried|lost|defeated|passed|failed)\s*\(?\s*\d+\s*[-–/]\s*\d+\b|^\s*(?:for|against)\s*:/i;

/**
 * An inspection grade: "rated Good", "judged to require improvement", "Inadequate", "special
 * measures". "Good" or "outstanding" alone is not one: minutes say "good progress" and
 * "outstanding recommendations" everywhere.
 */
export function hasRating(sentence: string): boolean {
  return /\b(?:rated|graded|judged|judgement of|judgment of|rating of|grade of)\b|\b(?:requires? improvement|inadequate|special measures)\b/i.test(
    sentence,
  );
}

/**
 * A name the question does not give: as {@link hasPerson}, and at the start of the sentence too when
 * it is no English word ("Barnardo's is the department's strategic partner"), where "Four schools…"
 * names nothing.
 */
function hasName(sentence: string, questionStems: ReadonlySet<string>): boolean {
  if (hasPerson(sentence, questionStems)) return true;
  const first = /^\W*(\p{Lu}[\p{L}'’-]+)/u.exec(sentence)?.[1];
  if (!first) return false;
  const word = first.toLowerCase().replace(/['’]s$/, '');
  return !isEnglishWord(word) && !questionStems.has(stem(word)) && !COMMON_CAPITALS.has(stem(word));
}

/** A number or reference that names one thing among several: "footpath 7", "Ordinance 2018-14", "option B". */
function hasCode(sentence: string): boolean {
  return /\b(?:no\.?\s*)?\d+[a-z]?\b|\b[A-Z]{1,4}[-/]?\d+|\b(?:option|route|site|phase|zone|area)\s+[A-Z]\b/i.test(
    sentence,
  );
}

/**
 * Someone named: a title and a name ("Mrs B. Seaton", "Councillor Hale"), or a proper name the
 * question does not already give ("Barnardo's", "Leicestershire and Rutland Sport"). A question
 * about who replaced Mr Ould is not answered by a sentence that names only Mr Ould.
 */
export function hasPerson(sentence: string, questionStems: ReadonlySet<string>): boolean {
  const words = [...sentence.matchAll(/\b\p{Lu}[\p{L}'’-]+/gu)];
  const posts = postsNamed(sentence);
  return words.slice(1).some(({ 0: word, index }) => {
    // "The City Engineer informed…" names a post, not who holds it.
    if (posts.some(([start, end]) => index >= start && index < end)) return false;
    // Nor does a currency's code ("Rs. 2.31 crore", "KSh 4.2 million").
    if (CURRENCY_CODE.test(word)) return false;
    // "Sub-Committee" is the committee's, not someone's: every part of a name must be uncommon.
    // "RESOLVED – That…": a capitalised small word names nobody either.
    if (isStopword(word.toLowerCase())) return false;
    // "(Year 4 class teacher, effective 31 August)": a month, or an English word labelling the
    // number or letter after it ("Phase 2", "Appendix B"), names nobody.
    if (monthNumber(word) !== null) return false;
    // Nor does a word that opens a clause after a label ("Decision: Approved to proceed").
    const labelsNext = /^\s+(?:\d|\p{Lu}\b)/u.test(sentence.slice(index + word.length));
    const opensClause = /[:;–—]\s*$/.test(sentence.slice(0, index));
    if ((labelsNext || opensClause) && isEnglishWord(word.toLowerCase())) return false;
    // "the ESCO" of a question about an energy service company is the company asked about.
    if (abbreviatesWords(word, [...questionStems])) return false;
    const parts = tokenize(word).map(stem);
    return parts.every((s) => s.length > 1 && !questionStems.has(s) && !COMMON_CAPITALS.has(s));
  });
}

/**
 * Where a sentence names a post by "the" and capitalised words ending in a word for a person ("the
 * City Engineer", "the Deputy Harbour Master"), as [start, end) offsets: Mr Baker and Jo Smith are
 * people, the Borough Solicitor is whoever holds the post.
 */
function postsNamed(sentence: string): Array<[number, number]> {
  const posts: Array<[number, number]> = [];
  for (const match of sentence.matchAll(/\b[Tt]he\s+((?:\p{Lu}[\p{L}'’-]+\s+){0,3}(\p{Lu}[\p{L}'’-]+))/gu)) {
    const last = (match[2] ?? '').toLowerCase();
    if (isEnglishWord(last) && namesAPerson(last)) posts.push([match.index, match.index + match[0].length]);
  }
  return posts;
}

/**
 * Someone named as a person, as an office is held: a titled name ("Councillor Hale", "Mrs B.
 * Seaton", as people/names.ts reads them), or two to four capitalised words side by side that the
 * question does not give and that name no body or thing ("Andy Shepperd", "J. Okafor"; not
 * "Rutland Local Safeguarding Children Board" or "Business Plan").
 */
export function hasPersonalName(sentence: string, questionStems: ReadonlySet<string>): boolean {
  const isNew = (word: string) => {
    const parts = tokenize(word).map(stem);
    return parts.length > 0 && parts.every((s) => s.length > 1 && !questionStems.has(s) && !COMMON_CAPITALS.has(s));
  };
  if (findTitledNames(sentence).some((found) => isNew(parsePersonName(found.name)?.surname ?? ''))) return true;
  // Runs of capitalised words (an initial may open one), the sentence's first word left out.
  const runs =
    sentence.replace(/^\W*\S+/, '').match(/(?:\b\p{Lu}\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu) ?? [];
  return runs.some((run) => {
    const words = run.split(/\s+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
    const initialled = words.length < run.split(/\s+/).length;
    return (
      (words.length >= 2 || (initialled && words.length === 1)) &&
      words.length <= 4 &&
      words.every(isNew) &&
      !words.some((w) => BODY_OR_THING.has(stem(w.toLowerCase().replace(/['’]s$/, ''))) || monthNumber(w) !== null)
    );
  });
}

/** Whether a sentence names each office (as any of its stems): the one a holder is asked of. */
function namesOffices(sentence: string, offices: string[][]): boolean {
  const said = new Set(tokenize(sentence).map(stem));
  return offices.every((office) => office.some((s) => said.has(s)));
}

/** Words that make a run of capitals the name of a body, place, document or event, not a person. */
const BODY_OR_THING = new Set(
  [
    'board',
    'partnership',
    'group',
    'trust',
    'team',
    'panel',
    'forum',
    'network',
    'unit',
    'agency',
    'authority',
    'office',
    'police',
    'school',
    'academy',
    'college',
    'university',
    'centre',
    'center',
    'hall',
    'house',
    'road',
    'lane',
    'street',
    'avenue',
    'park',
    'way',
    'close',
    'square',
    'plan',
    'strategy',
    'policy',
    'programme',
    'program',
    'scheme',
    'fund',
    'project',
    'review',
    'report',
    'framework',
    'budget',
    'conference',
    'ltd',
    'limited',
    'plc',
    'inc',
    'llp',
    'sport',
    'health',
    'nhs',
    'england',
    'wales',
    'scotland',
    'ireland',
    'government',
    'ministry',
    'department',
    'association',
    'society',
    'club',
    'church',
    'parish',
    'town',
    'village',
    'ward',
    'area',
    'region',
    'county',
    'act',
    'bill',
    'order',
    'regulations',
    'standards',
    'ofsted',
    'commission',
    'service',
    'services',
    'children',
    'education',
    'care',
    'safeguarding',
    'local',
    'national',
    'public',
    'community',
    'housing',
    'transport',
    'planning',
    'finance',
    'inclusion',
    'send',
  ].map(stem),
);

/** Capitalised words minutes use for everything: they name nobody in particular. */
const COMMON_CAPITALS = new Set(
  [
    'the',
    'committee',
    'commission',
    'council',
    'county',
    'city',
    'district',
    'borough',
    'town',
    'parish',
    'member',
    'members',
    'officers',
    'department',
    'service',
    'services',
    'report',
    'agenda',
    'item',
    'resolved',
    'agreed',
    'minutes',
    'cabinet',
    'lead',
    'it',
    'this',
    'there',
    'in',
    'a',
    // Post-nominals: "Mr Ould CC" names nobody new.
    'cc',
    'obe',
    'mbe',
    'cbe',
    'jp',
    'mp',
    // "Action by: Chief Executive" names an office, not who holds it or the firm asked for.
    ...OFFICE_WORDS,
  ].map((word) => stem(word)),
);

/** What a question asks of a sentence, beyond its facets (see {@link sentenceGives}). */
export interface Asked {
  /** Stems of what a "how many" counts. */
  counted: string[];
  /** Stems of what the counted did ("attended"): a count must say it. */
  countedActs?: string[];
  /** Stems of the words before what a "how many" counts: a number counting one counts another thing. */
  countedModifiers?: string[];
  /** Stems of the kinds of sum asked for ("budget", "allocated"…): one must be beside the sum. */
  sumKinds?: string[];
  /** The question's own stems: a name it already gives answers no "who". */
  questionStems: ReadonlySet<string>;
  /** The offices a "who holds it" names. */
  offices?: string[][];
  /** A "which" asks for someone: only a name answers, not a number. */
  someone?: boolean;
  /** An average is asked for: a figure must be said to be one. */
  average?: boolean;
  /** A level or total is asked for: a figure said only as a change ("a rise of £15") is no answer. */
  level?: boolean;
  /** The side asked about: a figure or name for the other side alone is no answer. */
  stance?: Stance | null;
}

/** What `question` asks of a sentence, as {@link sentenceGives} reads it. */
export function askedOf(question: Question): Asked {
  return {
    counted: question.counted,
    countedActs: question.countedActs,
    countedModifiers: question.countedModifiers,
    sumKinds: question.sumKinds,
    questionStems: new Set(question.concepts.flatMap((c) => c.stems)),
    average: question.average,
    stance: question.stance,
    level: question.level,
    someone: question.someone,
  };
}

/**
 * A figure said as a change: "a rise of £15", "increased by 12%", "up by 40". ("Overspent by
 * £3.2m" is the overspend itself.)
 */
const CHANGE_BY = new RegExp(
  String.raw`\b(?:rise|rises|rose|risen|increase|increases|increased|uplift|reduction|reductions|reduced|cut|cuts|decrease|decreases|decreased|fall|falls|fell|fallen|grew|grown|growth|up|down)\s+(?:of|by)\s+(?:around |about |some |over |almost |nearly )?${CURRENCY_SIGN}?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent|m|k|bn|million|billion|thousand|lakhs?|crores?)?`,
  'gi',
);

/** Whether every figure of the sentence is said as a change (see {@link CHANGE_BY}). */
function givesOnlyChanges(sentence: string): boolean {
  return sentence.search(CHANGE_BY) >= 0 && !hasFigure(sentence.replace(CHANGE_BY, ' '));
}

/** Facets an average can be asked of. */
const MEASURES: ReadonlySet<Facet> = new Set(['money', 'count', 'amount', 'duration', 'share']);
const AVERAGE_STEMS = AVERAGE_SAID.map((word) => stem(word));
/** Facets that can be one side's: how many were for, who objected, the vote against. */
const SIDED: ReadonlySet<Facet> = new Set(['count', 'share', 'person', 'named', 'vote']);

/** Whether a sentence speaks of the other side than the one asked, and not of that one. */
function onlyOtherSide(sentence: string, stance: Stance): boolean {
  const other: Stance = stance === 'for' ? 'against' : 'for';
  return STANCE_SAID[other].test(sentence) && !STANCE_SAID[stance].test(sentence);
}

/**
 * Whether `sentence` gives what `facet` asks for. `counted` holds the stems a "how many" counts;
 * `questionStems` the stems of the question (names it already gives answer no "who").
 */
export function sentenceGives(facet: Facet, sentence: string, asked: Asked): boolean {
  if (asked.average && MEASURES.has(facet) && !saysAnyOf(sentence, AVERAGE_STEMS)) return false;
  if (asked.stance && SIDED.has(facet) && onlyOtherSide(sentence, asked.stance)) return false;
  if (asked.level && MEASURES.has(facet) && givesOnlyChanges(sentence)) return false;
  switch (facet) {
    case 'money':
      // A kind of sum asked by name is answered only by a sum said beside a word of that kind.
      return hasMoney(sentence) && (!asked.sumKinds?.length || hasSumOfKind(sentence, asked.sumKinds));
    case 'share':
      return hasShare(sentence);
    case 'count':
      return hasCountOf(sentence, asked.counted, asked.countedActs, asked.countedModifiers);
    case 'amount':
      return hasFigure(sentence);
    case 'duration':
      return hasDuration(sentence);
    case 'date':
      return hasDate(sentence);
    case 'closure':
      return hasClosure(sentence);
    case 'vote':
      return hasVote(sentence);
    case 'rating':
      return hasRating(sentence);
    case 'person':
      return hasPerson(sentence, asked.questionStems);
    case 'holder':
      return hasPersonalName(sentence, asked.questionStems) && namesOffices(sentence, asked.offices ?? []);
    case 'named':
      return hasName(sentence, asked.questionStems) || (!asked.someone && hasCode(sentence));
  }
}
