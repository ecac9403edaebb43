import { tokenize } from './words.js';

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

/** The known committees and councils a question names in full (case and punctuation aside). */
export function namedScope(question: string, known: KnownNames | undefined): NamedScope {
  const scope: NamedScope = { committees: [], councils: [], words: new Set() };
  if (!known) return scope;
  const flat = ` ${tokenize(question).join(' ')} `;
  const find = (names: string[], into: string[]) => {
    for (const name of names) {
      const words = tokenize(name);
      if (words.length < 2 || !flat.includes(` ${words.join(' ')} `)) continue;
      into.push(name);
      for (const word of words) scope.words.add(word);
    }
  };
  find(known.committees, scope.committees);
  find(known.councils, scope.councils);
  return scope;
}
