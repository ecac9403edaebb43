import { sentenceEnd } from '../../src/minutes/sentences.js';
import { cleanPersonName, findTitledNames, PERSON_NAME } from '../../src/people/names.js';
import type { Meeting, MinuteItem, RecordAnchor, Vote } from '../../src/types.js';
import { readNameList } from './name-lists.js';
import { anchorOf, itemParagraphs, tidy } from './paragraphs.js';

/** A mover or seconder: titled ("Councillor Breen") or a bare surname ("Foy"). */
const NAME = PERSON_NAME;
const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const NUM = String.raw`(\d{1,3}|${NUMBER_WORDS.join('|')}|none|nil)`;

/** A motion as minutes put it, and which of its groups hold the mover, seconder and words. */
interface MotionForm {
  pattern: RegExp;
  mover?: number;
  seconder?: number;
  /** The group holding the motion's words, when they are part of the form (a nomination, "A motion to…"). */
  words?: number;
}

/** Where a motion is put. Words printed after the form ("…seconded by B, to adopt…") are the motion's. */
const MOTIONS: MotionForm[] = [
  // "It was moved by Cllr A, seconded by Cllr B and RESOLVED that…", "MOVED by Foy, seconded by Buchanan, to adopt…",
  // "Proposed as a true record by Cllr A, seconded by Cllr B", eScribe's "Moved by Councillor A" / "Seconded by Councillor B".
  {
    pattern: new RegExp(
      String.raw`\b(?:[Ii]t\s+was\s+(?:then\s+)?)?(?:MOVED|[Mm]oved|PROPOSED|[Pp]roposed)(?:\s+as\s+a\s+(?:true|correct)\s+record)?\s*(?:by|[–—:-])\s*${NAME}[,;]?\s+(?:and\s+)?(?:SECONDED|[Ss]econded)\s*(?:by|[–—:-])\s*${NAME}`,
      'g',
    ),
    mover: 1,
    seconder: 2,
  },
  // "Councilmember Ryan moved and Councilmember Lawrence-Anderson seconded to approve…"
  {
    pattern: new RegExp(String.raw`${NAME}\s+(?:moved|proposed)\s+(?:and\s+)?${NAME}\s+seconded`, 'g'),
    mover: 1,
    seconder: 2,
  },
  // "Councillor Duthie, seconded by Councillor Brodie, moved that…"
  {
    pattern: new RegExp(String.raw`${NAME},\s+seconded\s+by\s+${NAME},\s+moved(?:\s+as\s+an\s+amendment)?`, 'g'),
    mover: 1,
    seconder: 2,
  },
  // "Cllr A moved, seconded by Cllr B, that…"
  {
    pattern: new RegExp(String.raw`${NAME}\s+(?:moved|proposed),?\s+seconded\s+by\s+${NAME}`, 'g'),
    mover: 1,
    seconder: 2,
  },
  // "Motion by Smith, second by Jones, to approve…"
  {
    pattern: new RegExp(
      String.raw`\b[Mm]otion\s+(?:by|from)\s+${NAME},?\s+(?:second(?:ed)?\s+by|seconder)\s+${NAME}`,
      'g',
    ),
    mover: 1,
    seconder: 2,
  },
  // "Cllr Tong proposed Cllr Williams, seconded by Cllr Holiday" (a nomination)
  {
    pattern: new RegExp(String.raw`${NAME}\s+(?:proposed|nominated)\s+${NAME},?\s+seconded\s+by\s+${NAME}`, 'g'),
    mover: 1,
    words: 2,
    seconder: 3,
  },
  // "Cllr Wrenfield proposed that the Council object…" (seconded later, if at all)
  {
    pattern: new RegExp(String.raw`${NAME}\s+(?:moved|proposed)(?:\s+as\s+an\s+amendment)?(?=\s+(?:that|to)\b)`, 'g'),
    mover: 1,
  },
  // "A motion to refuse the application was moved and seconded", NW Leics' "Motion to Defer the application…:"
  {
    pattern:
      /\b(?:A|An|The)\s+(?:motion|amendment)\s+((?:to|for|that)\s+[^.]+?)\s+(?:was|being)\s+(?:moved|proposed|put|made)/g,
    words: 1,
  },
  { pattern: /\b(?:Motion|Amendment)\s+(to\s+[^.:]+?):\s*(?=Motion\s+status)/g, words: 1 },
];

