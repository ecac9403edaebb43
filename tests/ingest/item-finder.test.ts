import { describe, expect, it } from 'vitest';
import { droppedWords } from '../../ingest/parse/coverage.js';
import { parseMinutes } from '../../ingest/parse/index.js';
import { findMinuteReferences, parseMinuteToken } from '../../src/minutes/reference.js';

/** Parses made-up minutes and checks, as every test here needs, that no word was lost. */
function parse(lines: string[]) {
  const text = lines.join('\n');
  const { meeting, dropped } = parseMinutes(text, { source: 'rules.txt' });
  expect(droppedWords(text, meeting, dropped)).toEqual([]);
  return meeting;
}

const outline = (lines: string[]) =>
  parse(lines).items.map((i) => [i.kind, i.minute, i.minuteNumber, i.numberSource, i.title]);

describe('the item finder’s general rules', () => {
  it('never takes a contents line ("4 Apologies ....... 2") for an item, so the items are the ones in the body', () => {
    const meeting = parse([
      'Contents',
      '1 Opening ........................ 2',
      '2 Apologies ...................... 2',
      '3 Footpath Renewals .............. 3',
      '',
      '1 OPENING',
      'The Chair opened the meeting at 7.00pm.',
      '2 APOLOGIES',
      'Cr Vance sent apologies.',
      '3 FOOTPATH RENEWALS',
      'Council adopted the renewal list.',
    ]);
    const items = meeting.items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['1', 'OPENING', 'The Chair opened the meeting at 7.00pm.'],
      ['2', 'APOLOGIES', 'Cr Vance sent apologies.'],
      ['3', 'FOOTPATH RENEWALS', 'Council adopted the renewal list.'],
    ]);
    expect(meeting.items[0]?.kind).toBe('preamble');
  });

  it('reads "1.Welcome" with no space after the full stop, but never "1.5" as a number and a title', () => {
    expect(
      outline(['1.Welcome', 'The Chair welcomed all.', '', '2.Finance', 'The balance was £1.5m at 1.5 per cent.']),
    ).toEqual([
      ['item', '1', 1, 'printed', 'Welcome'],
      ['item', '2', 2, 'printed', 'Finance'],
    ]);
  });

  it('takes a short line after a number as its title when the text starts afresh below, verb or not', () => {
    expect(
      outline([
        'ABC/24/01: Petitions received by the board',
        'Two petitions were presented.',
        '',
        'ABC/24/02: Matters considered in private',
        'None.',
      ]),
    ).toEqual([
      ['item', 'ABC/24/01', 1, 'printed', 'Petitions received by the board'],
      ['item', 'ABC/24/02', 2, 'printed', 'Matters considered in private'],
    ]);
  });

  it('keeps a sentence that runs on to the next line as text, not a title', () => {
    const meeting = parse([
      '5. The Clerk reported that the',
      'bus shelter had been repaired.',
      '',
      '6. Finance',
      'Payments were approved.',
    ]);
    expect(meeting.items[0]).toMatchObject({ minute: '5', titleDerived: true });
    expect(meeting.items[0]?.text).toBe('The Clerk reported that the bus shelter had been repaired.');
  });

  it('splits "Title None." into the title and the nothing-to-report word', () => {
    expect(
      parse(['7. Declarations of Interest None.', '8. Urgent Business Nil.']).items.map((i) => [i.title, i.text]),
    ).toEqual([
      ['Declarations of Interest', 'None.'],
      ['Urgent Business', 'Nil.'],
    ]);
  });

  it('starts an item’s text at a labelled point, never running "a) …" into the title', () => {
    const meeting = parse([
      '4. Grants',
      'a) The youth club received £300.',
      'b) The choir received £150.',
      '5. Closure',
      'The meeting closed at 9pm.',
    ]);
    expect(meeting.items[0]?.title).toBe('Grants');
    expect(meeting.items[0]?.points).toEqual(['a', 'b']);
  });

  it('gives the running part as the integer when the first part of "2411.01" never changes', () => {
    expect(
      outline(['2411.01 Apologies', 'None.', '2411.02 Minutes', 'Approved.', '2411.03 Grass cutting', 'Agreed.']),
    ).toEqual([
      ['item', '2411.01', 1, 'printed', 'Apologies'],
      ['item', '2411.02', 2, 'printed', 'Minutes'],
      ['item', '2411.03', 3, 'printed', 'Grass cutting'],
    ]);
  });

  it('keeps a numbered list inside an item as that item’s text, not as the minutes’ numbering', () => {
    expect(
      outline([
        'Call to Order:',
        'The Mayor called the meeting to order at 6:00 p.m.',
        '',
        'Consent Items:',
        '1) Payment of invoices',
        '2) Renewal of the mowing contract',
        'Motion to approve the consent items carried 4-0.',
        '',
        'Adjournment:',
        'The meeting adjourned at 6:45 p.m.',
      ]),
    ).toEqual([
      ['item', null, null, 'none', 'Call to Order'],
      ['item', null, null, 'none', 'Consent Items'],
      ['item', null, null, 'none', 'Adjournment'],
    ]);
  });

  it('reads report codes of different directorates ("PL22/4", "CS22/7") as one running sequence', () => {
    expect(
      outline([
        'PL22/4      Heritage Listing',
        'Council listed the old mill.',
        '',
        'PL22/5      Street Names',
        'Two names were approved.',
        '',
        'CS22/7      Library Hours',
        'Sunday opening was agreed.',
      ]).map((row) => row.slice(1, 3)),
    ).toEqual([
      ['PL22/4', 4],
      ['PL22/5', 5],
      ['CS22/7', 7],
    ]);
  });

  it('keeps business headed but unnumbered before the numbering as items with no number, after the attendance', () => {
    expect(
      outline([
        'Minutes of the Ordinary Meeting, 2 March 2021',
        'PRESENT: Cr Ames, Cr Boyle',
        'STAFF: General Manager',
        '',
        'Opening of the Meeting',
        '',
        'The Mayor opened the meeting at 5.30pm and welcomed the gallery.',
        '',
        'Apologies',
        '',
        'Nil.',
        '',
        'EN21/3        Weed Control Contract',
        'The tender was awarded to the lowest bidder.',
        '',
        'EN21/4        Beach Access',
        'Two access points will be rebuilt.',
      ]),
    ).toEqual([
      ['preamble', null, null, 'none', 'Minutes of the Ordinary Meeting, 2 March 2021'],
      ['attendance', null, null, 'none', 'PRESENT'],
      ['item', null, null, 'none', 'Opening of the Meeting'],
      ['item', null, null, 'none', 'Apologies'],
      ['item', 'EN21/3', 3, 'printed', 'Weed Control Contract'],
      ['item', 'EN21/4', 4, 'printed', 'Beach Access'],
    ]);
  });

  it('leaves lists of who attended and who chaired in the attendance, not as items', () => {
    const meeting = parse([
      'Minutes of the Harbour Board, 4 May 2022',
      'MEMBERS PRESENT:',
      '- Mr Ash',
      '- Ms Bell',
      'OFFICERS IN ATTENDANCE:',
      '- Harbour Master',
      'CHAIR:',
      'Ms Bell presided over the whole meeting.',
      '',
      '1. MOORING FEES',
      'Fees rise by 3 per cent.',
      '2. DREDGING',
      'Dredging starts in June.',
    ]);
    expect(meeting.items.map((i) => [i.kind, i.minute])).toEqual([
      ['preamble', null],
      ['attendance', null],
      ['item', '1'],
      ['item', '2'],
    ]);
    expect(meeting.items[1]?.text).toContain('Ms Bell presided over the whole meeting.');
  });

  it('takes "Present: names" under a numbered item for text, not a sub-item', () => {
    const meeting = parse([
      '1. Welcome and apologies',
      '1.1 Present: Alun Rees (AR), Bethan Lloyd (BL)',
      '1.2 Apologies: Carys Owen (CO)',
      '2. Planning',
      'No applications.',
    ]);
    expect(meeting.items.map((i) => i.minute)).toEqual(['1', '2']);
    expect(meeting.items[0]?.text).toContain('Alun Rees (AR)');
  });

  it('reads "ARTICLE 3." as a labelled minute number, as Scottish minutes print them', () => {
    expect(
      outline([
        'ARTICLE 7. ROADS CAPITAL PROGRAMME',
        'The Committee approved the programme.',
        'ARTICLE 8. FLEET',
        'Noted.',
      ]),
    ).toEqual([
      ['item', '7', 7, 'printed', 'ROADS CAPITAL PROGRAMME'],
      ['item', '8', 8, 'printed', 'FLEET'],
    ]);
  });

  it('splits text run into one line at labelled numbers after a sentence end ("… Minute 12/25 Title.")', () => {
    const filler = 'The Clerk read the correspondence received since the last meeting and members noted it. '.repeat(3);
    const meeting = parse([
      `Minute 11/25 Correspondence. ${filler}Minute 12/25 Bus Shelter. The shelter will be replaced in May. Minute 13/25 Closure. The meeting closed at 8.10pm.`,
    ]);
    expect(meeting.items.map((i) => [i.minute, i.title])).toEqual([
      ['11/25', 'Correspondence'],
      ['12/25', 'Bus Shelter'],
      ['13/25', 'Closure'],
    ]);
  });

  it('takes Markdown headings ("## Water supply") as the items of unnumbered notes', () => {
    expect(
      outline([
        '# Riverside Residents',
        '## Meeting of 4 March 2024',
        '',
        '## Litter picking',
        'Twelve people took part.',
        '',
        '## Street lights',
        'Two lamps are out on Quay Road.',
      ]).filter((row) => row[0] === 'item'),
    ).toEqual([
      ['item', null, null, 'none', 'Litter picking'],
      ['item', null, null, 'none', 'Street lights'],
    ]);
  });

  it('drops markup tags an export left alone on their lines ("<AI3>") as furniture', () => {
    const text = [
      '<AI1>',
      '',
      '12/24',
      '',
      'Apologies',
      '',
      'None.',
      '',
      '<AI2>',
      '',
      '13/24',
      '',
      'Minutes',
      '',
      'Agreed.',
    ];
    const { meeting, dropped } = parseMinutes(text.join('\n'), { source: 'export.txt' });
    expect(dropped).toEqual(['<AI1>', '<AI2>']);
    expect(meeting.items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['12/24', 'Apologies', 'None.'],
      ['13/24', 'Minutes', 'Agreed.'],
    ]);
  });

  it('takes a contents list that numbers the items with page numbers, and no text, for contents, not the items', () => {
    const items = parse([
      'MINUTES of the Ordinary Meeting of Riverbend Shire Council held on 4 March 2025',
      'ITEM SUBJECT PAGE',
      'ITEM-1 ROAD NAMING PROPOSAL 2',
      'ITEM-2 FOOTPATH PROGRAM 2025',
      '3',
      'PETITIONS 3',
      'ITEM-3 RATES HARDSHIP POLICY 4',
      'PRESENT',
      'Mayor Councillor P Oduya',
      'ITEM-1 ROAD NAMING PROPOSAL',
      'Council adopted the name Banjo Way for the new road.',
      'ITEM-2 FOOTPATH PROGRAM 2025',
      'Council endorsed the footpath program.',
      'ITEM-3 RATES HARDSHIP POLICY',
      'Council adopted the policy.',
    ]).items.filter((i) => i.minute !== null);
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['ITEM-1', 'ROAD NAMING PROPOSAL', 'Council adopted the name Banjo Way for the new road.'],
      ['ITEM-2', 'FOOTPATH PROGRAM 2025', 'Council endorsed the footpath program.'],
      ['ITEM-3', 'RATES HARDSHIP POLICY', 'Council adopted the policy.'],
    ]);
  });

  it('reads an agenda in sections coded apart ("C-1"… then "R-1"…) as one run, between unnumbered opening and closing business', () => {
    const items = parse([
      'BRANTLEY COUNTY BOARD OF COMMISSIONERS',
      'REGULAR MEETING MINUTES',
      'Monday, March 3, 2025',
      '',
      'COMMISSIONERS PRESENT:   Ada Kell, Chair',
      '                         Moe Vance',
      '',
      'CALL TO ORDER',
      'Chair Kell called the meeting to order at 9:00 a.m. and led the',
      'Pledge of Allegiance.',
      '',
      'CONSENT AGENDA',
      'C-1  Approval of Minutes',
      '     Minutes of February 17, 2025.',
      'C-2  EMS Billing Agreement',
      '     Agreement with Plains Billing at 6.5% of collections.',
      '',
      'REGULAR AGENDA',
      'R-1  Public Hearing - Rezoning RZ-25-02, Tallgrass Estates',
      'The Board heard two residents and approved the rezoning 2-0.',
      'R-2  Road Grader Purchase',
      'Commissioner Vance moved to buy a grader for $318,000. Motion carried 2-0.',
      'R-3  Landfill Hours',
      'The landfill will open on Saturdays from May 1.',
      '',
      'RESOLUTION',
      'The hours be advertised in the county paper.',
      '',
      'ADJOURNMENT',
      'Commissioner Vance moved to adjourn at 10:12 a.m. Motion carried 2-0.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      [null, 'CALL TO ORDER'],
      [null, 'CONSENT AGENDA'],
      ['C-1', 'Approval of Minutes'],
      ['C-2', 'EMS Billing Agreement'],
      // After a dash, a title-case name ending no sentence is the heading's subject, part of the title.
      ['R-1', 'Public Hearing - Rezoning RZ-25-02, Tallgrass Estates'],
      ['R-2', 'Road Grader Purchase'],
      ['R-3', 'Landfill Hours'],
      [null, 'ADJOURNMENT'],
    ]);
    // The last item's own heading ("RESOLUTION") stays in it; the business after it is its own.
    expect(items[6]?.text).toContain('RESOLUTION');
    expect(items[0]?.text).toBe(
      'Chair Kell called the meeting to order at 9:00 a.m. and led the Pledge of Allegiance.',
    );
  });

  it('keeps names after a heading over people as its text ("Apologies – Cllr Ross and Cllr Hale")', () => {
    const items = parse([
      'Minutes of the meeting of Ashdown Parish Council held on 3 June 2025',
      '1. Apologies – Cllr Ross and Cllr Hale',
      '2. Public Hearing – Mill Lane Footpath Diversion',
      'Three residents spoke against the diversion.',
    ]).items.filter((i) => i.minute !== null);
    expect(items.map((i) => [i.title, i.text])).toEqual([
      ['Apologies', 'Cllr Ross and Cllr Hale'],
      ['Public Hearing – Mill Lane Footpath Diversion', 'Three residents spoke against the diversion.'],
    ]);
  });

  it('reads an item taken up again under its number and title as an item of its own, a bare mention as text', () => {
    const items = parse([
      'Minutes of the Regular Meeting of the Dunmore Township Board held on May 6, 2025',
      'C-1  Approval of Minutes',
      '     Minutes of April 15, 2025.',
      'C-2  Snowplow Contract',
      '     Renewal with Hadley Excavating for $41,000.',
      'C-3  Hall Rental Fees',
      '     Fees unchanged for 2025-26. Item C-2 was removed for discussion.',
      'The Board approved items C-1 and C-3.',
      '',
      'C-2  Snowplow Contract (removed from Consent Agenda)',
      'Trustee Amos asked why the contract was not rebid. The Board approved it 4-1.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['C-1', 'Approval of Minutes'],
      ['C-2', 'Snowplow Contract'],
      ['C-3', 'Hall Rental Fees'],
      ['C-2', 'Snowplow Contract (removed from Consent Agenda)'],
    ]);
    expect(items[3]?.text).toBe('Trustee Amos asked why the contract was not rebid. The Board approved it 4-1.');
  });

  it('reads unnumbered headings led by the time they were reached ("7:05 PM – Road Report") as items', () => {
    const items = parse([
      'TOWN OF HOLLIS BROOK',
      'SELECTBOARD MINUTES',
      'Monday, June 2, 2025',
      'Members present: A. Greer (Chair), T. Moss, L. Baptiste',
      '',
      '7:00 PM – Call to Order',
      'A. Greer called the meeting to order.',
      '',
      '7:05 PM – Road Report / Grading Schedule',
      'The road crew will grade Ridge Road in the week of June 9.',
      '7:20 PM – Adjourn',
      'T. Moss moved to adjourn. Motion passed 3-0.',
    ]).items.filter((i) => i.kind === 'item');
    // The time opens the item's text (a paragraph of its own or not, as the lines fall).
    expect(items.map((i) => [i.title, i.text.replace(/\s+/g, ' ')])).toEqual([
      ['Call to Order', '7:00 PM A. Greer called the meeting to order.'],
      ['Road Report / Grading Schedule', '7:05 PM The road crew will grade Ridge Road in the week of June 9.'],
      ['Adjourn', '7:20 PM T. Moss moved to adjourn. Motion passed 3-0.'],
    ]);
  });

  it('reads a number printed after its title in brackets ("Setting of Rates (Item 6.2)") as the item\'s', () => {
    const items = parse([
      'Tarahape District Council Minutes',
      'Meeting held on Wednesday 14 May 2025',
      '',
      'Apologies (Item 1.0)',
      'That the apology from Cr Wiremu be received.',
      '',
      'Setting of Rates for 2025/26 (Item 6.2)',
      'Council set a general rate of 0.31 cents in the dollar. The rate funds river works (Item 6.1).',
      '',
      'Bus Fares [Agenda Item 6.3]',
      'Adult fares rise to $2.60.',
    ]).items.filter((i) => i.minute !== null);
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['1.0', 'Apologies', 'That the apology from Cr Wiremu be received.'],
      [
        '6.2',
        'Setting of Rates for 2025/26',
        'Council set a general rate of 0.31 cents in the dollar. The rate funds river works (Item 6.1).',
      ],
      ['6.3', 'Bus Fares', 'Adult fares rise to $2.60.'],
    ]);
  });

  it('leaves one sentence that points at an item in brackets where it is', () => {
    const items = parse([
      'Minutes of the meeting of Ashdown Parish Council held on 3 June 2025',
      '1. Apologies',
      'None.',
      '2. Play Area',
      'The Clerk reported on the new swings, as agreed last month (Item 7)',
    ]).items.filter((i) => i.minute !== null);
    expect(items.map((i) => i.minute)).toEqual(['1', '2']);
    expect(items[1]?.text).toContain('as agreed last month (Item 7)');
  });

  it('reads headed sub-items at any depth ("9.1 GROUP", "9.1.1 Report", "9.1.2 Report", "9.2 …")', () => {
    const items = parse([
      'Minutes of the Ordinary Meeting of Brackenvale Shire Council held on 9 April 2025',
      '8    OPENING',
      'The Mayor opened the meeting at 6pm.',
      '9    OFFICER REPORTS',
      '9.1  CORPORATE',
      '9.1.1  QUARTERLY BUDGET REVIEW',
      'The review showed a surplus of $310,000.',
      '9.1.2  INVESTMENT POLICY',
      'Council adopted the revised policy.',
      '9.2  ASSETS',
      '9.2.1  DEPOT ROOF TENDER',
      'Council accepted the tender of Gillard Roofing for $86,500.',
      '10   CLOSE',
      'The meeting closed at 7.10pm.',
    ]).items.filter((i) => i.minute !== null && i.text !== '');
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['8', 'OPENING', 'The Mayor opened the meeting at 6pm.'],
      ['9.1.1', 'QUARTERLY BUDGET REVIEW', 'The review showed a surplus of $310,000.'],
      ['9.1.2', 'INVESTMENT POLICY', 'Council adopted the revised policy.'],
      ['9.2.1', 'DEPOT ROOF TENDER', 'Council accepted the tender of Gillard Roofing for $86,500.'],
      ['10', 'CLOSE', 'The meeting closed at 7.10pm.'],
    ]);
  });

  it('knows a contents list of compound codes by their running part ("C25/047"), not their first', () => {
    const items = parse([
      'MINUTES of the meeting of Thornbury Harbour Board held on 4 March 2025',
      'CONTENTS',
      'HB25/012 HARBOUR DUES 2',
      'HB25/013 PONTOON REPAIRS 3',
      'HB25/014 MOORINGS WAITING LIST 4',
      'PRESENT',
      'Captain R Iles (Chair)',
      'HB25/012 HARBOUR DUES',
      'The Board set the dues at £14.20 a metre.',
      'HB25/013 PONTOON REPAIRS',
      'The Board approved repairs costing £8,400.',
      'HB25/014 MOORINGS WAITING LIST',
      'There were 31 names on the list.',
    ]).items.filter((i) => i.minute !== null);
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['HB25/012', 'HARBOUR DUES', 'The Board set the dues at £14.20 a metre.'],
      ['HB25/013', 'PONTOON REPAIRS', 'The Board approved repairs costing £8,400.'],
      ['HB25/014', 'MOORINGS WAITING LIST', 'There were 31 names on the list.'],
    ]);
  });

  it('reads "22 RESOLUTION" as the number of a decision inside the item, not as an item', () => {
    const items = parse([
      'Minutes of the Council meeting held on 4 March 2025',
      '5. LIBRARY HOURS',
      'A MOTION WAS MOVED BY COUNCILLOR ADEYEMI THAT the library open on Sundays.',
      'THE MOTION WAS CARRIED.',
      '22 RESOLUTION',
      'The library open on Sundays from April.',
      '6. SKATE PARK LIGHTING',
      'Council approved the lighting.',
      '23 Resolution',
      'The lighting be installed.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['5', 'LIBRARY HOURS'],
      ['6', 'SKATE PARK LIGHTING'],
    ]);
    expect(items[0]?.text).toContain('22 RESOLUTION');
  });

  it('joins a title that wrapped after a joining word, a month, or a full line, and ends it where its sentence ends', () => {
    const items = parse([
      'Minutes of the Licensing Board, April 2, 2025',
      '1. Hearing on a new tavern license for Harrow & Finch LLC, 18 Quarry Lane, from the',
      'applicant Dmitri Osei, with forty seats inside and ten on the terrace, first filed on',
      'March 3, 2025 and amended later. Mr. Osei appeared and answered questions.',
      'The license was approved 3:0.',
      '2. Consideration of the fall market permits for the Old Depot',
      'Yard. Staff reported nine requests.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text.split(/\s+/).slice(0, 4).join(' ')])).toEqual([
      [
        '1',
        'Hearing on a new tavern license for Harrow & Finch LLC, 18 Quarry Lane, from the applicant Dmitri Osei, with forty seats inside and ten on the terrace, first filed on March 3, 2025 and amended later',
        'Mr. Osei appeared and',
      ],
      ['2', 'Consideration of the fall market permits for the Old Depot', 'Yard. Staff reported nine'],
    ]);
  });

  it('does not take a numbered sentence ("1) The Board received the audit report") for a title', () => {
    const items = parse([
      'Harbour District Board Highlights, May 9, 2025',
      'Business:',
      '',
      '1) The Board received the audit report for 2024',
      '',
      '2) The Board approved a grant to the Seaview Hospice',
      '',
      '3) A letter from the Minister was referred to staff',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.titleDerived, i.text])).toEqual([
      ['1', true, 'The Board received the audit report for 2024'],
      ['2', true, 'The Board approved a grant to the Seaview Hospice'],
      ['3', true, 'A letter from the Minister was referred to staff'],
    ]);
  });

  it('reads the title in capitals before a flattened ModernGov row’s agenda text, and leaves that text out of the minute', () => {
    const items = parse([
      'No. | Item | ||',
      '---|---|---|---|',
      'WASTE COLLECTION CHANGES Report by the Head of Environment Additional documents:',
      'Minutes: The Committee agreed the new rounds. |',
      '|||',
      'PARK BYELAWS Minutes: The Committee noted the byelaws. |',
      '|||',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.title, i.text])).toEqual([
      ['WASTE COLLECTION CHANGES', 'The Committee agreed the new rounds.'],
      ['PARK BYELAWS', 'The Committee noted the byelaws.'],
    ]);
  });

  it('numbers each session from 1 again after a session heading, as councils meeting in two sessions print them', () => {
    const items = parse([
      'CITY OF MAPLE FORD COUNCIL MINUTES: March 4, 2025',
      'STUDY SESSION:',
      '1. CALL TO ORDER',
      'The study session began at 5:00 p.m.',
      '2. BRIEFING ON STREET LIGHTING',
      'Staff briefed Council on LED conversions.',
      'REGULAR SESSION:',
      '1. CALL TO ORDER',
      'The regular session began at 6:00 p.m.',
      '2. STREET LIGHTING CONTRACT',
      'Council approved the contract 5-0.',
      '3. ADJOURNMENT',
      'The meeting adjourned at 6:40 p.m.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['1', 'CALL TO ORDER'],
      ['2', 'BRIEFING ON STREET LIGHTING'],
      ['1', 'CALL TO ORDER'],
      ['2', 'STREET LIGHTING CONTRACT'],
      ['3', 'ADJOURNMENT'],
    ]);
  });

  it('reads minutes kept in a ruled text table cell by cell, reference, title and text in turn', () => {
    const items = parse([
      'NANT Y FELIN COMMUNITY COUNCIL',
      'Minutes of the meeting held on 5 May 2025',
      '+--------+------------------------------------+--------+',
      '| No.    | Minute                             | Action |',
      '+--------+------------------------------------+--------+',
      '| C24.20 | FOOTPATHS                          |        |',
      '|        | The stile on path 12 is broken and | Clerk  |',
      '|        | will be reported to the county.    |        |',
      '+--------+------------------------------------+--------+',
      '| C24.21 | BUS SHELTER                        |        |',
      '|        | RESOLVED to repaint the shelter.   |        |',
      '+--------+------------------------------------+--------+',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['C24.20', 'FOOTPATHS', 'The stile on path 12 is broken and will be reported to the county.\n\nClerk'],
      ['C24.21', 'BUS SHELTER', 'RESOLVED to repaint the shelter.'],
    ]);
  });

  it('goes on with a title in capitals only in capitals, and reads a numbered long sentence with nothing under it as text', () => {
    const items = parse([
      'Minutes of the Ordinary Meeting of Banksia Flats Shire Council, 9 April 2025',
      '6.01 DEVELOPMENT APPLICATION DA 2025/044 - TWO STOREY DWELLING AND SHED,',
      '14 WATTLE COURT, BANKSIA FLATS',
      'The Planning Manager reported that two submissions were received and that the',
      'application complies with the planning scheme in all respects.',
      '6.02 ADOPTED the revised footpath trading policy as recommended',
      'by the Manager Economic Development, with a review in twelve months',
      '6.03 DRAINAGE WORKS',
      'Council noted the report.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.titleDerived, i.text.split(/\s+/).slice(0, 3).join(' ')])).toEqual([
      [
        '6.01',
        'DEVELOPMENT APPLICATION DA 2025/044 - TWO STOREY DWELLING AND SHED, 14 WATTLE COURT, BANKSIA FLATS',
        false,
        'The Planning Manager',
      ],
      ['6.02', 'ADOPTED the revised footpath trading policy as recommended…', true, 'ADOPTED the revised'],
      ['6.03', 'DRAINAGE WORKS', false, 'Council noted the'],
    ]);
  });

  it('reads a title set apart from its text by a gap of spaces on the number’s line as the title', () => {
    const items = parse([
      'Minutes of the meeting of Aberhonddu Fach Community Council held on 2 June 2025',
      '88  HIGHWAYS',
      '88.1  Potholes  The Clerk had reported four potholes on Heol y Bryn.',
      '88.2  Grit bin  A new grit bin is to be bought for the school lane.',
      '89  FINANCE  The accounts for May were approved.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['88', 'HIGHWAYS', ''],
      ['88.1', 'Potholes', 'The Clerk had reported four potholes on Heol y Bryn.'],
      ['88.2', 'Grit bin', 'A new grit bin is to be bought for the school lane.'],
      ['89', 'FINANCE', 'The accounts for May were approved.'],
    ]);
  });

  it('reads a lettered number after a label ("ITEM K 14/2025  TITLE") as the item\'s number', () => {
    const items = parse([
      'MINUTES OF THE ORDINARY MEETING OF THE KWENA HILLS LOCAL MUNICIPALITY HELD ON 3 MARCH 2025',
      'ITEM K 14/2025   WATER TARIFFS',
      'The CFO reported on the proposed tariffs.',
      'RESOLVED',
      '1. That the tariffs be approved for consultation.',
      '2. That ward committees be consulted.',
      'ITEM K 15/2025   STREET LIGHTING',
      'Cllr Moloi asked when the lights would be repaired.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['K 14/2025', 'WATER TARIFFS'],
      ['K 15/2025', 'STREET LIGHTING'],
    ]);
  });

  it('reads "File # 24-310" numbers with the title below, and an item taken later than its number', () => {
    const items = parse([
      'TOWN OF BELLMORE CITY COUNCIL REGULAR MEETING MINUTES Monday, June 2, 2025',
      '',
      'File # 24-310',
      'Consent Calendar',
      'Approved 5-0 on a motion by Ruiz.',
      '',
      'File # 24-312',
      'Sidewalk Repair Contract',
      'The engineer recommended the lowest of three bids, at $88,000. Approved 4-1.',
      '',
      'File # 24-311',
      'Library Hours',
      '(Taken up after File # 24-312.) The librarian proposed Sunday opening.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.minuteNumber, i.title])).toEqual([
      ['24-310', 310, 'Consent Calendar'],
      ['24-312', 312, 'Sidewalk Repair Contract'],
      ['24-311', 311, 'Library Hours'],
    ]);
  });

  it('reads a court\'s "ORDER NO. 24-0117" with its "RE:" title below, wrapped in capitals, as the order\'s number and title', () => {
    const items = parse([
      'MORROW COUNTY COMMISSIONERS COURT',
      'REGULAR SESSION - MARCH 10, 2025',
      '',
      'ORDER NO. 24-0117',
      'RE: APPROVE THE INTERLOCAL AGREEMENT WITH THE CITY OF DRYDEN FOR ROAD AND BRIDGE',
      'MAINTENANCE',
      'Motion by Commissioner Vela, seconded by Commissioner Hart. Motion carried.',
      '',
      'ORDER NO. 24-0118',
      "RE: ACCEPT A DONATION TO THE SHERIFF'S OFFICE",
      'The Sheriff reported a gift of $5,000 from the Rotary Club. Motion carried.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['24-0117', 'APPROVE THE INTERLOCAL AGREEMENT WITH THE CITY OF DRYDEN FOR ROAD AND BRIDGE MAINTENANCE'],
      ['24-0118', "ACCEPT A DONATION TO THE SHERIFF'S OFFICE"],
    ]);
    // An order is numbered only with "No.": a standing order named in the text is no minute.
    expect(parseMinuteToken('Order 7')).toBeNull();
    expect(findMinuteReferences('Questions asked under Standing Order 7(3) and 7(5).')).toEqual([]);
  });

  it('reads a warrant article worded as what is to be done as its title, and a title beside its number wrapped a word with no sign', () => {
    const items = parse([
      'TOWN OF ELDER FORD ANNUAL TOWN MEETING, MARCH 8, 2025',
      '',
      'ARTICLE 4. To see if the Town will vote to replace the roof of the Grange Hall',
      'Moved and seconded that the Town raise and appropriate $41,000. Carried by voice vote.',
      '',
      'ARTICLE 5. To authorize the Select Board to sell the surplus lot at 9 Pound Hill',
      'Road',
      'Moved and seconded. Carried by voice vote.',
      '',
      'ARTICLE 6. To date, no petitions have been received for this meeting.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.titleDerived ? null : i.title])).toEqual([
      ['4', 'To see if the Town will vote to replace the roof of the Grange Hall'],
      ['5', 'To authorize the Select Board to sell the surplus lot at 9 Pound Hill Road'],
      // "To date, …" is prose: the item has no title of its own.
      ['6', null],
    ]);
  });

  it('goes on with a title beside its number where it stops inside a bracket it opened', () => {
    const items = parse([
      'Minutes of the Board of Trustees, held April 7, 2025',
      '',
      'RESOLUTION 25-031 - Adopt Zoning Text Amendment ZA-2025-02 (Accessory',
      'Buildings)',
      'The Zoning Inspector summarized the recommendation. Resolution passed 3-0.',
      '',
      'RESOLUTION 25-032 - Approve Payment of Bills',
      'Warrants 1402 through 1460 were approved.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text.split(/\s+/)[0]])).toEqual([
      ['25-031', 'Adopt Zoning Text Amendment ZA-2025-02 (Accessory Buildings)', 'The'],
      ['25-032', 'Approve Payment of Bills', 'Warrants'],
    ]);
  });

  it('goes on with a title below its number that filled the line and wrapped a word or two with no sign', () => {
    const items = parse([
      'TOWN OF BELLMORE CITY COUNCIL REGULAR MEETING MINUTES Monday, June 2, 2025',
      '',
      'File # 24-313',
      'Ordinance No. 2025-07 - Amending the Schedule of Fees for Use of the Civic Centre',
      'Auditorium',
      'The clerk explained the new hourly rates. Adopted 5-0.',
      '',
      'File # 24-314',
      'Sidewalk Repair Contract',
      'Background',
      'The engineer recommended the lowest of three bids, at $88,000. Approved 4-1.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text.split(/\s+/).slice(0, 2).join(' ')])).toEqual([
      [
        '24-313',
        'Ordinance No. 2025-07 - Amending the Schedule of Fees for Use of the Civic Centre Auditorium',
        'The clerk',
      ],
      // A short title that did not fill the line: the heading under it is the text's.
      ['24-314', 'Sidewalk Repair Contract', 'Background The'],
    ]);
  });

  it('reads numbered paragraphs whose sentences run on as text, a wrapped title with an address in it as one title, and a page header seen twice as furniture', () => {
    const parsed = parse([
      'KESTON BOROUGH COUNCIL LICENSING SUB-COMMITTEE MINUTES of the hearing held on 3 June 2025',
      '',
      '4.   APPLICATION FOR A PREMISES LICENCE - THE LANTERN,',
      '     12 HIGH STREET, K4 2PL',
      '',
      '     4.1  The Licensing Officer introduced the report.',
      '',
      '     4.2  Mr Omar Velez, for the applicant, offered to close the',
      '          garden at 22.00.',
      '',
      '     RESOLVED that the licence be granted.',
      '',
      'Licensing Sub-Committee - 3 June 2025          Page 2',
      '',
      '5.   REVIEW OF PREMISES LICENCE - CORNER STORES,',
      '     7 MILL LANE, K4 1AB',
      '',
      '     5.1  The applicant sought to extend the hours for off sales of',
      '          alcohol to 02.00.',
      '',
      'Licensing Sub-Committee - 3 June 2025          Page 3',
      '',
      '     RESOLVED that the review be adjourned.',
    ]);
    const items = parsed.items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['4', 'APPLICATION FOR A PREMISES LICENCE - THE LANTERN, 12 HIGH STREET, K4 2PL'],
      ['5', 'REVIEW OF PREMISES LICENCE - CORNER STORES, 7 MILL LANE, K4 1AB'],
    ]);
    expect(items[0]?.text).toContain('4.2 Mr Omar Velez, for the applicant');
    expect(items.map((i) => i.text).join(' ')).not.toContain('Page 3');
  });

  it('reads lettered headings under a numbered item ("(a) Street Lighting Upgrade") as its sub-items, cited "7(a)"', () => {
    const items = parse([
      'Minutes of the Environment Committee of Loughbeg District Council held on 4 March 2025',
      '',
      '7.  REPORTS FOR DECISION',
      '',
      '    (a) Street Lighting Upgrade',
      '',
      '    The Director reported on LED replacement. It was agreed (a) to proceed and (b) to report back.',
      '',
      '    (b) Grants from the Village Fund',
      '',
      '    Members noted three applications.',
      '',
      '8.  ANY OTHER BUSINESS',
      '',
      '    None.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['7', 'REPORTS FOR DECISION'],
      ['7(a)', 'Street Lighting Upgrade'],
      ['7(b)', 'Grants from the Village Fund'],
      ['8', 'ANY OTHER BUSINESS'],
    ]);
  });

  it("reads short headings over wrapped prose as items, and a line introducing a list as its heading's text", () => {
    const items = parse([
      'Glenmuir Community Council',
      'Minutes of meeting held Monday 3rd March 2025, 7pm, Glenmuir Hall',
      '',
      'Present: Ann Reid (Chair), Tom Fyfe, Isla Grant',
      '',
      'Apologies',
      'None.',
      '',
      'Roads Report',
      'Tom said the gritter had missed the upper road twice in February and that',
      'the council would add it to the priority route.',
      '',
      'Planning',
      'One application to note:',
      '- 25/00412/FUL - extension at 2 Kirk Brae. No objection.',
      '',
      'Village Hall Windows',
      'Quotes received from two joiners; agreed to accept the lower one.',
      '',
      'Meeting ended 8.45pm.',
    ]).items.filter((i) => i.kind === 'item');
    // A sentence before the first numbered item is no heading either.
    const led = parse([
      'RECORD OF PROCEEDINGS',
      'Minutes of ELM RIDGE TOWNSHIP BOARD OF TRUSTEES Meeting',
      '',
      'Held April 7, 2025',
      '',
      'The Board of Trustees of Elm Ridge Township met in regular session at 7:00 p.m. with the',
      'following present: Chair Dana Olds, Vice Chair Lee Park and Fiscal Officer Ann Cole.',
      '',
      'Chair Olds led the Pledge of Allegiance.',
      '',
      'Public comment: none at the opening of the meeting.',
      '',
      'RESOLUTION 25-031 - Approve Payment of Bills',
      'Warrants 1402 through 1460 were approved.',
      '',
      'RESOLUTION 25-032 - Hire Seasonal Road Worker',
      'The Road Superintendent recommended hiring for the summer. Approved 3-0.',
    ]).items.filter((i) => i.kind === 'item');
    expect(led.map((i) => i.title)).toEqual([
      'Public comment',
      'Approve Payment of Bills',
      'Hire Seasonal Road Worker',
    ]);
    expect(items.map((i) => i.title)).toEqual(['Apologies', 'Roads Report', 'Planning', 'Village Hall Windows']);
  });

  it('goes on with a title below its number where it stops inside a bracket or on a joining word', () => {
    const items = parse([
      'TOWN OF BELLMORE CITY COUNCIL REGULAR MEETING MINUTES Monday, June 2, 2025',
      '',
      'File # 24-320',
      'Ordinance No. 2024-7 - Amending Chapter 9 (Refuse and',
      'Recycling Fees) of the Town Code - FIRST READING',
      'The manager explained the new fees.',
      '',
      'File # 24-321',
      'Resolution No. 24-40 - Parking Limits on',
      'Elm Street - ADOPTED',
      'Approved 5-0.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.title, i.text])).toEqual([
      [
        'Ordinance No. 2024-7 - Amending Chapter 9 (Refuse and Recycling Fees) of the Town Code - FIRST READING',
        'The manager explained the new fees.',
      ],
      ['Resolution No. 24-40 - Parking Limits on Elm Street - ADOPTED', 'Approved 5-0.'],
    ]);
  });
});

