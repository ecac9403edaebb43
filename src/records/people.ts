import { formatLongDate } from '../dates.js';
import { splitSentences } from '../minutes/sentences.js';
import { type Identity, parsePersonName, resolvePerson } from '../people/names.js';
import type { Attendance, RoleChange } from '../types.js';
import {
  Citations,
  inPeriod,
  oldestFirst,
  type RecordAnswer,
  type RecordedMeeting,
  recordAnswer,
  scoped,
} from './cite.js';
import { where } from './decisions.js';
import { isAbout } from './topic.js';

/** Every printed name the records of these meetings hold: what a question's name is resolved against. */
export function namesIn(book: RecordedMeeting[]): string[] {
  const names = book.flatMap(({ records }) => [
    ...records.attendance.map((a) => a.name),
    ...records.mentions.map((m) => m.name),
    ...records.roleChanges.map((r) => r.person),
    ...records.votes.flatMap((v) => [
      v.movedBy,
      v.secondedBy,
      ...(v.named ? [...v.named.for, ...v.named.against, ...v.named.abstain] : []),
    ]),
  ]);
  return [...new Set(names.filter((n): n is string => n !== null))];
}

/** "“Cllr Smith” could be Cllr J Smith or Cllr L Smith": the answer when a name fits several people. */
function ambiguity(name: string, candidates: Identity[]): string {
  const list = candidates.map((c) => c.display);
  const options = list.length === 2 ? `${list[0]} or ${list[1]}` : `any of ${list.join(', ')}`;
  return `"${name}" could be ${options} in the minutes I hold; I can't tell which you mean. Ask again with an initial or first name.`;
}

/** The last day a period ("2020", "2020-06", "2020-06-02") can cover, for "before the end of" comparisons. */
function endOf(period: string): string {
  return `${period}${'-99-99'.slice(0, 10 - period.length)}`;
}

export interface ChairQuery {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  when: string;
  office?: 'chair' | 'vice-chair';
  committee?: string;
  council?: string;
}

/**
 * "Who chaired the committee in June 2020?": the chair each meeting in the period records, cited.
 * Where those minutes name no chair, or no meeting was held then, the latest earlier record says
 * who last held the office — and the answer says it is that, not proof.
 */
export function answerWhoChaired(question: string, book: RecordedMeeting[], query: ChairQuery): RecordAnswer {
  const office = query.office ?? 'chair';
  const word = office === 'chair' ? 'chaired' : 'was vice-chair';
  const pool = scoped(book, query).sort(oldestFirst);
  const inside = pool.filter((m) => inPeriod(m.meeting.date, query.when));
  const citations = new Citations();
  const lines: string[] = [];
  for (const at of inside) {
    const holders = at.records.attendance.filter((a) => a.capacity === office && a.presence === 'present');
    const roles = at.records.roleChanges.filter((r) => r.office === office && r.change === 'appointed');
    for (const a of holders) {
      const n = citations.cite(
        at.meeting,
        a.at,
        `${a.name}${office === 'chair' ? ' (in the Chair)' : ` (${a.role ?? 'vice-chair'})`}`,
        'attendance',
      );
      lines.push(`${a.name} ${word} the meeting of ${formatLongDate(at.meeting.date)} [${n}].`);
    }
    for (const r of roles) {
      const n = citations.cite(at.meeting, r.at, `${r.person} — ${r.role}`, 'role');
      lines.push(
        `${r.person} was appointed ${r.role}${r.body ? ` of the ${r.body}` : ''} at the meeting of ${formatLongDate(at.meeting.date)}${r.until ? `, until ${r.until}` : ''} [${n}].`,
      );
    }
  }
  if (lines.length > 0) return recordAnswer(question, lines.join('\n'), citations, book, true);

  const gap =
    inside.length > 0
      ? `The minutes of ${inside.map((m) => formatLongDate(m.meeting.date)).join(' and ')} don't say who ${word === 'chaired' ? 'chaired' : 'was vice-chair'}.`
      : `I hold no minutes of a meeting in ${formatLongDate(query.when)}.`;
  const latest = latestHolder(pool, office, endOf(query.when));
  if (!latest)
    return recordAnswer(
      question,
      `${gap} Nothing earlier in the minutes I hold says who held the office.`,
      citations,
      book,
      false,
    );
  const n =
    latest.kind === 'attendance'
      ? citations.cite(latest.at.meeting, latest.record.at, `${latest.record.name} (in the Chair)`, 'attendance')
      : citations.cite(latest.at.meeting, latest.record.at, `${latest.record.person} — ${latest.record.role}`, 'role');
  const said =
    latest.kind === 'attendance'
      ? `${latest.record.name} ${word} the meeting of ${formatLongDate(latest.at.meeting.date)}`
      : `${latest.record.person} was appointed ${latest.record.role} on ${formatLongDate(latest.record.from ?? latest.at.meeting.date)}${latest.record.until ? ` until ${latest.record.until}` : ''}`;
  return recordAnswer(question, `${gap} The latest record before then: ${said} [${n}].`, citations, book, true);
}