/** An amendment is voted on with its motion (a Scottish division): it does not open an episode of its own. */
const AMENDMENT_LEAD = /\b(?:as\s+an\s+amendment|amendment\s*,?|moved\s+as\s+an\s+amendment)[\s,]*$/i;

/** The result of a vote, as minutes print it. */
const OUTCOMES: RegExp[] = [
  /\b(?:the\s+)?(?:motion|amendment|recommendation|resolution|proposal|substantive\s+motion)\s+(?:was\s+|were\s+)?(?:duly\s+|accordingly\s+|then\s+)?(carried|passed|adopted|approved|agreed|lost|failed|defeated|rejected|fell|not\s+carried)\b/gi,
  /\bMotion\s+status\s*:\s*(Carried|Rejected|Lost|Failed|Passed)\b/gi,
  /\b(CARRIED|LOST|DEFEATED|FAILED|PASSED|ADOPTED|Carried|Defeated|Adopted)\b(?:\s+(?:UNANIMOUSLY|unanimously))?(?![\w-])/g,
  /\b(?:unanimously\s+(carried|approved|agreed|appointed|adopted|resolved)|(carried|approved|agreed|passed)\s+unanimously)\b/gi,
  /\b(?:RESOLVED|AGREED|resolved|agreed)\s+\(?(unanimously|nem\.?\s*con\.?)/g,
  /\b(?:RESOLVED|resolved)\s+\(?(by\s+\S+\s+votes?\s+to\s+\S+)/g,
  /\(\s*(unanimous)(?:ly)?\s*\)/gi,
  /(?:[:;]\s*|\band\s+)(carried|lost|defeated|passed|failed)\b/g,
];

/**
 * Every vote whose result the minutes record: the motion (and who moved and seconded it), carried
 * or lost, the counts ("For: 7, Against: 3, Abstentions: 1", "carried 5-2", "by 22 votes to one,
 * with two abstentions", "Yeas - 7 Nays - 0") and named votes ("Ayes: …", "Councillors A and B voted
 * against", "There voted for: …"). A motion with no recorded result is not a vote.
 */
export function extractVotes(meeting: Pick<Meeting, 'items'>): Vote[] {
  return meeting.items.flatMap((item, index) => votesOfItem(item, anchorOf(item, index)));
}

interface Episode {
  start: number;
  end: number;
  motion: string | null;
  movedBy: string | null;
  secondedBy: string | null;
}

/** The votes of one item: each motion opens an episode that runs to the next motion. */
export function votesOfItem(item: Pick<MinuteItem, 'text' | 'title'>, at: RecordAnchor): Vote[] {
  const text = itemParagraphs(item).join('\n');
  const episodes = motionEpisodes(text);
  const votes: Vote[] = [];
  for (const episode of episodes.length > 0 ? episodes : outcomeEpisodes(text)) {
    const span = text.slice(episode.start, episode.end);
    const vote = readEpisode(span, episode, text, item.title);
    if (vote) votes.push({ at, ...vote });
  }
  return votes;
}

function motionEpisodes(text: string): Episode[] {
  const starts: Episode[] = [];
  for (const form of MOTIONS) {
    for (const m of text.matchAll(form.pattern)) {
      const index = m.index ?? 0;
      if (starts.some((s) => index < s.start + 40 && s.start < index + m[0].length)) continue;
      if (AMENDMENT_LEAD.test(text.slice(Math.max(0, index - 30), index)) || /amendment$/i.test(m[0])) continue;
      const after = text.slice(index + m[0].length);
      const words = form.words ? tidy(m[form.words] ?? '') : motionWords(after);
      starts.push({
        start: index,
        end: text.length,
        motion: words,
        movedBy: form.mover ? clean(m[form.mover]) : null,
        secondedBy: form.seconder ? clean(m[form.seconder]) : null,
      });
    }
  }
  starts.sort((a, b) => a.start - b.start);
  starts.forEach((s, i) => {
    s.end = starts[i + 1]?.start ?? text.length;
    // "Cllr A proposed that…, and the proposal was seconded by Cllr B": the seconder, within this motion's episode.
    s.secondedBy ??= clean(new RegExp(String.raw`\bseconded\s+by\s+${NAME}`).exec(text.slice(s.start, s.end))?.[1]);
  });
  return starts;
}

/** With no motion printed, each result closes an episode that began after the previous one. */
function outcomeEpisodes(text: string): Episode[] {
  const ends = OUTCOMES.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => (m.index ?? 0) + m[0].length)).sort(
    (a, b) => a - b,
  );
  const episodes: Episode[] = [];
  // A recorded vote with no result printed ("For: … Against: …" then "RESOLVED: …") is one episode.
  if (ends.length === 0 && (readCounts(text) || readNamed(text))) {
    return [{ start: 0, end: text.length, motion: null, movedBy: null, secondedBy: null }];
  }
  let start = 0;
  for (const end of ends) {
    if (end <= start) continue;
    // The counts and names of a result may follow it in the same paragraph ("…carried. Ayes: …").
    const paragraphEnd = text.indexOf('\n', end);
    const close = paragraphEnd < 0 ? text.length : paragraphEnd;
    episodes.push({ start, end: close, motion: null, movedBy: null, secondedBy: null });
    start = close;
  }
  return episodes;
}

