/**
 * Turns free text into the terms a keyword search looks for, for both stores: words and "quoted
 * phrases" in order, stopwords dropped unless nothing else is left ("who is on it" still searches
 * something), duplicates dropped, at most MAX_TERMS. Each store renders the terms into its own
 * query language with every term quoted, so no question can break the query syntax; terms are
 * ORed, so ranking decides by how many and how rare the matching terms are.
 */

/** Words so common in questions that matching them only adds noise and work. */
const STOPWORDS = new Set(
  (
    'a about above after again all am an and any are as at be been before being below between both but by can ' +
    'could did do does doing during each few for from further had has have having he her here hers him his how ' +
    'i if in into is it its itself just me more most my no nor not of off on once only or other our out over own ' +
    'same she should so some such than that the their them then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your'
  ).split(' '),
);

/** At most this many terms reach the store: a pasted page of text should not make a query crawl. */
const MAX_TERMS = 48;

/** Splits text into phrases ("quoted") and words, in order. */
function terms(text: string): string[] {
  const found: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) found.push(phrase.trim());
    else if (word !== undefined) found.push(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  }
  return found.filter((term) => /[\p{L}\p{N}]/u.test(term));
}

/** The terms to search for in `text`; empty when it has nothing searchable (only punctuation). */
export function searchTerms(text: string): string[] {
  const all = terms(text);
  const content = all.filter((term) => term.includes(' ') || !STOPWORDS.has(term.toLowerCase()));
  const chosen = content.length > 0 ? content : all;
  return [...new Map(chosen.map((term) => [term.toLowerCase(), term])).values()].slice(0, MAX_TERMS);
}
