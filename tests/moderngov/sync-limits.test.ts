import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestLimits } from '../../ingest/limits.js';
import { openModernGovClient } from '../../ingest/moderngov/index.js';
import { ModernGovSource, type ModernGovSyncOptions, type SyncReport } from '../../ingest/moderngov/sync.js';
import { ParseWorker } from '../../ingest/read/parse-worker.js';
import type { Meeting } from '../../src/types.js';
import { docxWithBody, tinyParagraphs } from '../../support/hostile-files.js';
import { makeMinutesPdf } from '../read/make-pdf.js';
import { type FakeModernGov, startFakeModernGov } from './fake-moderngov.js';
import { giantMeetingReply, PRINTED_301, withoutAgendaItems } from './replies.js';

const UA = 'Minutebook/0.0.0-test (+mailto:tests@example.org)';
const PDF_301 = '/northbridge/mgConvert2PDF.aspx?ID=9001';

let fake: FakeModernGov;
let printed: Uint8Array;
/** The printed minutes of 301 cut off after minute 32, as a truncated download still reads. */
let printedCut: Uint8Array;

beforeAll(async () => {
  fake = await startFakeModernGov();
  printed = await makeMinutesPdf(PRINTED_301);
  printedCut = await makeMinutesPdf(PRINTED_301.slice(0, PRINTED_301.indexOf('33.')));
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.misbehave.clear();
  fake.documents.set(PDF_301, printed);
});

const source = (mid: string) => `${fake.url}/northbridge/ieListDocuments.aspx?CId=12&MId=${mid}`;

async function sync(
  options: Partial<ModernGovSyncOptions> = {},
): Promise<{ meetings: Meeting[]; errors: Array<{ source: string; error: Error }>; report: SyncReport }> {
  const client = openModernGovClient({
    baseUrl: `${fake.url}/northbridge`,
    userAgent: UA,
    timeoutMs: 5_000,
    retries: 1,
    backoffMs: 1,
  });
  const modernGov = new ModernGovSource({
    client,
    committeeIds: ['12'],
    from: '2023-09-01',
    to: '2024-07-31',
    council: 'Northbridge Borough Council',
    today: '2024-08-01',
    ...options,
  });
  const meetings: Meeting[] = [];
  const errors: Array<{ source: string; error: Error }> = [];
  for await (const entry of modernGov.meetings()) {
    if (entry.meeting) meetings.push(entry.meeting);
    if (entry.error) errors.push({ source: entry.source, error: entry.error });
  }
  return { meetings, errors, report: modernGov.report };
}

const ids = (meetings: Meeting[]) => meetings.map((m) => /MId=(\d+)/.exec(m.source)?.[1]);

describe('a GetMeeting reply cut off mid-way (issue 16 case 2)', () => {
  it('is refused, named, and never yields the part that arrived; the other meetings sync', async () => {
    // Half of 318's reply holds 4 of its 7 items in a form the XML parser accepts.
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'cut', fraction: 0.5 });
    const { meetings, errors } = await sync();
    expect(ids(meetings)).toEqual(['301', '326']);
    expect(errors.map((e) => e.source)).toEqual([source('318')]);
    expect(errors[0]?.error.message).toMatch(
      /^GetMeeting at .*\/northbridge answered with XML that was cut off \(.*\); nothing in it was used: try again later$/,
    );
  });

  it('is refused over SOAP too', async () => {
    fake.misbehave.set('soap-northbridge/GetMeeting/318', { kind: 'cut', fraction: 0.8 });
    const client = openModernGovClient({ baseUrl: `${fake.url}/soap-northbridge`, userAgent: UA, retries: 0 });
    await expect(client.getMeeting('318')).rejects.toThrow(/GetMeeting \(SOAP\) at .* was cut off/);
  });

  it('is not used when the connection drops before the promised length either', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'cut', fraction: 0.5, declareLength: true });
    const { meetings, errors } = await sync();
    expect(ids(meetings)).toEqual(['301', '326']);
    expect(errors[0]?.error.message).toMatch(/GetMeeting\?lMeetingId=318 could not be reached/);
  });

  it('keeps an indexed copy rather than a smaller printed copy that lacks minutes on the agenda', async () => {
    fake.documents.set(PDF_301, printedCut);
    const { meetings, report } = await sync({ indexedItems: (s) => (s === source('301') ? 9 : null) });
    expect(ids(meetings)).toEqual(['318', '326']);
    expect(report.kept).toEqual([
      {
        source: source('301'),
        reason: expect.stringMatching(
          /^kept the indexed copy \(9 items\): the new one has \d items and lacks minute\(s\) 33, 34, 35, 36 that the agenda lists/,
        ),
      },
    ]);
  });

  it('indexes such a copy, with a warning, when nothing bigger is indexed', async () => {
    fake.documents.set(PDF_301, printedCut);
    const { meetings, report } = await sync({ indexedItems: () => null });
    const november = meetings.find((m) => m.source === source('301'));
    expect(november?.items.map((i) => i.minute)).toContain('32');
    expect(november?.warnings).toContainEqual(
      "the minutes lack minute(s) 33, 34, 35, 36 that the meeting's agenda lists",
    );
    expect(report.kept).toEqual([]);
  });

  it('replaces an indexed copy with a smaller one whose reply shows it complete', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'reply', xml: withoutAgendaItems(['4006', '4007']) });
    const { meetings, report } = await sync({ indexedItems: (s) => (s === source('318') ? 7 : null) });
    expect(meetings.find((m) => m.source === source('318'))?.items.map((i) => i.minute)).toEqual([
      '45',
      '46',
      '47',
      '48',
      '49',
    ]);
    expect(report.kept).toEqual([]);
  });
});