/** The words of a motion printed after its mover and seconder: "to approve the minutes…", "that the application be refused". */
function motionWords(after: string): string | null {
  const lead = /^[\s,;.:]*(?:and\s+)?(?:that|to|That|To)\b\s*/.exec(after);
  if (!lead) {
    // eScribe prints the motion on the lines after "Seconded by …" ("That the agenda be adopted").
    const next = /^\s*\n?(That\b[^\n]*)/.exec(after);
    return next ? tidy(cutAtOutcome(next[1] ?? '')) : null;
  }
  const rest = after.slice(lead[0].length);
  const sentence = cutAtOutcome(rest.slice(0, sentenceEnd(rest, 0)));
  // The motion's words without its "that" or "to": "approve the minutes…", "the application be refused".
  return tidy(sentence) || null;
}

function cutAtOutcome(text: string): string {
  const cut = text.search(
    /\b(?:CARRIED|LOST|DEFEATED|Motion\s+(?:carried|passed|failed)|and\s+(?:unanimously\s+)?(?:carried|approved|agreed|RESOLVED|resolved))\b|[,;]?\s*(?:and\s+)?(?:the\s+(?:proposal|motion)\s+was\s+)?seconded\s+by\b|:\s*(?:carried|lost)\b/,
  );
  return cut > 0 ? text.slice(0, cut) : text;
}

const clean = cleanPersonName;

function readEpisode(span: string, episode: Episode, itemText: string, title: string): Omit<Vote, 'at'> | null {
  const division = readDivision(span);
  if (division) {
    const amendment = division.amendmentWon ? readAmendment(span) : null;
    return {
      motion: amendment?.words ?? episode.motion ?? title,
      outcome: 'carried',
      unanimous: false,
      counts: division.counts,
      named: readNamed(span),
      movedBy: amendment ? amendment.movedBy : episode.movedBy,
      secondedBy: amendment ? amendment.secondedBy : episode.secondedBy,
      castingVote: readCastingVote(span),
    };
  }
  const counts = readCounts(span);
  const named = readNamed(span);
  const outcome = readOutcome(span, counts);
  if (!outcome) return null;
  const unanimous =
    outcome.unanimous ||
    (counts !== null &&
      counts.against === 0 &&
      (counts.abstain ?? 0) === 0 &&
      (counts.for ?? 0) > 0 &&
      outcome.result === 'carried');
  const tally =
    counts ?? (named ? { for: named.for.length, against: named.against.length, abstain: named.abstain.length } : null);
  return {
    motion: episode.motion ?? motionBefore(span, itemText, episode.start) ?? title,
    outcome: outcome.result,
    unanimous,
    counts: tally,
    named,
    movedBy: episode.movedBy,
    secondedBy: episode.secondedBy,
    castingVote: readCastingVote(span),
  };
}

