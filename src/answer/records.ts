import type { DateLimits } from '../question/dates.js';
import { councilAskedOf, type Question, readQuestion, unknownBodyNamed } from '../question/index.js';
import {
  answerDecisions,
  answerDeferrals,
  answerMinutesStatus,
  answerPersonSaid,
  answerVote,
  answerWasPresent,
  answerWhoChaired,
  draftMeetings,
} from '../records/index.js';
import type { Answer, Citation, RecordedMeeting, Retriever, SearchFilters } from '../types.js';
import { notHeld } from './not-found.js';

/**
 * Answers a records question (what was decided, deferred, approved, who chaired, who was there,
 * what someone said, how a vote went) from the records the index holds, and marks every citation
 * of any answer whose meeting's minutes are still draft.
 */

/** Last day of each month, for telling a whole month from a range. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period date limits name, as the record answers take it: a day ("2020-06-02"), a month
 * ("2020-06") or a year ("2020"); null when the limits are open or span something else.
 */
export function periodOf(limits: DateLimits): string | null {
  const { after, before } = limits;
  if (!after || !before) return null;
  if (after === before) return after;
  const [y, m] = [Number(after.slice(0, 4)), Number(after.slice(5, 7))];
  if (after.endsWith('-01') && before === `${after.slice(0, 7)}-${String(lastDay(y, m)).padStart(2, '0')}`) {
    return after.slice(0, 7);
  }
  if (after === `${y}-01-01` && before === `${y}-12-31`) return String(y);
  return null;
}

/** Meetings within `limits` (all when none). */
function within(book: RecordedMeeting[], limits: DateLimits): RecordedMeeting[] {
  return book.filter(
    ({ meeting }) =>
      (!limits.after || (meeting.date !== null && meeting.date >= limits.after)) &&
      (!limits.before || (meeting.date !== null && meeting.date <= limits.before)),
  );
}

/** The one name in a list, or nothing: two named bodies are not narrowed to either. */
function single(names: string[]): string | undefined {
  return names.length === 1 ? names[0] : undefined;
}

/**
 * The answer from records to a question that asks for one, or null when the records hold nothing
 * that answers it and the question's topic is better searched for in the minutes' words (a
 * decision, vote or remark the records don't have may still be discussed). A status, chair or
 * attendance question is always answered here: "no meeting then" is its answer.
 */
export async function answerFromRecords(
  asked: string,
  retriever: Retriever,
  filters: SearchFilters,
  defaultCouncil?: string,
): Promise<Answer | null> {
  if (!readQuestion(asked).records) return null;
  // Read again knowing the index's committees and councils, which a question may name.
  const stats = await retriever.stats();
  const read: Question = readQuestion(asked, { names: { committees: stats.committees, councils: stats.councils } });
  const ask = read.records;
  if (!ask) return null;
  // "Who chaired the Planning Committee…" of an index without one must not name another body's chair
  // or attendance; what someone said, or what was decided, names a body only where it was said or
  // decided ("said at the planning committee", not "she's on a school board").
  const aboutTheBody = ask.kind === 'chair' || ask.kind === 'present' || ask.kind === 'status';
  const unknownBody = filters.committee ? null : unknownBodyNamed(asked, stats, { asScope: !aboutTheBody });
  if (unknownBody) return notHeld(asked, unknownBody, stats);
  const scope: SearchFilters = {};
  const council = councilAskedOf(filters.council, read.scope.councils, defaultCouncil);
  // A council meeting as a whole is named as the council ("Ashcombe"): its minutes may call the
  // body "the Parish Council", so the council's name narrows by council, not by committee — and so
  // does a committee name inside it ("Parish Council", another council's body, within "Thornley
  // Parish Council").
  const withinCouncil = (name: string) => council?.toLowerCase().includes(name.toLowerCase()) ?? false;
  const committee = filters.committee ?? single(read.scope.committees.filter((c) => !withinCouncil(c)));
  if (committee) scope.committee = committee;
  if (council) scope.council = council;
  const limits: DateLimits =
    filters.after || filters.before
      ? { ...(filters.after ? { after: filters.after } : {}), ...(filters.before ? { before: filters.before } : {}) }
      : Object.keys(read.dates.filters).length > 0
        ? read.dates.filters
        : (read.dates.prefer ?? {});
  const period = periodOf(limits);
  // The whole history of the bodies asked about: confirmations and offices are read across meetings.
  const book = await retriever.records(scope);
  const when = period ? { when: period } : {};
  switch (ask.kind) {
    case 'status':
      return period ? answerMinutesStatus(asked, book, { date: period }) : null;
    case 'chair':
      return period ? answerWhoChaired(asked, book, { when: period, office: ask.office }) : null;
    case 'present':
      return answerWasPresent(asked, book, { name: ask.name, ...when });
    case 'said':
      return found(
        answerPersonSaid(asked, book, { name: ask.name, ...(ask.topic ? { topic: ask.topic } : {}), ...when }),
      );
    case 'decisions':
      return found(answerDecisions(asked, within(book, limits), { topic: ask.topic }));
    case 'deferred':
      return found(answerDeferrals(asked, within(book, limits), { topic: ask.topic }));
    case 'vote': {
      // No recorded vote is a near miss, said as the search answer says one ("the minutes discuss
      // X but don't record a vote"), never with a decision's figures standing in for a vote.
      const answer = answerVote(asked, within(book, limits), { topic: ask.topic });
      return answer.citations.some((c) => c.record === 'vote') ? answer : null;
    }
  }
}

/** A records answer that found something, or says a name is ambiguous; otherwise null (search instead). */
function found(answer: Answer): Answer | null {
  return answer.mode !== 'not_found' || answer.answer.includes('could be') ? answer : null;
}

/**
 * Marks each citation `draft: true|false`: true when the cited meeting's minutes are not yet
 * confirmed by a later meeting the index holds (or say they are draft). Reads only confirmations and
 * the minutes' own status, of the councils cited.
 */
export async function markDrafts(citations: Citation[], retriever: Retriever): Promise<Citation[]> {
  if (citations.length === 0) return citations;
  const councils = [...new Set(citations.map((c) => c.council))];
  const books = await Promise.all(
    councils.map((council) =>
      retriever.records(council ? { council } : {}, { parts: ['confirmations', 'ownStatus'], items: false }),
    ),
  );
  const drafts = new Set(
    books.flatMap((book) =>
      draftMeetings(book).map(({ meeting }) => meetingKey(meeting.council, meeting.committee, meeting.date)),
    ),
  );
  return citations.map((c) => ({ ...c, draft: drafts.has(meetingKey(c.council, c.committee, c.date)) }));
}

function meetingKey(council: string | null, committee: string | null, date: string | null): string {
  return JSON.stringify([council, committee, date]);
}

/**
 * Every decision about `topic` within `filters`, oldest first, each cited and marked draft or not:
 * what `minutebook decisions <topic>` prints.
 */
export async function listDecisions(topic: string, retriever: Retriever, filters: SearchFilters): Promise<Answer> {
  const answer = answerDecisions(`decisions about ${topic}`, await retriever.records(filters), { topic });
  return { ...answer, citations: await markDrafts(answer.citations, retriever) };
}
