import { describe, expect, it } from 'vitest';
import type { MeetingRecords } from '../../src/types.js';
import { attendanceRows, confirmationRows, decisionRows, fromFixtures, roleRows } from '../helpers/records.js';

/**
 * Thirteen meetings written in the shapes other councils' minutes take (see each test's name),
 * with invented names, places and figures. Each test asserts the complete set of records the
 * minutes hold: every decision, confirmation, attendee, change of office and vote.
 */

function voteRows(records: MeetingRecords) {
  return records.votes.map((v) => [
    v.at.minute,
    v.motion,
    v.outcome,
    v.unanimous,
    v.counts,
    v.named,
    v.movedBy,
    v.secondedBy,
    v.castingVote,
  ]);
}

describe("records read from other councils' shapes of minutes", () => {
  it('parish annual meeting: "Present:" list with (Chairman), nominations proposed and seconded, "it was resolved that", a deferral in passing, votes in favour with an abstention', () => {
    const { records } = fromFixtures('ashcombe-pc-2023-05-15.txt');
    expect(decisionRows(records)).toEqual([
      ['2305.02', null, 'resolved', 'Cllr Dunnock be elected Chairman for the forthcoming civic year'],
      ['2305.03', null, 'resolved', 'Cllr Hartley-Vane be elected Vice-Chairman for the forthcoming civic year'],
      [
        '2305.05',
        null,
        'resolved',
        'the minutes of the meeting held on 17th April 2023 are approved as a correct record, and the Chairman signed them',
      ],
      ['2305.06', null, 'resolved', 'the quotation of £4,180 from Marlow Groundworks be accepted'],
      ['2305.07', 'a', 'resolved', 'raise no objection'],
      ['2305.07', 'b', 'deferred', 'The matter was deferred to the next meeting', 'until the next meeting'],
      ['2305.08', null, 'agreed', 'the Clerk obtain three quotations for a replacement'],
      ['2305.09', null, 'noted', 'It was noted that the next meeting would be held on 19th June 2023 at 7.30pm'],
    ]);
    expect(confirmationRows(records)).toEqual([['2305.05', ['2023-04-17'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['2305.01', 'Cllr R. Dunnock', 'present', 'chair', null, null, 'list'],
      ['2305.01', 'Cllr J Smith', 'present', 'member', null, null, 'list'],
      ['2305.01', 'Cllr L Smith', 'present', 'member', null, null, 'list'],
      ['2305.01', 'Cllr P. Wrenfield', 'present', 'member', null, null, 'list'],
      ['2305.01', 'Cllr M. Hartley-Vane', 'present', 'member', null, null, 'list'],
      ['2305.01', 'Cllr T. Oakes', 'present', 'member', null, null, 'list'],
      ['2305.01', 'Mrs K. Pellow', 'present', 'officer', 'Clerk', null, 'list'],
      ['2305.01', 'Cllr S. Brackley', 'apologies', 'member', null, null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([
      ['2305.02', 'Cllr Dunnock', 'Chairman', 'chair', null, 'appointed', '2023-05-15', null, false],
      ['2305.03', 'Cllr Hartley-Vane', 'Vice-Chairman', 'vice-chair', null, 'appointed', '2023-05-15', null, false],
    ]);
    expect(voteRows(records)).toEqual([
      ['2305.02', 'Cllr Dunnock', 'carried', false, null, null, 'Cllr Wrenfield', 'Cllr Oakes', null],
      ['2305.03', 'Cllr Hartley-Vane', 'carried', false, null, null, 'Cllr J Smith', 'Cllr L Smith', null],
      [
        '2305.06',
        'the quotation of £4,180 from Marlow Groundworks be accepted',
        'carried',
        false,
        { for: 6, against: null, abstain: 1 },
        null,
        'Cllr Oakes',
        'Cllr Wrenfield',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('parish: apologies sentence, "Proposed as a true record … unanimously approved", a named recorded vote lost on the casting vote, "carried, 5 for and 1 against"', () => {
    const { records } = fromFixtures('ashcombe-pc-2023-06-19.txt');
    expect(decisionRows(records)).toEqual([
      ['2306.02', null, 'resolved', 'Minutes of the Annual Meeting held on 15th May 2023'],
      [
        '2306.03',
        null,
        'resolved',
        'raise no objection, subject to a condition requiring a surface water drainage scheme',
      ],
      ['2306.04', null, 'resolved', 'the quotation of £1,260 from Glasshouse Fabrication be accepted'],
      ['2306.05', null, 'deferred', 'This item was deferred to the July meeting', 'until the July meeting'],
      ['2306.06', null, 'noted', 'It was noted that the next meeting would be held on 17th July 2023'],
    ]);
    expect(confirmationRows(records)).toEqual([['2306.02', ['2023-05-15'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['2306.01', 'Cllr R. Dunnock', 'present', 'chair', null, null, 'list'],
      ['2306.01', 'Cllr J Smith', 'present', 'member', null, null, 'list'],
      ['2306.01', 'Cllr P. Wrenfield', 'present', 'member', null, null, 'list'],
      ['2306.01', 'Cllr M. Hartley-Vane', 'present', 'member', null, null, 'list'],
      ['2306.01', 'Cllr T. Oakes', 'present', 'member', null, null, 'list'],
      ['2306.01', 'Cllr S. Brackley', 'present', 'member', null, null, 'list'],
      ['2306.01', 'Cllr L Smith', 'apologies', 'member', null, null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '2306.02',
        'Minutes of the Annual Meeting held on 15th May 2023',
        'carried',
        true,
        null,
        null,
        'Cllr Oakes',
        'Cllr Brackley',
        null,
      ],
      [
        '2306.03',
        'the Council object on the grounds of flood risk',
        'lost',
        false,
        { for: 3, against: 3, abstain: 0 },
        {
          for: ['Cllr Wrenfield', 'Cllr Oakes', 'Cllr Brackley'],
          against: ['Cllr Dunnock', 'Cllr J Smith', 'Cllr Hartley-Vane'],
          abstain: [],
        },
        'Cllr Wrenfield',
        'Cllr Oakes',
        'Chairman',
      ],
      [
        '2306.04',
        'the quotation of £1,260 from Glasshouse Fabrication be accepted',
        'carried',
        false,
        { for: 5, against: 1, abstain: null },
        null,
        'Cllr J Smith',
        'Cllr Hartley-Vane',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('parish: a DRAFT banner run into the attendance list, the Vice-Chairman in the Chair, a second deferral of the same matter', () => {
    const { records } = fromFixtures('ashcombe-pc-2023-07-17.txt');
    expect(decisionRows(records)).toEqual([
      [
        '2307.02',
        null,
        'resolved',
        'the minutes of the meeting held on 19th June 2023 be approved as a correct record',
      ],
      [
        '2307.03',
        null,
        'deferred',
        'The matter was again deferred, to the September meeting',
        'until the September meeting',
      ],
      ['2307.04', null, 'resolved', 'up to £900 be spent on repairs, to be met from the general reserve'],
    ]);
    expect(confirmationRows(records)).toEqual([['2307.02', ['2023-06-19'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['2307.01', 'Cllr M. Hartley-Vane', 'present', 'chair', null, null, 'list'],
      ['2307.01', 'Cllr J Smith', 'present', 'member', null, null, 'list'],
      ['2307.01', 'Cllr L Smith', 'present', 'member', null, null, 'list'],
      ['2307.01', 'Cllr P. Wrenfield', 'present', 'member', null, null, 'list'],
      ['2307.01', 'Cllr S. Brackley', 'present', 'member', null, null, 'list'],
      ['2307.01', 'Cllr R. Dunnock', 'apologies', 'member', null, null, 'list'],
      ['2307.01', 'Cllr T. Oakes', 'apologies', 'member', null, null, 'list'],
      ['2307.03', 'Cllr Smith', 'present', 'member', null, null, 'participation'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([]);
    expect(records.ownStatus).toEqual({ status: 'draft', text: 'DRAFT MINUTES' });
  });

  it('Scottish committee: Sederunt/Attending/Apologies, "The Committee agreed:" with lettered points, divisions between motion and amendment', () => {
    const { records } = fromFixtures('glenmorar-education-2021-11-02.txt');
    expect(decisionRows(records)).toEqual([
      ['3', 'a', 'agreed', 'to approve the recommendations in the report'],
      [
        '3',
        'b',
        'recommended',
        'to refer the proposed closure of Ardnish Primary School to the Policy and Resources Committee',
        'to Policy and Resources Committee',
      ],
      ['4', null, 'resolved', 'Councillor Eilidh Brodie was appointed Vice-Convener of the Committee'],
      ['5', null, 'agreed', 'freeze instrumental music tuition charges at the 2021/22 level'],
    ]);
    expect(confirmationRows(records)).toEqual([['2', ['2021-09-07'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['1', 'Councillor Fiona MacLeish', 'present', 'chair', null, null, 'list'],
      ['1', 'Councillor Hamish Duthie', 'present', 'member', null, null, 'list'],
      ['1', 'Councillor Eilidh Brodie', 'present', 'member', null, null, 'list'],
      ['1', 'Councillor Callum Rennie', 'present', 'member', null, null, 'list'],
      ['1', 'Councillor Morag Sutherland', 'present', 'member', null, null, 'list'],
      ['1', 'Councillor Iain Fordyce', 'present', 'member', null, null, 'list'],
      ['1', 'Ms Karen Drummond', 'present', 'officer', 'Head of Education', null, 'list'],
      ['1', 'Mr Stuart Lennox', 'present', 'officer', 'Committee Officer', null, 'list'],
      ['1', 'Councillor Alasdair Keir', 'apologies', 'member', null, null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([
      [
        '4',
        'Councillor Eilidh Brodie',
        'Vice-Convener',
        'vice-chair',
        'Committee',
        'appointed',
        '2021-11-02',
        null,
        false,
      ],
    ]);
    expect(voteRows(records)).toEqual([
      [
        '3',
        'the Committee agree the recommendations in the report',
        'carried',
        false,
        { for: 4, against: 2, abstain: null },
        null,
        'Councillor Duthie',
        'Councillor Brodie',
        null,
      ],
      [
        '5',
        'the charges be frozen at the 2021/22 level',
        'carried',
        false,
        { for: 4, against: 2, abstain: null },
        null,
        'Councillor MacLeish',
        'Councillor Rennie',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('Canadian eScribe: "Moved by / Seconded by / That … / CARRIED", YEAS/NAYS recorded vote, DEFEATED, Regrets, staff with roles before names', () => {
    const { records } = fromFixtures('harcourt-council-2020-09-14.txt');
    expect(decisionRows(records)).toEqual([
      [
        '3',
        null,
        'resolved',
        'That the minutes of the regular meeting of Council held August 24, 2020 be adopted as presented',
      ],
      [
        '4',
        null,
        'resolved',
        'Council approve a 12-month curbside organics pilot in Wards 2 and 3 at a cost not to exceed $85,000',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['3', ['2020-08-24'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['1', 'Mayor Linda Ferreira', 'present', 'chair', null, null, 'list'],
      ['2', 'Councillor D. Okafor-Grant', 'present', 'member', null, null, 'list'],
      ['2', 'Councillor P. Sandoval', 'present', 'member', null, null, 'list'],
      ['2', 'Councillor R. Tremblay', 'present', 'member', null, null, 'list'],
      ['2', 'Councillor J. Whitcombe-Hayes', 'present', 'member', null, null, 'list'],
      ['2', 'Councillor M. Lavoie', 'apologies', 'member', null, null, 'list'],
      ['2', 'Greg Tanaka', 'present', 'officer', 'Chief Administrative Officer', null, 'list'],
      ['2', 'Heather Mills', 'present', 'officer', 'Clerk', null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '3',
        'the minutes of the regular meeting of Council held August 24, 2020 be adopted as presented',
        'carried',
        false,
        null,
        null,
        'Councillor Sandoval',
        'Councillor Tremblay',
        null,
      ],
      [
        '4',
        'Council approve a 12-month curbside organics pilot in Wards 2 and 3 at a cost not to exceed $85,000',
        'carried',
        false,
        { for: 4, against: 1, abstain: null },
        null,
        'Councillor Okafor-Grant',
        'Councillor Whitcombe-Hayes',
        null,
      ],
      [
        '5',
        'By-law 2020-41 be amended to allow overnight parking on Queen Street',
        'lost',
        false,
        null,
        null,
        'Councillor Tremblay',
        'Councillor Sandoval',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('NHS trust board: present list with roles after names, APPROVED subject to an amendment, The Board NOTED/APPROVED/RECOMMENDED, a deferral', () => {
    const { records } = fromFixtures('kelby-nhs-board-2022-07-07.txt');
    expect(decisionRows(records)).toEqual([
      [
        'TB073/22',
        null,
        'agreed',
        'The minutes of the meeting held on 5 May 2022 were APPROVED as an accurate record, subject to one amendment to item TB058/22 to record that Ms Lindqvist had asked for the ward staffing figures',
      ],
      ['TB074/22', null, 'noted', 'noted the report'],
      [
        'TB075/22',
        null,
        'recommended',
        'approved the annual accounts for 2021/22 and RECOMMENDED them to the Council of Governors',
        'to Council of Governors',
      ],
      [
        'TB076/22',
        null,
        'deferred',
        "Decision on the charity's annual grant was deferred to the September meeting pending the charity's revised budget",
        'until the September meeting',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([
      [
        'TB073/22',
        ['2022-05-05'],
        'confirmed',
        'one amendment to item TB058/22 to record that Ms Lindqvist had asked for the ward staffing figures',
      ],
    ]);
    expect(attendanceRows(records)).toEqual([
      ['TB071/22', 'Dr Miriam Achebe', 'present', 'chair', null, null, 'list'],
      ['TB071/22', 'Mr Owen Threlfall', 'present', 'member', 'Chief Executive', null, 'list'],
      ['TB071/22', 'Mrs Sunita Rao', 'present', 'member', 'Director of Finance', null, 'list'],
      ['TB071/22', 'Dr Paul Garnier', 'present', 'member', 'Medical Director', null, 'list'],
      ['TB071/22', 'Ms Ruth Lindqvist', 'present', 'member', 'Non-Executive Director', null, 'list'],
      ['TB071/22', 'Mr Ade Okonjo', 'present', 'member', 'Non-Executive Director', null, 'list'],
      ['TB071/22', 'Mrs Clare Moxley', 'present', 'officer', 'Company Secretary', null, 'list'],
      ['TB071/22', 'Professor Hugh Tarrant', 'apologies', 'member', 'Non-Executive Director', null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([]);
    expect(records.ownStatus).toEqual(null);
  });

  it('ModernGov table: RESOLVED, RECOMMENDED to Council, AGREED (nem. con.), a DEFERRED row', () => {
    const { records } = fromFixtures('oxley-cabinet-2023-10-11.txt');
    expect(decisionRows(records)).toEqual([
      [
        '51',
        null,
        'resolved',
        'That the minutes of the meeting held on 13 September 2023 be approved as a correct record',
      ],
      [
        '52',
        null,
        'recommended',
        'That Council be RECOMMENDED to approve a capital budget of £1.2m for the replacement of the leisure centre roof',
        'to Council',
      ],
      [
        '53',
        null,
        'agreed',
        'That the fees and charges set out in Appendix A be approved with effect from 1 April 2024',
      ],
      [
        '54',
        null,
        'deferred',
        'Deferred to the November meeting to allow further consultation with traders',
        'until the November meeting',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['51', ['2023-09-13'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['50', 'Councillor N. Farrant', 'apologies', 'member', null, null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '53',
        'That the fees and charges set out in Appendix A be approved with effect from 1 April 2024',
        'carried',
        false,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('town council annual meeting: Town Mayor and Deputy elected, a chairman standing down and another appointed with effect from a date, minutes deferred, a named recorded vote', () => {
    const { records } = fromFixtures('penwarren-town-council-2022-05-09.txt');
    expect(decisionRows(records)).toEqual([
      [
        '1',
        null,
        'resolved',
        'Cllr Mrs Joan Treloar was elected Town Mayor for the municipal year 2022/23 and made her declaration of acceptance of office',
      ],
      ['2', null, 'resolved', 'Cllr Daniel Rowse was elected Deputy Town Mayor for the municipal year 2022/23'],
      [
        '4',
        null,
        'resolved',
        'Cllr Ben Jago be appointed Chairman of the Finance and General Purposes Committee with effect from 1 June 2022',
      ],
      [
        '5',
        null,
        'deferred',
        'The minutes of the meeting held on 11th April 2022 were deferred to the next meeting, as they had not been circulated in time',
        'until the next meeting',
      ],
      ['6', null, 'resolved', 'the Council accept the revised quotation of £6,940'],
      ['7', null, 'resolved', 'the damaged swing seats be replaced at a cost of £310'],
    ]);
    expect(confirmationRows(records)).toEqual([['5', ['2022-04-11'], 'not_confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['3', 'Cllr Mrs Joan Treloar', 'present', 'chair', null, null, 'list'],
      ['3', 'Cllr Kit Penhale', 'present', 'member', null, null, 'list'],
      ['3', 'Cllr Daniel Rowse', 'present', 'member', null, null, 'list'],
      ['3', 'Cllr Sally Angove', 'present', 'member', null, null, 'list'],
      ['3', 'Cllr Mrs Wendy Pascoe', 'present', 'member', null, null, 'list'],
      ['3', 'Cllr Ben Jago', 'present', 'member', null, null, 'list'],
      ['3', 'Mrs Liz Carne', 'present', 'officer', 'Town Clerk', null, 'list'],
      ['3', 'Cllr Mark Tonkin', 'apologies', 'member', null, null, 'list'],
      ['3', 'Cllr Mrs Ann Tonkin', 'apologies', 'member', null, null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([
      [
        '1',
        'Cllr Mrs Joan Treloar',
        'Town Mayor',
        'chair',
        null,
        'appointed',
        '2022-05-09',
        'the municipal year 2022/23',
        false,
      ],
      [
        '2',
        'Cllr Daniel Rowse',
        'Deputy Town Mayor',
        'vice-chair',
        null,
        'appointed',
        '2022-05-09',
        'the municipal year 2022/23',
        false,
      ],
      [
        '4',
        'Cllr Ben Jago',
        'Chairman',
        'chair',
        'Finance and General Purposes Committee',
        'appointed',
        '2022-06-01',
        null,
        false,
      ],
      [
        '4',
        'Cllr Sally Angove',
        'Chairman',
        'chair',
        'Finance and General Purposes Committee',
        'ceased',
        '2022-05-09',
        null,
        false,
      ],
    ]);
    expect(voteRows(records)).toEqual([
      [
        '6',
        'the Council accept the revised quotation of £6,940',
        'carried',
        false,
        { for: 4, against: 1, abstain: 1 },
        {
          for: ['Cllr Pascoe', 'Cllr Jago', 'Cllr Rowse', 'Cllr Angove'],
          against: ['Cllr Penhale'],
          abstain: ['Cllr Treloar'],
        },
        'Cllr Pascoe',
        'Cllr Jago',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('US city council: ROLL CALL, "Motion by X, second by Y, to …", Ayes/Nays lists, "Motion carried 4-1", tabled to a date, "Motion failed 2-3"', () => {
    const { records } = fromFixtures('riverton-council-2019-03-05.txt');
    expect(decisionRows(records)).toEqual([
      ['3', null, 'resolved', 'approve the minutes of the February 19, 2019 regular meeting'],
      [
        '4',
        null,
        'resolved',
        'adopt Resolution 2019-14 awarding the street lighting contract to Brightway Electric in the amount of $212,400',
      ],
      ['5', null, 'deferred', 'table Ordinance 922 to the March 19, 2019 meeting', 'until the March 19, 2019 meeting'],
    ]);
    expect(confirmationRows(records)).toEqual([['3', ['2019-02-19'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['1', 'Mayor Dana Whitlock', 'present', 'chair', null, null, 'list'],
      ['2', 'Councilmember Luis Ortega', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Becky Haldane', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Tom Pruitt', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Grace Nakamura', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Wes Darrow', 'absent', 'member', null, null, 'list'],
      ['2', 'Alan Birch', 'present', 'officer', 'City Manager', null, 'list'],
      ['2', 'Joan Meeks', 'present', 'officer', 'City Attorney', null, 'list'],
      ['2', 'Rita Solis', 'present', 'officer', 'City Clerk', null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '3',
        'approve the minutes of the February 19, 2019 regular meeting',
        'carried',
        true,
        { for: 4, against: 0, abstain: null },
        null,
        'Councilmember Haldane',
        'Councilmember Ortega',
        null,
      ],
      [
        '4',
        'adopt Resolution 2019-14 awarding the street lighting contract to Brightway Electric in the amount of $212,400',
        'carried',
        false,
        { for: 4, against: 1, abstain: null },
        { for: ['Whitlock', 'Ortega', 'Pruitt', 'Nakamura'], against: ['Haldane'], abstain: [] },
        'Councilmember Pruitt',
        'Councilmember Nakamura',
        null,
      ],
      [
        '5',
        'table Ordinance 922 to the March 19, 2019 meeting',
        'carried',
        false,
        { for: 3, against: 2, abstain: null },
        { for: [], against: ['Councilmember Ortega', 'Councilmember Haldane'], abstain: [] },
        'Councilmember Pruitt',
        'Councilmember Nakamura',
        null,
      ],
      [
        '6',
        'extend the skate park lighting hours to 10:00 p.m',
        'lost',
        false,
        { for: 2, against: 3, abstain: null },
        null,
        'Councilmember Nakamura',
        'Councilmember Pruitt',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('US city council: Mayor Pro Tem presiding, minutes approved as amended, an appointment by motion', () => {
    const { records } = fromFixtures('riverton-council-2019-03-19.txt');
    expect(decisionRows(records)).toEqual([
      [
        '3',
        null,
        'resolved',
        'approve the minutes of the March 5, 2019 regular meeting as amended to correct the spelling of Brightway Electric',
      ],
      ['4', null, 'resolved', 'approve the first reading of Ordinance 922 with a cap of 40 permits'],
      ['5', null, 'resolved', 'appoint Councilmember Grace Nakamura as Mayor Pro Tem for the remainder of 2019'],
    ]);
    expect(confirmationRows(records)).toEqual([
      ['3', ['2019-03-05'], 'confirmed', 'correct the spelling of Brightway Electric'],
    ]);
    expect(attendanceRows(records)).toEqual([
      ['1', 'Mayor Pro Tem Luis Ortega', 'present', 'chair', null, null, 'list'],
      ['2', 'Councilmember Becky Haldane', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Tom Pruitt', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Grace Nakamura', 'present', 'member', null, null, 'list'],
      ['2', 'Councilmember Wes Darrow', 'present', 'member', null, null, 'list'],
      ['2', 'Mayor Dana Whitlock', 'absent', 'member', null, null, 'list'],
      ['2', 'Alan Birch', 'present', 'officer', 'City Manager', null, 'list'],
      ['2', 'Rita Solis', 'present', 'officer', 'City Clerk', null, 'list'],
    ]);
    expect(roleRows(records)).toEqual([
      [
        '5',
        'Councilmember Grace Nakamura',
        'Mayor Pro Tem',
        'vice-chair',
        null,
        'appointed',
        '2019-03-19',
        'the remainder of 2019',
        false,
      ],
    ]);
    expect(voteRows(records)).toEqual([
      [
        '3',
        'approve the minutes of the March 5, 2019 regular meeting as amended to correct the spelling of Brightway Electric',
        'carried',
        true,
        null,
        null,
        'Councilmember Darrow',
        'Councilmember Pruitt',
        null,
      ],
      [
        '4',
        'approve the first reading of Ordinance 922 with a cap of 40 permits',
        'carried',
        false,
        { for: 4, against: 1, abstain: null },
        { for: ['Ortega', 'Pruitt', 'Nakamura', 'Darrow'], against: ['Haldane'], abstain: [] },
        'Councilmember Nakamura',
        'Councilmember Pruitt',
        null,
      ],
      [
        '5',
        'appoint Councilmember Grace Nakamura as Mayor Pro Tem for the remainder of 2019',
        'carried',
        true,
        { for: 5, against: 0, abstain: null },
        null,
        'Councilmember Haldane',
        'Councilmember Darrow',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('police and crime panel: apologies with affiliations, a substitutes list, "RESOLVED (by 7 votes to 3, with 1 abstention)"', () => {
    const { records } = fromFixtures('tarnbury-crime-panel-2021-02-04.txt');
    expect(decisionRows(records)).toEqual([
      [
        '2',
        null,
        'resolved',
        'That the minutes of the meeting held on 19 November 2020 be confirmed as a correct record',
      ],
      [
        '3',
        null,
        'resolved',
        'That the Panel supports the proposed precept of £241.54 for a Band D property for 2021/22',
      ],
      [
        '4',
        null,
        'deferred',
        'The report was deferred to the next meeting at the request of the Monitoring Officer',
        'until the next meeting',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['2', ['2020-11-19'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      ['1', 'Councillor P. Lomax', 'present', 'substitute', null, 'Councillor H. Greaves', 'list'],
      ['1', 'Councillor H. Greaves', 'apologies', 'member', 'Northfold Borough Council', null, 'list'],
      ['1', 'Mr D. Ashworth', 'apologies', 'member', null, null, 'list'],
      ['3', 'Ms Aileen Crowther', 'present', 'public', null, null, 'participation'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '3',
        'That the Panel supports the proposed precept of £241.54 for a Band D property for 2021/22',
        'carried',
        false,
        { for: 7, against: 3, abstain: 1 },
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('district planning committee: PRESENT with (Chairman)/(Vice-Chairman), substitute sentence, DEFERRED for a site inspection, GRANTED (Unanimous), a lost motion then REFUSED by 5 votes to 3', () => {
    const { records } = fromFixtures('wexley-planning-2024-02-08.txt');
    expect(decisionRows(records)).toEqual([
      [
        '63',
        null,
        'resolved',
        'That the minutes of the meeting held on 11 January 2024 be approved as a correct record and signed by the Chairman, subject to the correction of the spelling of Harrowden in minute 52',
      ],
      [
        '64',
        null,
        'deferred',
        'That the application be DEFERRED for a Committee site inspection to enable Members to assess the Hembury Road junction',
        'until a Committee site inspection',
      ],
      ['65', null, 'resolved', 'That planning permission be GRANTED subject to the conditions set out in the report'],
      [
        '66',
        null,
        'refused',
        'That planning permission be REFUSED for the following reason: the proposal would harm the amenity of neighbouring residents through odour and on-street parking',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([
      ['63', ['2024-01-11'], 'confirmed', 'the correction of the spelling of Harrowden in minute 52'],
    ]);
    expect(attendanceRows(records)).toEqual([
      [null, 'Councillor G. Abara', 'present', 'chair', null, null, 'list'],
      [null, 'Councillor J. Orrin', 'present', 'vice-chair', null, null, 'list'],
      [null, 'Councillor H. Bellweather', 'present', 'member', null, null, 'list'],
      [null, 'Councillor D. Kincaid', 'present', 'member', null, null, 'list'],
      [null, 'Councillor M. Trask', 'present', 'member', null, null, 'list'],
      [null, 'Councillor T. Vane', 'present', 'substitute', null, 'Councillor P. Quell', 'list'],
      [null, 'Councillor S. Ullathorne', 'present', 'member', null, null, 'list'],
      [null, 'Councillor W. Nyland', 'present', 'member', null, null, 'list'],
      ['61', 'Councillor P. Quell', 'apologies', 'member', null, null, 'list'],
      ['61', 'Councillor R. Stanmore', 'apologies', 'member', null, null, 'list'],
      ['64', 'Mr C. Dryden', 'present', 'public', null, null, 'participation'],
      ['64', 'Ms F. Okoye', 'present', 'public', null, null, 'participation'],
    ]);
    expect(roleRows(records)).toEqual([]);
    expect(voteRows(records)).toEqual([
      [
        '64',
        'the application be deferred for a site visit',
        'carried',
        false,
        { for: 6, against: 2, abstain: 0 },
        null,
        'Councillor Trask',
        'Councillor Nyland',
        null,
      ],
      [
        '65',
        'That planning permission be GRANTED subject to the conditions set out in the report',
        'carried',
        true,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        '66',
        'to approve the application in line with the officer recommendation',
        'lost',
        false,
        { for: 3, against: 5, abstain: null },
        null,
        null,
        null,
        null,
      ],
      [
        '66',
        'the application be refused, contrary to the officer recommendation',
        'carried',
        false,
        { for: 5, against: 3, abstain: null },
        null,
        'Councillor Bellweather',
        'Councillor Ullathorne',
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });

  it('district planning committee: a named recorded vote with counts in brackets, RECOMMENDED to Cabinet, a resignation and an appointment with effect from the next day', () => {
    const { records } = fromFixtures('wexley-planning-2024-03-07.txt');
    expect(decisionRows(records)).toEqual([
      [
        '71',
        null,
        'resolved',
        'That the minutes of the meeting held on 8 February 2024 be approved as a correct record',
      ],
      [
        '72',
        null,
        'resolved',
        'That planning permission be GRANTED subject to conditions and to the completion of a legal agreement securing 30% affordable housing',
      ],
      [
        '73',
        null,
        'recommended',
        'That the Cabinet be RECOMMENDED to adopt the Wexley Town Centre Conservation Area Appraisal',
        'to Cabinet',
      ],
      [
        '74',
        null,
        'resolved',
        'Councillor M. Trask be appointed Vice-Chairman of the Committee for the remainder of the municipal year with effect from 8 March 2024',
      ],
    ]);
    expect(confirmationRows(records)).toEqual([['71', ['2024-02-08'], 'confirmed', null]]);
    expect(attendanceRows(records)).toEqual([
      [null, 'Councillor J. Orrin', 'present', 'chair', null, null, 'list'],
      [null, 'Councillor H. Bellweather', 'present', 'member', null, null, 'list'],
      [null, 'Councillor D. Kincaid', 'present', 'member', null, null, 'list'],
      [null, 'Councillor P. Quell', 'present', 'member', null, null, 'list'],
      [null, 'Councillor R. Stanmore', 'present', 'member', null, null, 'list'],
      [null, 'Councillor M. Trask', 'present', 'member', null, null, 'list'],
      [null, 'Councillor W. Nyland', 'present', 'member', null, null, 'list'],
      ['70', 'Councillor G. Abara', 'apologies', 'member', null, null, 'list'],
      ['70', 'Councillor S. Ullathorne', 'apologies', 'member', null, null, 'list'],
      ['70', 'Councillor A. Dewhurst', 'present', 'substitute', null, 'Councillor S. Ullathorne', 'list'],
    ]);
    expect(roleRows(records)).toEqual([
      [
        '74',
        'Councillor M. Trask',
        'Vice-Chairman',
        'vice-chair',
        'Committee',
        'appointed',
        '2024-03-08',
        'the remainder of the municipal year',
        false,
      ],
      ['74', 'Councillor Orrin', 'Vice-Chairman', 'vice-chair', null, 'ceased', '2024-03-07', null, false],
    ]);
    expect(voteRows(records)).toEqual([
      [
        '72',
        'That planning permission be GRANTED subject to conditions and to the completion of a legal agreement securing 30% affordable housing',
        'carried',
        false,
        { for: 5, against: 2, abstain: 1 },
        {
          for: [
            'Councillor Bellweather',
            'Councillor Dewhurst',
            'Councillor Kincaid',
            'Councillor Quell',
            'Councillor Stanmore',
          ],
          against: ['Councillor Nyland', 'Councillor Trask'],
          abstain: ['Councillor Orrin'],
        },
        null,
        null,
        null,
      ],
    ]);
    expect(records.ownStatus).toEqual(null);
  });
});