/** A result without a printed motion: the resolution it produced, or the sentence before it. */
function motionBefore(span: string, itemText: string, start: number): string | null {
  // "RESOLVED (by 7 votes to 3, with 1 abstention) – That the Panel supports…": the words from "That".
  const resolved =
    /\b(?:RESOLVED|AGREED|resolved|agreed)\b[^\n]*?\b(That\s[^\n]+)/.exec(span) ??
    /\b(?:RESOLVED|AGREED|resolved|agreed)\b[^\n]*?(?:[:–—-]\s*|\s)((?:that|to)\s[^\n]+)/.exec(span);
  if (resolved?.[1]) return tidy(resolved[1].slice(0, sentenceEnd(resolved[1], 0)));
  const before = itemText.slice(0, start + span.search(/\S/)).trim();
  const sentence = /([^.\n]+)[.\n]?\s*$/.exec(before)?.[1];
  return sentence ? tidy(sentence) : null;
}

function readOutcome(span: string, counts: Vote['counts']): { result: Vote['outcome']; unanimous: boolean } | null {
  for (const pattern of OUTCOMES) {
    pattern.lastIndex = 0;
    const m = pattern.exec(span);
    pattern.lastIndex = 0;
    if (!m) continue;
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    const lost = /^(?:lost|failed|defeated|rejected|fell|not\s+carried)$/.test(word);
    const unanimous =
      /unanimous/i.test(m[0]) || /^\s*,?\s*(?:and\s+)?unanimously\b/i.test(span.slice((m.index ?? 0) + m[0].length));
    if (/^by\s/.test(word) || /nem/.test(word)) return { result: 'carried', unanimous: false };
    return { result: lost ? 'lost' : 'carried', unanimous };
  }
  if (counts?.for != null && counts.against != null)
    return { result: counts.for > counts.against ? 'carried' : 'lost', unanimous: false };
  if (/\b(?:RESOLVED|it\s+was\s+resolved)\b/i.test(span)) return { result: 'carried', unanimous: false };
  return null;
}

function num(word: string | undefined): number | null {
  if (word === undefined) return null;
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'none' || lower === 'nil') return 0;
  const index = NUMBER_WORDS.indexOf(lower);
  return index >= 0 ? index : null;
}

