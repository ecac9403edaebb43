/**
 * People's names as minutes print them — the one owner of titles, post-nominals and the rule for
 * when two printed names can be the same person. "Mrs. H. J. Fryer CC", "Mrs Fryer", "Mrs H Fryer
 * CC" and "Helen Fryer" can all be one councillor; "Mr T Fryer" cannot be her. Two people are never
 * merged: where a name could mean more than one person the minutes hold, the answer is "ambiguous".
 */

/** Titles that make someone an elected member. Longest first, so "county councillor" wins over "councillor". */
const MEMBER_TITLES = [
  'county councillor',
  'borough councillor',
  'district councillor',
  'parish councillor',
  'town councillor',
  'city councillor',
  'council members',
  'council member',
  'councilmembers',
  'councilmember',
  'councillors',
  'councillor',
  'councilwoman',
  'councilman',
  'councilors',
  'councilor',
  'cllrs',
  'cllr',
  'aldermen',
  'alderman',
  'commissioners',
  'commissioner',
  'alderwoman',
  'mayor pro tempore',
  'mayor pro tem',
  'deputy mayor',
  'vice mayor',
  'lord mayor',
  'mayor',
];

/** Personal honorifics, with the sex they imply where they imply one. */
const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['mx', null],
  ['dr', null],
  ['prof', null],
  ['professor', null],
  ['sir', 'm'],
  ['dame', 'f'],
  ['lord', 'm'],
  ['lady', 'f'],
  ['rev', null],
  ['revd', null],
  ['reverend', null],
  ['canon', null],
  ['capt', null],
  ['captain', null],
]);

/** Letters after a name: honours, offices, degrees. "CC" (County Councillor) also marks a member. */
const POST_NOMINALS = new Set([
  'cc',
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'dbe',
  'bem',
  'jp',
  'dl',
  'mp',
  'msp',
  'ms',
  'am',
  'mla',
  'kc',
  'qc',
  'phd',
  'jr',
  'sr',
  'ii',
  'iii',
]);

/** Lower-case parts of surnames ("van der Berg", "de la Mare"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'del', 'st', 'ap', 'ab']);

/**
 * Capitalised words that follow a title in running text but are not names ("the Chairman, Mr
 * Smith" is fine; "Councillor The" is not).
 */
const NOT_A_NAME = new Set([
  'the',
  'there',
  'this',
  'that',
  'it',
  'he',
  'she',
  'they',
  'a',
  'an',
  'and',
  'in',
  'on',
  'at',
  'of',
  'for',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'vice',
  'deputy',
  'committee',
  'council',
  'members',
  'member',
  'none',
  'all',
  'present',
  'absent',
  'apologies',
  'regrets',
  'staff',
  'seconded',
  'moved',
  'proposed',
  'motion',
  'carried',
  'defeated',
]);

/** One forename position: its initial, and the name in full where it was written out. */
export interface Forename {
  initial: string;
  full: string | null;
}

/** A printed name, read into its parts. All parts are lower case. */
export interface PersonName {
  printed: string;
  /** A member title or "CC" was printed with it. */
  member: boolean;
  honorific: string | null;
  /** The sex an honorific implies ("Mr", "Mrs"), or null. */
  sex: 'm' | 'f' | null;
  /** Forenames in order, as initials ("H. J.") or in full ("Helen"). */
  forenames: Forename[];
  surname: string;
}

const TITLE_PATTERN = new RegExp(
  `^(?:${MEMBER_TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|')}|${[...HONORIFICS.keys()].join('|')})\\.?(?=\\s|$)`,
  'i',
);

/**
 * Reads a printed name: titles, honorific, initials or given names, surname, post-nominals. Null
 * when what is left is not a name ("the Chair", "two members of the public").
 */
