/**
 * Word-level text handling shared by the glossary and relevance scoring: tokens, a light stemmer
 * and the words a question is made of that say nothing about its subject.
 */

/** Function words, and question words that every question about minutes contains. */
const NOISE = new Set(
  (
    'a about above after again all also am an and any are as at be been before being below between both but by can ' +
    'could did do does doing during each few for from further had has have having he her here hers him his how ' +
    'i if in into is it its itself just me more most my no nor not of off on once only or other our out over own ' +
    'same she should so some such than that the their them then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your ' +
    // Question boilerplate: present in every question about minutes, so it tells items apart not at all.
    'said say says tell told discuss discussed discussion committee committees council councils meeting meetings ' +
    'minute minutes member members heard hear last ever year years time times get got find found know ' +
    'last since recent recently latest anything things thing happened happen go going went ' +
    'anyone anybody someone somebody something everyone everybody everything'
  ).split(' '),
);

/** Lower-cased word and number tokens; apostrophes and hyphens split words. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A crude English stemmer: enough to match "referrals" to "referral" and "educated" to "education". */
export function stem(token: string): string {
  let t = token;
  // "families" -> "family", and no further: "-ly" below would make it "fami".
  if (t.length > 4 && t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && t.endsWith('sses')) t = t.slice(0, -2);
  else if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us')) t = t.slice(0, -1);
  if (t.length > 5 && t.endsWith('ing')) t = t.slice(0, -3);
  else if (t.length > 4 && t.endsWith('ed')) t = t.slice(0, -2);
  else if (t.length > 5 && t.endsWith('ly')) t = t.slice(0, -2);
  return t;
}

/** The content words of a question, as written (lower-cased), in order, without duplicates. */
export function contentWords(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => !NOISE.has(t) && !/^\d{1,2}$/.test(t)))];
}

/** The content words of a question, stemmed, in order, without duplicates. */
export function contentStems(text: string): string[] {
  return [...new Set(contentWords(text).map(stem))];
}

/**
 * Whether a document's stems contain `wanted`: exactly, or as a prefix for longer stems so that
 * "educat" (educated) finds "education".
 */
export function hasStem(doc: ReadonlySet<string>, wanted: string): boolean {
  if (doc.has(wanted)) return true;
  if (wanted.length < 5) return false;
  for (const s of doc) if (s.length > wanted.length && s.startsWith(wanted)) return true;
  return false;
}

/** All stems of a text, for matching. */
export function stemSet(text: string): Set<string> {
  return new Set(tokenize(text).map(stem));
}
