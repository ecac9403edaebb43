import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minutesState } from '../../src/records/index.js';
import { openIndexWriter } from '../../src/store/open-store.js';
import { emptyRecords } from '../../src/store/record-values.js';
import { readCurrent } from '../../src/store/sqlite/layout.js';
import type { IndexReader } from '../../src/store/types.js';
import type { Meeting, MeetingRecords } from '../../src/types.js';
import { backToVersion3 } from '../helpers/pg-schema-versions.js';
import {
  dropSchemas,
  freshSchema,
  postgresSkipReason,
  type StoreKit,
  schemaUrl,
  storeKinds,
  testDatabaseUrl,
} from '../helpers/stores.js';
import { meeting } from './fixtures/meetings.js';

const quiet = pino({ level: 'silent' });

/** The records part of the storage contract: written with their meeting, read back whole or in part, by both stores. */

const june = meeting({
  source: 'minutes/planning-2024-06-03.txt',
  committee: 'Planning Committee',
  date: '2024-06-03',
  items: [
    {
      minute: null,
      title: 'Present',
      passages: ['Councillor Ada Brown (Chair), Councillor Ben Cole.'],
      kind: 'attendance',
    },
    {
      minute: '12',
      title: 'Land at Mill Lane',
      passages: ['RESOLVED that the application be deferred for a site visit.'],
    },
  ],
});

const july = meeting({
  source: 'minutes/planning-2024-07-01.txt',
  committee: 'Planning Committee',
  date: '2024-07-01',
  items: [
    { minute: '20', title: 'Minutes', passages: ['The minutes of the meeting held on 3 June 2024 were confirmed.'] },
    { minute: '21', title: 'Land at Mill Lane', passages: ['The motion to approve was carried by 6 votes to 2.'] },
  ],
});

const juneRecords: MeetingRecords = {
  decisions: [
    {
      at: { itemIndex: 1, minute: '12' },
      label: null,
      kind: 'deferred',
      text: 'That the application be deferred for a site visit',
      marker: 'RESOLVED',
      to: null,
      until: 'a site visit',
    },
  ],
  confirmations: [],
  attendance: [
    {
      at: { itemIndex: null, minute: null },
      name: 'Councillor Ada Brown',
      presence: 'present',
      capacity: 'chair',
      role: null,
      substituteFor: null,
      evidence: 'list',
    },
    {
      at: { itemIndex: 0, minute: null },
      name: 'Councillor Ben Cole',
      presence: 'apologies',
      capacity: 'member',
      role: 'Ward member',
      substituteFor: null,
      evidence: 'list',
    },
  ],
  roleChanges: [
    {
      at: { itemIndex: 0, minute: null },
      person: 'Councillor Ada Brown',
      role: 'Chair',
      office: 'chair',
      body: 'the Planning Committee',
      change: 'appointed',
      from: '2024-06-03',
      until: 'the Annual Meeting in 2025',
      thisMeetingOnly: false,
    },
  ],
  votes: [],
  mentions: [{ at: { itemIndex: 1, minute: '12' }, name: 'Councillor Ben Cole' }],
  ownStatus: { status: 'draft', text: 'DRAFT' },
};

const julyRecords: MeetingRecords = {
  decisions: [],
  confirmations: [
    {
      at: { itemIndex: 0, minute: '20' },
      meetingDates: ['2024-06-03'],
      committee: null,
      outcome: 'confirmed',
      subjectTo: null,
      text: 'The minutes of the meeting held on 3 June 2024 were confirmed',
    },
  ],
  attendance: [],
  roleChanges: [],
  votes: [
    {
      at: { itemIndex: 1, minute: '21' },
      motion: 'to approve',
      outcome: 'carried',
      unanimous: false,
      counts: { for: 6, against: 2, abstain: null },
      named: { for: ['Councillor Ada Brown'], against: [], abstain: [] },
      movedBy: 'Councillor Ada Brown',
      secondedBy: null,
      castingVote: null,
    },
  ],
  mentions: [],
  ownStatus: null,
};

const empty = emptyRecords();

/** A meeting as `recordedMeetings` gives it back: items without their passages. */
function withoutPassages(m: Meeting): Meeting {
  return { ...m, items: m.items.map((item) => ({ ...item, passages: [] })) };
}