export function parsePersonName(printed: string): PersonName | null {
  let rest = normaliseName(printed);
  let member = false;
  let honorific: string | null = null;
  for (let match = TITLE_PATTERN.exec(rest); match; match = TITLE_PATTERN.exec(rest)) {
    const title = match[0].toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
    if (HONORIFICS.has(title)) honorific ??= title;
    else member = true;
    rest = rest.slice(match[0].length).trim();
  }
  const tokens = rest.split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && POST_NOMINALS.has((tokens.at(-1) ?? '').replace(/\./g, '').toLowerCase())) {
    if ((tokens.at(-1) ?? '').replace(/\./g, '').toLowerCase() === 'cc') member = true;
    tokens.pop();
  }
  const surnameParts = [tokens.pop() ?? ''];
  while (tokens.length > 0 && PARTICLES.has((tokens.at(-1) ?? '').toLowerCase()))
    surnameParts.unshift(tokens.pop() ?? '');
  const surname = surnameParts.join(' ');
  if (!/^\p{Lu}[\p{L}'-]*\p{L}$/u.test(surnameParts.at(-1) ?? '') || NOT_A_NAME.has(surname.toLowerCase())) {
    return null;
  }
  const forenames: Forename[] = [];
  for (const token of tokens) {
    const bare = token.replace(/\./g, '');
    if (!/^\p{Lu}/u.test(bare)) return null;
    if (/^\p{Lu}{1,3}$/u.test(bare) && (token.includes('.') || bare.length === 1 || !/[AEIOU]/.test(bare))) {
      // "H.", "H", "R.K.A." and "HJ" are initials.
      for (const letter of bare) forenames.push({ initial: letter.toLowerCase(), full: null });
    } else {
      forenames.push({ initial: bare.charAt(0).toLowerCase(), full: bare.toLowerCase() });
    }
  }
  return {
    printed: printed.trim(),
    member,
    honorific,
    sex: honorific ? (HONORIFICS.get(honorific) ?? null) : null,
    forenames,
    surname: surname.toLowerCase(),
  };
}

