/**
 * Small text tools for answering without a model: content words of a question, sentences of a
 * passage, acronyms defined in the passages themselves. Deliberately plain: minutes are formal
 * English, and a transparent scorer is easier to trust than a clever one.
 */

/**
 * Words that carry no topic. Besides ordinary function words this holds the vocabulary every
 * minute item shares ("committee", "members", "report"), which would otherwise make any item look
 * relevant to any question.
 */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here
  hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
  our out over own same she should so some such than that the their them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your
  yours shall may might must said say says saying tell told asked ask discuss discussed discussion talk talked
  heard hear mentioned mention raised raise decide decided happen happened did done get got go went say
  committee committees commission council councils meeting meetings minute minutes member members item items
  report reports agenda officer officers cabinet scrutiny overview last latest recent recently
  ever over years year history previously many much share whether`
    .split(/\s+/)
    .filter(Boolean),
);

/** Reduces a word to a crude stem so "EHCPs", "EHCP's" and "EHCP" meet, and "referrals" meets "referral". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    w = w.slice(0, -1);
  }
  if (w.length > 8 && w.endsWith('ment')) w = w.slice(0, -4);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

/** Words of a text, lower-cased, with numbers kept (they are often the answer). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The stems of the words in `text` that say what it is about. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    if (STOPWORDS.has(lower) || (lower.length < 2 && !/\d/.test(lower))) continue;
    out.push(stem(lower));
  }
  return out;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev|St|No|Nos|Co|Ltd|para|paras|approx|etc|e\.g|i\.e|cf|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu})\.$/u;

/**
 * Splits a passage into sentences. A full stop ends a sentence only when followed by space and a
 * capital, digit or opening bracket/quote, and not after a title ("Mrs.") or an initial ("H. J.").
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const sentences: string[] = [];
  const boundary = /([.!?])(["”’)]?)\s+(?=["“‘(•\-\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(flat); match !== null; match = boundary.exec(flat)) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const candidate = flat.slice(start, end);
    if (match[1] === '.' && ABBREVIATIONS.test(candidate)) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) sentences.push(rest);
  // Bulleted lists and numbered sub-points flatten into one run; split them so each bullet or
  // point ("iii) Although 90% …", "b) That the …") can be weighed on its own.
  return sentences
    .flatMap((s) => s.split(/\s•\s|\s(?=\(?(?:[ivx]{1,5}|[a-h])\)\s+["“\p{Lu}\p{N}])/u))
    .map((s) => s.replace(/^[•\-–]\s*/, '').trim())
    .filter(Boolean);
}

/**
 * Acronyms the minutes define for themselves ("Education, Health and Care Plan (EHCP)"), so a
 * question using either form finds sentences using the other. Keys are lower-case acronyms; values
 * are the stems of the expansion's content words.
 */
export function definedAcronyms(texts: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const pattern = /((?:[\p{L}][\p{L}'’-]*[,\s]+(?:and\s+|of\s+|for\s+|&\s+)?){1,8})\(([A-Z][A-Za-z]{1,9})s?\)/gu;
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const acronym = match[2] ?? '';
      const before = words(match[1] ?? '');
      const letters = acronym.replace(/[a-z]/g, '').toLowerCase();
      // Walk back from the bracket until the initials of the words read the acronym.
      const picked: string[] = [];
      let need = letters;
      for (const word of [...before].reverse()) {
        if (need.length === 0) break;
        const initial = word.charAt(0).toLowerCase();
        if (initial === need[need.length - 1]) {
          picked.unshift(word);
          need = need.slice(0, -1);
        } else if (/^(and|of|for|the|in)$/i.test(word)) {
          picked.unshift(word);
        } else {
          break;
        }
      }
      if (need.length === 0 && picked.length >= 2) {
        found.set(acronym.replace(/s$/, '').toLowerCase(), contentStems(picked.join(' ')));
      }
    }
  }
  return found;
}

/** Numbers, money and percentages in a text: answers to "how many / how much" questions. */
export function hasFigure(text: string): boolean {
  return /(£\s?\d|\d+(?:\.\d+)?\s?%|\b\d[\d,]*(?:\.\d+)?\b)/.test(text);
}

/** Sentences that address a reader as if they were instructions: minutes never do this honestly. */
export function looksLikeInstruction(sentence: string): boolean {
  return /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompt|rules|above|previous)\b|\b(system prompt|you are (now )?(an?|the) (ai|assistant|bot|model)|as an ai)\b|<!(channel|here|everyone)|@(channel|here|everyone)\b/i.test(
    sentence,
  );
}