const COUNT_FORMS: Array<[RegExp, (m: RegExpExecArray) => NonNullable<Vote['counts']>]> = [
  [
    new RegExp(
      String.raw`\bFor\s*[:–—-]?\s*${NUM}\b[,;]?\s*Against\s*[:–—-]?\s*${NUM}\b(?:[,;]?\s*(?:Abstentions?|Abstain(?:ed)?)\s*[:–—-]?\s*${NUM}\b)?`,
      'i',
    ),
    (m) => ({ for: num(m[1]), against: num(m[2]), abstain: num(m[3]) }),
  ],
  [
    new RegExp(
      String.raw`\bby\s+${NUM}\s+votes?,?\s+to\s+${NUM}(?:\s+votes?)?(?:,?\s+with\s+${NUM}\s+abstentions?)?`,
      'i',
    ),
    (m) => ({ for: num(m[1]), against: num(m[2]), abstain: num(m[3]) }),
  ],
  [
    new RegExp(
      String.raw`\b${NUM}\s+(?:votes?\s+)?(?:for|in\s+favou?r)\b[,;]?\s*(?:and\s+|with\s+)?${NUM}\s+(?:votes?\s+)?against\b(?:[,;]?\s*(?:and\s+|with\s+)?${NUM}\s+abstentions?)?`,
      'i',
    ),
    (m) => ({ for: num(m[1]), against: num(m[2]), abstain: num(m[3]) }),
  ],
  [
    new RegExp(String.raw`\bwith\s+${NUM}\s+votes?\s+in\s+favou?r(?:\s+and\s+${NUM}\s+abstentions?)?`, 'i'),
    (m) => ({ for: num(m[1]), against: null, abstain: num(m[2]) }),
  ],
  [
    new RegExp(String.raw`\(\s*${NUM}\s+to\s+${NUM}\s*\)`, 'i'),
    (m) => ({ for: num(m[1]), against: num(m[2]), abstain: null }),
  ],
  [
    /\b(?:Yeas?|Ayes)\s*[-–—:]\s*(\d+)\s+(?:Nays|Noes)\s*[-–—:]\s*(\d+)/i,
    (m) => ({ for: num(m[1]), against: num(m[2]), abstain: null }),
  ],
  [
    /\b(?:carried|passed|failed|lost|defeated|adopted)\s+(\d{1,2})\s*[-–—/]\s*(\d{1,2})\b/i,
    (m) => {
      const [a, b] = [num(m[1]), num(m[2])];
      // "failed 2-5" prints the winning side first as often as the ayes: the larger is the majority.
      const failed = /failed|lost|defeated/i.test(m[0]);
      return failed && a !== null && b !== null
        ? { for: Math.min(a, b), against: Math.max(a, b), abstain: null }
        : { for: a, against: b, abstain: null };
    },
  ],
];

function readCounts(span: string): Vote['counts'] {
  const division = readDivision(span);
  if (division) return division.counts;
  for (const [pattern, read] of COUNT_FORMS) {
    const m = pattern.exec(span);
    if (m) {
      const counts = read(m);
      if (counts.abstain === null) {
        const abstentions = new RegExp(String.raw`\b${NUM}\s+abstentions?\b`, 'i').exec(span);
        if (abstentions) counts.abstain = num(abstentions[1]);
      }
      return counts;
    }
  }
  return null;
}

/** "Ayes: …; Nays: …", "FOR: Cllrs A, B", "There voted for the motion: …", "Councillors A and B voted against". */
function readNamed(span: string): Vote['named'] {
  const named = { for: [] as string[], against: [] as string[], abstain: [] as string[] };
  let any = false;
  const side = (label: string): keyof typeof named | null => {
    const l = label.toLowerCase();
    if (/^(?:ayes?|yeas?|for|in\s+favou?r|voted\s+for|there\s+voted\s+for)/.test(l)) return 'for';
    if (/^(?:nays?|noes|against|voted\s+against|there\s+voted\s+against)/.test(l)) return 'against';
    if (/^(?:abstain|abstention|there\s+abstained)/.test(l)) return 'abstain';
    return null;
  };
  const LABELLED =
    /\b(Ayes|Yeas|Nays|Noes|For(?:\s+the\s+(?:motion|amendment))?|Against(?:\s+the\s+(?:motion|amendment))?|Abstain(?:ed|ing|ers)?|Abstentions?|There\s+voted\s+(?:for|against)[^:]*|There\s+abstained[^:]*)\s*(?:\(\d+\))?\s*:\s*([\s\S]+?)(?=\b(?:Ayes|Yeas|Nays|Noes|For|Against|Abstain\w*|Abstentions?|Absent|There\s+(?:voted|abstained)[^:\n]*)\b\s*(?:\(\d+\))?\s*:|\bMotion\b|\bMOTION\b|\bCARRIED\b|\bDEFEATED\b|\bLOST\b|\bResolved\b|\bRESOLVED\b|$)/g;
  for (const m of span.matchAll(LABELLED)) {
    const which = side(m[1] ?? '');
    const list = m[2] ?? '';
    const body = list
      .slice(0, sentenceEnd(list, 0))
      .replace(/\.{3,}\s*\d+\s*\.?$|\s+\d+\s*\.?\s*$|\s*\(\d+\)\s*\.?\s*$/, '')
      .trim();
    if (!which || /^\d+\b/.test(body) || /^(?:none|nil)\b/i.test(body)) {
      if (which && /^(?:none|nil)\b/i.test(body)) any = true;
      continue;
    }
    const names = readNameList(body).map((p) => p.name);
    if (names.length > 0) {
      named[which].push(...names);
      any = true;
    }
  }
  for (const m of span.matchAll(/(?:^|[.;]\s+|\n)([^.;\n]+?)\s+voted\s+(in\s+favou?r|for|against)\b/g)) {
    const names = readNameList(m[1] ?? '').map((p) => p.name);
    if (names.length > 0) {
      named[/against/i.test(m[2] ?? '') ? 'against' : 'for'].push(...names);
      any = true;
    }
  }
  for (const m of span.matchAll(/\bwith\s+([^.;]+?)\s+voting\s+(no|yes|against|in\s+favou?r)\b/gi)) {
    const names = readNameList(m[1] ?? '').map((p) => p.name);
    if (names.length > 0) {
      named[/^(?:no|against)$/i.test(m[2] ?? '') ? 'against' : 'for'].push(...names);
      any = true;
    }
  }
  for (const { name, index } of findTitledNames(span)) {
    if (/^\s+abstained\b/.test(span.slice(index + name.length))) {
      named.abstain.push(name);
      any = true;
    }
  }
  return any ? named : null;
}

