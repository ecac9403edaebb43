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
}

/**
 * The known committees and councils a question names: in full (case and punctuation aside), or by
 * the place name in them ("pellham PC", "anything from Wessmoor?"): a word of the name that is
 * no English word and no word questions share.
 */
export function namedScope(question: string, known: KnownNames | undefined): NamedScope {
  const scope: NamedScope = { committees: [], councils: [], words: new Set() };
  if (!known) return scope;
  const tokens = tokenize(question);
  const flat = ` ${tokens.join(' ')} `;
  const asked = new Set(tokens);
  const find = (names: string[], into: string[]) => {
    for (const name of names) {
      const words = tokenize(name);
      if (words.length >= 2 && flat.includes(` ${words.join(' ')} `)) {
        into.push(name);
        for (const word of words) scope.words.add(word);
        continue;
      }
      const places = words.filter((w) => asked.has(w) && isPlaceName(w));
      if (places.length === 0) continue;
      into.push(name);
      for (const word of places) scope.words.add(word);
    }
  };
  find(known.committees, scope.committees);
  find(known.councils, scope.councils);
  return scope;
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

/**
 * A body the question names that the index does not hold: the words a body noun is qualified
 * by ("planning" in "who chaired the planning committee"), when none of them is in the name of an
 * indexed committee or council. Null when the question names no body, names one only by its kind
 * ("the committee"), or names one the index holds. A records answer must not give another body's
 * chair or attendance for it.
 */
export function unknownBodyNamed(question: string, known: KnownNames): string | null {
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
    if (named.length > 0 && !named.some((word) => held.has(word))) return [...qualifiers, kind].join(' ');
  }
  return null;
}
