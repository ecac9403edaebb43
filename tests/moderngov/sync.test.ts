import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openModernGovClient } from '../../ingest/moderngov/index.js';
import { ModernGovSource, type SyncReport } from '../../ingest/moderngov/sync.js';
import { parseMinutesText } from '../../ingest/parse/index.js';
import type { Meeting } from '../../src/types.js';
import { makeMinutesPdf } from '../read/make-pdf.js';
import { business, outline } from '../read/outline.js';
import { type FakeModernGov, startFakeModernGov } from './fake-moderngov.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const EASTMERE_TEXT = readFileSync(
  new URL('../fixtures/moderngov/eastmere/printed-minutes-501.txt', import.meta.url),
  'utf8',
);
const UA = 'Minutebook/0.0.0-test (+mailto:tests@example.org)';

let fake: FakeModernGov;

beforeAll(async () => {
  fake = await startFakeModernGov();
  const printed = await makeMinutesPdf(example('northbridge-2023-11-07-printed.txt'), {
    header: 'Children and Young People Scrutiny Committee – 7 November 2023',
    footer: (page, pages) => `Page ${page} of ${pages}`,
  });
  fake.documents.set('/northbridge/mgConvert2PDF.aspx?ID=9001', printed);
  fake.documents.set('/soap-northbridge/mgConvert2PDF.aspx?ID=9001', printed);
  fake.documents.set(
    '/eastmere/documents/g501/Printed minutes 15th-Jan-2024 10.00 Cabinet.pdf',
    await makeMinutesPdf(EASTMERE_TEXT, { header: 'Eastmere District Council' }),
  );
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.maxInFlight = 0;
  fake.misbehave.clear();
  fake.holdUntilInFlight = null;
});

interface SyncResult {
  meetings: Meeting[];
  errors: Array<{ source: string; error: Error }>;
  report: SyncReport;
}

async function sync(
  site: string,
  committeeIds: string[],
  options: { from?: string; to?: string; council?: string; timeoutMs?: number; retries?: number } = {},
): Promise<SyncResult> {
  const client = openModernGovClient({
    baseUrl: `${fake.url}/${site}`,
    userAgent: UA,
    timeoutMs: options.timeoutMs ?? 5_000,
    retries: options.retries ?? 2,
    backoffMs: 1,
  });
  const source = new ModernGovSource({
    client,
    committeeIds,
    from: options.from ?? '2023-09-01',
    to: options.to ?? '2024-09-30',
    council: options.council ?? 'Northbridge Borough Council',
    today: '2024-08-01',
  });
  const meetings: Meeting[] = [];
  const errors: SyncResult['errors'] = [];
  for await (const entry of source.meetings()) {
    if (entry.meeting) meetings.push(entry.meeting);
    if (entry.error) errors.push({ source: entry.source, error: entry.error });
  }
  return { meetings, errors, report: source.report };
}

const byId = (meetings: Meeting[], mid: string) => {
  const meeting = meetings.find((m) => m.source.endsWith(`MId=${mid}`));
  if (!meeting) throw new Error(`meeting ${mid} was not synced`);
  return meeting;
};