for (const kind of storeKinds) {
  describe.skipIf(kind.skip)(`records in the ${kind.name} store`, () => {
    let kit: StoreKit;
    const open: IndexReader[] = [];
    beforeEach(() => {
      kit = kind.make();
    });
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
      await kit.cleanup();
    });

    async function written(pairs: Array<[Meeting, MeetingRecords | undefined]>): Promise<IndexReader> {
      const writer = await kit.writer({ model: null });
      for (const [m, records] of pairs) await writer.replaceMeeting(m, `hash-${m.source}`, null, records);
      await writer.close();
      const reader = await kit.reader();
      open.push(reader);
      return reader;
    }

    it('reads back every record as written, meetings oldest first with their items', async () => {
      const store = await written([
        [july, julyRecords],
        [june, juneRecords],
      ]);
      expect(await store.recordedMeetings()).toEqual([
        { meeting: withoutPassages(june), records: juneRecords },
        { meeting: withoutPassages(july), records: julyRecords },
      ]);
    });

    it('reads only the parts asked for, and no items when told', async () => {
      const store = await written([
        [june, juneRecords],
        [july, julyRecords],
      ]);
      const status = await store.recordedMeetings({}, { parts: ['confirmations', 'ownStatus'], items: false });
      expect(status.map((m) => m.meeting.items)).toEqual([[], []]);
      expect(status.map((m) => m.records)).toEqual([
        { ...empty, ownStatus: juneRecords.ownStatus },
        { ...empty, confirmations: julyRecords.confirmations },
      ]);
    });

    it('narrows by the search filters', async () => {
      const store = await written([
        [june, juneRecords],
        [july, julyRecords],
      ]);
      const after = await store.recordedMeetings({ after: '2024-06-15' });
      expect(after.map((m) => m.meeting.source)).toEqual([july.source]);
      expect(await store.recordedMeetings({ committee: 'cabinet' })).toEqual([]);
    });

    it('replaces records with the meeting, drops them with it, and writes none when given none', async () => {
      const writer = await kit.writer({ model: null });
      await writer.replaceMeeting(june, 'h1', null, juneRecords);
      await writer.replaceMeeting(june, 'h2', null, { ...empty, decisions: juneRecords.decisions });
      await writer.replaceMeeting(july, 'h3', null);
      expect((await writer.recordedMeetings()).map((m) => m.records)).toEqual([
        { ...empty, decisions: juneRecords.decisions },
        empty,
      ]);
      expect(await writer.removeMeeting(june.source)).toBe(true);
      expect((await writer.recordedMeetings()).map((m) => m.meeting.source)).toEqual([july.source]);
      await writer.close();
    });

    it('exports records with the meeting, so migrate copies them', async () => {
      const store = await written([[june, juneRecords]]);
      const exported = [];
      for await (const e of store.exportMeetings()) exported.push(e.records);
      expect(exported).toEqual([juneRecords]);
    });

    it('resolves a confirmation whichever order the meetings were indexed in', async () => {
      for (const order of [
        [
          [june, juneRecords],
          [july, julyRecords],
        ],
        [
          [july, julyRecords],
          [june, juneRecords],
        ],
      ] as Array<Array<[Meeting, MeetingRecords]>>) {
        const writer = await kit.writer({ model: null, rebuild: true });
        for (const [m, records] of order) await writer.replaceMeeting(m, 'h', null, records);
        await writer.close();
        const reader = await kit.reader();
        open.push(reader);
        const book = await reader.recordedMeetings({}, { parts: ['confirmations', 'ownStatus'], items: false });
        const target = book.find((m) => m.meeting.source === june.source);
        if (!target) throw new Error('june is missing');
        const state = minutesState(target, book);
        expect(state.status).toBe('confirmed');
        expect(state.status === 'confirmed' && state.by?.meeting.source).toBe(july.source);
      }
    });
  });
}

describe('a damaged records row in the SQLite store', () => {
  const kind = storeKinds.find((k) => k.name === 'sqlite');
  it('drops the record it holds instead of handing out wrong types', async () => {
    if (!kind) throw new Error('no sqlite kit');
    const kit = kind.make();
    try {
      const writer = await kit.writer({ model: null });
      await writer.replaceMeeting(june, 'h', null, juneRecords);
      await writer.close();
      if (kit.target.kind !== 'sqlite') throw new Error('not sqlite');
      const db = new Database(path.join(kit.target.dir, readCurrent(kit.target.dir) ?? 'missing'));
      db.prepare('UPDATE records SET data = \'{"at": 7, "kind": "shouted"}\' WHERE part = \'decisions\'').run();
      db.prepare("UPDATE records SET data = 'not json' WHERE part = 'mentions'").run();
      db.close();
      const reader = await kit.reader();
      const [read] = await reader.recordedMeetings();
      await reader.close();
      expect(read?.records).toEqual({ ...juneRecords, decisions: [], mentions: [] });
    } finally {
      await kit.cleanup();
    }
  });
});

describe.skipIf(postgresSkipReason !== null)('a PostgreSQL index from before records (schema version 1)', () => {
  it('gains the records table on open, and its meetings are read again by the next ingest', async () => {
    const schema = freshSchema();
    const url = schemaUrl(schema);
    try {
      const writer = await openIndexWriter(
        { kind: 'postgres', url },
        { logger: quiet, purpose: 'test', rebuild: false, wait: { waitMs: 5000 } },
      );
      await writer.replaceMeeting(june, 'hash-june', null);
      await writer.close();
      // Back to version 1, as an index written before this release is.
      const client = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
      await client.connect();
      await backToVersion3(client, schema, false);
      await client.query(
        `DROP TABLE "${schema}".records; DELETE FROM "${schema}".schema_migrations WHERE version >= 2`,
      );
      await client.end();

      const reopened = await openIndexWriter(
        { kind: 'postgres', url },
        { logger: quiet, purpose: 'test', rebuild: false, wait: { waitMs: 5000 } },
      );
      expect(await reopened.contentHash(june.source)).toBe('');
      await reopened.replaceMeeting(june, 'hash-june', null, juneRecords);
      expect((await reopened.recordedMeetings()).map((m) => m.records)).toEqual([juneRecords]);
      await reopened.close();
    } finally {
      await dropSchemas(schema);
    }
  });
});
