import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadMinutesFiles } from '../../ingest/load.js';
import { loadManifest } from '../../ingest/manifest.js';
import { parseMinutesText } from '../../ingest/parse/index.js';
import { decodeText, normalizeText } from '../../ingest/read/text.js';
import { BadManifestError, BadMinutesFileError } from '../../src/errors.js';
import { readMinuteToken } from '../../src/minutes/reference.js';
import { examplesDir } from '../helpers/corpus.js';

const parse = (text: string) => parseMinutesText(text, { source: 'fixture.txt' });
const numbers = (text: string) => parse(text).items.map((i) => [i.minute, i.minuteNumber, i.title]);
/** The business items' numbers and titles, without the lead and closing text around them. */
const itemTitles = (text: string) =>
  parse(text)
    .items.filter((i) => i.kind === 'item')
    .map((i) => [i.minute, i.title]);

describe('minute number forms', () => {
  it('reads each printed form and keeps it as printed, with its integer', () => {
    expect(readMinuteToken('54.')).toEqual({ minute: '54', minuteNumber: 54 });
    expect(readMinuteToken('C61/24')).toEqual({ minute: 'C61/24', minuteNumber: 61 });
    expect(readMinuteToken('77/21')).toEqual({ minute: '77/21', minuteNumber: 77 });
    expect(readMinuteToken('Item 5')).toEqual({ minute: '5', minuteNumber: 5 });
    expect(readMinuteToken('5.2')).toEqual({ minute: '5.2', minuteNumber: 5 });
    expect(readMinuteToken('12a')).toEqual({ minute: '12a', minuteNumber: 12 });
    expect(readMinuteToken('Standing')).toBeNull();
  });

  it('reads a committee letter and a full stop before the number ("P.45") as one prefixed number', () => {
    expect(readMinuteToken('P.45')).toEqual({ minute: 'P.45', minuteNumber: 45 });
    const text = [
      'P.45 APOLOGIES',
      'Cllr Moss.',
      'P.46 APPLICATIONS',
      'None had been received.',
      'P.47 APPEALS',
      'None.',
    ];
    expect(numbers(text.join('\n'))).toEqual([
      ['P.45', 45, 'APOLOGIES'],
      ['P.46', 46, 'APPLICATIONS'],
      ['P.47', 47, 'APPEALS'],
    ]);
  });

  it('keeps a capitalised title block above the date line out of the items of unnumbered minutes', () => {
    const text = [
      'ROTHBURY TOWN COUNCIL',
      'Minutes of the Planning Committee, 14/05/2015',
      '',
      'APPLICATIONS',
      'An extension at 4 Bank Street: no objection.',
      '',
      'APPEALS',
      'No appeals had been lodged.',
    ].join('\n');
    const meeting = parse(text);
    expect(meeting.date).toBe('2015-05-14');
    expect(meeting.items.map((i) => [i.kind, i.title])).toEqual([
      ['preamble', 'ROTHBURY TOWN COUNCIL Minutes of the Planning Committee,…'],
      ['item', 'APPLICATIONS'],
      ['item', 'APPEALS'],
    ]);
  });

  it('takes no outcome ("CARRIED 5/1") or "RESOLUTION" label for a heading of unnumbered minutes', () => {
    const text = [
      'FENWICK VALLEY SHIRE COUNCIL',
      'Minutes of the Ordinary Meeting, 3 March 2025',
      '',
      'LIBRARY HOURS',
      'The Manager Community Services presented the review of opening hours.',
      'RESOLUTION',
      'FV/25/031  Moved: Cr Adair  Seconded: Cr Pell',
      'That Saturday opening be extended to 4pm.',
      '                                                  CARRIED 5/1',
      '',
      'DRAINAGE WORKS',
      'Directors/Holt: FV 032/25',
      'THAT the culvert tender be awarded to Brindle Civil.',
      '                                                  CARRIED',
    ].join('\n');
    expect(parse(text).items.map((i) => [i.kind, i.title])).toEqual([
      ['preamble', 'FENWICK VALLEY SHIRE COUNCIL Minutes of the Ordinary…'],
      ['item', 'LIBRARY HOURS'],
      ['item', 'DRAINAGE WORKS'],
    ]);
  });

  it('reads sections printed only by their lettered sub-items ("Item 5.a") between numbered items', () => {
    const text = [
      'Item 1. Call to Order. The President opened the meeting at 6:00 p.m.',
      'Item 2. Public Comment. Nobody asked to speak.',
      'Item 3.a. Consent Calendar: Minutes of the March meeting.',
      'Item 3.b. Consent Calendar: Warrants for March in the amount of $201,400.',
      'Item 4.a. Discuss and Action - Tank Repainting. The Engineer reported two bids; the',
      'Board awarded the work to Sierra Coatings for $88,000.',
      'Item 4.b. Report - Meter Replacement. Half of the meters had been replaced.',
      'Item 5. Directors Reports. None.',
      'Item 6. Adjournment. The meeting closed at 7:10 p.m.',
    ].join('\n');
    expect(
      parse(text)
        .items.filter((i) => i.kind === 'item')
        .map((i) => i.minute),
    ).toEqual(['1', '2', '3.a', '3.b', '4.a', '4.b', '5', '6']);
  });

  it('numbers unnumbered headings by the resolutions under them, and leaves a heading with none unnumbered', () => {
    const text = [
      'HOLLIS BAY REGIONAL COUNCIL',
      'Minutes of the Ordinary Meeting held on 9 April 2025',
      '',
      'CONFIRMATION OF MINUTES',
      'RESOLUTION: HB/2025/04/114',
      'Moved: Cr Varga          Seconded: Cr Ohlsen',
      'That the minutes of 12 March 2025 be confirmed.',
      '                                            CARRIED 6/0',
      '',
      'DECLARATIONS OF INTEREST',
      'Cr Ohlsen declared a declarable conflict of interest in the saleyards item.',
      '',
      'SALEYARDS LEASE - LOT 7 ON RP40211, CORNER OF MILL STREET AND',
      'STATION ROAD',
      'The Director Corporate reported on the lease renewal. RESOLUTION: HB/2025/04/115',
      'Moved: Cr Varga          Seconded: Cr Tenney',
      'That the lease be renewed for five years.',
      '                                            CARRIED 5/0',
      '',
      'LIBRARY HOURS',
      'Tenney/Varga: HB/2025/04/116  That Saturday opening be extended to 4pm.',
      '                                            CARRIED',
    ].join('\n');
    expect(itemTitles(text)).toEqual([
      ['HB/2025/04/114', 'CONFIRMATION OF MINUTES'],
      [null, 'DECLARATIONS OF INTEREST'],
      ['HB/2025/04/115', 'SALEYARDS LEASE - LOT 7 ON RP40211, CORNER OF MILL STREET AND STATION ROAD'],
      ['HB/2025/04/116', 'LIBRARY HOURS'],
    ]);
  });

  it('reads titles printed in a left margin beside run-in numbers, wrapped down the margin', () => {
    const text = [
      'PARISH OF ST. AUBERT',
      'Minutes of the Parish Assembly held on 3rd March 2025',
      '',
      'Accounts         1. The Connétable presented the accounts for 2024, which were',
      '                 adopted.',
      '',
      'Honorary         2. The Assembly thanked Centenier P. Le Brun for twenty years of',
      'Police           service.',
      '',
      'Footpaths -      3. The Roads Committee reported that the cliff path at Le Pulec',
      'Le Pulec path    would reopen in May.',
    ].join('\n');
    expect(itemTitles(text)).toEqual([
      ['1', 'Accounts'],
      ['2', 'Honorary Police'],
      ['3', 'Footpaths - Le Pulec path'],
    ]);
  });

  it('recovers a number the text lost from the run around its title, and nothing less certain', () => {
    const minutes = (between: string[]) =>
      [
        'WESTFORD TOWN COUNCIL - FULL COUNCIL - 2 June 2025',
        '',
        'TC/25/031  Apologies',
        '           Apologies were received from Cllr Ames.',
        '',
        ...between,
        '',
        'TC/25/033  Allotments',
        '           The waiting list stood at 41.',
      ].join('\n');
    const lost = parse(minutes(['Bus shelter repairs', '           RESOLVED to repair the Market Street shelter.']));
    expect(lost.items.filter((i) => i.kind === 'item').map((i) => [i.minute, i.title, i.numberSource])).toEqual([
      ['TC/25/031', 'Apologies', 'printed'],
      ['TC/25/032', 'Bus shelter repairs', 'recovered'],
      ['TC/25/033', 'Allotments', 'printed'],
    ]);
    // Two titles where one number is missing: which lost it is a guess, so neither is split off.
    const unsure = parse(
      minutes([
        'Bus shelter repairs',
        '           RESOLVED to repair the Market Street shelter.',
        '',
        'Grass cutting',
        '           The contractor had cut the verges twice.',
      ]),
    );
    expect(unsure.items.filter((i) => i.kind === 'item').map((i) => i.minute)).toEqual(['TC/25/031', 'TC/25/033']);
  });

  it('titles an item by the heading under its section, and by a title its resolution follows at once', () => {
    const text = [
      'REGIONAL DISTRICT OF ASPEN FORKS',
      'Minutes of the regular meeting of the Board held on May 14, 2025',
      '',
      'ADOPTION OF AGENDA',
      'Lind/Baptiste: AFRD 120/25',
      '',
      'THAT the agenda be adopted as presented.',
      '                                                CARRIED',
      '',
      'STAFF REPORTS',
      'Landfill Gas Capture - Phase Two Design Contract',
      '',
      'The Manager of Engineering presented the report on phase two.',
      '',
      'Baptiste/Oyelaran: AFRD 121/25',
      '',
      'THAT the design contract be awarded to Corvid Engineering Ltd.',
      '                                                CARRIED',
      '',
      'Rural Fire Protection - Tanker Truck Replacement',
      '',
      'Oyelaran/Lind: AFRD 122/25',
      '',
      'THAT a tanker truck be purchased from the equipment reserve.',
      '                                                CARRIED',
    ].join('\n');
    expect(itemTitles(text)).toEqual([
      ['AFRD 120/25', 'ADOPTION OF AGENDA'],
      ['AFRD 121/25', 'Landfill Gas Capture - Phase Two Design Contract'],
      ['AFRD 122/25', 'Rural Fire Protection - Tanker Truck Replacement'],
    ]);
  });

  it("keeps a paper's reference at a heading's end and a RESOLVED under a capitals title out of the title", () => {
    const titles = (lines: string[]) =>
      parse(lines.join('\n'))
        .items.filter((i) => i.kind === 'item')
        .map((i) => i.title);
    expect(
      titles([
        'Agenda Item 4   Finance report, Month 5          Paper: ICB 25-10-04',
        'The Chief Finance Officer reported a deficit of £2.4m.',
        '',
        'Agenda Item 5   Board Assurance Framework        Paper: ICB 25-10-05',
        'The Board approved the framework.',
      ]),
    ).toEqual(['Finance report, Month 5', 'Board Assurance Framework']);
    expect(
      titles([
        'Min 31.25  MINUTES OF THE MEETING HELD ON 4 JULY 2025',
        '\tRESOLVED:',
        '\t  That the minutes be approved as a correct record.',
        '',
        'Min 32.25  FORWARD PLAN',
        '\t  The Forward Plan was noted.',
      ]),
    ).toEqual(['MINUTES OF THE MEETING HELD ON 4 JULY 2025', 'FORWARD PLAN']);
  });

  it('titles a bare resolution by what it resolves, not by who moved it', () => {
    const text = [
      'BOARD OF TRUSTEES - REGULAR MEETING - March 3, 2025',
      '',
      'R1  K. Lamont, P. Sarrazin:  THAT the agenda be approved.  CARRIED',
      '',
      'R2  P. Sarrazin and J. Oduya:  THAT the bus contract be extended to June 2026.  CARRIED',
      '',
      'R3  J. Oduya, K. Lamont:  THAT the meeting adjourn.  CARRIED',
    ].join('\n');
    expect(itemTitles(text)).toEqual([
      ['R1', 'THAT the agenda be approved'],
      ['R2', 'THAT the bus contract be extended to June…'],
      ['R3', 'THAT the meeting adjourn'],
    ]);
  });

  it('parses "C61/24 Title" council-prefixed minutes', () => {
    const text = [
      'C60/24 Apologies for absence',
      'Apologies were received from Councillor Grey.',
      '',
      'C61/24 Budget monitoring',
      'The Council received the quarter two budget monitoring report.',
      '',
      'C62/24 Library opening hours',
      'Members agreed to extend Saturday opening at the central library.',
    ].join('\n');
    expect(numbers(text)).toEqual([
      ['C60/24', 60, 'Apologies for absence'],
      ['C61/24', 61, 'Budget monitoring'],
      ['C62/24', 62, 'Library opening hours'],
    ]);
  });

  it('parses "77/21." year-suffixed numbers standing alone on a line', () => {
    const text = [
      '77/21.',
      '',
      'Minutes.',
      'Confirmed.',
      '',
      '78/21.',
      '',
      'Highways Update.',
      'The report was noted.',
    ].join('\n');
    expect(numbers(text)).toEqual([
      ['77/21', 77, 'Minutes'],
      ['78/21', 78, 'Highways Update'],
    ]);
  });

  it('parses "Item 5: Title" headings and sub-numbered items', () => {
    const text = [
      'Item 5: Welcome',
      'The Chair welcomed everyone.',
      '',
      'Item 6: Parks strategy',
      'Members discussed the parks strategy.',
      '',
      '6.1 Play areas',
      'Three play areas would be refurbished.',
      '',
      '6.2 Tree planting',
      'A further 400 trees would be planted.',
    ].join('\n');
    expect(numbers(text)).toEqual([
      ['5', 5, 'Welcome'],
      ['6', 6, 'Parks strategy'],
      ['6.1', 6, 'Play areas'],
      ['6.2', 6, 'Tree planting'],
    ]);
  });

  it('does not take a wrapped "Standing Order\\n34." or a page number for an item', () => {
    const text = [
      '33.',
      '',
      'Question Time.',
      'No questions had been received under Standing Order',
      '34.',
      '',
      '2',
      '34.',
      '',
      'Urgent Items.',
      'There were no urgent items.',
    ].join('\n');
    const meeting = parse(text);
    expect(meeting.items.map((i) => i.minute)).toEqual(['33', '34']);
    expect(meeting.items[0]?.text).toBe('No questions had been received under Standing Order 34.');
  });

  it('reads a first item straight after the attendance list, and titles wrapped over two lines', () => {
    const text = [
      'PRESENT',
      'Councillor A. Okafor (in the Chair)',
      '31. Minutes.',
      'Confirmed.',
      '',
      '32.',
      '',
      'Home to School Transport',
      'policy review.',
      'The Committee considered the review.',
    ].join('\n');
    expect(numbers(text)).toEqual([
      [null, null, 'PRESENT'],
      ['31', 31, 'Minutes'],
      ['32', 32, 'Home to School Transport policy review'],
    ]);
    expect(parse(text).items[0]).toMatchObject({ kind: 'attendance', text: 'Councillor A. Okafor (in the Chair)' });
  });

  it('leaves numbers null (numberSource "none") when nothing anchors the sequence, and says so', () => {
    const text = [
      'No. Item',
      '',
      'Minutes.',
      '',
      'The minutes were confirmed.',
      '',
      'Parking Review. pdf icon PDF 120 KB',
      '',
      'The committee considered the parking review and asked for a further report on resident permits.',
    ].join('\n');
    const meeting = parse(text);
    expect(meeting.items.map((i) => [i.minute, i.numberSource, i.title])).toEqual([
      [null, 'none', 'Minutes'],
      [null, 'none', 'Parking Review'],
    ]);
    expect(meeting.warnings.join(' ')).toMatch(/no minute number/);
  });

  it('keeps unnumbered preamble (a webcast notice) without giving it a number', () => {
    const text = [
      'No. Item',
      '',
      'Webcast.',
      '',
      'The meeting was webcast.',
      '',
      'Minutes.',
      '',
      'The minutes were confirmed … view the full minutes text for item 12.',
      '',
      'Parking Review.',
      '',
      'The committee asked for a further report.',
    ].join('\n');
    expect(parse(text).items.map((i) => [i.minute, i.title])).toEqual([
      [null, 'Webcast'],
      ['12', 'Minutes'],
      ['13', 'Parking Review'],
    ]);
  });

  it('reads a page copied without blank lines by the links that end its items', () => {
    const text = [
      'No. Item',
      'Apologies for Absence',
      'Minutes:',
      'Apologies were received from Councillor Reeve.',
      'View the full minutes text for item 21.',
      'Bus Services Review - Rural Routes and the Demand Responsive',
      'service pilot PDF 310 KB',
      'Report of the Head of Transport.',
      'Minutes:',
      'The Panel heard that the pilot carried 4,100 passengers.',
      'View the full minutes text for item 22.',
      'Work Programme',
      'Minutes:',
      'The Panel agreed its programme for the year.',
    ].join('\n');
    expect(parse(text).items.map((i) => [i.minute, i.title])).toEqual([
      ['21', 'Apologies for Absence'],
      ['22', 'Bus Services Review - Rural Routes and the Demand Responsive service pilot'],
      // Numbered on from the last link: the page gives it none of its own.
      ['23', 'Work Programme'],
    ]);
  });

  it('counts back from an anchor to number the items before it', () => {
    const text = [
      'No. | Item |',
      '---|---|',
      'Minutes. Minutes: Confirmed. |',
      '|',
      'Budget. Minutes: Noted … view the full minutes text for item 9. |',
      '|',
    ].join('\n');
    expect(parse(text).items.map((i) => i.minute)).toEqual(['8', '9']);
  });
});

