import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import { tokenize } from './words.js';

/**
 * How each word of a question is used in it, by compromise's part-of-speech tagger (a maintained
 * lexicon and rules, which reads lower-case chat wording too): "pay" in "how much will people pay
 * for water" is a verb, "drain" in "fix the collapsed drain" a noun. Only the classes the question
 * reader needs are told apart.
 */
export type WordClass = 'noun' | 'verb' | 'modifier' | 'other';

/**
 * compromise's tags, most telling first. A word tagged both noun and verb is a noun ("parking").
 * An "-ing" form is left unclassed: the tagger reads one from the ending alone, misspelt nouns
 * among them ("recyling"), and the reader has its own rule for "-ing".
 */
const CLASS_OF_TAG: ReadonlyArray<[string, WordClass]> = [
  ['Gerund', 'other'],
  ['Noun', 'noun'],
  ['Verb', 'verb'],
  ['Adjective', 'modifier'],
  ['Adverb', 'modifier'],
  ['Preposition', 'modifier'],
];

/**
 * Loaded on first use, from its single-file CommonJS build: a third of a second that commands
 * which never read a question (`--help`, `ingest`) should not pay.
 */
let nlp: typeof nlpType | null = null;

interface TaggedTerm {
  terms: Array<{ normal?: string; text: string; tags: string[] }>;
}

/**
 * The class of each word of `text` (lower case, as the reader tokenises it), from its first use.
 * A word the tagger splits or joins differently from the reader is left out: callers fall back to
 * their own reading.
 */
export function wordClasses(text: string): Map<string, WordClass> {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  const classes = new Map<string, WordClass>();
  for (const { terms } of nlp(text).terms().json() as TaggedTerm[]) {
    const term = terms[0];
    if (!term) continue;
    const [word, ...more] = tokenize(term.normal ?? term.text);
    if (!word || more.length > 0 || classes.has(word)) continue;
    const wordClass = CLASS_OF_TAG.find(([tag]) => term.tags.includes(tag))?.[1] ?? 'other';
    classes.set(word, wordClass);
  }
  return classes;
}

interface Conjugation {
  Infinitive?: string;
  PastTense?: string;
  PresentTense?: string;
  Gerund?: string;
  Participle?: string;
}

/**
 * Prefixes that keep a verb's irregular forms: "overspend" is spent as "spend" is ("overspent"),
 * "withdraw" drawn as "draw". The tagger knows the plain verbs' forms but makes the prefixed ones
 * regular ("overspended").
 */
const KEEPING_PREFIXES = ['over', 'under', 'out', 'with', 'mis', 'fore', 'up', 're'];

/**
 * The other forms of a verb, from compromise's conjugations: "overspent" gives "overspend",
 * "overspends", "overspending"; "overspend" gives "overspent" too. Minutes say "the service
 * overspent" where a question asks about "the overspend", and "£2m was withdrawn" where it asks what
 * was "withdrawn" or "withdrew". Empty for a word the tagger reads as no verb.
 */
export function verbForms(word: string): string[] {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  const conjugated = (verb: string) => (nlp?.(verb).verbs().conjugate()[0] ?? null) as Conjugation | null;
  const forms = conjugated(word);
  if (!forms?.Infinitive) return [];
  const all = new Set<string>(Object.values(forms).filter((form) => !/\s/.test(form)));
  const infinitive = forms.Infinitive;
  const prefix = KEEPING_PREFIXES.find((p) => infinitive.startsWith(p) && infinitive.length - p.length >= 3);
  const root = prefix ? conjugated(infinitive.slice(prefix.length)) : null;
  if (prefix && root?.Infinitive === infinitive.slice(prefix.length)) {
    for (const form of Object.values(root)) if (!/\s/.test(form)) all.add(prefix + form);
  }
  all.delete(word);
  return [...all];
}