describe('ModernGov sync of a council whose web service carries the minutes', () => {
  it('numbers items by minutesitemnumber, not agendaitemnumber, and links them to mgAi.aspx', async () => {
    const { meetings, errors } = await sync('northbridge', ['12']);
    expect(errors).toEqual([]);
    const march = byId(meetings, '318');
    expect(march.items.map((i) => i.minute)).toEqual(['45', '46', '47', '48', '49', '50', '51']);
    expect(march.items.map((i) => i.agendaItem)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(march.items.every((i) => i.numberSource === 'printed')).toBe(true);
    expect(march.items[3]?.url).toBe(`${fake.url}/northbridge/mgAi.aspx?ID=4004`);
    expect(march).toMatchObject({
      council: 'Northbridge Borough Council',
      committee: 'Children and Young People Scrutiny Committee',
      date: '2024-03-12',
      startTime: '6.00 pm',
      venue: 'Committee Room 2, Town Hall, Northbridge',
      chair: 'Councillor A. Okafor',
      source: `${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=318`,
      url: `${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=318`,
    });
    expect(march.attendees).not.toContain('Councillor J. Whitcombe');
  });

  it('gives the same items and numbers as the text equivalents', async () => {
    const { meetings } = await sync('northbridge', ['12']);
    // The table text lost its numbers (recovered from a "view the full minutes text" link); the service prints them.
    const table = parseMinutesText(example('northbridge-2024-03-12-table.txt'), { source: 'table.txt' });
    const march = byId(meetings, '318');
    expect(outline(march).slice(0, 6)).toEqual(outline(table));
    expect(march.items.slice(0, 6).map((i) => i.resolutions)).toEqual(business(table).map((i) => i.resolutions));
    expect(march.items[3]?.points).toEqual(['1', '2', '3']);
    expect(march.items[3]?.points).toEqual(business(table)[3]?.points);

    const page = parseMinutesText(example('northbridge-2024-06-18-page.txt'), { source: 'page.txt' });
    // The copied page opens with an unnumbered webcast notice (kept as preamble) that is not an agenda item in the service.
    expect(page.items.find((i) => /webcast/i.test(i.text))?.kind).toBe('preamble');
    expect(outline(byId(meetings, '326'))).toEqual(outline(page));
    // Minute 52 is cut short in copied text ("… view the full minutes text for item 52"); the service has it whole.
    const texts = (items: Meeting['items']) => items.filter((i) => i.minute !== '52').map((i) => i.text);
    expect(texts(byId(meetings, '326').items)).toEqual(texts(business(page)));
  });

  it('records a restricted item by title only and never fetches its documents', async () => {
    const { meetings } = await sync('northbridge', ['12']);
    const item = byId(meetings, '318').items.find((i) => i.minute === '51');
    expect(item).toMatchObject({
      title: 'Residential Placement Contract',
      restricted: true,
      text: '',
      resolutions: [],
    });
    expect(JSON.stringify(meetings)).not.toContain('9.7m');
    expect(fake.requests.some((r) => r.path.includes('ID=666'))).toBe(false);
  });

  it('reads a meeting that has only a printed-minutes PDF, cut into items by minute number', async () => {
    const { meetings, report } = await sync('northbridge', ['12']);
    const november = byId(meetings, '301');
    const fromText = parseMinutesText(example('northbridge-2023-11-07-printed.txt'), { source: 'printed.txt' });
    expect(outline(november)).toEqual(outline(fromText));
    expect(business(november).map((i) => i.text)).toEqual(business(fromText).map((i) => i.text));
    // Item links come from the service, matched by minute number.
    expect(november.items.find((i) => i.minute === '34')?.url).toBe(`${fake.url}/northbridge/mgAi.aspx?ID=3904`);
    expect(november.source).toBe(`${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=301`);
    expect(fake.requests.some((r) => r.path.includes('ID=9000'))).toBe(false);
    expect(report.printed).toBe(1);
    expect(report.structured).toBe(2);
  });

  it('skips unpublished minutes and meetings still to come, and says so', async () => {
    const { meetings, report } = await sync('northbridge', ['12']);
    expect(meetings.map((m) => m.date)).toEqual(['2023-11-07', '2024-03-12', '2024-06-18']);
    expect(report.skipped).toEqual([
      {
        source: `${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=329`,
        date: '2024-07-16',
        reason: 'unpublished',
      },
      { source: `${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=333`, date: '2024-09-10', reason: 'future' },
    ]);
    expect(fake.requests.some((r) => r.operation === 'GetMeeting' && r.params.lMeetingId === '333')).toBe(false);
  });

  it('asks only for the window it was given, with dd/mm/yyyy dates', async () => {
    const { meetings } = await sync('northbridge', ['12'], { from: '2024-03-01', to: '2024-03-31' });
    expect(meetings.map((m) => m.date)).toEqual(['2024-03-12']);
    const list = fake.requests.find((r) => r.operation === 'GetMeetings');
    expect(list?.params).toMatchObject({ lCommitteeId: '12', sFromDate: '01/03/2024' });
    expect(list?.params.sToDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('is polite: identifies itself and never has more than two requests open', async () => {
    // Requests are held until three are open: a client that allowed three would be caught.
    fake.holdUntilInFlight = 3;
    await sync('northbridge', ['12']);
    expect(fake.requests.length).toBeGreaterThan(4);
    expect(new Set(fake.requests.map((r) => r.userAgent))).toEqual(new Set([UA]));
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
    expect(fake.maxInFlight).toBe(2);
  });
});

describe('ModernGov sync over SOAP', () => {
  it('falls back to SOAP where GET is switched off and gets the same meetings', async () => {
    const viaGet = await sync('northbridge', ['12']);
    fake.requests.length = 0;
    const viaSoap = await sync('soap-northbridge', ['12']);
    const strip = (meetings: Meeting[]) =>
      JSON.parse(JSON.stringify(meetings).replaceAll('/soap-northbridge/', '/northbridge/'));
    expect(strip(viaSoap.meetings)).toEqual(strip(viaGet.meetings));
    // One refused GET, not retried, then SOAP for everything else.
    expect(fake.requests.filter((r) => r.protocol === 'get')).toHaveLength(1);
    const soap = fake.requests.filter((r) => r.protocol === 'soap');
    expect(soap.length).toBeGreaterThan(3);
    expect(soap.find((r) => r.operation === 'GetMeeting')?.soapAction).toBe(
      '"http://moderngov.co.uk/namespaces/GetMeeting"',
    );
  });
});

describe('ModernGov sync of a PDF-only council', () => {
  it('finds the minutes attached to the next meeting’s Minutes item and keeps exempt items as titles', async () => {
    const { meetings, report, errors } = await sync('eastmere', ['7'], { council: 'Eastmere District Council' });
    expect(errors).toEqual([]);
    expect(meetings).toHaveLength(1);
    const january = meetings[0] as Meeting;
    expect(january).toMatchObject({ council: 'Eastmere District Council', committee: 'Cabinet', date: '2024-01-15' });
    const fromText = parseMinutesText(EASTMERE_TEXT, { source: 'eastmere.txt' });
    expect(outline(january).slice(0, 3)).toEqual(outline(fromText));
    expect(business(january).map((i) => [i.minute, i.minuteNumber])).toEqual([
      ['C61/24', 61],
      ['C62/24', 62],
      ['C63/24', 63],
      ['C64/24', 64],
    ]);
    expect(business(january)[3]).toMatchObject({
      title: 'Acquisition of Land at Mill Lane',
      restricted: true,
      text: '',
    });
    expect(business(january)[1]?.url).toBe(`${fake.url}/eastmere/mgAi.aspx?ID=7002`);
    expect(fake.requests.some((r) => r.path.includes('ID=777'))).toBe(false);
    expect(report.skipped.map((s) => s.reason)).toEqual(['unpublished']);
  });
});

describe('ModernGov sync when a site misbehaves', () => {
  it('retries a 500 and carries on when it clears', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'status', status: 500, times: 1 });
    const { meetings, errors } = await sync('northbridge', ['12']);
    expect(errors).toEqual([]);
    expect(meetings).toHaveLength(3);
    expect(fake.requests.filter((r) => r.params.lMeetingId === '318')).toHaveLength(2);
  });

  it('reports a meeting that keeps failing, after its retries, and syncs the rest', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'status', status: 500 });
    const { meetings, errors, report } = await sync('northbridge', ['12'], { retries: 2 });
    expect(meetings.map((m) => m.date)).toEqual(['2023-11-07', '2024-06-18']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.source).toBe(`${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=318`);
    expect(errors[0]?.error.message).toMatch(
      /GetMeeting\?lMeetingId=318 answered HTTP 500: the council site is failing/,
    );
    expect(report.failed).toHaveLength(1);
    expect(fake.requests.filter((r) => r.params.lMeetingId === '318')).toHaveLength(3);
  });

  it('reports a committee the site refuses with a 500 and syncs the other committees', async () => {
    fake.misbehave.set('northbridge/GetMeetings/13', { kind: 'status', status: 500 });
    const { meetings, errors, report } = await sync('northbridge', ['13', '12'], { retries: 1 });
    expect(meetings).toHaveLength(3);
    expect(errors.map((e) => e.source)).toEqual([`${fake.url}/northbridge committee 13`]);
    expect(report.committees.map((c) => [c.id, c.title, c.error !== undefined])).toEqual([
      ['13', 'Licensing Committee', true],
      ['12', 'Children and Young People Scrutiny Committee', false],
    ]);
  });

  it('gives up on an endpoint that never answers, says so, and syncs the rest', async () => {
    fake.misbehave.set('northbridge/GetMeetings/14', { kind: 'hang' });
    const { meetings, errors } = await sync('northbridge', ['14', '12'], { timeoutMs: 300, retries: 1 });
    expect(meetings).toHaveLength(3);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error.message).toMatch(/did not answer within 300 ms/);
    expect(fake.requests.filter((r) => r.params.lCommitteeId === '14')).toHaveLength(2);
  });

  it('reports a site that is not there at all', async () => {
    const closed = await startFakeModernGov();
    await closed.close();
    const client = openModernGovClient({ baseUrl: `${closed.url}/nothing`, userAgent: UA, retries: 0 });
    await expect(client.getCommittees()).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/);
  });
});