/** Curly apostrophes straightened, hyphens rejoined across a wrapped line, dots kept with initials. */
function normaliseName(text: string): string {
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/-\s+/g, '-')
    .replace(/\.(?=\p{Lu})/gu, '. ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether two printed names can be the same person: the same surname, no clash of sex, and
 * initials and given names that agree wherever both give them ("H. J." and "Helen" agree; "H. J."
 * and "H. K." do not).
 */
export function couldBeSamePerson(a: PersonName, b: PersonName): boolean {
  if (a.surname !== b.surname) return false;
  if (a.sex && b.sex && a.sex !== b.sex) return false;
  for (let i = 0; i < Math.min(a.forenames.length, b.forenames.length); i++) {
    const [x, y] = [a.forenames[i], b.forenames[i]];
    if (x?.initial !== y?.initial) return false;
    if (x?.full && y?.full && x.full !== y.full) return false;
  }
  return true;
}

/** How much a printed name pins down: a given name says more than an initial, an initial more than a surname. */
function specificity(name: PersonName): number {
  return name.forenames.reduce((sum, f) => sum + (f.full ? 2 : 1), 0) + (name.sex ? 0.5 : 0);
}

/** One person as the minutes name them: every printed form that can only be them. */
export interface Identity {
  /** The most specific printed form, for answers. */
  display: string;
  names: string[];
}

export type NameResolution =
  | { status: 'match'; person: Identity }
  | { status: 'ambiguous'; candidates: Identity[] }
  | { status: 'none' };

/**
 * Resolves a name someone asks about against the names the minutes print. All printed forms that
 * could be the query are grouped into people: forms that could all be one person stay together;
 * forms that could be either of two people ("Cllr Smith" when the minutes name both "J Smith" and
 * "L Smith") join neither. One group is a match; several are ambiguous, listed most specific first.
 */
export function resolvePerson(query: string, known: Iterable<string>): NameResolution {
  const wanted = parsePersonName(query);
  if (!wanted) return { status: 'none' };
  const candidates = [...new Set(known)]
    .map((printed) => parsePersonName(printed))
    .filter((name): name is PersonName => name !== null && couldBeSamePerson(wanted, name))
    .sort((a, b) => specificity(b) - specificity(a) || a.printed.localeCompare(b.printed));
  const groups: PersonName[][] = [];
  for (const name of candidates) {
    const fits = groups.filter((group) => group.every((other) => couldBeSamePerson(name, other)));
    if (fits.length === 0) groups.push([name]);
    else if (fits.length === 1) fits[0]?.push(name);
    // Fitting several groups, a form could be any of them: it is attributed to none.
  }
  const identities = groups.map((group) => ({ display: group[0]?.printed ?? '', names: group.map((n) => n.printed) }));
  if (identities.length === 0) return { status: 'none' };
  if (identities.length === 1 && identities[0]) return { status: 'match', person: identities[0] };
  return { status: 'ambiguous', candidates: identities };
}

/** A name found in running text, where it starts. */
export interface NameInText {
  name: string;
  index: number;
}

/**
 * Titles as running text writes them: capitalised or in capitals. (A case-insensitive flag would
 * also make the capital-letter classes below match lower case, so the cases are spelled out.)
 */
/** Space between the words of one name: never a line break, which ends a list entry or a line of minutes. */
const GAP = String.raw`[^\S\n]+`;

const TITLE_ALTERNATION = [...MEMBER_TITLES, ...HONORIFICS.keys()]
  .flatMap((title) => {
    const capitalised = title.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
    return [capitalised, title.toUpperCase()];
  })
  .map((title) => title.replace(/ /g, '\\s+'))
  .join('|');
/** An initial ("H.", "H") or a capitalised name word ("Helen", "O'Reardon", "Lawrence-Anderson"). */
const NAME_WORD = String.raw`(?:\p{Lu}\.?(?=[^\S\n])|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}{2,}(?=\s+\p{Lu}\p{Ll}))`;
const SURNAME_WORD = String.raw`(?:(?:van|von|de|la|le|du|da|di|del|st|ap)[^\S\n]+)*\p{Lu}[\p{L}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}'’]+)*`;
const POST_NOMINAL_WORD = String.raw`(?:CC|OBE|MBE|CBE|KBE|DBE|BEM|JP|DL|MP|MSP|KC|QC)\b`;

/** A titled name in running text: "Cllr Hale", "Mrs H Fryer CC", "Councilmember Lawrence-Anderson". */
const TITLED_NAME = new RegExp(
  String.raw`\b(?:${TITLE_ALTERNATION})\.?(?:${GAP}(?:Mr|Mrs|Ms|Miss|Dr)\.?)?${GAP}(?:${NAME_WORD}${GAP}){0,3}${SURNAME_WORD}(?:${GAP}${POST_NOMINAL_WORD})*`,
  'gu',
);

/**
 * Names with a title in running text ("Councillor Moore declared…", "Mrs H Fryer CC replied"), in
 * order. Untitled names are left alone: in running text a capitalised pair is as often a place or
 * a programme as a person.
 */
export function findTitledNames(text: string): NameInText[] {
  const found: NameInText[] = [];
  for (const match of text.replace(/’/g, "'").matchAll(TITLED_NAME)) {
    // A list's plural title ("Cllrs Wrenfield, Oakes…") names its first person in the singular.
    const name = trimTrailingNonName(
      match[0].replace(/^(Cllr|Councillor|Councilmember|Council Member|Councilor)s\b/i, '$1'),
    );
    if (name && parsePersonName(name)) found.push({ name, index: match.index ?? 0 });
  }
  return found;
}

/** Words that make a titled phrase an institution, not a person ("Alderman Richard Newtons Charity Trust"). */
const INSTITUTION =
  /\b(?:Trust|Charity|School|Academy|College|Centre|Center|Hall|House|Road|Street|Lane|Fund|Foundation|Court|Park|Ward|Way|Close|Avenue|Drive|Estate|Building|Room|Chamber|Hospital|Library|Award|Memorial|Cup|Prize)\b/;

/** Drops capitalised words the greedy match took that are not part of the name ("Cllr Smith Chairman"). */
function trimTrailingNonName(match: string): string | null {
  if (INSTITUTION.test(match)) return null;
  const name = match.replace(/['’]s$/, '');
  const words = name.split(/\s+/);
  while (words.length > 1 && NOT_A_NAME.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  return words.length > 1 ? words.join(' ') : null;
}

/** Whether a printed title marks an elected member (for a list's plural title: "Councillors A, B and C"). */
export function isMemberTitle(word: string): boolean {
  return MEMBER_TITLES.includes(word.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '));
}

/** The member titles, longest first, as a regular-expression alternation (no capture group). */
export const MEMBER_TITLE = `(?:${MEMBER_TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|')})\\.?`;

/**
 * A name where minutes put a person beside a verb ("moved by Foy", "That Mrs. H. Fryer CC be
 * elected", "Councillor Duthie, seconded by…"): titled or a bare surname, on one line. One capture
 * group; what it captures still needs {@link cleanPersonName}.
 */
export const PERSON_NAME = String.raw`((?:(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Prof|Revd?|Cllr)\.|[A-Z][\w'’-]*)[^\S\n]+){0,5}[A-Z][\w'’-]*[a-z][\w'’-]*(?:[^\S\n]+(?:CC|OBE|MBE|CBE|JP|DL))*)`;

/** Words a {@link PERSON_NAME} match can take in front of a name: the sentence's, not the name's. */
const LEADING_NOT_NAME =
  /^(?:(?:That|And|Then|Following|Resolved|RESOLVED|It|The|This|Upon|As|After|When|Moved|Seconded|Proposed)\s+)+/;

/** A {@link PERSON_NAME} match made a name: sentence words at either end dropped; null when no name is left. */
export function cleanPersonName(raw: string | undefined): string | null {
  const words = (raw ?? '').replace(LEADING_NOT_NAME, '').trim().split(/\s+/);
  while (words.length > 1 && NOT_A_NAME.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  const name = words.join(' ');
  return name && parsePersonName(name) ? name : null;
}
