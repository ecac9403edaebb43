import { sentenceEnd, splitSentences } from '../../src/minutes/sentences.js';
import { couldBeSamePerson, findTitledNames, PERSON_NAME, parsePersonName } from '../../src/people/names.js';
import { officeOf } from '../../src/people/offices.js';
import type { Attendance, AttendanceCapacity, Meeting, RecordAnchor } from '../../src/types.js';
import { type ListedPerson, readNameList } from './name-lists.js';
import { anchorOf, itemParagraphs } from './paragraphs.js';

type ListKind = 'present' | 'attending' | 'apologies' | 'absent' | 'substitutes';

/** Attendance list headings, each with what being listed under it means. */
const LIST_LABELS: Array<[RegExp, ListKind, string | null]> = [
  [
    /^(?:in\s+attendance|attending|also\s+(?:present|in\s+attendance)(?:\s+were)?|(?:officers|staff|officials)(?:\s+(?:present|in\s+attendance))?)$/i,
    'attending',
    null,
  ],
  [/^(?:apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?|regrets)$/i, 'apologies', null],
  [/^(?:absent(?:\s+at\s+roll\s+call)?|not\s+present)$/i, 'absent', null],
  [/^substitutes?(?:\s+members?)?(?:\s+present)?$/i, 'substitutes', null],
  [/^(?:councillors|council\s+members)(?:\s+present)?$/i, 'present', 'Councillor'],
  [
    /^(?:(?:members|committee\s+members|board\s+members|voting\s+members|council|trustees|governors)\s+)?present(?:\s+were)?(?:\s+at\s+roll\s+call)?$|^roll\s+call(?:\s+of\s+council\s+members)?$|^sederunt$/i,
    'present',
    null,
  ],
];

/**
 * A heading and its colon: "Present:", "Apologies for absence –", "ROLL CALL:", "Officers in
 * attendance:"; at the start of a paragraph a full stop will do ("In Attendance. Mr. I. D. Ould…").
 */