describe('the item finder on five more shapes (the fourteenth round)', () => {
  it('reads "Subject No. 12 : Title" as minute 12, and a "Resolution No." inside it as its decision', () => {
    const items = parse([
      'MINUTES OF THE 3RD MEETING OF THE WORKS COMMITTEE HELD ON 04.03.2025',
      '',
      'Subject No. 12 : Resurfacing of the market road.',
      '',
      'The Engineer placed the estimate of Rs. 42 lakh before the Committee.',
      'Resolution No. 88 : Resolved that the estimate be approved.',
      '',
      'Subject No. 13 : Hiring of two tankers for the',
      '                 summer months.',
      '',
      'Resolution No. 89 : Resolved that two tankers be hired at Rs. 3,100 a day.',
      '',
      'Subject No. 14 : Rent of the bus stand kiosks.',
      '',
      'Resolution No. 90 : Resolved that the matter be deferred.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['12', 'Resurfacing of the market road'],
      ['13', 'Hiring of two tankers for the summer months'],
      ['14', 'Rent of the bus stand kiosks'],
    ]);
    expect(items[1]?.text).toContain('Resolution No. 89');
  });

  it('takes a consent agenda’s "7.2 Title. Action…" lines and items heard out of order as sub-items', () => {
    const items = parse([
      'BOARD OF COMMISSIONERS - MINUTES OF MARCH 3, 2025',
      '',
      '6. CONSENT AGENDA',
      'Routine items are adopted by one motion.',
      '6.1 Minutes of February 17, 2025. Approve the minutes as',
      '    circulated by the Clerk.',
      '6.2 Library roof grant. Accept a state grant of $22,000 for',
      '    the roof of the branch library.',
      'Motion carried 5-0.',
      '',
      '7. REGULAR AGENDA',
      '',
      '7.2 Snow Plough Purchase',
      'The Roads Director asked for one plough at $96,400. Motion carried 5-0.',
      '',
      '7.1 Public Hearing - Rezoning of Mill Lot',
      'Four residents spoke. Motion carried 4-1.',
      '',
      '8. ADJOURNMENT',
      'The meeting ended at 9:10 p.m.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['6', 'CONSENT AGENDA'],
      ['6.1', 'Minutes of February 17, 2025'],
      ['6.2', 'Library roof grant'],
      ['7', 'REGULAR AGENDA'],
      ['7.2', 'Snow Plough Purchase'],
      ['7.1', 'Public Hearing - Rezoning of Mill Lot'],
      ['8', 'ADJOURNMENT'],
    ]);
    expect(items[2]?.text).toBe(
      'Accept a state grant of $22,000 for the roof of the branch library. Motion carried 5-0.',
    );
  });

  it('keeps numbered paragraphs that open with a sentence as their item’s text', () => {
    const items = parse([
      'COMMUNITY GROUP MEETING, 2 APRIL 2025',
      '',
      '1. Welcome',
      '1.1 The chair welcomed everyone.',
      '1.2 Present: Ann Lee, Tom Ray.',
      '2. Hall repairs',
      '2.1 The roof quote was £4,200 and was accepted.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => i.minute)).toEqual(['1', '2']);
  });

  it('reads a label’s colon before a title case subject as part of the title ("Report: Ridley Road Upgrade")', () => {
    const items = parse([
      'ORDINARY MEETING OF COUNCIL - 8 OCTOBER 2025',
      '',
      '10. REPORTS OF OFFICERS',
      '',
      '10.1 Report: Depot Roof Replacement and Solar Panels at the Works Yard',
      'Author: Works Manager',
      'Council Resolution 2025/140 That the tender be accepted. CARRIED 7/0',
      '',
      '10.2 Report: Draft Footpath Strategy for the Eastern Wards, Coastal Villages and Harbour',
      'Approaches at Marlow Heads and Tindal Point',
      'Author: Planner',
      'Council Resolution 2025/141 That the draft go on exhibition. CARRIED 6/1',
      '',
      '11. CLOSURE',
      'The meeting closed at 8.02pm.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['10', 'REPORTS OF OFFICERS'],
      // A label and its value under a title that filled its line are not the title's end.
      ['10.1', 'Report: Depot Roof Replacement and Solar Panels at the Works Yard'],
      // A title that filled its line wraps onto the next, a few words in title case.
      [
        '10.2',
        'Report: Draft Footpath Strategy for the Eastern Wards, Coastal Villages and Harbour Approaches at Marlow Heads and Tindal Point',
      ],
      ['11', 'CLOSURE'],
    ]);
  });

  it('splits a one-line item into its heading and what became of it ("Minutes - approved and signed.")', () => {
    const items = parse([
      'ELMSTEAD PARISH COUNCIL',
      'Minutes of the meeting held on 6 May 2025',
      '',
      '1. Apologies for absence - Cllr Hart.',
      '2. Minutes of the meeting held on 1 April 2025 - approved and signed.',
      '3. Correspondence - list circulated; noted.',
      '4. Burial ground - new wall quoted at £2,950; the clerk to seek a second quote before',
      'the June meeting (agreed).',
      '5. Village green',
      'The mower has been repaired for £310.',
      '6. Highways - Speed Camera Request',
      'The clerk will write to the county.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.title, i.text])).toEqual([
      ['Apologies for absence', 'Cllr Hart.'],
      ['Minutes of the meeting held on 1 April 2025', 'approved and signed.'],
      ['Correspondence', 'list circulated; noted.'],
      // What became of it may wrap onto the next line.
      [
        'Burial ground',
        'new wall quoted at £2,950; the clerk to seek a second quote before the June meeting (agreed).',
      ],
      ['Village green', 'The mower has been repaired for £310.'],
      // A subtitle in title case, closing no sentence, is the heading's own.
      ['Highways - Speed Camera Request', 'The clerk will write to the county.'],
    ]);
  });

  it('leaves out a header that opens each page of a short document, and the rules drawn under titles', () => {
    const meeting = parse([
      'FERRY TRUST - BOARD MINUTES',
      '',
      'Item 1: Apologies',
      '-----------------',
      'None were received.',
      '',
      'Item 2: Landing stage',
      '---------------------',
      'The engineer reported that the landing stage',
      '',
      'Page 1',
      '\fFerry Trust - Board Minutes 03/06/2025',
      '',
      'needed two new piles at £6,300 each. Approved.',
      '',
      'Item 3: Fares',
      '=============',
      'Fares were held for 2026.',
      '',
      'Page 2',
      '\fFerry Trust - Board Minutes 03/06/2025',
      '',
      'Item 4: Date of next meeting',
      '----------------------------',
      '2 September 2025.',
    ]);
    const items = meeting.items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.text])).toEqual([
      ['1', 'None were received.'],
      ['2', 'The engineer reported that the landing stage needed two new piles at £6,300 each. Approved.'],
      ['3', 'Fares were held for 2026.'],
      ['4', '2 September 2025.'],
    ]);
  });

  it('reads a table kept in columns of spaces: number and subject as the heading, the wrapped discussion as text', () => {
    const items = parse([
      'PORT OF WENLOCK BOARD - 12 JUNE 2025',
      '',
      'Minute    Subject                 Discussion',
      '',
      '14        Apologies               Apologies were received from',
      '                                  Mr Tull. Accepted.',
      '',
      '15        Pontoon Repairs         The Harbour Master reported that',
      '          and Renewal             pontoon B had split. RESOLVED to',
      '                                  repair it at £8,400.',
      '',
      '16        Berth Charges           The Board set the visitor charge',
      '                                  at £2.90 a metre. Carried 5-0.',
      '',
      '17        Date of Next Meeting    10 July 2025 at the Harbour Office,',
      '                                  7.00 pm.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title, i.text])).toEqual([
      ['14', 'Apologies', 'Apologies were received from Mr Tull. Accepted.'],
      [
        '15',
        'Pontoon Repairs and Renewal',
        // A resolution starts a paragraph of its own, as anywhere in minutes.
        'The Harbour Master reported that pontoon B had split.\n\nRESOLVED to repair it at £8,400.',
      ],
      ['16', 'Berth Charges', 'The Board set the visitor charge at £2.90 a metre. Carried 5-0.'],
      ['17', 'Date of Next Meeting', '10 July 2025 at the Harbour Office, 7.00 pm.'],
    ]);
  });

  it('numbers items by a reference printed at the end of the heading ("Title    [Min. 204/25]")', () => {
    const items = parse([
      'ROSSMOYNE COUNTY COUNCIL',
      'Minutes of the Ordinary Meeting held on Monday 8th September 2025',
      '',
      'Vote of Sympathy                                        [Min. 204/25]',
      'The Members extended sympathy to the family of the late Ms Nora Keane.',
      '',
      'Greenway Extension (Phase 2)                            [Min. 205/25]',
      'Proposed by Cllr Daly, seconded by Cllr Ryan, the scheme was approved.',
      '',
      'Correspondence                                          [Min. 206/25]',
      'Letters from two Ministers were noted.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['204/25', 'Vote of Sympathy'],
      ['205/25', 'Greenway Extension (Phase 2)'],
      ['206/25', 'Correspondence'],
    ]);
  });

  it('reads X as ten in a run of roman numerals', () => {
    const items = parse([
      'VIII. AWARD OF CONTRACT - ROOF REPAIRS',
      'The Board awarded the contract to Ridgeline Roofing.',
      'IX. SUPERINTENDENT REPORT',
      'Enrollment stood at 4,210.',
      'X. BOARD MEMBER REPORTS',
      'Trustee Lam reported on the county forum.',
      'XI. ADJOURNMENT',
      'The meeting adjourned at 8:40 p.m.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => i.minute)).toEqual(['VIII', 'IX', 'X', 'XI']);
  });

  it('keeps lettered parts of one number apart as items ("Item 5(a)", "Item 5(b)")', () => {
    const items = parse([
      'Item 4    Capital Programme',
      'The Committee noted the outturn.',
      'Item 5(a) Rent Arrears',
      'Arrears stood at 5.9% of the rent debit.',
      'Item 5(b) Empty Homes',
      'The average time to re-let was 47 days.',
      'Item 6    Tenant Strategy',
      'The strategy was approved.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['4', 'Capital Programme'],
      ['5(a)', 'Rent Arrears'],
      ['5(b)', 'Empty Homes'],
      ['6', 'Tenant Strategy'],
    ]);
  });

  it('carries a title in capitals on to a second line in capitals under a number standing alone', () => {
    const items = parse([
      'MIN. NO. 041/2025',
      'BILL - THE KIRIMA COUNTY MARKETS BILL, 2025',
      '(COUNTY ASSEMBLY BILL NO. 7 OF 2025) - SECOND READING',
      'The Member for Rongo Ward moved that the Bill be now read a second time.',
      '',
      'MIN. NO. 042/2025',
      'ADJOURNMENT',
      'The Speaker adjourned the Assembly at 6.30 p.m.',
    ]).items.filter((i) => i.kind === 'item');
    expect(items.map((i) => [i.minute, i.title])).toEqual([
      ['041/2025', 'BILL - THE KIRIMA COUNTY MARKETS BILL, 2025 (COUNTY ASSEMBLY BILL NO. 7 OF 2025) - SECOND READING'],
      ['042/2025', 'ADJOURNMENT'],
    ]);
  });
});
