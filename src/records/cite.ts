import type { Answer, Citation, Meeting, RecordAnchor, RecordedMeeting, RecordKind } from '../types.js';

export type { RecordedMeeting, RecordKind } from '../types.js';

/** An answer from records: every citation says what kind of record it rests on (`record`). */
export type RecordAnswer = Answer;

/** The title a citation of the meeting's header (its PRESENT list) carries. */
const HEADER_TITLE = 'Attendance';

/**
 * Citations numbered in the order an answer first uses them; citing the same item again returns
 * its number, with the new points and quote added.
 */
export class Citations {
  private readonly list: Citation[] = [];
  private readonly keys: string[] = [];

  /**
   * Cites `anchor` of `meeting` for `quote`, returning its number `n` for the answer's "[n]". An
   * item cited for a second kind of record keeps the kind it was first cited for.
   */
  cite(meeting: Meeting, anchor: RecordAnchor, quote: string, kind: RecordKind, points: string[] = []): number {
    const key = `${meeting.source}#${anchor.itemIndex ?? 'header'}`;
    const found = this.keys.indexOf(key);
    const existing = this.list[found];
    if (existing) {
      for (const point of points) if (!existing.points.includes(point)) existing.points.push(point);
      if (!existing.quote.includes(quote)) existing.quote = `${existing.quote} … ${quote}`;
      return existing.n;
    }
    const item = anchor.itemIndex === null ? null : (meeting.items[anchor.itemIndex] ?? null);
    const n = this.list.length + 1;
    this.list.push({
      n,
      council: meeting.council,
      committee: meeting.committee,
      date: meeting.date,
      minute: anchor.minute,
      minuteNumber: item?.minuteNumber ?? null,
      title: item?.title ?? HEADER_TITLE,
      points: [...points],
      url: item?.url ?? meeting.url,
      quote,
      record: kind,
    });
    this.keys.push(key);
    return n;
  }

  get citations(): Citation[] {
    return this.list;
  }
}

/** The `searched` part of an answer from records: the meetings the answer looked through. */
export function searchedOf(book: RecordedMeeting[]): Answer['searched'] {
  const dates = book
    .map((m) => m.meeting.date)
    .filter((d): d is string => d !== null)
    .sort();
  const committees = [...new Set(book.map((m) => m.meeting.committee).filter((c): c is string => c !== null))];
  return { meetings: book.length, from: dates[0] ?? null, to: dates.at(-1) ?? null, committees };
}

/** Meetings oldest first; undated ones last. */
export function oldestFirst(a: RecordedMeeting, b: RecordedMeeting): number {
  return (a.meeting.date ?? '9999').localeCompare(b.meeting.date ?? '9999');
}

/** Whether an ISO day falls in a period written as "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function inPeriod(date: string | null, period: string): boolean {
  return date?.startsWith(period) ?? false;
}

/** Narrows the book to one committee and council, when the question names them (case-insensitive substrings). */
export function scoped(
  book: RecordedMeeting[],
  scope: { committee?: string; council?: string } = {},
): RecordedMeeting[] {
  const has = (value: string | null, wanted: string | undefined) =>
    wanted === undefined || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
  return book.filter((m) => has(m.meeting.committee, scope.committee) && has(m.meeting.council, scope.council));
}

/** An answer from records, with its numbered citations and what was searched. */
export function recordAnswer(
  question: string,
  text: string,
  citations: Citations,
  book: RecordedMeeting[],
  found: boolean,
): RecordAnswer {
  return {
    question,
    mode: found ? 'extractive' : 'not_found',
    answer: text,
    citations: citations.citations,
    searched: searchedOf(book),
  };
}