const LABEL_WITH_COLON =
  /(?:^|(?<=[.;]\s+))((?:(?:members|councillors|council|committee\s+members|board\s+members|voting\s+members|trustees|governors)\s+)?present(?:\s+were)?(?:\s+at\s+roll\s+call)?|roll\s+call(?:\s+of\s+council\s+members)?|sederunt|attending|councillors|in\s+attendance|also\s+(?:present|in\s+attendance)(?:\s+were)?|(?:officers|staff|officials)(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?|regrets|absent(?:\s+at\s+roll\s+call)?|substitutes?(?:\s+members?)?)\s*(?:[:–—]|-\s|(?<=^[\w\s]+)\.(?=\s))\s*/gi;

const HAS_LABEL = new RegExp(LABEL_WITH_COLON.source, 'i');
const HEADING_MID_LINE =
  /(?<=\S)(?<!\b(?:Staff|STAFF|Officers|OFFICERS|Officials|Also|ALSO|Not|NOT))\s+(?=(?:Present|PRESENT|Members\s+Present|Apologies|APOLOGIES|In\s+[Aa]ttendance|Also\s+[Pp]resent|Absent|ABSENT|Regrets|Substitutes|Officers|Staff\s+[Pp]resent|Sederunt|Attending)\s*:)/g;

/** Verbs that show a named person taking part ("Councillor Moore declared…", "Mrs Engels asked…"). */
const TAKING_PART =
  /^\s*,?\s*(?:then\s+|also\s+|further\s+|subsequently\s+)?(?:declared|asked|asks|said|stated|replied|responded|reported|moved|seconded|proposed|reiterated|explained|welcomed|thanked|introduced|presented|undertook|confirmed|emphasi[sz]ed|commented|raised|queried|questioned|requested|suggested|informed|advised|expressed|highlighted|spoke|addressed|abstained|voted|withdrew|left\s+the\s+meeting|arrived|queried)\b/;
/** "…asked by Miss O'Reardon", "proposed by Cllr Smith": the name after the verb. */
const TAKING_PART_BY = /\b(?:asked|proposed|seconded|moved|raised|put|presented|introduced)\s+by\s*$/i;

/** Where minutes say who chaired: "– in the Chair", "took the Chair", "called the meeting to order". */
const CHAIR_PHRASE =
  /\s*[–—-]?\s*(?:\(in\s+the\s+chair\)|in\s+the\s+chair\b|(?:,\s*)?(?:took|assumed|was\s+in)\s+the\s+chair\b|called\s+(?:the\s+[\w\s]{0,20}?)?(?:meeting|session)\s+to\s+order\b|presided\b)/i;
const CALLED_TO_ORDER_BY = /called\s+to\s+order(?:\s+at\s+[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)?)?\s+by\s*$/i;

/**
 * Who was at a meeting and in what capacity: the header's PRESENT list, attendance lists inside
 * items ("Present:", "Apologies:", "ROLL CALL", "Officers in attendance:"), apologies and
 * substitution sentences, who took the chair, and — where no list names them — members seen taking
 * part. One entry per person: the strongest evidence wins (a list over taking part; chair over
 * member).
 */
export function extractAttendance(meeting: Pick<Meeting, 'items' | 'attendees' | 'chair'>): Attendance[] {
  const found: Attendance[] = [];
  const header: RecordAnchor = { itemIndex: null, minute: null };
  for (const printed of meeting.attendees) {
    // The header keeps what was printed beside a name ("Councillor G. Abara (Chairman)").
    const person = readNameList(printed)[0];
    if (!person) continue;
    const listedChair = meeting.chair !== null && sameName(person.name, meeting.chair);
    found.push(fromListed({ ...person, chair: person.chair || listedChair }, 'present', header));
  }
  meeting.items.forEach((item, index) => {
    const at = anchorOf(item, index);
    const paragraphs = itemParagraphs(item);
    // The parser keeps a list's heading ("Present", "Sederunt") as its attendance item's title.
    const titled = labelKind(item.title.replace(/[.:]\s*$/, '').trim()) ? [item.title, ...paragraphs] : paragraphs;
    found.push(...listsOf(titled, at));
    for (const sentence of paragraphs.flatMap(splitSentences)) found.push(...sentenceAttendance(sentence, at));
  });
  if (meeting.chair && !found.some((a) => a.capacity === 'chair' && sameName(a.name, meeting.chair ?? ''))) {
    found.push(entry(header, meeting.chair, 'present', 'chair'));
  }
  return merge(found);
}

function entry(
  at: RecordAnchor,
  name: string,
  presence: Attendance['presence'],
  capacity: AttendanceCapacity,
  extra: Partial<Pick<Attendance, 'role' | 'substituteFor' | 'evidence'>> = {},
): Attendance {
  return { at, name: name.trim(), presence, capacity, role: null, substituteFor: null, evidence: 'list', ...extra };
}

/** The lists in an item's paragraphs: a heading with a colon and the names after it, or a heading alone on its paragraph and the names below. */
function listsOf(paragraphs: string[], at: RecordAnchor): Attendance[] {
  const found: Attendance[] = [];
  let pending: ListKind | null = null;
  let pendingTitle: string | null = null;
  for (const raw of paragraphs) {
    // A capitalised heading with its colon starts a list even mid-line, where a page header ran into
    // it; only words that change its meaning ("Staff Present:", "Also present:") stay joined to it.
    const paragraph = raw.replace(HEADING_MID_LINE, (space, offset: number) =>
      /[.;:]$/.test(raw.slice(0, offset)) ? space : '. ',
    );
    const alone = labelKind(paragraph.replace(/[.:]$/, '').trim());
    if (alone) {
      [pending, pendingTitle] = alone;
      continue;
    }
    const labels = [...paragraph.matchAll(LABEL_WITH_COLON)];
    if (labels.length === 0) {
      if (pending && looksLikeList(paragraph)) found.push(...listed(paragraph, pending, pendingTitle, at));
      else pending = null;
      continue;
    }
    // Names before the paragraph's first heading belong to the list a heading above opened.
    const before = paragraph.slice(0, labels[0]?.index ?? 0);
    if (pending && before.trim() && looksLikeList(before)) found.push(...listed(before, pending, pendingTitle, at));
    pending = null;
    labels.forEach((label, i) => {
      const kind = labelKind(label[1] ?? '');
      if (!kind) return;
      const start = (label.index ?? 0) + label[0].length;
      // A list ends at the next heading or at the end of its sentence ("… Cllr S. Brackley. Apologies were…").
      const end = Math.min(labels[i + 1]?.index ?? paragraph.length, sentenceEnd(paragraph, start));
      found.push(...listed(paragraph.slice(start, end), kind[0], kind[1], at));
    });
  }
  return found;
}

function labelKind(text: string): [ListKind, string | null] | null {
  const label = text.replace(/\s+/g, ' ').trim();
  for (const [pattern, kind, title] of LIST_LABELS) if (pattern.test(label)) return [kind, title];
  return null;
}

/** A paragraph of names, not a sentence: no finite verbs of narrative. */
function looksLikeList(paragraph: string): boolean {
  return (
    !/\b(?:was|were|had|has|have|is|are|said|reported|noted)\b/.test(paragraph) && readNameList(paragraph).length > 0
  );
}

function listed(text: string, kind: ListKind, title: string | null, at: RecordAnchor): Attendance[] {
  if (kind === 'substitutes') return substitutesList(text, at);
  return readNameList(text, title).map((person) => fromListed(person, kind, at));
}

function fromListed(person: ListedPerson, kind: ListKind, at: RecordAnchor): Attendance {
  const presence = kind === 'apologies' ? 'apologies' : kind === 'absent' ? 'absent' : 'present';
  let capacity: AttendanceCapacity = 'member';
  if (kind === 'attending') capacity = parsePersonName(person.name)?.member ? 'attending' : 'officer';
  if (person.substituteFor) capacity = 'substitute';
  if (person.viceChair) capacity = 'vice-chair';
  if (person.chair) capacity = 'chair';
  return entry(at, person.name, presence, capacity, { role: person.role, substituteFor: person.substituteFor });
}

/** "Substitutes: Cllr A for Cllr B; Cllr C for Cllr D". */
function substitutesList(text: string, at: RecordAnchor): Attendance[] {
  return text.split(/\s*[;,]\s*/).flatMap((part) => {
    const pair = /^(.+?)\s+(?:for|in\s+place\s+of)\s+(.+?)\.?$/i.exec(part.trim());
    if (!pair || !parsePersonName(pair[1] ?? '')) return [];
    return [entry(at, pair[1] ?? '', 'present', 'substitute', { substituteFor: (pair[2] ?? '').trim() })];
  });
}

/** Someone named with their office for a title, presiding: "Chairman Walt Brenneman called the meeting to order". */
const PRESIDING = new RegExp(
  String.raw`${PERSON_NAME}\s+(?:called\s+the\s+(?:[\w-]+\s+)?(?:meeting|session)\s+to\s+order|presided|took\s+the\s+[Cc]hair)\b`,
  'gu',
);

function officeHolderPresiding(sentence: string, at: RecordAnchor): Attendance[] {
  const found: Attendance[] = [];
  for (const match of sentence.matchAll(PRESIDING)) {
    // A titled name ("Mayor Dana Whitlock") is read with the other titled names.
    if (findTitledNames(match[0]).length > 0) continue;
    const words = (match[1] ?? '').split(/\s+/);
    for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
      const office = words.slice(0, k).join(' ');
      if (officeOf(office) === null) continue;
      found.push(entry(at, words.slice(k).join(' '), 'present', 'chair', { role: office }));
      break;
    }
  }
  return found;
}

