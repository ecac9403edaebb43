import { describe, expect, it } from 'vitest';
import { extractAttendance } from '../../ingest/extract/attendance.js';
import { confirmationOfItem } from '../../ingest/extract/confirmations.js';
import { decisionsOfItem } from '../../ingest/extract/decisions.js';
import { readOwnStatus } from '../../ingest/extract/own-status.js';
import { votesOfItem } from '../../ingest/extract/votes.js';
import type { MinuteItem } from '../../src/types.js';

/**
 * One shape at a time, in invented words. These shapes were written from minutes studied after the
 * extractors were built (held aside while tuning on the corpus and the fixtures), so they measure
 * the rules rather than restate them.
 */

const at = { itemIndex: 0, minute: '7' };
const item = (text: string, title = 'Item'): Pick<MinuteItem, 'text' | 'title' | 'minute'> => ({
  text,
  title,
  minute: '7',
});
const attendees = (text: string, title = 'Item') =>
  extractAttendance({ items: [item(text, title) as MinuteItem], attendees: [], chair: null }).map((a) => [
    a.name,
    a.presence,
    a.capacity,
    a.substituteFor,
  ]);

describe('decisions', () => {
  it('takes an agreement in the subjunctive, not an opinion or a finding', () => {
    expect(decisionsOfItem(item('The Panel agreed that it was a helpful update.'), at)).toEqual([]);
    expect(decisionsOfItem(item('It was agreed that the results would be reported later.'), at)).toEqual([]);
    expect(
      decisionsOfItem(item('It was agreed that the Clerk write to the bus operator.'), at).map((d) => d.text),
    ).toEqual(['the Clerk write to the bus operator']);
  });

  it('does not take an event postponed for a decision deferred', () => {
    const text = '(iii) It was noted that the summer fair had been postponed until June.\n\nThat the report be noted.';
    expect(decisionsOfItem(item(text), at).map((d) => [d.kind, d.text])).toEqual([
      ['noted', 'That the report be noted'],
    ]);
  });

  it('reads "RESOLVED – That the application be DEFERRED: (a) for…; (b) to enable…" as one deferral with its reasons', () => {
    const text =
      'RESOLVED – That the application be DEFERRED:\n\n(a) for a site inspection to assess the access;\n\n(b) to enable officers to re-consult on the amended plans.';
    expect(decisionsOfItem(item(text), at).map((d) => [d.label, d.kind])).toEqual([
      [null, 'deferred'],
      ['a', 'resolved'],
      ['b', 'resolved'],
    ]);
  });

  it('reads a US motion carried as the decision only where no resolution is minuted', () => {
    const text =
      'Councilmember Alvey moved and Councilmember Price seconded to approve the consent agenda. Motion passed unanimously.';
    expect(votesOfItem(item(text), at).map((v) => [v.motion, v.outcome, v.unanimous, v.movedBy, v.secondedBy])).toEqual(
      [['approve the consent agenda', 'carried', true, 'Councilmember Alvey', 'Councilmember Price']],
    );
  });
});

describe('votes', () => {
  it('reads a change of business lost on a show of hands: For / Against / Abstention lines', () => {
    const text =
      'Councillor Reeve moved a change to the order of business. The proposal was put to the vote, with the following result: For: 21 Against: 30 Abstention: 0';
    expect(votesOfItem(item(text), at).map((v) => [v.outcome, v.counts])).toEqual([
      ['lost', { for: 21, against: 30, abstain: 0 }],
    ]);
  });

  it('reads "carried by 19 votes to one, with three abstentions"', () => {
    const text =
      'A vote was taken on the amendment, which was not carried. The vote on the recommendation was then taken, and carried by 19 votes to one, with three abstentions.';
    const votes = votesOfItem(item(text), at);
    expect(votes.at(-1)?.counts).toEqual({ for: 19, against: 1, abstain: 3 });
    expect(votes.at(-1)?.outcome).toBe('carried');
  });

  it('reads "Yeas - 6 Nays - 1" after "Adopted"', () => {
    const text = 'Councilmember Ruiz moved approval of the Consent Agenda as amended. Adopted Yeas - 6 Nays - 1';
    expect(votesOfItem(item(text), at).map((v) => [v.outcome, v.counts])).toEqual([
      ['carried', { for: 6, against: 1, abstain: null }],
    ]);
  });

  it('reads a named vote given as "There voted for … N" and "There voted against … N"', () => {
    const text =
      'The Mayor put the motion to the Council. There voted for the motion: Councillors Amis, Bhatt and Cole ...... 3\n\nThere voted against the motion: Councillors Dyer and Evans ...... 2\n\nThe motion was carried.';
    const [vote] = votesOfItem(item(text), at);
    expect(vote?.named).toEqual({
      for: ['Councillor Amis', 'Councillor Bhatt', 'Councillor Cole'],
      against: ['Councillor Dyer', 'Councillor Evans'],
      abstain: [],
    });
    expect(vote?.outcome).toBe('carried');
  });

  it('reads who abstained in a sentence of its own', () => {
    const text =
      'It was RESOLVED unanimously that planning permission be granted. Councillor Hollins abstained from voting, having called the application in.';
    const [vote] = votesOfItem(item(text), at);
    expect(vote?.named?.abstain).toEqual(['Councillor Hollins']);
  });
});

