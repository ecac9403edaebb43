import { formatLongDate } from '../dates.js';
import type { Confirmation, Meeting } from '../types.js';
import {
  Citations,
  inPeriod,
  oldestFirst,
  type RecordAnswer,
  type RecordedMeeting,
  recordAnswer,
  scoped,
} from './cite.js';

/** Where a meeting's minutes stand, as far as the minutes held show. */
export type MinutesState =
  /** A later meeting confirmed them (or they say so of themselves, `by` null). */
  | { status: 'confirmed'; by: RecordedMeeting | null; confirmation: Confirmation | null }
  /** A later meeting deferred or refused them, and none confirmed them since. */
  | { status: 'not_confirmed'; by: RecordedMeeting; confirmation: Confirmation }
  /** Nothing confirms them: they say they are draft, or no later meeting of the committee is held. */
  | { status: 'draft'; reason: 'marked' | 'no-later-meeting' }
  /** Later meetings of the committee are held but none deals with these minutes: the one that did is missing. */
  | { status: 'unrecorded'; later: RecordedMeeting[] };

const lower = (s: string | null) => (s ?? '').toLowerCase();

/**
 * Whether two names are one committee: a council's minutes name it differently from meeting to
 * meeting ("Ashcombe Parish Council", "the Parish Council"), so one name may contain the other.
 */
