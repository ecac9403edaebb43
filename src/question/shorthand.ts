/**
 * Shorthand officers type: council abbreviations ("cttee", "cllr", "mins", "s106") and texting
 * ("ppl", "b4", "yrs"). Each is written out before the question is read, so "cttee mins" reads as
 * "committee minutes". Acronyms that stand for a name ("LAC", "PC") are in glossary.ts instead:
 * the minutes' own definitions take precedence over those.
 */

/** Lower-cased shorthand word -> what it stands for. */
const SHORTHAND: Record<string, string> = {
  cttee: 'committee',
  ctte: 'committee',
  cttees: 'committees',
  cmttee: 'committee',
  mins: 'minutes',
  mtg: 'meeting',
  mtgs: 'meetings',
  cllr: 'councillor',
  cllrs: 'councillors',
  clr: 'councillor',
  dept: 'department',
  depts: 'departments',
  govt: 'government',
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  wks: 'weeks',
  ppl: 'people',
  b4: 'before',
  thru: 'through',
  til: 'until',
  till: 'until',
  tho: 'though',
  cos: 'because',
  coz: 'because',
  w: 'with',
  r: 'are',
  u: 'you',
  ur: 'your',
  pls: 'please',
  approx: 'approximately',
  avg: 'average',
  resi: 'residential',
  perm: 'permanent',
  indep: 'independent',
  exec: 'executive',
  mgmt: 'management',
  mgr: 'manager',
  asst: 'assistant',
  recs: 'recommendations',
  info: 'information',
  conf: 'conference',
  s106: 'section 106',
  // Counties and regions as officers shorten them.
  mids: 'midlands',
  leics: 'leicestershire',
  notts: 'nottinghamshire',
  derbys: 'derbyshire',
  lincs: 'lincolnshire',
  staffs: 'staffordshire',
  warks: 'warwickshire',
  worcs: 'worcestershire',
  northants: 'northamptonshire',
  cambs: 'cambridgeshire',
  herts: 'hertfordshire',
  lancs: 'lancashire',
  yorks: 'yorkshire',
  hants: 'hampshire',
  wilts: 'wiltshire',
  glos: 'gloucestershire',
  oxon: 'oxfordshire',
  // Street names as addresses shorten them ("hollow ln", "station rd").
  ln: 'lane',
  rd: 'road',
  blvd: 'boulevard',
  hwy: 'highway',
  pkwy: 'parkway',
  sq: 'square',
  cres: 'crescent',
  gdns: 'gardens',
  kids: 'children',
  kid: 'child',
  uni: 'university',
  xmas: 'christmas',
  hols: 'holidays',
  lockdown: 'covid restrictions',
  lockdowns: 'covid restrictions',
  // Texting shorthand from the common public lists of SMS abbreviations, for words a question uses.
  abt: 'about',
  y: 'why',
  bc: 'because',
  bcuz: 'because',
  btwn: 'between',
  nxt: 'next',
  nvr: 'never',
  eva: 'ever',
  hv: 'have',
  ne1: 'anyone',
  any1: 'anyone',
  sum1: 'someone',
  some1: 'someone',
  '2day': 'today',
  '2moro': 'tomorrow',
  tmrw: 'tomorrow',
  l8: 'late',
  l8r: 'later',
  dnt: 'do not',
  dznt: 'does not',
  // Spoken contractions typed as said.
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  kinda: 'kind of',
  sorta: 'sort of',
  dunno: 'do not know',
  lemme: 'let me',
  gimme: 'give me',
  // Contractions typed without their apostrophe ("whos the chair", "didnt"): read as written out,
  // so "whos" asks who and is not a word of the topic. ("its", "lets", "well" are words as they are.)
  whos: 'who is',
  whats: 'what is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  thats: 'that is',
  theres: 'there is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  cant: 'cannot',
  wont: 'will not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  youre: 'you are',
  theyre: 'they are',
  ive: 'I have',
  im: 'I am',
};

/**
 * Words that are shorthand in council talk but words of their own too ("the planning app", "a
 * parking app"): written out only where the minutes never use them and do use what they stand for.
 */
const SHORTHAND_UNLESS_USED: Record<string, string> = {
  app: 'application',
  apps: 'applications',
};

/** The question with {@link SHORTHAND_UNLESS_USED} written out where the minutes lack the short form. */
export function withoutMinutesShorthand(text: string, used: (word: string) => boolean): string {
  return text.replace(/(?<![\p{L}\p{N}'’-])\p{L}+(?![\p{L}\p{N}-])/gu, (word) => {
    const long = SHORTHAND_UNLESS_USED[word.toLowerCase()];
    return long && !used(word.toLowerCase()) && used(long) ? long : word;
  });
}

/**
 * The question with its shorthand written out. "re" is read as "about" only where it stands alone
 * ("re the audit", "re: trail lighting"), never inside "re-referral"; "no." and "no of" read as
 * "number of"; a possessive keeps its "'s" or plural "'" ("dept's" is "department's", "kids'" is
 * "children'").
 */
export function withoutShorthand(text: string): string {
  return (
    text
      .replace(/(?<![\p{L}\p{N}-])re:?(?=\s)/giu, 'about')
      .replace(/\bno\.?\s+of\b|\bno\.(?=\s)/gi, 'number of')
      .replace(/\bq([1-4])\b/gi, 'quarter $1')
      // "w/" and "w/o", before the slash splits them into words.
      .replace(/(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/giu, 'without')
      .replace(/(?<![\p{L}\p{N}])w\/\s*(?=\p{L})/giu, 'with ')
      // "C&F" is an acronym (initials "CF"); a spaced "&" is "and".
      .replace(/\b(\p{Lu}+)&(\p{Lu}+)\b/gu, '$1$2')
      .replace(/&/g, ' and ')
      .replace(
        /(?<![\p{L}\p{N}'’-])([\p{L}\p{N}]+)(?=['’]s\b|['’](?![\p{L}\p{N}])|(?![\p{L}\p{N}'’-]))/gu,
        (word: string) => {
          const long = SHORTHAND[word.toLowerCase()];
          return long ?? word;
        },
      )
      // "Who couldn't make the March meeting", "who missed the last meeting": what minutes record
      // as apologies (or absence), said the way people ask it. Only of a meeting: "could not make a
      // decision" stays as it is.
      .replace(ABSENT_FROM_MEETING, 'sent apologies to')
  );
}

const ABSENT_FROM_MEETING =
  /\b(?:could not|cannot|can not|did not|(?:was |were )?unable to) (?:make|attend|come to|get to)(?= (?:it to )?(?:the |this |that |last |our |their )?(?:[\p{L}\p{N}]+ )?meetings?\b)|\bmissed(?= (?:the |this |that |last |our |their )?(?:[\p{L}\p{N}]+ )?meetings?\b)/giu;
