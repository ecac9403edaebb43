import { monthNumber } from '../dates.js';
import { isEnglishWord, spokenCount } from './english.js';
import { type Glossary, SKIPPED_IN_INITIALS } from './glossary.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { isNumber, tokenize } from './words.js';

/**
 * The things a question asks about, and whether a text mentions them. Retrieval scores passages by
 * the concepts they cover, the extractive answer picks sentences by them, and the "not in the
 * minutes" decision checks them: one notion of "this text mentions that", used by all three.
 */

/** One thing a question asks about: a word, with the other forms it may take in the minutes. */
export interface Concept {
  /** The word as the question has it (after shorthand and typos are resolved), lower case. */
  word: string;
  /** Stems any of which counts: the word's own, and those of words minutes use for it ("rise" for "growth"). */
  stems: string[];
  /** Word sequences that count too, as stems: an acronym's long form ("educ health and care plan"). */
  phrases: string[][];
  /** An acronym's first long form as words ("education health and care plan"), or null. */
  longForm: string | null;
  /** An acronym nothing defines ("LCFC"): found as the initials of a run of words in the text. */
  initials: string | null;
  /**
   * For a word the minutes never use that may be a slip for one they do ("skools"), that reading
   * ("schools"): its stems count too, but the word may equally name something the minutes lack.
   */
  alternative: string | null;
  /**
   * Other words the minutes may write for it, searched for beside it and counting as it: the
   * singular of a plural the stemmer keeps apart ("knife" for "knives").
   */
  otherWords: string[];
  /**
   * Whether the word names what the question is about (a noun: "library", "bypass") rather than
   * how it is put ("worried", "closing", "recently") or what is asked of it ("cost", "vote").
   */
  subject: boolean;
}

/** A text made ready for matching concepts against it. */
export interface DocTerms {
  tokens: string[];
  stems: Set<string>;
  /** The stems in order, space-separated and padded, for phrase matching. */
  flat: string;
}

/** Prepares a text (a passage, a sentence, a title) for {@link mentions}. */
export function docTerms(text: string): DocTerms {
  const tokens = tokenize(text);
  const stemmed = tokens.map(stem);
  return { tokens, stems: new Set(stemmed), flat: ` ${stemmed.join(' ')} ` };
}

/** Whether a text mentions a concept: by any of its stems, one of its phrases, or its initials. */
export function mentions(doc: DocTerms, concept: Concept): boolean {
  return (
    concept.stems.some((s) => doc.stems.has(s)) ||
    concept.phrases.some((p) => doc.flat.includes(` ${p.join(' ')} `)) ||
    (concept.initials !== null && hasInitials(doc.tokens, concept.initials))
  );
}

/** Words minutes use interchangeably for the same movement: "growth" is answered by "a 54% increase". */
const SYNONYMS: string[][] = [
  ['growth', 'grow', 'grew', 'grown', 'increase', 'rise', 'rose', 'risen', 'higher', 'escalate'],
  ['decrease', 'fall', 'fell', 'fallen', 'reduction', 'reduce', 'decline', 'lower', 'drop'],
  ['cost', 'spend', 'spent', 'expenditure'],
  ['worry', 'worried', 'concern', 'concerned'],
  ['mistake', 'error', 'wrong'],
  ['chair', 'chairman', 'chairwoman', 'chairperson'],
].map((family) => [...new Set(family.map(stem))]);

function synonymsOf(s: string): string[] {
  return SYNONYMS.find((family) => family.includes(s)) ?? [s];
}

/**
 * The singular of an "-ves" plural ("knives": "knife", "wives": "wife"), which the
 * stemmer keeps apart ("knive"), so a question about knives finds "knife crime": the "-f"/"-fe"
 * form people say more often than the "-ve" one ("leaves" stays "leave", said far more than "leaf").
 */
function singularOfVes(word: string): string[] {
  if (!word.endsWith('ves')) return [];
  const base = word.slice(0, -3);
  const asVe = spokenCount(word.slice(0, -1));
  return [`${base}f`, `${base}fe`].filter((singular) => spokenCount(singular) > asVe);
}

/**
 * Whether a run of the tokens has `initials` as its first letters, function words optional. With
 * `lettersPerWord` above one a word may give its first few letters, as "ESCO" is made of "energy
 * service company" and "Ofsted" of "Office for Standards in Education".
 */
