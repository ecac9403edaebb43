import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { runCli } from '../helpers/cli.js';
import { silentLogger } from '../helpers/index.js';
import { makeMinutesPdf } from '../read/make-pdf.js';
import { syncCliEnv } from './cli-env.js';
import { type FakeModernGov, startFakeModernGov } from './fake-moderngov.js';
import { giantMeetingReply, PRINTED_301 } from './replies.js';

const PDF_301 = '/northbridge/mgConvert2PDF.aspx?ID=9001';

let fake: FakeModernGov;
let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeModernGov();
  fake.documents.set(PDF_301, await makeMinutesPdf(PRINTED_301));
  ({ work, env } = await syncCliEnv('minutebook-sync-keep-'));
});

afterAll(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
});

const site = () => `${fake.url}/northbridge`;
const source = (mid: string) => `${site()}/ieListDocuments.aspx?CId=12&MId=${mid}`;
const sync = (extraEnv: Record<string, string> = {}) =>
  runCli(['sync', '--moderngov', site(), '--committee', '12', '--from', '2023-09-01', '--to', '2024-07-31', '--json'], {
    env: { ...env, ...extraEnv },
  });

/** Items indexed per meeting source. */
async function indexedItems(): Promise<Map<string, number>> {
  const store = await SqliteStore.openReader(env.MINUTEBOOK_INDEX_DIR ?? '', { logger: silentLogger });
  try {
    return new Map((await store.meetings()).map((m) => [m.source, m.items]));
  } finally {
    await store.close();
  }
}

describe('minutebook sync never replaces a meeting with a part of it (issue 16 case 2)', () => {
  it('indexes the whole meetings first', async () => {
    const first = await sync();
    expect(first.code).toBe(0);
    expect((await indexedItems()).get(source('318'))).toBe(7);
  });

  it('keeps the complete copy when a later reply is cut off mid-way, and exits non-zero saying so', async () => {
    fake.misbehave.set('northbridge/GetMeeting/318', { kind: 'cut', fraction: 0.5 });
    const result = await sync();
    fake.misbehave.clear();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/minutebook: GetMeeting at .* answered with XML that was cut off/);
    const summary = JSON.parse(result.stdout) as { indexed: number; failed: Array<{ source: string }> };
    expect(summary.failed.map((f) => f.source)).toEqual([source('318')]);
    expect((await indexedItems()).get(source('318'))).toBe(7);
  });

  it('keeps the complete copy when the printed minutes arrive cut short, and warns', async () => {
    const before = (await indexedItems()).get(source('301'));
    fake.documents.set(PDF_301, await makeMinutesPdf(PRINTED_301.slice(0, PRINTED_301.indexOf('33.'))));
    const result = await sync();
    fake.documents.set(PDF_301, await makeMinutesPdf(PRINTED_301));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`warning: ${source('301').replace(/[?.]/g, '\\$&')}: kept the indexed copy \\(${before} items\\)`),
    );
    const summary = JSON.parse(result.stdout) as { kept: Array<{ source: string }>; failed: unknown[] };
    expect(summary.kept.map((k) => k.source)).toEqual([source('301')]);
    expect(summary.failed).toEqual([]);
    expect((await indexedItems()).get(source('301'))).toBe(before);
  });

  it('refuses a giant meeting by name and leaves the index as it was (issue 16 case 5)', async () => {
    fake.misbehave.set('northbridge/GetMeeting/326', { kind: 'reply', xml: giantMeetingReply(40, 1_000) });
    const before = await indexedItems();
    const result = await sync({ MINUTEBOOK_MAX_MEETING_PASSAGES: '100' });
    fake.misbehave.clear();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /minutebook: .*MId=326: makes \d{3} passages, over the limit of 100 for one meeting \(MINUTEBOOK_MAX_MEETING_PASSAGES\)/,
    );
    expect(await indexedItems()).toEqual(before);
  });
});
