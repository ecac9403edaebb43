import { tokenize } from './words.js';

/**
 * Abbreviations used across English local government that minutes often never spell out. The
 * minutes' own definitions come first; these only fill in where a council's minutes are silent.
 */
const COMMON_ABBREVIATIONS: Record<string, string[]> = {
  ASC: ['adult social care'],
  CAMHS: ['child and adolescent mental health services'],
  CCG: ['clinical commissioning group'],
  CIC: ['children in care'],
  CIL: ['community infrastructure levy'],
  CIN: ['child in need', 'children in need'],
  CLA: ['children looked after'],
  CP: ['child protection'],
  CSC: ["children's social care", 'childrens social care'],
  CSPR: ['child safeguarding practice review'],
  DFE: ['department for education'],
  EHCP: ['education health and care plan'],
  EP: ['educational psychologist'],
  FGC: ['family group conference'],
  FSM: ['free school meals'],
  HAF: ['holiday activities and food', 'holiday activity and food'],
  HMO: ['house in multiple occupation'],
  ICB: ['integrated care board'],
  IRO: ['independent reviewing officer'],
  LA: ['local authority'],
  LAC: ['looked after children', 'looked after child'],
  LADO: ['local authority designated officer'],
  MASH: ['multi agency safeguarding hub'],
  NEET: ['not in education employment or training'],
  PC: ['parish council'],
  PRU: ['pupil referral unit'],
  SEN: ['special educational needs'],
  SEND: ['special educational needs and disabilities'],
  SENCO: ['special educational needs coordinator'],
  SW: ['social worker'],
  UASC: ['unaccompanied asylum seeking children'],
  YOS: ['youth offending service'],
};

/**
 * Acronyms and what they stand for, learned from the minutes themselves: "Education, Health and
 * Care Plan (EHCP)", "TSIL (Transforming SEND and Inclusion in Leicestershire)". Councils coin
 * their own (TSIL, DCFSF), so no fixed list would do; common local-government abbreviations fill
 * in where the minutes define nothing.
 */
export class Glossary {
  /** Upper-case acronym -> long forms seen for it in the minutes. */
  readonly entries = new Map<string, Set<string>>();

  /** Learns every acronym definition in `text`. */
  learn(text: string): void {
    const flat = text.replace(/\s+/g, ' ');
    // Find the brackets first and look back only a few words: a pattern that scans for the long
    // form at every position of the text is quadratic on real minutes.
    // "Long Form (ACR)"
    for (const match of flat.matchAll(/\(([A-Z][A-Za-z&]{1,9})\)/g)) {
      const acronym = match[1] ?? '';
      const start = Math.max(0, (match.index ?? 0) - LOOK_BACK_CHARS);
      // The window's first word may be cut in two, unless the window starts the text.
      const before = flat
        .slice(start, match.index)
        .split(' ')
        .slice(start > 0 ? 1 : 0);
      const longForm = matchLongForm(before.join(' '), acronym);
      if (longForm) this.add(acronym, longForm);
    }
    // "ACR (Long Form)"
    for (const match of flat.matchAll(/\b([A-Z][A-Z&]{1,9}s?) \(([^()]{4,120})\)/g)) {
      const acronym = (match[1] ?? '').replace(/s$/, '');
      const longForm = matchLongForm(match[2] ?? '', acronym, { anchoredStart: true });
      if (longForm) this.add(acronym, longForm);
    }
  }

  private add(acronym: string, longForm: string): void {
    const key = acronym.replace(/s$/, '').toUpperCase();
    const forms = this.entries.get(key) ?? new Set<string>();
    forms.add(longForm);
    this.entries.set(key, forms);
  }

  /**
   * Long forms of `word` if it is an acronym the minutes define ("EHCPs" counts as "EHCP"), else if
   * it is a common local-government abbreviation, else none.
   */
  expand(word: string): string[] {
    const key = word.toUpperCase().replace(/’S$|'S$/, '');
    const singular = key.replace(/S$/, '');
    const forms = this.entries.get(key) ?? this.entries.get(singular);
    if (forms) return [...forms];
    return COMMON_ABBREVIATIONS[key] ?? COMMON_ABBREVIATIONS[singular] ?? [];
  }

  /** Whether the minutes themselves define `word` as an acronym. */
  defines(word: string): boolean {
    const key = word.toUpperCase().replace(/’S$|'S$/, '');
    return this.entries.has(key) || this.entries.has(key.replace(/S$/, ''));
  }

  /**
   * Acronyms whose long form appears in `text` ("education health and care plan" -> EHCP); with
   * `definedOnly`, only those the minutes themselves define.
   */
  acronymsIn(text: string, options: { definedOnly?: boolean } = {}): string[] {
    const flat = ` ${tokenize(text).join(' ')} `;
    const found = new Set<string>();
    const all: Array<[string, Iterable<string>]> = [
      ...this.entries,
      ...(options.definedOnly ? [] : Object.entries(COMMON_ABBREVIATIONS)),
    ];
    for (const [acronym, forms] of all) {
      if ([...forms].some((form) => flat.includes(` ${tokenize(form).join(' ')} `))) found.add(acronym);
    }
    return [...found];
  }

  get size(): number {
    return this.entries.size;
  }
}

/** How far before "(ACR)" a long form may start: ten words of twelve letters. */
const LOOK_BACK_CHARS = 130;

/**
 * Words an acronym may leave out of its initials ("Defining Children and Family Services for the
 * Future" is DCFSF): one list for reading definitions here and for finding initials in passages.
 */
export const SKIPPED_IN_INITIALS: ReadonlySet<string> = new Set([
  'and',
  'of',
  'for',
  'the',
  'in',
  'to',
  'on',
  'a',
  'an',
  '&',
  'with',
  'at',
]);

/**
 * The shortest run of words ending the text whose initials spell the acronym (function words may
 * be skipped, as in "Defining Children and Family Services for the Future (DCFSF)").
 */
function matchLongForm(text: string, acronym: string, options: { anchoredStart?: boolean } = {}): string | null {
  const letters = acronym.replace(/s$/, '').replace(/&/g, '').toLowerCase();
  if (letters.length < 2) return null;
  const words = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[,;:.]+$/, ''));
  const candidates = options.anchoredStart
    ? [words]
    : words.map((_, start) => words.slice(start)).filter((w) => w.length <= letters.length * 2 + 2);
  for (const window of candidates.reverse()) {
    if (initialsMatch(window, letters)) return window.join(' ');
  }
  return null;
}

function initialsMatch(words: string[], letters: string): boolean {
  // Walk the letters through the words; a function word may be used or skipped.
  const walk = (w: number, l: number): boolean => {
    if (l === letters.length) return w === words.length;
    if (w === words.length) return false;
    const word = words[w]?.toLowerCase() ?? '';
    if (word.startsWith(letters[l] ?? '') && walk(w + 1, l + 1)) return true;
    return SKIPPED_IN_INITIALS.has(word) && walk(w + 1, l);
  };
  return walk(0, 0);
}