type Holder =
  | { kind: 'attendance'; at: RecordedMeeting; record: Attendance; date: string }
  | { kind: 'role'; at: RecordedMeeting; record: RoleChange; date: string };

/** The latest record, on or before `end`, of who held an office: a meeting they chaired, or their appointment. */
function latestHolder(pool: RecordedMeeting[], office: 'chair' | 'vice-chair', end: string): Holder | null {
  const holders: Holder[] = pool.flatMap((at) => {
    const date = at.meeting.date;
    if (date === null || date > end) return [];
    return [
      ...at.records.attendance
        .filter((a) => a.capacity === office && a.presence === 'present')
        .map((record) => ({ kind: 'attendance' as const, at, record, date })),
      ...at.records.roleChanges
        .filter((r) => r.office === office && r.change === 'appointed' && !r.thisMeetingOnly && (r.from ?? date) <= end)
        .map((record) => ({ kind: 'role' as const, at, record, date: record.from ?? date })),
    ];
  });
  return holders.sort((a, b) => a.date.localeCompare(b.date)).at(-1) ?? null;
}

export interface PersonQuery {
  name: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; every meeting when absent. */
  when?: string;
  committee?: string;
  council?: string;
}

/** How an answer says someone was at a meeting. */
function presenceWords(a: Attendance): string {
  if (a.presence === 'apologies') return 'sent apologies';
  if (a.presence === 'absent') return 'was recorded absent';
  if (a.evidence === 'participation') return 'took part';
  const as =
    a.capacity === 'chair'
      ? ' and chaired'
      : a.capacity === 'substitute'
        ? ` as substitute${a.substituteFor ? ` for ${a.substituteFor}` : ''}`
        : a.role
          ? ` (${a.role})`
          : '';
  return `was present${as}`;
}

/**
 * "Was Cllr X at the September 2022 meeting?": for each meeting in the period, what its minutes
 * record of that person — present (on a list, or seen taking part), apologies, absent, or not
 * among a list of those present — each cited. A name that fits two people is not guessed at.
 */
