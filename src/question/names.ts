import { monthNumber } from '../dates.js';
import { isEnglishWord } from './english.js';
import { isStopword } from './stopwords.js';
import { isNumber, tokenize } from './words.js';

/** A word of a body's name that names its place: "pellham", "wessmoor", not "parish" or "children". */
function isPlaceName(word: string): boolean {
  return word.length >= 4 && !isNumber(word) && !isStopword(word) && !isEnglishWord(word);
}

/**
 * Committees and councils a question names ("what did the Children, Young People and Education
 * Scrutiny Commission hear about…", "…at Leicester City Council"). A name says where to look, not
 * what about: its words are scope, kept out of the topic, and items of that body rank first.
 */

/** The committees and councils of the index, by name. */
export interface KnownNames {
  committees: string[];
  councils: string[];
}

/** The names a question gives, and the words they are made of. */
export interface NamedScope {
  committees: string[];
  councils: string[];
  /** Lower-case words of the names found, which carry no topic. */
  words: Set<string>;
  /**
   * Councils named only by a place word of their name ("anything from Wessmoor?"), with those words:
   * a place may be named for itself too ("Leicester City Football Club" is no council's), where a
   * council named in full is that council.
   */
  councilPlaces: Map<string, string[]>;
  /**
   * Councils named in another order or shorter than their name ("Quarry Falls City" for "City of
   * Quarry Falls", "hillcrest sd"), with the words as the question writes them.
   */
  councilsWritten: Map<string, string[]>;
}

/**
 * The known committees and councils a question names: in full (case and punctuation aside), or by
 * the place name in them ("pellham PC", "anything from Wessmoor?"): a word of the name that is
 * no English word and no word questions share.
 */
export function namedScope(question: string, known: KnownNames | undefined): NamedScope {
  const scope: NamedScope = {
    committees: [],
    councils: [],
    words: new Set(),
    councilPlaces: new Map(),
    councilsWritten: new Map(),
  };
  if (!known) return scope;
  const tokens = tokenize(question);
  const flat = ` ${tokens.join(' ')} `;
  const asked = new Set(tokens);
  const find = (names: string[], into: string[], places?: Map<string, string[]>, writtens?: Map<string, string[]>) => {
    for (const name of names) {
      const words = tokenize(name);
      const written =
        words.length >= 2 ? (writtenAs(words, flat) ?? (places ? writtenByPlace(words, flat) : null)) : null;
      if (written) {
        into.push(name);
        for (const word of [...words, ...written]) scope.words.add(word);
        if (written !== words) writtens?.set(name, written);
        continue;
      }
      const named = words.filter((w) => asked.has(w) && isPlaceName(w));
      if (named.length === 0) continue;
      into.push(name);
      places?.set(name, named);
      for (const word of named) scope.words.add(word);
    }
  };
  find(known.committees, scope.committees);
  find(known.councils, scope.councils, scope.councilPlaces, scope.councilsWritten);
  return scope;
}

/** Fewest letters a name's initials may have to name it alone: two ("PC") name too much. */
const MIN_WHOLE_INITIALS = 3;

/** Most words the kind of body before "of" in a name may have ("London Borough of …"). */
const MAX_KIND_WORDS = 3;

/**
 * How a name of two words or more is written in the question (`flat`, tokens between spaces), as
 * its words, or null: in full ("hillcrest school district"), with the place put first, by its
 * initials ("TMU"), or with the kind of body after the place cut to its initials, as people type it
 * ("hillcrest sd", "pellham pc", "kent cc").
 */