describe('attendance', () => {
  it('reads apologies with reasons, a substitution said in a sentence, and apologies sent', () => {
    expect(
      attendees(
        'Apologies were received and accepted from Cllr R Nance who was on holiday and Cllr Miss J Tregear who was unwell. Cllr P Rowe substituted for Cllr R Nance. Cllr D Hosken sent his apologies.',
      ),
    ).toEqual([
      ['Cllr R Nance', 'apologies', 'member', null],
      ['Cllr Miss J Tregear', 'apologies', 'member', null],
      ['Cllr P Rowe', 'present', 'substitute', 'Cllr R Nance'],
      ['Cllr D Hosken', 'apologies', 'member', null],
    ]);
  });

  it('reads a US roll call with absent members and a member excused', () => {
    expect(
      attendees(
        'Present at roll call: Mayor Ames, Councilmembers Brandt, Cole and Diaz. Absent: Councilmember Eades. Council Member Fink asked to be excused.',
      ),
    ).toEqual([
      ['Mayor Ames', 'present', 'member', null],
      ['Councilmember Brandt', 'present', 'member', null],
      ['Councilmember Cole', 'present', 'member', null],
      ['Councilmember Diaz', 'present', 'member', null],
      ['Councilmember Eades', 'absent', 'member', null],
      ['Council Member Fink', 'apologies', 'member', null],
    ]);
  });

  it('takes the Vice-Chairman who took the chair for an item as chairing', () => {
    expect(
      attendees(
        'Having declared an interest, Councillor G Moss withdrew, and the Vice-Chairman, Councillor J Weir, took the Chair.',
      ),
    ).toEqual([
      ['Councillor G Moss', 'present', 'member', null],
      ['Councillor J Weir', 'present', 'chair', null],
    ]);
  });
});

describe("confirmations and the minutes' own status", () => {
  it('reads "approved subject to a correction" and a meeting that refused its minutes', () => {
    const subject = confirmationOfItem(
      item(
        'RESOLVED – That the minutes of the meeting held on 1st November 2006 be approved subject to a correction to minute 58(b).',
      ),
      at,
      '2007-01-17',
    );
    expect([subject?.meetingDates, subject?.outcome, subject?.subjectTo]).toEqual([
      ['2006-11-01'],
      'confirmed',
      'a correction to minute 58(b)',
    ]);
    const refused = confirmationOfItem(
      item(
        'It was moved that the minutes of the meeting held on 23 June 2011 do not comprise an accurate record. The motion was lost.',
      ),
      at,
      '2011-07-21',
    );
    expect(refused?.meetingDates).toEqual(['2011-06-23']);
  });

  it('takes the dates of a list of meetings, and never one after the meeting itself', () => {
    const found = confirmationOfItem(
      item(
        'RESOLVED that the minutes of the Planning Committee meetings held on 7th July and 29th July 2025 be approved as a true and accurate record. The next meeting is on 2 October 2025.',
      ),
      at,
      '2025-09-04',
    );
    expect(found?.meetingDates).toEqual(['2025-07-07', '2025-07-29']);
    expect(found?.committee).toBe('Planning Committee');
  });

  it('reads "Adopted Minutes" and "published subject to approval" in the lead material', () => {
    expect(readOwnStatus([{ minute: null, title: 'Adopted Minutes Regular Council Meeting', text: '' }])?.status).toBe(
      'confirmed',
    );
    expect(
      readOwnStatus([
        {
          minute: null,
          title: 'Preamble',
          text: '(These minutes are published subject to approval by the Parish Council at its next meeting)',
        },
      ])?.status,
    ).toBe('draft');
    expect(readOwnStatus([{ minute: '1', title: 'Apologies', text: 'None.' }])).toBeNull();
  });
});

describe("attendance, as the parser now keeps it and in more councils' words", () => {
  it('reads a list whose heading the parser kept as the attendance item title, up to the next heading', () => {
    expect(
      attendees(
        'Cllr Ama Quist (Vice-Chair, in the Chair), Cllr Bo Lenz In attendance: Mr Ivo Pratt (Clerk)',
        'Present',
      ),
    ).toEqual([
      ['Cllr Ama Quist', 'present', 'chair', null],
      ['Cllr Bo Lenz', 'present', 'member', null],
      ['Mr Ivo Pratt', 'present', 'officer', null],
    ]);
    expect(attendees('Councillor Tam Orr (Convener), Councillor Eve Dow.', 'Sederunt')).toEqual([
      ['Councillor Tam Orr', 'present', 'chair', null],
      ['Councillor Eve Dow', 'present', 'member', null],
    ]);
  });

  it('takes an office held before a name, presiding, as the chair; commissioners as members', () => {
    expect(attendees('Chairwoman Rosa Velde called the meeting to order at 7:02 p.m.')).toEqual([
      ['Rosa Velde', 'present', 'chair', null],
    ]);
    expect(attendees('Absent: Commissioner Hal Pryce')).toEqual([['Commissioner Hal Pryce', 'absent', 'member', null]]);
  });

  it('ends the names of an apology where its verb starts', () => {
    expect(attendees('That the apology received from Cr Wiremu Pane be accepted and leave granted.')).toEqual([
      ['Cr Wiremu Pane', 'apologies', 'member', null],
    ]);
  });
});
