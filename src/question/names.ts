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