function writtenAs(words: string[], flat: string): string[] | null {
  if (flat.includes(` ${words.join(' ')} `)) return words;
  // "City of Quarry Falls" as "Quarry Falls City (Council)", "Borough of Kellsville" as "Kellsville Borough".
  const of = words.indexOf('of');
  if (of > 0 && of <= MAX_KIND_WORDS && of < words.length - 1) {
    const placeFirst = [...words.slice(of + 1), ...words.slice(0, of)];
    if (flat.includes(` ${placeFirst.join(' ')} `)) return placeFirst;
  }
  // "TMU" for Thornbury Metropolitan University: every word's initial (small words left out).
  const initialsOfAll = initialsOf(words.filter((word) => !isStopword(word)));
  if (initialsOfAll.length >= MIN_WHOLE_INITIALS && flat.includes(` ${initialsOfAll} `)) return [initialsOfAll];
  for (let cut = 1; cut <= words.length - 2; cut++) {
    const shortened = [...words.slice(0, cut), initialsOf(words.slice(cut))];
    if (flat.includes(` ${shortened.join(' ')} `)) return shortened;
  }
  return null;
}

/**
 * How a council's name is written in the question by its place alone, or null: the place whole when
 * it has two words or more ("Quarry Falls" for the City of Quarry Falls), or its initials with the
 * body's noun after them ("QF council"; two initials alone name too much). Not for committees,
 * whose first words are a subject ("Social Care" of the Social Care Committee).
 */
function writtenByPlace(words: string[], flat: string): string[] | null {
  const place = placeWords(words);
  if (place.length < 2 || place.length === words.length) return null;
  if (flat.includes(` ${place.join(' ')} `)) return place;
  const initials = initialsOf(place);
  for (const kind of BODY_KINDS) if (flat.includes(` ${initials} ${kind} `)) return [initials, kind];
  return null;
}

/** Words that say what kind of council a name is, not where: "City", "Borough", "Local Municipality". */
const COUNCIL_KIND_WORDS = new Set(
  'city town borough district county village township parish municipality municipal local metropolitan regional community unitary'.split(
    ' ',
  ),
);

/**
 * The place in a council's name: the words after "of" ("City of Quarry Falls"), else those before
 * its first kind word ("Quarry Falls City Council"). Empty when a kind word starts it either way.
 */
function placeWords(words: string[]): string[] {
  const isKind = (word: string) => COUNCIL_KIND_WORDS.has(word) || BODY_KINDS.has(word);
  const of = words.indexOf('of');
  const from = of >= 0 ? words.slice(of + 1) : words;
  const end = from.findIndex(isKind);
  return (end < 0 ? from : from.slice(0, end)).filter((word) => !isStopword(word));
}

/** The first letters of `words`, run together: "tmu". */
function initialsOf(words: string[]): string {
  return words.map((word) => word[0]).join('');
}

/** The councils a question names, and how it wrote them (as {@link NamedScope} gives them). */
type CouncilsNamed = {
  councils: string[];
  councilsWritten: Map<string, string[]>;
  councilPlaces: Map<string, string[]>;
};

/**
 * The ways a question names `council`, each as its words: the name in full, as written ("quarry
 * falls", "tmu"), or the place words it was named by ("hillcrest"), never "school" on its own.
 * None when the question does not name it.
 */
export function namesOfCouncil(scope: CouncilsNamed, council: string | undefined): string[][] {
  if (!council || !scope.councils.includes(council)) return [];
  const written = scope.councilsWritten.get(council);
  return [
    tokenize(council),
    ...(written ? [written] : []),
    ...(scope.councilPlaces.get(council) ?? []).map((place) => [place]),
  ];
}

/**
 * The concepts that say what a question is about within the minutes of `councils`: not the words
 * that named one of them, which tell nothing apart there (its title lines, page headers and
 * signature lines say them too). All of them when the name is all the question says.
 */
export function topicBesideCouncilNames<C extends { word: string; subject: boolean }>(
  concepts: C[],
  scope: CouncilsNamed,
  councils: Array<string | undefined>,
): C[] {
  const naming = new Set(councils.flatMap((council) => namesOfCouncil(scope, council).flat()));
  const topical = concepts.filter((c) => c.subject || !naming.has(c.word));
  return topical.length > 0 ? topical : concepts;
}

/**
 * The council a question is asked of, when `fallback` is the council questions are scoped to unless
 * they say otherwise (MINUTEBOOK_COUNCIL): the one the caller chose (a `--council` flag), else the
 * one council the question names, else `fallback`. A question naming several councils is asked of
 * them all (undefined): "how did Kent and Medway each decide…" must search both.
 */
