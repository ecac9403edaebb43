import { describe, expect, it } from 'vitest';
import { parseHeader, readCouncil } from '../../ingest/parse/header.js';
import { parseMinutesText } from '../../ingest/parse/index.js';

describe('the council a document names', () => {
  it('reads the body from the title block, in title case when printed in capitals', () => {
    expect(readCouncil(['NETHERBY ST JOHN PARISH COUNCIL', 'Minutes of the meeting held on 3 May 2022'])).toBe(
      'Netherby St John Parish Council',
    );
    expect(readCouncil(['Minutes of May Ordinary Meeting of Ballinure County Council held on 2nd May, 2022'])).toBe(
      'Ballinure County Council',
    );
    expect(readCouncil(['VILLAGE OF MAPLE HOLLOW', 'BOARD OF TRUSTEES MINUTES'])).toBe('Village of Maple Hollow');
    expect(readCouncil(['CYNGOR CYMUNED PENRHOS / PENRHOS COMMUNITY COUNCIL'])).toBe('Cyngor Cymuned Penrhos');
    expect(readCouncil(['Ashvale Combined Fire Authority', 'Minutes'])).toBe('Ashvale Combined Fire Authority');
    // Irish municipal districts, Canadian districts, Australian shires: the kind first.
    expect(
      readCouncil([
        'Minutes of Annual General Meeting of The Municipal District of Carrowbeg held on Monday, 16th June 2014',
      ]),
    ).toBe('Municipal District of Carrowbeg');
    expect(readCouncil(['SHIRE OF WANDARRA', 'MINUTES OF THE ORDINARY COUNCIL MEETING'])).toBe('Shire of Wandarra');
    expect(readCouncil(['DISTRICT OF LAKE HOLLOW', 'Regular Council Meeting Minutes'])).toBe('District of Lake Hollow');
    expect(readCouncil(['Minutes of the Regional District of Okanee Ridge Board meeting'])).toBe(
      'Regional District of Okanee Ridge',
    );
  });

  it('names no council where the lines name none, or only a building of one', () => {
    expect(readCouncil(['Minutes of the Meeting of the Parish Council', 'held on 4 April 2022'])).toBeNull();
    expect(
      readCouncil(['Minutes of a meeting held in the Council Chamber, Council Offices, on 4 April 2022']),
    ).toBeNull();
  });

  it('keeps the manifest’s council over the text’s own', () => {
    const text = ['KIRKBY FELL TOWN COUNCIL', '', '1. Apologies', 'None.', '2. Finance', 'Approved.'].join('\n');
    expect(parseMinutesText(text, { source: 'kf.txt' }).council).toBe('Kirkby Fell Town Council');
    expect(parseMinutesText(text, { source: 'kf.txt', hints: { council: 'Kirkby Fell TC' } }).council).toBe(
      'Kirkby Fell TC',
    );
  });
});

describe('the meeting’s own date', () => {
  it('passes over the date under a "next meeting" heading, however it is worded', () => {
    const lines = [
      'MINUTES',
      'NEXT ORDINARY COUNCIL MEETING',
      '6.00pm Tuesday 28 May 2019',
      '',
      'Meeting held 6.00pm Tuesday 23 April 2019',
    ];
    expect(parseHeader(lines).date).toBe('2019-04-23');
  });

  it('takes the first date of the opening lines otherwise', () => {
    expect(
      parseHeader(['Board of Directors – Minutes', 'Date: Thursday, 14 May 2015', 'Next meeting: 11 June 2015']).date,
    ).toBe('2015-05-14');
  });
});

describe('the body a meeting was of', () => {
  it('reads a line at the top that names a body and nothing else, whatever the title wraps it in', () => {
    const committee = (lines: string[]) => parseHeader(lines).committee;
    expect(committee(['Harbour Lights Heritage Board', 'Date: Monday, 3 March 2025'])).toBe(
      'Harbour Lights Heritage Board',
    );
    expect(committee(['Minutes - Zoning Appeals Commission - June 4, 2025'])).toBe('Zoning Appeals Commission');
    expect(committee(['PROCEEDINGS OF THE', 'OSPREY COUNTY', 'BOARD OF COMMISSIONERS', 'MAY 6, 2025'])).toBe(
      'Board of Commissioners',
    );
    expect(committee(['TOWN OF BIRCH HOLLOW, VERMONT', 'SPECIAL SELECT BOARD MEETING MINUTES: May 6, 2025'])).toBe(
      'Select Board',
    );
    expect(committee(['NAME OF BOARD/COMMISSION: Tree Preservation Panel (TPP)', 'DATE OF MEETING: May 6, 2025'])).toBe(
      'Tree Preservation Panel',
    );
    expect(
      committee([
        'Minute of the meeting of the Fernvale Licensing Board held in the Town Hall, Fernvale, on 2 May 2025',
      ]),
    ).toBe('Fernvale Licensing Board');
  });

  it('leaves the body to the council when a line names only its kind or another meeting', () => {
    const header = parseHeader([
      'CITY OF ALDER PEAK, OREGON',
      'Regular Council Meeting Minutes',
      'NEXT ORDINARY COUNCIL MEETING 3 June 2025',
    ]);
    expect(header.council).toBe('City of Alder Peak');
    expect(header.committee).toBeNull();
  });
});
