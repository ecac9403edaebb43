/**
 * Turns free text into the terms a keyword search looks for, for both stores: words and "quoted
 * phrases" in order, duplicates dropped, at most MAX_TERMS. Each store renders the terms into its
 * own query language with every term quoted, so no question can break the query syntax; terms are
 * ORed, so ranking decides by how many and how rare the matching terms are. Which words are worth
 * searching is the caller's choice, not the store's: the retriever sends the topic words the
 * question reader (src/question, with the one stopword list) kept.
 */

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
  return [...new Map(terms(text).map((term) => [term.toLowerCase(), term])).values()].slice(0, MAX_TERMS);
}