describe('a synced meeting over the limits (issue 16 cases 3 and 5)', () => {
  it('refuses a giant meeting by its passages, by name, and syncs the rest', async () => {
    // The sweep's 45 MB meeting made 41,196 passages; 40 long minutes against a limit of 100 is the same shape.
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'reply', xml: giantMeetingReply(40, 1_000) });
    const { meetings, errors } = await sync({ limits: ingestLimits({ maxMeetingPassages: 100 }) });
    expect(ids(meetings)).toEqual(['301', '326']);
    expect(errors[0]?.error.message).toMatch(
      /MId=318: makes \d{3} passages, over the limit of 100 for one meeting \(MINUTEBOOK_MAX_MEETING_PASSAGES\)/,
    );
  });

  it('refuses a reply listing more agenda items than a meeting may have passages, before building any', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'reply', xml: giantMeetingReply(300, 5) });
    const { errors } = await sync({ limits: ingestLimits({ maxMeetingPassages: 100 }) });
    expect(errors[0]?.error.message).toMatch(
      /MId=318: lists 300 agenda items, more than the 100 passages one meeting may make \(MINUTEBOOK_MAX_MEETING_PASSAGES\)/,
    );
  });

  it('refuses a reply larger than one meeting’s minutes before parsing it', async () => {
    const xml = giantMeetingReply(300, 60);
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'reply', xml });
    const client = openModernGovClient({
      baseUrl: `${fake.url}/northbridge`,
      userAgent: UA,
      maxBytes: 100_000,
      retries: 0,
    });
    expect(xml.length).toBeGreaterThan(100_000);
    await expect(client.getMeeting('318')).rejects.toThrow(
      /sent a response over the 100000-byte limit for one meeting's minutes \(MINUTEBOOK_MAX_FILE_MB\)/,
    );
  });

  it('refuses minutes bodies nested too deep before turning them into text', async () => {
    const deep = `${'<div>'.repeat(5_000)}Noted.${'</div>'.repeat(5_000)}`;
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'reply', xml: giantMeetingReply(1, 5, deep) });
    const { meetings, errors } = await sync();
    expect(ids(meetings)).toEqual(['301', '326']);
    expect(errors[0]?.error.message).toMatch(/MId=318: nests its markup more than 256 levels deep/);
  });

  it('refuses a hostile printed-minutes Word file by its address, in the parse process, and syncs the rest', async () => {
    fake.documents.set(PDF_301, await docxWithBody(tinyParagraphs(20_000)));
    const limits = ingestLimits({ maxParagraphs: 5_000 });
    const reader = new ParseWorker(limits);
    try {
      const { meetings, errors } = await sync({ limits, reader });
      expect(ids(meetings)).toEqual(['318', '326']);
      expect(errors.map((e) => e.source)).toEqual([source('301')]);
      expect(errors[0]?.error.message).toMatch(
        /mgConvert2PDF\.aspx\?ID=9001: has more than 5,000 paragraphs, the limit for one file \(MINUTEBOOK_MAX_PARAGRAPHS\)/,
      );
    } finally {
      await reader.close();
    }
  });
});