function sameCommittee(a: string | null, b: string | null): boolean {
  const [x, y] = [lower(a).replace(/^the\s+/, ''), lower(b).replace(/^the\s+/, '')];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

/** Whether a confirmation at meeting `at` is about the minutes of committee `target`. */
function sameBody(confirmation: Confirmation, at: Meeting, target: Meeting): boolean {
  if (lower(at.council) !== lower(target.council)) return false;
  return sameCommittee(confirmation.committee ?? at.committee, target.committee);
}

/** Later meetings of the same committee, oldest first. */
function laterMeetings(target: Meeting, book: RecordedMeeting[]): RecordedMeeting[] {
  return book
    .filter(
      (m) =>
        m.meeting.date !== null &&
        target.date !== null &&
        m.meeting.date > target.date &&
        lower(m.meeting.council) === lower(target.council) &&
        sameCommittee(m.meeting.committee, target.committee),
    )
    .sort(oldestFirst);
}

/**
 * Every confirmation (or refusal) of `target`'s minutes at a later meeting: one naming its date,
 * or one about "the previous meeting" held at the committee's next meeting after it.
 */
export function confirmationsOf(
  target: Meeting,
  book: RecordedMeeting[],
): Array<{ by: RecordedMeeting; confirmation: Confirmation }> {
  const next = laterMeetings(target, book)[0];
  return book.flatMap((by) =>
    by.records.confirmations
      .filter((c) => {
        if (target.date === null || by.meeting.date === null || by.meeting.date <= target.date) return false;
        if (!sameBody(c, by.meeting, target)) return false;
        return c.meetingDates.length > 0 ? c.meetingDates.includes(target.date) : by === next;
      })
      .map((confirmation) => ({ by, confirmation })),
  );
}

/** Where `target`'s minutes stand. The word of a later meeting beats what the minutes say of themselves. */
export function minutesState(target: RecordedMeeting, book: RecordedMeeting[]): MinutesState {
  const found = confirmationsOf(target.meeting, book);
  const confirmed = found.find((f) => f.confirmation.outcome === 'confirmed');
  if (confirmed) return { status: 'confirmed', ...confirmed };
  const refused = found[0];
  if (refused) return { status: 'not_confirmed', ...refused };
  const own = target.records.ownStatus;
  if (own?.status === 'confirmed') return { status: 'confirmed', by: null, confirmation: null };
  if (own?.status === 'draft') return { status: 'draft', reason: 'marked' };
  const later = laterMeetings(target.meeting, book);
  return later.length > 0 ? { status: 'unrecorded', later } : { status: 'draft', reason: 'no-later-meeting' };
}

/** Meetings whose minutes are still draft, oldest first: what `stats` lists and citations mark "draft minutes". */
export function draftMeetings(book: RecordedMeeting[]): RecordedMeeting[] {
  return book.filter((m) => ['draft', 'not_confirmed'].includes(minutesState(m, book).status)).sort(oldestFirst);
}

export interface StatusQuery {
  /** The meeting's date: a day ("2024-03-12") or a month ("2024-03"). */
  date: string;
  committee?: string;
  council?: string;
}

/**
 * "Are the minutes of 12 March 2024 approved?": for each meeting held then, whether a later
 * meeting confirmed its minutes (cited), deferred them, or nothing yet has. For a meeting whose
 * own minutes are not held, a later meeting's confirmation of it still answers.
 */
export function answerMinutesStatus(question: string, book: RecordedMeeting[], query: StatusQuery): RecordAnswer {
  const pool = scoped(book, query);
  const targets = pool.filter((m) => inPeriod(m.meeting.date, query.date)).sort(oldestFirst);
  const citations = new Citations();
  const when = formatLongDate(query.date);
  if (targets.length === 0) {
    const named = pool.flatMap((by) =>
      by.records.confirmations
        .filter((c) => c.meetingDates.some((d) => inPeriod(d, query.date)))
        .map((confirmation) => ({ by, confirmation })),
    );
    if (named.length === 0) {
      return recordAnswer(
        question,
        `I hold no minutes of a meeting on ${when}, and no later meeting mentions them.`,
        citations,
        book,
        false,
      );
    }
    const lines = named.map(({ by, confirmation }) => {
      const n = citations.cite(by.meeting, confirmation.at, confirmation.text, 'confirmation');
      const verb = confirmation.outcome === 'confirmed' ? 'confirmed them' : 'did not confirm them';
      return `I don't hold the minutes of ${when} themselves, but the meeting of ${formatLongDate(by.meeting.date)} ${verb}${minuteRef(confirmation)}${subject(confirmation)} [${n}].`;
    });
    return recordAnswer(question, lines.join('\n'), citations, book, true);
  }
  const answered: boolean[] = [];
  const lines = targets.map((target) => {
    const state = minutesState(target, book);
    const whose = `The minutes of the ${target.meeting.committee ?? 'meeting'} of ${formatLongDate(target.meeting.date)}`;
    switch (state.status) {
      case 'confirmed': {
        answered.push(true);
        if (!state.by || !state.confirmation)
          return `${whose} say they are confirmed ("${target.records.ownStatus?.text}").`;
        const n = citations.cite(state.by.meeting, state.confirmation.at, state.confirmation.text, 'confirmation');
        return `${whose} are confirmed: the meeting of ${formatLongDate(state.by.meeting.date)} approved them as a correct record${minuteRef(state.confirmation)}${subject(state.confirmation)} [${n}].`;
      }
      case 'not_confirmed': {
        answered.push(true);
        const n = citations.cite(state.by.meeting, state.confirmation.at, state.confirmation.text, 'confirmation');
        return `${whose} are not confirmed: the meeting of ${formatLongDate(state.by.meeting.date)} did not approve them${minuteRef(state.confirmation)} [${n}], and no later meeting in the minutes I hold does.`;
      }
      case 'draft': {
        answered.push(true);
        if (state.reason === 'marked') {
          const first = target.meeting.items.findIndex((i) =>
            i.text.includes(target.records.ownStatus?.text ?? '\u0000'),
          );
          const anchor = { itemIndex: first < 0 ? null : first, minute: target.meeting.items[first]?.minute ?? null };
          const n = citations.cite(target.meeting, anchor, target.records.ownStatus?.text ?? '', 'confirmation');
          return `${whose} are draft: they are marked "${target.records.ownStatus?.text}" [${n}], and no later meeting in the minutes I hold confirms them.`;
        }
        return `${whose} are draft as far as the minutes I hold show: no later meeting of the ${target.meeting.committee ?? 'committee'} is among them, so nothing has confirmed them yet.`;
      }
      case 'unrecorded': {
        answered.push(false);
        const dates = state.later.map((m) => formatLongDate(m.meeting.date)).join(', ');
        return `I can't tell for the minutes of ${formatLongDate(target.meeting.date)}: later meetings are in the minutes I hold (${dates}) but none records confirming them; the meeting that did is probably not among them.`;
      }
    }
    return '';
  });
  return recordAnswer(question, lines.join('\n'), citations, book, answered.some(Boolean));
}

function minuteRef(confirmation: Confirmation): string {
  return confirmation.at.minute ? ` (minute ${confirmation.at.minute})` : '';
}

function subject(confirmation: Confirmation): string {
  return confirmation.subjectTo ? `, subject to ${confirmation.subjectTo}` : '';
}