export function councilAskedOf(chosen: string | undefined, named: string[], fallback?: string): string | undefined {
  if (chosen) return chosen;
  if (named.length > 1) return undefined;
  return named[0] ?? fallback;
}

/** Nouns that say a name is a body's: "the Planning Committee", "Wessmoor Parish Council". */
export const BODY_KINDS: ReadonlySet<string> = new Set([
  'committee',
  'subcommittee',
  'board',
  'panel',
  'commission',
  'council',
  'forum',
  'cabinet',
  'executive',
]);
/** Body nouns that are a name on their own: "who chaired Cabinet?" names one body, "the committee" none. */
const SELF_NAMING = new Set(['cabinet', 'executive']);
/** Words before a body noun that say which meeting, not which body (months too): "the full council", "the June committee". */
const WHICH_MEETING = new Set([
  'full',
  'whole',
  'same',
  'last',
  'next',
  'previous',
  'latest',
  'first',
  'special',
  'extraordinary',
  'annual',
]);

/** Words before a body that make it where something was said or done: "at the Planning Committee". */
const SCOPE_BEFORE = new Set(['at', 'in', 'by', 'from']);
/** Verbs after a body that make it the one doing the business: "what did the Planning Committee decide". */
const SCOPE_AFTER = new Set(
  (
    'say said says decide decided decides discuss discussed discusses agree agreed agrees resolve resolved ' +
    'approve approved approves hear heard recommend recommended vote voted note noted conclude concluded ' +
    'think thought make made consider considered'
  ).split(' '),
);

/**
 * A body the question names that the index does not hold: the words a body noun is qualified
 * by ("planning" in "who chaired the planning committee"), when none of them is in the name of an
 * indexed committee or council. Null when the question names no body, names one only by its kind
 * ("the committee"), or names one the index holds. A records answer must not give another body's
 * chair or attendance for it. With `asScope`, only a body the question asks about the business of
 * counts ("what did the planning committee decide", "said at the planning committee"), not one it
 * asks about as a topic ("what was said about the youth council").
 */
export function unknownBodyNamed(
  question: string,
  known: KnownNames,
  options: { asScope?: boolean } = {},
): string | null {
  const tokens = tokenize(question.replace(/sub-committee/gi, 'subcommittee'));
  const held = new Set([...known.committees, ...known.councils].flatMap((name) => tokenize(name)));
  for (let i = 0; i < tokens.length; i++) {
    if (!BODY_KINDS.has(tokens[i] ?? '')) continue;
    const qualifiers: string[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const word = tokens[j] ?? '';
      const whichMeeting = WHICH_MEETING.has(word) || monthNumber(word) !== null;
      // A past participle ends the name: "who chaired planning committee" names the planning committee.
      if (isStopword(word) || isNumber(word) || BODY_KINDS.has(word) || whichMeeting || word.endsWith('ed')) break;
      qualifiers.unshift(word);
    }
    const kind = tokens[i] ?? '';
    const named = qualifiers.length > 0 ? qualifiers : SELF_NAMING.has(kind) ? [kind] : [];
    if (options.asScope && !isScope(tokens, i - qualifiers.length, i)) continue;
    if (named.length > 0 && !named.some((word) => held.has(word))) return [...qualifiers, kind].join(' ');
  }
  return null;
}

/** Words a body's name may hold beyond its qualifiers: "the Health and Wellbeing Board". */
const WITHIN_NAME = new Set(['the', 'and', 'of', '&']);

/** Whether the body at tokens[start..end] is where the business asked about happened or who did it. */
function isScope(tokens: string[], start: number, end: number): boolean {
  if (SCOPE_AFTER.has(tokens[end + 1] ?? '')) return true;
  // Back over the rest of the name to the word that introduces it.
  let i = start - 1;
  while (i >= 0 && i >= start - 6 && (WITHIN_NAME.has(tokens[i] ?? '') || !isStopword(tokens[i] ?? ''))) i--;
  return SCOPE_BEFORE.has(tokens[i] ?? '');
}
