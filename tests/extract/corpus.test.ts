import { describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus.js';
import { attendanceRows, confirmationRows, decisionRows, fromCorpus, roleRows } from '../helpers/records.js';

/**
 * Every resolution, confirmation, attendee and change of office in the five real meetings, read
 * from the minutes by hand and asserted as the complete set: an extra record is as wrong as a
 * missing one. (The text of the minutes stays in ../shared/corpus; only what they decided is here.)
 */

describe.skipIf(!hasCorpus)('records of the five real corpus meetings', () => {
  it('2 June 2020 (copied page, markers lost): decisions from the closing "That…" runs, a confirmation, members seen taking part, a Lead Member leaving', () => {
    const { records } = fromCorpus('000_ded07c51db115991.txt');
    expect(decisionRows(records)).toEqual([
      ['76', null, 'agreed', 'The minutes of the meeting held on3 March 2020 were taken as read, confirmed and signed'],
      ['83', null, 'noted', 'That the report be noted'],
      ['84', null, 'noted', 'That the report be noted'],
      ['85', 'a', 'noted', 'That the report be noted'],
      [
        '85',
        'b',
        'resolved',
        'That a further report, arising from the audit work being undertaken, be presented to a future meeting of the Committee',
      ],
      ['86', null, 'noted', 'That the report be noted'],
      [
        '87',
        null,
        'noted',
        'It was noted that the next meeting of the Committee would be held on 1 September 2020 at 2.00pm',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['76', ['2020-03-03'], 'confirmed', null]]);
    // No attendance list survives on this page: only people the minutes show taking part.
    expect(attendanceRows(records)).toEqual([
      ['77', 'Mrs Louise Engels', 'present', 'public', null, null, 'participation'],
      ['77', 'Mrs H Fryer CC', 'present', 'member', null, null, 'participation'],
      ['84', 'Mr Ould CC', 'present', 'member', null, null, 'participation'],
    ]);
    expect(roleRows(records)).toEqual([
      [
        '88',
        'Mr Ould',
        'Lead Member for Children and Family Services',
        'other',
        null,
        'ceased',
        '2020-06-02',
        null,
        false,
      ],
    ]);
    expect(records.votes).toEqual([]);
    expect(records.ownStatus).toBeNull();
  });

  it('6 September 2022 (flattened table): RESOLVED blocks with lettered points, and a public questioner', () => {
    const { records } = fromCorpus('001_65df80eea297e0f5.txt');
    expect(decisionRows(records)).toEqual([
      ['14', null, 'agreed', 'The minutes of the meeting held on 7 June 2022 were taken as read, confirmed and signed'],
      [
        '22',
        null,
        'noted',
        'That the overview of the outcomes and benefits of the Defining Children and Family Services for the Future (DCFSF) programme and the recommendation to close the first phase of the DCFSF programme be noted',
      ],
      [
        '24',
        'a',
        'noted',
        'That the draft annual report assessing the impact of the work undertaken in 2021/22 on safeguarding outcomes for children in Leicestershire and Rutland be noted',
      ],
      [
        '24',
        'b',
        'resolved',
        'That Members of the Children and Families Overview and Scrutiny Committee be requested to submit their views on the draft annual report to the Director of, and Cabinet Lead Member for, Children and Family Services by no later than 20 September 2022',
      ],
      [
        '25',
        null,
        'noted',
        'It was noted that the next meeting of the Committee would be held on 08 November at 2:00pm',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['14', ['2022-06-07'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['15', "Miss Karen O'Reardon", 'present', 'public', null, null, 'participation'],
    ]);
    expect(records.roleChanges).toEqual([]);
    expect(records.votes).toEqual([]);
  });

  it('4 June 2018 (printed minutes): the PRESENT list, the chair, an appointment and an election, and a referral to Cabinet', () => {
    const { records } = fromCorpus('002_4603350e2a5b5388.txt');
    expect(decisionRows(records)).toEqual([
      [
        '1',
        null,
        'noted',
        'That the appointment of Mrs. B. Seaton CC as Chairman of the Children and Families Overview and Scrutiny Committee for the period ending with the Annual Meeting of the County Council in 2019 be noted',
      ],
      [
        '2',
        null,
        'resolved',
        'That Mrs. H. Fryer CC be elected Deputy Chairman of the Children and Families Overview and Scrutiny Committee for the period ending with the Annual Meeting of the County Council in 2019',
      ],
      ['3', null, 'agreed', 'The minutes of the meeting held on 5 March 2018 were taken as read, confirmed and signed'],
      ['10', 'a', 'noted', 'That the draft Children and Families Partnership Plan be noted'],
      [
        '10',
        'b',
        'recommended',
        'That the Cabinet be advised of the views of the Children and Families Overview and Scrutiny Committee on the draft Children and Families Partnership Plan',
        'to Cabinet',
      ],
      ['11', 'a', 'noted', 'That the report be noted'],
      [
        '11',
        'b',
        'resolved',
        'That officers be requested to ensure that future reports on progress with the Ofsted recommendations include more detail, particularly on areas of challenge',
      ],
      [
        '11',
        'c',
        'resolved',
        'That details of the recruitment and retention strategy be presented to a future meeting',
      ],
      ['12', 'a', 'noted', 'That the report be noted'],
      [
        '12',
        'b',
        'resolved',
        'That an update be provided to a future meeting around the data in relation to the Black Asian Minority Ethnic group',
      ],
      [
        '12',
        'c',
        'resolved',
        'That the IMPACT work being undertaken at a local level be communicated to Elected Members',
      ],
      ['13', null, 'noted', 'That the report be noted'],
      [
        '14',
        null,
        'noted',
        'It was noted that the next meeting of the Committee would be held on 4 July 2018 at 1.30pm',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['3', ['2018-03-05'], 'confirmed', null]]);
    const until = 'the Annual Meeting of the County Council in 2019';
    expect(roleRows(records)).toEqual([
      [
        '1',
        'Mrs. B. Seaton CC',
        'Chairman',
        'chair',
        'Children and Families Overview and Scrutiny Committee',
        'appointed',
        '2018-06-04',
        until,
        false,
      ],
      [
        '2',
        'Mrs. H. Fryer CC',
        'Deputy Chairman',
        'vice-chair',
        'Children and Families Overview and Scrutiny Committee',
        'appointed',
        '2018-06-04',
        until,
        false,
      ],
    ]);
    const members: Array<[string, string]> = [
      ['Mrs. H. J. Fryer CC', 'member'],
      ['Mrs B. Seaton CC', 'chair'],
      ['Mr. J. Kaufman CC', 'member'],
      ['Mr. S. D. Sheahan CC', 'member'],
      ['Mrs. C. Lewis', 'member'],
      ['Mr. G. Welsh CC', 'member'],
      ['Mrs. R. Page CC', 'member'],
      ['Mrs. A. Wright CC', 'member'],
      ['Mr. T. J. Pendleton CC', 'member'],
      ['Mr. W. Liquorish CC', 'member'],
    ];
    const header = members.map(([name, capacity]) => [null, name, 'present', capacity, null, null, 'list']);
    // The parser keeps the lead text as an attendance item: the two "in attendance" are read from it.
    expect(attendanceRows(records)).toEqual([
      ...header,
      [null, 'Mr. I. D. Ould CC', 'present', 'attending', 'Lead Member for Children and Families', null, 'list'],
      [null, 'Mrs. D. Taylor CC', 'present', 'attending', 'Cabinet Support Member', null, 'list'],
    ]);
    expect(records.votes).toEqual([]);
  });

  it('21 January 2020 (PDF text): eleven resolutions, comments forwarded to the Scrutiny Commission, and who chaired', () => {
    const { records } = fromCorpus('003_a8f63bb76f80c19c.txt');
    expect(decisionRows(records)).toEqual([
      [
        '47',
        null,
        'agreed',
        'The minutes of the meeting held on 5 November 2019 were taken as read, confirmed and signed',
      ],
      ['54', 'a', 'noted', 'That the report and information now provided be noted'],
      [
        '54',
        'b',
        'recommended',
        'That the comments now made be forwarded to the Scrutiny Commission for consideration at its meeting on 27 January 2020',
        'to Scrutiny Commission',
      ],
      ['56', 'a', 'noted', 'That the presentation be noted'],
      ['56', 'b', 'resolved', 'That a further update be provided to a future meeting of the Committee'],
      ['57', 'a', 'noted', 'That the report be noted'],
      ['57', 'b', 'resolved', 'That a further update be provided to the Committee in September 2020'],
      ['58', null, 'noted', 'That the report be noted'],
      ['59', null, 'noted', 'That the report be noted'],
      ['60', null, 'noted', 'That the report be noted'],
      ['61', null, 'noted', 'That the report be noted'],
      [
        '62',
        null,
        'noted',
        'It was noted that the next meeting of the Committee would be held on 3 March 2020 at 2.00pm',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['47', ['2019-11-05'], 'confirmed', null]]);
    const present: Array<[string, string]> = [
      ['Mrs. H. J. Fryer CC', 'chair'],
      ['Dr. R. K. A. Feltham CC', 'member'],
      ['Mr. J. Kaufman CC', 'member'],
      ['Mrs. R. Page CC', 'member'],
      ['Mr. L. Phillimore CC', 'member'],
      ['Mrs B. Seaton CC', 'member'],
      ['Mr. S. D. Sheahan CC', 'member'],
      ['Mr. G. Welsh CC', 'member'],
      ['Mrs. A. Wright CC', 'member'],
    ];
    const header = present.map(([name, capacity]) => [null, name, 'present', capacity, null, null, 'list']);
    expect(attendanceRows(records)).toEqual([
      ...header,
      [null, 'Mr. I. D. Ould OBE CC', 'present', 'attending', 'Lead Member for Children and Families', null, 'list'],
      [null, 'Mrs. D. Taylor CC', 'present', 'attending', 'Cabinet Support Member', null, 'list'],
    ]);
    expect(records.roleChanges).toEqual([]);
    expect(records.votes).toEqual([]);
  });

  it('18 June 2025 (another council): AGREED minutes of two meetings, noted membership, confirmed dates, a declaration', () => {
    const { records } = fromCorpus('004_0318dcdb569f4c32.txt');
    expect(decisionRows(records)).toEqual([
      [
        '151',
        '1',
        'agreed',
        'That the minutes of the meeting of the Children, Young People and Education Scrutiny Commission held on 8th April 2025 and 22nd May 2025 be confirmed as a correct record',
      ],
      ['152', null, 'noted', 'The Membership of the Children’s Young People and Education Scrutiny were noted'],
      ['153', null, 'agreed', 'The dates of the meetings for the Commission were confirmed as follows'],
      ['154', null, 'noted', 'The Commission noted the Scrutiny Terms of Reference'],
    ]);
    expect(confirmationRows(records)).toEqual([['151', ['2025-04-08', '2025-05-22'], 'confirmed', null]]);
    expect(records.confirmations[0]?.committee).toBe('Children, Young People and Education Scrutiny Commission');
    expect(attendanceRows(records)).toEqual([
      ['150', 'Councillor Moore', 'present', 'member', null, null, 'participation'],
      ['156', 'Dr Nizamuddin Patel', 'present', 'public', null, null, 'participation'],
    ]);
    expect(records.roleChanges).toEqual([]);
    expect(records.votes).toEqual([]);
  });
});