function hasInitials(tokens: readonly string[], initials: string, lettersPerWord = 1): boolean {
  const walk = (t: number, l: number): boolean => {
    if (l === initials.length) return true;
    const token = tokens[t];
    if (token === undefined) return false;
    for (let n = 1; n <= lettersPerWord && l + n <= initials.length; n++) {
      if (token.startsWith(initials.slice(l, l + n)) && walk(t + 1, l + n)) return true;
    }
    return l > 0 && SKIPPED_IN_INITIALS.has(token) && walk(t + 1, l);
  };
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start]?.startsWith(initials[0] ?? '') && walk(start, 0)) return true;
  }
  return false;
}

/**
 * Whether a word in capitals ("ESCO", "NHSE") is made of the openings of neighbouring words among
 * `words` (lower case, in order): the same thing, shortened.
 */
export function abbreviatesWords(word: string, words: readonly string[]): boolean {
  if (!/^\p{Lu}{2,8}s?$/u.test(word)) return false;
  const letters = word.replace(/s$/, '').toLowerCase();
  return hasInitials(words, letters, letters.length);
}

/**
 * Whether a word can name what a question is about. Verb and adverb forms ("worried", "closing",
 * "recently") are how a question is put, and minutes often say it another way ("concern was
 * raised"); nouns ("library", "bypass") are what it is about.
 */
function isSubject(word: string, previous: string): boolean {
  if (word.length < 3 || !/^\p{L}+$/u.test(word) || IRREGULAR_VERBS.has(word) || isPastForm(word)) return false;
  if (COMPARISONS.has(word)) return false;
  // "-ly" is an adverb when what precedes it is a word ("recently"), not in "family" or "early".
  if (/ly$/.test(word) && word.length > 6 && isEnglishWord(word.slice(0, -2))) return false;
  // "-ing" names a thing ("parking", "building", "youth offending") unless it follows a form of
  // "be" ("is it closing") or someone doing it ("what are they putting out to bid").
  return !/ing$/.test(word) || !(AUXILIARIES.has(previous) || PRONOUNS.has(previous));
}

/** Who does something: "-ing" after one of these is a verb. */
const PRONOUNS = new Set(['i', 'you', 'u', 'we', 'they', 'he', 'she', 'it', 'someone', 'anyone', 'people']);

/**
 * "-ed" that makes a past form: "funded", "closed", "used" are verbs, "speed" and "need" nouns
 * (what is left without "ed" or "d" is no word of three letters or more).
 */
function isPastForm(word: string): boolean {
  if (!word.endsWith('ed')) return false;
  return (
    [word.slice(0, -2), word.slice(0, -1)].some((base) => base.length >= 3 && isEnglishWord(base)) ||
    word.endsWith('ied')
  );
}

const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'isn',
  'aren',
  'keep',
  'kept',
  'stop',
  'start',
  'started',
]);

/**
 * How things compare, are judged or measured ("better or worse?", "fewer than last year", "how bad
 * vs plan?", "how big"): how a question is put, not its topic.
 */
const COMPARISONS = new Set([
  'bad',
  'vs',
  'versus',
  // How big, not what: "how big was the underspend", "size of the backlog", "top reasons", "extra places".
  'big',
  'bigger',
  'biggest',
  'small',
  'smaller',
  'smallest',
  'size',
  'top',
  'extra',
  'additional',
  'overall',
  'better',
  'best',
  'worse',
  'worst',
  'less',
  'least',
  'fewer',
  'fewest',
  'further',
  'furthest',
]);

/** Past forms that do not end in "-ed": "kept in touch", "got funded", "built". */
const IRREGULAR_VERBS = new Set(
  (
    'kept made done given taken went gone got gotten said told paid spent built sent held met left brought bought cut ' +
    'put set run ran won lost seen known shown grown fell fallen rose risen began begun chosen found heard led meant ' +
    'read sold stood thought understood written wrote became become came come gave took saw knew grew chose drove ' +
    'driven rode ridden spoke spoken broke broken ' +
    // British "-t" past forms, common in council English.
    'learnt spelt burnt dreamt spoilt leant knelt smelt spilt dwelt'
  ).split(' '),
);

/**
 * Words that say what is asked of the topic rather than what the topic is ("the numbers", "what
 * percentage", "the connection"), in the forms people write them, plurals too ("latest", "update"
 * and "news" are stopwords already).
 */
const ASKING_WORDS = new Set([
  'cost',
  'costs',
  'budget',
  'spend',
  'spent',
  'price',
  'amount',
  'amt',
  'est',
  'estimate',
  'estimated',
  'estimates',
  'money',
  'worth',
  'fund',
  'funding',
  'figure',
  'figures',
  'number',
  'numbers',
  'total',
  'totals',
  'amounts',
  'percentage',
  'percentages',
  'proportion',
  'long',
  'length',
  'duration',
  'deadline',
  'close',
  'closed',
  'closing',
  'closure',
  'closures',
  'shut',
  'vote',
  'votes',
  'date',
  'dates',
  'outcome',
  'outcomes',
  'result',
  'results',
  'reason',
  'reasons',
  'winner',
  'winners',
  'problem',
  'problems',
  'issue',
  'issues',
  'status',
  'view',
  'views',
  'connection',
  'progress',
  'rundown',
  'situation',
]);

