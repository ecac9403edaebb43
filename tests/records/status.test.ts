import { describe, expect, it } from 'vitest';
import { answerMinutesStatus, confirmationsOf, draftMeetings, minutesState } from '../../src/records/index.js';
import type { MeetingRecords, RecordedMeeting } from '../../src/types.js';
import { examplesDir } from '../helpers/corpus.js';
import { bookOf, recordsFixturesDir } from '../helpers/records.js';

const examples = bookOf(examplesDir);
const fixtures = bookOf(recordsFixturesDir);
const book = [...examples, ...fixtures];
const on = (date: string) => {
  const found = book.find((m) => m.meeting.date === date);
  if (!found) throw new Error(`no meeting on ${date}`);
  return found;
};

describe('whether minutes are confirmed', () => {
  it('finds the later meeting that confirmed them, with its minute', () => {
    const state = minutesState(on('2024-03-12'), book);
    expect(state.status).toBe('confirmed');
    if (state.status !== 'confirmed') return;
    expect([state.by?.meeting.date, state.confirmation?.at.minute]).toEqual(['2024-06-18', '51']);
    const answer = answerMinutesStatus('Are the minutes of 12 March 2024 approved?', book, { date: '2024-03-12' });
    expect(answer.answer).toContain(
      'are confirmed: the meeting of 18 June 2024 approved them as a correct record (minute 51) [1]',
    );
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([['2024-06-18', '51']]);
    expect(answer.citations.map((c) => ({ n: c.n, kind: c.record }))).toEqual([{ n: 1, kind: 'confirmation' }]);
  });

  it('whichever order the meetings arrive in', () => {
    const reversed = [...book].reverse();
    expect(minutesState(on('2023-05-15'), reversed)).toMatchObject({ status: 'confirmed' });
    expect(minutesState(on('2024-02-08'), reversed)).toMatchObject({ status: 'confirmed' });
  });

  it('keeps what the confirmation was subject to', () => {
    const answer = answerMinutesStatus('Were the January 2024 planning minutes approved?', book, {
      date: '2024-01-11',
    });
    expect(answer.answer).toContain('subject to the correction of the spelling of Harrowden in minute 52');
    expect(answer.citations.map((c) => [c.date, c.minute])).toEqual([['2024-02-08', '63']]);
  });

  it('calls minutes draft when they say so, or when no later meeting of the committee is held', () => {
    expect(minutesState(on('2023-07-17'), book)).toEqual({ status: 'draft', reason: 'marked' });
    expect(minutesState(on('2024-06-18'), book)).toEqual({ status: 'draft', reason: 'no-later-meeting' });
    const marked = answerMinutesStatus('q', book, { date: '2023-07-17' });
    expect(marked.answer).toContain('marked "DRAFT MINUTES"');
    expect(marked.citations.map((c) => [c.date, c.minute])).toEqual([['2023-07-17', '2307.01']]);
  });

  it('will not guess when later meetings are held but none confirms them', () => {
    expect(minutesState(on('2023-11-07'), book)).toMatchObject({ status: 'unrecorded' });
    const answer = answerMinutesStatus('Are the minutes of 7 November 2023 approved?', book, { date: '2023-11-07' });
    expect(answer.mode).toBe('not_found');
    expect(answer.answer).toContain("I can't tell");
  });

  it('answers for a meeting whose own minutes are not held, from a later meeting that names it', () => {
    const deferred = answerMinutesStatus('Were the April 2022 minutes approved?', book, { date: '2022-04-11' });
    expect(deferred.answer).toContain('did not confirm them (minute 5)');
    const confirmed = answerMinutesStatus('q', book, { date: '2021-09-07' });
    expect(confirmed.answer).toContain('the meeting of 2 November 2021 confirmed them (minute 2)');
    expect(answerMinutesStatus('q', book, { date: '1999-01-01' }).mode).toBe('not_found');
  });

  it('lists the meetings still draft, for stats', () => {
    const drafts = draftMeetings(book).map((m) => `${m.meeting.council}|${m.meeting.date}`);
    expect(drafts).toContain('Ashcombe Parish Council|2023-07-17');
    expect(drafts).toContain('Northbridge Borough Council|2024-06-18');
    expect(drafts).not.toContain('Northbridge Borough Council|2024-03-12');
    expect(drafts).not.toContain('Ashcombe Parish Council|2023-06-19');
  });
});

describe('"the minutes of the previous meeting"', () => {
  const meeting = (date: string, committee: string): RecordedMeeting['meeting'] => ({
    council: 'Eastmere Council',
    committee,
    date,
    startTime: null,
    venue: null,
    chair: null,
    attendees: [],
    source: `${committee}-${date}`,
    url: null,
    items: [],
    warnings: [],
  });
  const records = (confirmations: MeetingRecords['confirmations'] = []): MeetingRecords => ({
    decisions: [],
    confirmations,
    attendance: [],
    roleChanges: [],
    votes: [],
    mentions: [],
    ownStatus: null,
  });
  const previous = {
    at: { itemIndex: 0, minute: '3' },
    meetingDates: [],
    committee: null,
    outcome: 'confirmed' as const,
    subjectTo: null,
    text: 'The minutes of the previous meeting were approved',
  };
  const pool: RecordedMeeting[] = [
    { meeting: meeting('2024-01-10', 'Audit Committee'), records: records() },
    { meeting: meeting('2024-02-14', 'Licensing Committee'), records: records() },
    { meeting: meeting('2024-03-13', 'Audit Committee'), records: records([previous]) },
  ];

  it("is the same committee's last meeting before the one confirming it", () => {
    const [january, licensing] = pool;
    if (!january || !licensing) throw new Error('pool');
    expect(confirmationsOf(january.meeting, pool).map((c) => c.by.meeting.date)).toEqual(['2024-03-13']);
    expect(confirmationsOf(licensing.meeting, pool)).toEqual([]);
  });
});
