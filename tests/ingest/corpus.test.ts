import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../ingest/manifest.js';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { decodeText } from '../../ingest/read/text.js';
import type { Meeting } from '../../src/types.js';
import { corpusDir, corpusFile, hasCorpus } from '../helpers/corpus.js';

/** [minute, title, agenda item, title derived, procedural] for every item, in order. */
type Expected = [string | null, string, number | null, boolean, boolean];

function parseCorpus(name: string): Meeting {
  const file = corpusFile(name);
  const hints = loadManifest(`${corpusDir}/meetings.json`).hintsFor(file);
  return parseMinutesText(decodeText(readFileSync(file)), { source: file, ...(hints ? { hints } : {}) });
}

function summary(meeting: Meeting): Expected[] {
  return meeting.items.map((i) => [i.minute, i.title, i.agendaItem, i.titleDerived, i.procedural]);
}

describe.skipIf(!hasCorpus)('the five real corpus meetings', () => {
  it('2 June 2020: a ModernGov page copied as text, numbered from "view the full minutes text for item 77"', () => {
    const meeting = parseCorpus('000_ded07c51db115991.txt');
    expect(meeting).toMatchObject({
      council: 'Leicestershire County Council',
      committee: 'Children and Families Overview and Scrutiny Committee',
      date: '2020-06-02',
      startTime: '2.00 pm',
      venue: 'Skype Meeting',
      url: 'https://democracy.leics.gov.uk/ieListDocuments.aspx?CId=1043&MId=6181',
    });
    expect(summary(meeting)).toEqual<Expected[]>([
      // The page header and the webcast notice are kept, unnumbered, as the meeting's preamble.
      [null, 'Agenda and minutes Children and Families Overview and…', null, true, true],
      [null, 'A webcast of the meeting can be viewed…', null, true, true],
      ['76', 'Minutes', null, false, true],
      ['77', 'Question Time', null, false, false],
      ['78', 'Questions asked by members under Standing Order 7(3) and 7(5)', null, false, true],
      ['79', 'Urgent Items', null, false, true],
      ['80', 'Declarations of interest', null, false, true],
      [
        '81',
        'Declarations of the Party Whip in accordance with Overview and Scrutiny Procedure Rule 16',
        null,
        false,
        true,
      ],
      ['82', 'Presentation of Petitions under Standing Order 36', null, false, true],
      ['83', 'Draft Children and Family Service Departmental Plan 2020/23', 8, false, false],
      ['84', 'Leicestershire Children and Families Partnership Plan 2018/21: Progress Update', 9, false, false],
      ['85', 'Children in Need of Help and Protection', 10, false, false],
      ['86', "Leicestershire's Response to Tackling Child Criminal Exploitation", 11, false, false],
      ['87', 'Date of next meeting', null, false, true],
      ['88', 'Mr. I. D. Ould OBE CC', null, false, false],
    ]);
    const numbered = meeting.items.filter((i) => i.minute !== null);
    expect(numbered.every((i) => i.numberSource === 'recovered')).toBe(true);
    // The previous meeting's date (3 March 2020) and the next one's (1 September 2020) are not this meeting's.
    expect(meeting.date).toBe('2020-06-02');
    const cin = meeting.items.find((i) => i.minute === '85');
    expect(cin?.points).toEqual(['i', 'ii', 'iii', 'a', 'b']);
    expect(cin?.resolutions[0]).toContain('That the report be noted');
    expect(meeting.items.find((i) => i.minute === '77')?.text).not.toMatch(/view the full minutes text/);
  });

  it('6 September 2022: a flattened table with no header, numbered from "item 15" and "item 23"', () => {
    const meeting = parseCorpus('001_65df80eea297e0f5.txt');
    expect(meeting.date).toBe('2022-09-06');
    expect(meeting.committee).toBe('Children and Families Overview and Scrutiny Committee');
    expect(summary(meeting)).toEqual<Expected[]>([
      [null, 'Venue', null, true, true],
      ['14', 'Minutes of the meeting held on 7 June 2022', null, false, true],
      ['15', 'The following question, received under Standing Order 34…', null, true, false],
      ['16', 'Questions asked by members under Standing Order 7(3) and 7(5)', null, false, true],
      ['17', 'There were no urgent items for consideration', null, true, true],
      ['18', 'Declarations of interest in respect of items on the agenda', null, false, true],
      ['19', 'There were no declarations of the party whip', null, true, true],
      ['20', 'Presentation of Petitions under Standing Order 36', null, false, true],
      ['21', 'SEND and Inclusion', 8, false, false],
      ['22', 'Closure Report - Defining Children and Family Services for the Future', 9, false, false],
      ['23', 'Quarter 1 2022/23 Performance Report', 10, false, false],
      ['24', "Annual Report of the Leicestershire and Rutland Safeguarding Children's Partnership", 11, false, false],
      ['25', 'Date of next meeting', null, false, true],
    ]);
    const send = meeting.items.find((i) => i.minute === '21');
    expect(send?.points).toEqual(['i', 'ii', 'iii', 'iv']);
    expect(send?.passages.some((p) => p.points.includes('i') && /54%/.test(p.text))).toBe(true);
  });

  it('4 June 2018: markdown-like numbered minutes', () => {
    const meeting = parseCorpus('002_4603350e2a5b5388.txt');
    expect(meeting).toMatchObject({ date: '2018-06-04', venue: 'County Hall, Glenfield', chair: 'Mrs. B. Seaton CC' });
    expect(meeting.attendees).toContain('Mr. J. Kaufman CC');
    expect(summary(meeting)).toEqual<Expected[]>([
      [null, 'Minutes of a meeting of the Children and…', null, true, true],
      [null, 'PRESENT', null, false, true],
      ['1', 'Appointment of Chairman', null, false, true],
      ['2', 'Election of Deputy Chairman', null, false, true],
      ['3', 'Minutes', null, false, true],
      ['4', 'Question Time', null, false, true],
      ['5', 'Questions asked by members under Standing Order 7(3) and 7(5)', null, false, true],
      ['6', 'Urgent Items', null, false, true],
      ['7', 'Declarations of interest', null, false, true],
      [
        '8',
        'Declarations of the Party Whip in accordance with Overview and Scrutiny Procedure Rule 16',
        null,
        false,
        true,
      ],
      ['9', 'Presentation of Petitions under Standing Order 36', null, false, true],
      ['10', 'Draft Children and Families Partnership Plan 2018-21', 10, false, false],
      [
        '11',
        'Progress Report: Ofsted Recommendations as part of the Ofsted Continuous Improvement Action Plan 2017-2020 - the Road to Excellence',
        11,
        false,
        false,
      ],
      ['12', 'Overview of the Youth Offending Service', 12, false, false],
      ['13', 'Local Safeguarding Children Board Business Plan 2018/19', 13, false, false],
      ['14', 'Date of next meeting', null, false, true],
    ]);
    expect(meeting.items.map((i) => i.kind)).toEqual(['preamble', 'attendance', ...Array(14).fill('item')]);
    expect(meeting.items.filter((i) => i.kind === 'item').every((i) => i.numberSource === 'printed')).toBe(true);
    expect(meeting.items[1]?.text).toContain('Mr. J. Kaufman CC');
    expect(meeting.items.find((i) => i.minute === '12')?.points).toEqual([
      'i',
      'ii',
      'iii',
      'iv',
      'v',
      'vi',
      'a',
      'b',
      'c',
    ]);
  });

  it('21 January 2020: PDF text with page numbers, wrapped lines and "Standing Order\\n34." traps', () => {
    const meeting = parseCorpus('003_a8f63bb76f80c19c.txt');
    expect(meeting).toMatchObject({ date: '2020-01-21', chair: 'Mrs. H. J. Fryer CC' });
    expect(summary(meeting)).toEqual<Expected[]>([
      [null, 'Minutes of a meeting of the Children and…', null, true, true],
      [null, 'PRESENT', null, false, true],
      ['47', 'Minutes', null, false, true],
      ['48', 'Question Time', null, false, true],
      ['49', 'Questions asked by members under Standing Order 7(3) and 7(5)', null, false, true],
      ['50', 'Urgent Items', null, false, true],
      ['51', 'Declarations of interest', null, false, true],
      [
        '52',
        'Declarations of the Party Whip in accordance with Overview and Scrutiny Procedure Rule 16',
        null,
        false,
        true,
      ],
      ['53', 'Presentation of Petitions under Standing Order 36', null, false, true],
      ['54', 'Medium Term Financial Strategy 2020/21 - 2023/24', 8, false, false],
      ['55', 'Change to the Order of Business', null, false, true],
      ['56', "Children's Innovation Partnership", null, false, false],
      ['57', "Ofsted Inspection of Local Authority Children's Social Care Services", 9, false, false],
      ['58', 'Local Area Inspection of Special Educational Needs and Disabilities (SEND)', 10, false, false],
      ['59', 'Care Leaver Offer', 11, false, false],
      ['60', 'Pupils Missing Out on Education in Leicestershire', 13, false, false],
      ['61', 'Virtual School', 14, false, false],
      ['62', 'Date of next meeting', null, false, true],
      // The signing-off block is kept as closing text, not as part of minute 62.
      [null, '2.00 – 4.12pm 21 January 2020 CHAIRMAN', null, true, true],
    ]);
    expect(meeting.items.at(-1)?.kind).toBe('closing');
    const all = meeting.items.map((i) => i.text).join('\n');
    // Page numbers are not content, and wrapped references stay inside their sentence.
    expect(all).not.toMatch(/\n\d{1,2}\n/);
    expect(meeting.items.find((i) => i.minute === '48')?.text).toContain('under Standing Order 34.');
    expect(meeting.items.find((i) => i.minute === '53')?.text).toBe(
      'The Chief Executive reported that no petitions had been received under Standing Order 36.',
    );
    expect(meeting.items.find((i) => i.minute === '62')?.text).not.toMatch(/CHAIRMAN|4\.12pm/);
  });

  it('18 June 2025: another council, a flattened table whose titles run into the agenda text', () => {
    const meeting = parseCorpus('004_0318dcdb569f4c32.txt');
    expect(meeting).toMatchObject({
      council: 'Leicester City Council',
      committee: 'Children, Young People and Education Scrutiny Commission',
      // The text names 8 April and 22 May 2025 (previous meetings) and a list of future dates.
      date: '2025-06-18',
    });
    expect(summary(meeting)).toEqual<Expected[]>([
      [null, 'Venue', null, true, true],
      ['149', 'Welcome and Apologies for Absence', null, false, true],
      ['150', 'Declarations of Interest', null, false, true],
      ['151', 'Minutes of the Previous Meeting', null, false, true],
      ['152', 'Membership of the Commission 2025/26', null, false, true],
      ['153', 'Dates of Meetings for the Commission 2025/26', null, false, true],
      ['154', 'The Commission noted the Scrutiny Terms of Reference', null, true, false],
      ['155', "Chair's Announcements", null, false, true],
      ['156', 'Questions, Representations and Statements of Case', null, false, false],
      ['157', 'Petitions', null, false, true],
      ['158', 'Introduction to CYPE Scrutiny Commission', null, false, false],
      ['159', 'Families First Programme', null, false, false],
      ['160', 'Social Care and Education Performance Dashboard', null, false, false],
      ['161', "Children's Social Care, Early Help and Prevention Improvement Plan", null, false, false],
      ['162', 'Members of the Commission were invited to consider…', null, true, false],
      ['163', 'Any Other Business', null, false, false],
    ]);
    expect(meeting.items.find((i) => i.minute === '163')?.text).toContain('Post-16 SEND school transport');
  });

  it('keeps every passage inside its item and carries sub-point labels', () => {
    for (const name of ['000_ded07c51db115991.txt', '001_65df80eea297e0f5.txt', '003_a8f63bb76f80c19c.txt']) {
      for (const item of parseCorpus(name).items) {
        expect(item.passages.length).toBeGreaterThan(0);
        for (const passage of item.passages) {
          expect(item.text).toContain(passage.text.slice(0, 60));
          for (const point of passage.points) expect(item.points).toContain(point);
        }
      }
    }
  });
});