export interface ConceptOptions {
  glossary?: Glossary;
  /**
   * Whether the indexed minutes use a word: an acronym they never use and never define is matched
   * by initials instead ("LCFC" in "Leicester City Football Club").
   */
  known?: (word: string) => boolean;
  /** Words that name a committee or council in the question: scope, not subject. */
  scopeWords?: ReadonlySet<string>;
  /** Stopwords that are the subject this time ("meeting" in "when is the next meeting?"). */
  keep?: ReadonlySet<string>;
  /** Words the minutes never use, each with the reading of theirs it may be a slip for. */
  alternatives?: ReadonlyMap<string, string>;
  /**
   * Words the question splits that the minutes write as one ("notice board" for "noticeboard"),
   * each half with the joined word, whose stem counts for it too.
   */
  joined?: ReadonlyMap<string, string>;
}

/**
 * The concepts of a question's topic text: its content words (stopwords and small numbers left
 * out), each with its synonyms and, for an acronym, its long forms; a long form the minutes define
 * counts as its acronym, so either form finds the other.
 */
export function conceptsOf(topic: string, options: ConceptOptions = {}): Concept[] {
  const { glossary } = options;
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  // A long form the minutes define, spelled out in the question, is one concept with its acronym:
  // "Education, Health and Care Plans" is EHCP, not four words that each count on their own.
  let rest = ` ${tokenize(topic).join(' ')} `;
  for (const acronym of glossary?.acronymsIn(topic, { definedOnly: true }) ?? []) {
    const longForms = glossary?.expand(acronym) ?? [];
    const word = acronym.toLowerCase();
    seen.add(stem(word));
    concepts.push({
      word,
      stems: [stem(word)],
      phrases: longForms.map((form) => tokenize(form).map(stem)),
      longForm: longForms[0] ?? null,
      initials: null,
      alternative: null,
      otherWords: [],
      subject: true,
    });
    for (const form of longForms) rest = rest.replace(` ${tokenize(form).join(' ')} `, ' ');
  }
  const written = topic.match(/[\p{L}\p{N}]+/gu) ?? [];
  written.forEach((original, at) => {
    const word = tokenize(original)[0] ?? '';
    if (
      !word ||
      (isStopword(word) && !options.keep?.has(word)) ||
      (isNumber(word) && word.length <= 2) ||
      word.length < 2 ||
      // A month left over once dates are read ("in aug", "since March") says when, not what about.
      monthNumber(word) !== null
    ) {
      return;
    }
    if (!rest.includes(` ${word} `)) return;
    const s = stem(word);
    if (seen.has(s)) return;
    seen.add(s);
    const longForms = glossary?.expand(original) ?? [];
    const phrases = longForms.map((form) => tokenize(form).map(stem));
    const alternative = options.alternatives?.get(word) ?? null;
    // A one-word reading is another stem of the word; words run together ("kick start") a phrase.
    const read = alternative ? tokenize(alternative).map(stem) : [];
    // Typed in capitals ("LCFC"), or in lower case without a vowel, which no word is ("rtt", "sd", "cctv").
    const looksLikeAcronym =
      (/^\p{Lu}{2,6}s?$/u.test(original) || /^[b-df-hj-np-tv-z]{2,5}$/.test(original)) && phrases.length === 0;
    const initials = looksLikeAcronym && options.known && !options.known(word) ? word.replace(/s$/, '') : null;
    const scope = options.scopeWords?.has(word) ?? false;
    const whole = options.joined?.get(word);
    const otherWords = singularOfVes(word);
    concepts.push({
      word,
      stems: [
        ...new Set([
          ...synonymsOf(s),
          ...(read.length === 1 ? synonymsOf(read[0] ?? s) : []),
          ...(whole ? [stem(whole)] : []),
          ...otherWords.map(stem),
        ]),
      ],
      phrases: read.length > 1 ? [...phrases, read] : phrases,
      longForm: longForms[0] ?? null,
      initials,
      alternative,
      otherWords,
      subject:
        !scope &&
        (phrases.length > 0 ||
          initials !== null ||
          (isSubject(word, written[at - 1]?.toLowerCase() ?? '') && !ASKING_WORDS.has(word))),
    });
  });
  return concepts;
}
