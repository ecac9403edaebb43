import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeMinutesPdf } from '../read/make-pdf.js';
import { syncCliEnv } from './cli-env.js';
import { type FakeModernGov, startFakeModernGov } from './fake-moderngov.js';

let fake: FakeModernGov;
let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeModernGov();
  fake.documents.set(
    '/northbridge/mgConvert2PDF.aspx?ID=9001',
    await makeMinutesPdf(
      'Minutes of a meeting of the Children and Young People Scrutiny Committee held at the Town Hall, Northbridge on Tuesday, 7 November 2023.\n31.\nMinutes.\nThe minutes were signed.\n32.\nUrgent Items.\nThere were no urgent items.',
    ),
  );
  ({ work, env } = await syncCliEnv('minutebook-sync-'));
});

afterAll(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
});

const site = () => `${fake.url}/northbridge`;
const syncArgs = () => [
  'sync',
  '--moderngov',
  site(),
  '--committee',
  '12',
  '--council',
  'Northbridge Borough Council',
  '--from',
  '2023-09-01',
  '--to',
  '2024-07-31',
  '--json',
];

describe('minutebook sync', () => {
  it('fills an index that search and ask answer from, citing item deep links', async () => {
    const first = await runCli(syncArgs(), { env });
    expect(first.stderr).not.toMatch(/minutebook: /);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      indexed: 3,
      unchanged: 0,
      fromWebService: 2,
      fromPrintedMinutes: 1,
      restrictedItems: 1,
      failed: [],
    });
    expect(summary.skipped).toEqual([
      { source: `${site()}/ieListDocuments.aspx?CId=12&MId=329`, date: '2024-07-16', reason: 'unpublished' },
    ]);

    const search = await runCli(['search', 'Education, Health and Care Plan assessments backlog', '--json'], { env });
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as Array<Record<string, unknown>>;
    expect(hits[0]).toMatchObject({
      council: 'Northbridge Borough Council',
      date: '2024-03-12',
      minute: '48',
      url: `${site()}/mgAi.aspx?ID=4004`,
    });

    const ask = await runCli(['ask', 'How many foster households were approved in 2023?', '--json'], { env });
    expect(ask.code).toBe(0);
    const answer = JSON.parse(ask.stdout) as { citations: Array<{ minute: string; url: string }> };
    expect(answer.citations.map((c) => [c.minute, c.url])).toContainEqual(['49', `${site()}/mgAi.aspx?ID=4005`]);
  });

  it('does no embedding work on a second sync with nothing new', async () => {
    const second = await runCli(syncArgs(), { env });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ indexed: 0, unchanged: 3, passages: 0 });
  });

  it('lists committees', async () => {
    const result = await runCli(['sync', '--moderngov', site(), '--list-committees'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('12  Children and Young People Scrutiny Committee');
    expect(result.stdout).toContain('9  Education Committee (to 2019)  (no longer meets)');
  });

  it('reports a failing committee, syncs the rest and exits non-zero', async () => {
    fake.misbehave.set('northbridge/GetMeetings/13', { kind: 'status', status: 500 });
    const result = await runCli(
      [
        'sync',
        '--moderngov',
        site(),
        '--committee',
        '13',
        '12',
        '--council',
        'Northbridge Borough Council',
        '--from',
        '2023-09-01',
        '--to',
        '2024-07-31',
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/minutebook: .*GetMeetings\?lCommitteeId=13.* answered HTTP 500/);
    expect(result.stdout).toMatch(/Licensing Committee \(13\) at .*: failed/);
    // Runs after the syncs above, so committee 12 has nothing new.
    expect(result.stdout).toMatch(/Indexed 0 meeting\(s\).*3 unchanged/);
  });

  it('syncs every site of a sites file, reporting one that cannot be reached and carrying on', async () => {
    const gone = await startFakeModernGov();
    await gone.close();
    const sitesFile = path.join(work, 'sites.json');
    await writeFile(
      sitesFile,
      JSON.stringify([
        { moderngov: `${gone.url}/closed`, council: 'Closed Council', committees: ['1'] },
        { moderngov: site(), council: 'Northbridge Borough Council', committees: ['12'] },
      ]),
    );
    const result = await runCli(
      ['sync', '--sites', sitesFile, '--from', '2023-09-01', '--to', '2024-07-31', '--json'],
      { env },
    );
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      unchanged: number;
      failed: Array<{ source: string; error: string }>;
    };
    expect(summary.unchanged).toBe(3);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.error).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });

  it('names the entry and field of a bad sites file', async () => {
    const sitesFile = path.join(work, 'bad-sites.json');
    await writeFile(sitesFile, JSON.stringify([{ moderngov: site(), committees: [] }]));
    const result = await runCli(['sync', '--sites', sitesFile], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^minutebook: manifest .*bad-sites\.json: entry 1: "committees" must list committee ids/,
    );
  });

  it('explains bad options in one line', async () => {
    const noCommittee = await runCli(['sync', '--moderngov', site()], { env });
    expect(noCommittee.code).toBe(1);
    expect(noCommittee.stderr).toMatch(/^minutebook: give --committee <id>/);
    const badDate = await runCli(['sync', '--moderngov', site(), '--committee', '12', '--from', '1/2/2024'], { env });
    expect(badDate.stderr).toMatch(/^minutebook: --from must be a date as YYYY-MM-DD/);
  });
});