function readCastingVote(span: string): string | null {
  const m =
    /\b(?:on\s+|with\s+)?the\s+(Chair(?:man|woman|person)?|Mayor|Convener|Vice[-\s]Chair(?:man)?)(?:['’]s)?\s+casting\s+vote\b/i.exec(
      span,
    ) ??
    /\bcasting\s+vote\s+(?:of\s+(?:the\s+)?)?((?:Chair(?:man)?|Mayor|Convener|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))/.exec(
      span,
    );
  if (m) return m[1]?.trim() ?? null;
  const used = /([A-Z][\w.'’ -]{2,40}?)\s+used\s+(?:his|her|their)\s+casting\s+vote/.exec(span);
  return used?.[1]?.trim() ?? null;
}

/**
 * A Scottish division: "there voted for the motion 4 and for the amendment 2, and the motion was
 * accordingly carried". What was carried is the vote; the losing side's count is "against".
 */
function readDivision(span: string): { counts: NonNullable<Vote['counts']>; amendmentWon: boolean } | null {
  const m = new RegExp(
    String.raw`\bvoted\s+for\s+the\s+motion\s+${NUM}\s*,?\s+(?:and\s+)?for\s+the\s+amendment\s+${NUM}`,
    'i',
  ).exec(span);
  if (!m) return null;
  const [forMotion, forAmendment] = [num(m[1]), num(m[2])];
  const amendmentWon = /\bamendment\s+was\s+(?:accordingly\s+)?carried\b/i.test(span);
  return {
    counts: amendmentWon
      ? { for: forAmendment, against: forMotion, abstain: null }
      : { for: forMotion, against: forAmendment, abstain: null },
    amendmentWon,
  };
}

/** The amendment in a division, with its mover and seconder: "Cllr A, seconded by Cllr B, moved as an amendment that…". */
function readAmendment(span: string): { words: string; movedBy: string | null; secondedBy: string | null } | null {
  const m = /\b(?:moved\s+as\s+an\s+amendment|as\s+an\s+amendment,[^.]*?moved)\s+(that|to)\s+([^.]+)/i.exec(span);
  if (!m) return null;
  const movers = new RegExp(String.raw`${NAME},\s+seconded\s+by\s+${NAME},\s+moved\s*$`).exec(
    span.slice(0, (m.index ?? 0) + m[0].indexOf('moved') + 'moved'.length),
  );
  return {
    words: tidy(`${m[1] === 'to' ? 'to ' : ''}${m[2]}`),
    movedBy: clean(movers?.[1]),
    secondedBy: clean(movers?.[2]),
  };
}