describe('meeting metadata', () => {
  it('takes the date from the header, never from the previous or next meeting', () => {
    const text = [
      'Minutes of a meeting of the Planning Committee held at the Civic Centre on Wednesday, 5 March 2025.',
      '',
      '1. Minutes.',
      'The minutes of the meeting held on 5 February 2025 were confirmed.',
      '',
      '2. Date of next meeting.',
      'The next meeting would be held on 2 April 2025.',
    ].join('\n');
    const meeting = parse(text);
    expect(meeting).toMatchObject({ committee: 'Planning Committee', venue: 'the Civic Centre', date: '2025-03-05' });
  });

  it('leaves the date null and warns when neither the text nor a manifest has it', () => {
    const meeting = parse('1. Minutes.\nConfirmed.\n\n2. Budget.\nNoted.');
    expect(meeting.date).toBeNull();
    expect(meeting.warnings.join(' ')).toMatch(/no meeting date/);
  });

  it('does not take a record of decisions’ publication or call-in date for the meeting’s', () => {
    const meeting = parseMinutesText(
      [
        'CABINET',
        'RECORD OF DECISIONS',
        'Date of publication: Friday 11 July 2025',
        'Call-in deadline: 5.00 pm, Friday 18 July 2025',
        'Decisions below may be implemented from 9.00 am on',
        'Monday 21 July 2025 unless called in.',
        '',
        '4. LIBRARY OPENING HOURS',
        'Cabinet agreed the new opening hours.',
        '5. PARKING CHARGES',
        'Cabinet agreed a 20p rise in the hourly charge.',
      ].join('\n'),
      { source: 'x.txt', hints: { date: '2025-07-09' } },
    );
    expect(meeting.date).toBe('2025-07-09');
  });

  it('names the committee from the title block, never from an office in the list of who was present', () => {
    const withOffice = parseMinutesText(
      [
        'KESARGAON MUNICIPAL CORPORATION',
        '(Works Committee)',
        '',
        'The following were present:-',
        '1. Sh. Rakesh Dubey Chairman, Works Committee',
        '2. Smt. Asha Pawar Member',
        '',
        'Subject No. 12 : Road resurfacing in Ward 4.',
        'The proposal was approved.',
      ].join('\n'),
      { source: 'x.txt' },
    );
    expect(withOffice.committee).toBe('Works Committee');
    const onlyPeople = parseMinutesText(
      ['Present:', 'Mrs A Okafor Chair', 'Mr B Lund Chief Executive', '', '1. Apologies', 'None.'].join('\n'),
      { source: 'x.txt', hints: { committee: 'Board of Directors' } },
    );
    expect(onlyPeople.committee).toBe('Board of Directors');
  });

  it('takes what the text lost from hints, and the text wins where it has its own', () => {
    const meeting = parseMinutesText(
      'Planning Committee - Monday, 3 March 2025 7.00 pm\n\nNo. Item\n\nMinutes.\n\nConfirmed.',
      {
        source: 'x.txt',
        hints: { council: 'Northbridge Borough Council', committee: 'Other name', date: '2025-03-04' },
      },
    );
    expect(meeting).toMatchObject({
      council: 'Northbridge Borough Council',
      committee: 'Planning Committee',
      date: '2025-03-03',
    });
    expect(meeting.warnings.join(' ')).toMatch(/manifest says 2025-03-04/);
  });
});