/** Apologies, substitutions, the chair and taking part, read from one sentence. */
function sentenceAttendance(sentence: string, at: RecordAnchor): Attendance[] {
  const found: Attendance[] = [...officeHolderPresiding(sentence, at)];
  const apologies = /\bapolog(?:y|ies)\b(?:\s+for\s+absence)?[^.]*?\bfrom\s+(.+)$/i.exec(sentence);
  if (apologies && !HAS_LABEL.test(sentence)) {
    const names = (apologies[1] ?? '')
      // "…from Cr Haddon be accepted and leave of absence granted": the names end where the verb starts.
      .replace(/\s+(?:be|was|were|is|are|had\s+been)\s+(?:accepted|noted|received|recorded)\b.*$/i, '')
      .replace(/\s+(?:who|as|due\s+to|because|owing\s+to|for\s+(?:this|the))\b.*?(?=\s+and\s+\p{Lu}|[,;]|$)/giu, '')
      .replace(/[.]$/, '');
    for (const person of readNameList(names))
      found.push(entry(at, person.name, 'apologies', 'member', { role: person.role }));
  }
  const names = findTitledNames(sentence);
  if (/\bsent\s+(?:his|her|their)\s+apologies|\b(?:asked\s+to\s+be|was|were)\s+excused\b/i.test(sentence)) {
    const before = names.filter((n) => n.index < sentence.search(/\bsent\b|\bexcused\b/i));
    const who = before.at(-1);
    if (who) found.push(entry(at, who.name, 'apologies', 'member'));
  }
  if (/substitut|in\s+place\s+of/i.test(sentence) && names.length >= 2) {
    const link = sentence.search(/\bsubstitut\w*\s+(?:member\s+)?for\b|\bin\s+place\s+of\b/i);
    const member = names.find((n) => n.index > link);
    const substitute = names.filter((n) => n.index < link).at(-1);
    if (link >= 0 && member && substitute) {
      found.push(entry(at, substitute.name, 'present', 'substitute', { substituteFor: member.name }));
    }
  }
  for (const { name, index } of names) {
    const after = sentence.slice(index + name.length);
    const before = sentence.slice(0, index);
    const chairPhrase = CHAIR_PHRASE.exec(after);
    if ((chairPhrase && chairPhrase.index === 0) || CALLED_TO_ORDER_BY.test(before)) {
      found.push(entry(at, name, 'present', 'chair'));
    } else if (TAKING_PART.test(after.replace(/^\s*\([^)]*\)/, '')) || TAKING_PART_BY.test(before)) {
      const member = parsePersonName(name)?.member ?? false;
      found.push(entry(at, name, 'present', member ? 'member' : 'public', { evidence: 'participation' }));
    }
  }
  return found;
}

