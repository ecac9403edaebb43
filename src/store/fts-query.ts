/**
 * Turns free text into an FTS5 MATCH expression that cannot break FTS5's syntax: every term is a
 * double-quoted string (quotes inside doubled), so words like NOT, NEAR, `*`, `:` or `-` in a
 * question are plain text. Terms are ORed, so BM25 ranks passages by how many and how rare the
 * matching terms are; a "quoted phrase" in the question stays one phrase.
 */

/** At most this many terms reach FTS5: a pasted page of text should not make a query crawl. */
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

/**
 * The MATCH expression for `text`, or null when it has nothing searchable (only punctuation). Every
 * term is searched: which words of a question carry its topic is the question reader's to say
 * (src/question), and the retriever sends only those.
 */
export function buildMatchExpression(text: string): string | null {
  const unique = [...new Map(terms(text).map((term) => [term.toLowerCase(), term])).values()].slice(0, MAX_TERMS);
  if (unique.length === 0) return null;
  return unique.map((term) => `"${term.replaceAll('"', '""')}"`).join(' OR ');
}