describe('text encodings and normalisation', () => {
  it('decodes Windows-1252 (pound signs, curly quotes) and UTF-8 alike', () => {
    const text = 'The budget was \u00a3330.9m and the \u2018Agenda Item 8\u2019 report \u2013 noted.';
    expect(decodeText(iconv.encode(text, 'win1252'))).toBe(text);
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
  });

  it('normalises ligatures, non-breaking spaces and line endings without changing words', () => {
    expect(normalizeText('of\uFB01cers\u00a0and\u00a0sta\uFB00\r\nnext  line')).toBe('officers and staff\nnext line');
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-bad-'));
  const write = (name: string, data: string | Uint8Array) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };

  it('reports each bad file by name and still parses the rest of the batch', async () => {
    const good = write('good.txt', '1. Minutes.\nConfirmed.\n\n2. Budget.\nNoted.');
    const files = {
      empty: write('empty.txt', ''),
      binary: write('binary.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10])),
      pdf: write('minutes.txt', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      html: write('page.txt', '<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>'),
      noItems: write('letter.txt', 'Dear resident,\n\nThank you for your letter about the bins.\n'),
      huge: write('huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x61)),
      missing: path.join(dir, 'does-not-exist.txt'),
    };
    const results = [];
    for await (const loaded of loadMinutesFiles([...Object.values(files), good])) results.push(loaded);
    const errors = Object.fromEntries(results.filter((r) => r.error).map((r) => [r.file, r.error?.message ?? '']));
    expect(errors[files.empty]).toMatch(/empty\.txt: is empty/);
    expect(errors[files.binary]).toMatch(/binary\.txt: is a binary file/);
    expect(errors[files.noItems]).toMatch(/letter\.txt: has no recognisable minute items/);
    expect(errors[files.huge]).toMatch(/huge\.txt: is 50 MB, over the 20 MB limit/);
    expect(errors[files.missing]).toMatch(/does-not-exist\.txt: cannot be read \(no such file\)/);
    // PDF and HTML given as text are either read by their own reader or refused by name.
    for (const file of [files.pdf, files.html]) {
      const result = results.find((r) => r.file === file);
      if (result?.error) expect(result.error.message).toContain(path.basename(file));
    }
    expect(results.find((r) => r.file === good)?.meeting?.items).toHaveLength(2);
    for (const r of results.filter((x) => x.error)) expect(r.error).toBeInstanceOf(BadMinutesFileError);
  });

  it('rejects a manifest that is not JSON, naming the file', () => {
    const file = write('bad-manifest.json', '{ not json');
    expect(() => loadManifest(file)).toThrow(BadManifestError);
    expect(() => loadManifest(file)).toThrow(/bad-manifest\.json: is not valid JSON/);
  });

  it('names the entry and field of a bad manifest date, and lists files it names that are missing', () => {
    const badDate = write('dates.json', JSON.stringify([{ file: 'a.txt', date: '02/06/2020' }]));
    expect(() => loadManifest(badDate)).toThrow(/entry 1 \("a\.txt"\): "date" must be YYYY-MM-DD/);
    const notADay = write('no-such-day.json', JSON.stringify([{ file: 'a.txt', date: '2020-02-31' }]));
    expect(() => loadManifest(notADay)).toThrow(/"date" must be YYYY-MM-DD \(got "2020-02-31"\)/);
    const missing = write('missing.json', JSON.stringify([{ file: 'nowhere.txt', committee: 'X' }]));
    expect(loadManifest(missing).missingFiles).toEqual(['nowhere.txt']);
  });
});

describe('the sample minutes in examples/', () => {
  it('parse in all three layouts with the manifest', async () => {
    const manifest = loadManifest(path.join(examplesDir, 'meetings.json'));
    const meetings = [];
    for await (const loaded of loadMinutesFiles([examplesDir], { manifest })) {
      expect(loaded.error).toBeUndefined();
      if (loaded.meeting) meetings.push(loaded.meeting);
    }
    expect(meetings.map((m) => [m.date, m.items.map((i) => i.minute).join(',')])).toEqual([
      // Lead (title, attendance) and closing text are kept as unnumbered items around the business.
      ['2023-11-07', ',,31,32,33,34,35,36,'],
      ['2024-03-12', ',45,46,47,48,49,50'],
      ['2024-06-18', ',,51,52,53,54,55,56'],
    ]);
    expect(meetings.map((m) => m.items.map((i) => i.kind ?? 'item').filter((k) => k !== 'item'))).toEqual([
      ['preamble', 'attendance', 'closing'],
      ['preamble'],
      ['preamble', 'preamble'],
    ]);
    const transport = meetings[0]?.items.find((i) => i.minute === '34');
    expect(transport?.points).toEqual(['i', 'ii', 'iii', 'a', 'b']);
    expect(transport?.text).toContain('under Standing Order 34.');
    expect(meetings[1]?.items.find((i) => i.minute === '48')?.points).toEqual(['1', '2', '3']);
  });
});