const CAPACITY_RANK: AttendanceCapacity[] = [
  'chair',
  'vice-chair',
  'substitute',
  'member',
  'attending',
  'officer',
  'public',
];

/**
 * One entry per person. Entries merge when their names can only be one person among those the
 * meeting names; a list beats taking part, and the higher capacity (chair over member) wins.
 */
function merge(found: Attendance[]): Attendance[] {
  const merged: Attendance[] = [];
  for (const next of found) {
    const same = merged.filter((m) => sameName(m.name, next.name));
    const existing = same.length === 1 ? same[0] : undefined;
    if (!existing) {
      merged.push({ ...next });
      continue;
    }
    if (existing.evidence === 'participation' && next.evidence === 'list') {
      Object.assign(existing, { at: next.at, presence: next.presence, evidence: 'list', name: next.name });
    }
    if (next.evidence === 'list' && existing.presence !== 'present' && next.presence === 'present') {
      existing.presence = 'present';
    }
    if (
      CAPACITY_RANK.indexOf(next.capacity) < CAPACITY_RANK.indexOf(existing.capacity) &&
      next.presence === 'present'
    ) {
      existing.capacity = next.capacity;
    }
    existing.role ??= next.role;
    existing.substituteFor ??= next.substituteFor;
  }
  return merged;
}

function sameName(a: string, b: string): boolean {
  const [x, y] = [parsePersonName(a), parsePersonName(b)];
  return x !== null && y !== null && couldBeSamePerson(x, y);
}