export function answerWasPresent(question: string, book: RecordedMeeting[], query: PersonQuery): RecordAnswer {
  const pool = scoped(book, query).sort(oldestFirst);
  const inside = query.when === undefined ? pool : pool.filter((m) => inPeriod(m.meeting.date, query.when ?? ''));
  const citations = new Citations();
  if (inside.length === 0) {
    return recordAnswer(
      question,
      `I hold no minutes of a meeting${query.when ? ` in ${formatLongDate(query.when)}` : ''}.`,
      citations,
      book,
      false,
    );
  }
  // The people of the meetings asked about first: a namesake at another council is not who is meant.
  // Across all the meetings when that is one person too (their fullest name shows).
  const local = resolvePerson(query.name, namesIn(inside));
  const all = resolvePerson(query.name, namesIn(pool));
  const resolved = local.status === 'none' || (local.status === 'match' && all.status === 'match') ? all : local;
  if (resolved.status === 'ambiguous') {
    return recordAnswer(question, ambiguity(query.name, resolved.candidates), citations, book, false);
  }
  const names = resolved.status === 'match' ? resolved.person.names : [];
  const display = resolved.status === 'match' ? resolved.person.display : query.name;
  // Someone the minutes of one council name is not looked for at another council's meetings.
  const theirs = new Set(pool.filter((m) => namesIn([m]).some((n) => names.includes(n))).map((m) => m.meeting.council));
  const asked = theirs.size > 0 ? inside.filter((m) => theirs.has(m.meeting.council)) : inside;
  const answered: boolean[] = [];
  const lines = asked.map((at) => {
    const when = formatLongDate(at.meeting.date);
    const entry = at.records.attendance.find((a) => names.includes(a.name));
    if (entry) {
      answered.push(true);
      const n = citations.cite(at.meeting, entry.at, `${entry.name}: ${entry.presence}`, 'attendance');
      const yes = entry.presence === 'present' ? 'Yes' : 'No';
      return `${yes}: ${display} ${presenceWords(entry)} ${entry.presence === 'present' && entry.evidence === 'participation' ? 'in' : 'at'} the meeting of ${when}${entry.at.minute ? ` (minute ${entry.at.minute})` : ''} [${n}].`;
    }
    const list = at.records.attendance.find((a) => a.evidence === 'list' && a.presence === 'present');
    if (list) {
      answered.push(true);
      const n = citations.cite(at.meeting, list.at, 'those present', 'attendance');
      return `No: ${display} is not among those recorded present at the meeting of ${when} [${n}].`;
    }
    answered.push(false);
    return `The minutes of ${when} record no list of who was present, and don't mention ${display}.`;
  });
  return recordAnswer(question, lines.join('\n'), citations, book, answered.some(Boolean));
}

export interface SaidQuery extends PersonQuery {
  /** What about; every item naming them when absent. */
  topic?: string;
}

/**
 * "What has Cllr X said about Y?": the items naming that person (and about Y), oldest first, each
 * with the sentences that name them, cited.
 */
export function answerPersonSaid(question: string, book: RecordedMeeting[], query: SaidQuery): RecordAnswer {
  const pool = scoped(book, query).sort(oldestFirst);
  const citations = new Citations();
  const resolved = resolvePerson(query.name, namesIn(pool));
  if (resolved.status === 'ambiguous') {
    return recordAnswer(question, ambiguity(query.name, resolved.candidates), citations, book, false);
  }
  if (resolved.status === 'none') {
    return recordAnswer(question, `The minutes I hold don't name ${query.name}.`, citations, book, false);
  }
  const surname = parsePersonName(resolved.person.display)?.surname ?? '';
  const lines: string[] = [];
  for (const at of pool) {
    if (query.when !== undefined && !inPeriod(at.meeting.date, query.when)) continue;
    const items = new Set(
      at.records.mentions.filter((m) => resolved.person.names.includes(m.name)).map((m) => m.at.itemIndex),
    );
    for (const itemIndex of items) {
      const item = itemIndex === null ? undefined : at.meeting.items[itemIndex];
      if (!item || (query.topic && !isAbout(query.topic, [item.title, item.text]))) continue;
      const theirs = splitSentences(item.text).filter((s) => s.toLowerCase().includes(surname));
      const quote = theirs.slice(0, 2).join(' ');
      if (!quote) continue;
      const n = citations.cite(at.meeting, { itemIndex, minute: item.minute }, quote, 'mention');
      lines.push(`${where(at, item.minute, itemIndex)}: ${quote} [${n}]`);
    }
  }
  if (lines.length === 0) {
    const about = query.topic ? ` about ${query.topic}` : '';
    return recordAnswer(
      question,
      `The minutes I hold don't record ${resolved.person.display} saying anything${about}.`,
      citations,
      book,
      false,
    );
  }
  return recordAnswer(question, lines.join('\n'), citations, book, true);
}
