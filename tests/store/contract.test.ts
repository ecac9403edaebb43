import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexMismatchError, IndexMissingError } from '../../src/errors.js';
import type { IndexReader, IndexWriter } from '../../src/store/types.js';
import { type StoreKit, storeKinds } from '../helpers/stores.js';
import { embed, MODEL, meeting, passageCount, seriesMeeting, vectorsOf } from './fixtures/meetings.js';

/** The storage contract: the same tests against every store, so the retriever and ingest can rely on it. */

const schoolTransport = meeting({
  source: 'minutes/cabinet-2022-06-12.pdf',
  items: [
    {
      minute: '1',
      title: 'Apologies for absence',
      passages: ['Apologies were received from Councillor Dee.'],
      procedural: true,
    },
    {
      minute: '76',
      title: 'Home to school transport policy',
      passages: [
        'The Cabinet considered the home to school transport policy for pupils with an Education, Health and Care Plan (EHCP).',
        'Members asked about the cost of transport for children with an EHCP travelling out of county.',
      ],
    },
    {
      minute: '77',
      title: 'Leisure centre contract',
      passages: ['Councillor Priya Okonkwo introduced the report on the leisure centre contract renewal.'],
    },
  ],
});

const planning = meeting({
  source: 'minutes/planning-2020-03-02.pdf',
  committee: 'Planning Committee',
  date: '2020-03-02',
  items: [
    {
      minute: 'P12/20',
      title: 'Land at Mill Lane',
      passages: ['The committee refused the application for 40 homes at Mill Lane.'],
    },
    {
      minute: 'P13/20',
      title: 'Section 106 agreement',
      passages: ['A section 106 agreement will fund school places.'],
    },
  ],
});

const otherCouncil = meeting({
  source: 'minutes/kent-cabinet-2023-01-09.pdf',
  council: 'Kent County Council',
  date: '2023-01-09',
  items: [{ minute: '12', title: 'Bus services', passages: ['The council agreed to support rural bus routes.'] }],
});

function never(): never {
  throw new Error('a hit without its passage');
}

async function ids(found: Promise<Array<{ passageId: number }>>): Promise<number[]> {
  return (await found).map((h) => h.passageId);
}

for (const kind of storeKinds) {
  describe.skipIf(kind.skip)(`the ${kind.name} store`, () => {
    let kit: StoreKit;
    const open: Array<IndexReader | IndexWriter> = [];
    beforeEach(() => {
      kit = kind.make();
    });
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
      await kit.cleanup();
    });
    const track = <T extends IndexReader>(store: T): T => {
      open.push(store);
      return store;
    };

    async function withBoth(): Promise<IndexWriter> {
      const store = track(await kit.writer({ model: MODEL }));
      await store.replaceMeeting(schoolTransport, 'hash-a', vectorsOf(schoolTransport));
      await store.replaceMeeting(planning, 'hash-b', vectorsOf(planning));
      return store;
    }

    it('refuses to read an index that does not exist; a writer creates it', async () => {
      await expect(kit.reader()).rejects.toThrow(IndexMissingError);
      const store = track(await kit.writer({ model: MODEL }));
      expect(await store.stats()).toMatchObject({
        meetings: 0,
        passages: 0,
        model: MODEL.id,
        dimensions: MODEL.dimensions,
      });
    });

    it('keeps what was written across close and reopen', async () => {
      await (await withBoth()).close();
      const reopened = track(await kit.reader());
      expect(await reopened.stats()).toEqual({
        councils: ['Ashford Borough Council'],
        committees: ['Cabinet', 'Planning Committee'],
        meetings: 2,
        items: 5,
        passages: 6,
        from: '2020-03-02',
        to: '2022-06-12',
        model: MODEL.id,
        dimensions: MODEL.dimensions,
      });
      expect(reopened.model).toEqual(MODEL);
      const writer = track(await kit.writer());
      expect(await writer.contentHash(schoolTransport.source)).toBe('hash-a');
      expect(await writer.contentHash('minutes/never-seen.pdf')).toBeNull();
    });

    it('replaces exactly the rows of the re-ingested source, in both halves', async () => {
      const store = await withBoth();
      const oldIds = await ids(store.keywordSearch('EHCP transport leisure apologies', { limit: 10 }));
      const planningIds = await ids(store.keywordSearch('Mill Lane section 106', { limit: 10 }));
      expect(oldIds).toHaveLength(4);
      expect(planningIds).toHaveLength(2);
      const before = await store.changeStamp();

      const changed = meeting({
        source: schoolTransport.source,
        items: [
          { minute: '76', title: 'Home to school transport policy', passages: ['The policy was approved unamended.'] },
        ],
      });
      await store.replaceMeeting(changed, 'hash-a2', vectorsOf(changed));

      expect(await store.changeStamp()).not.toBe(before);
      expect(await store.stats()).toMatchObject({ meetings: 2, items: 3, passages: 3 });
      expect(await store.passages(oldIds)).toEqual([]);
      expect((await store.passages(planningIds)).map((p) => p.passageId)).toEqual(planningIds);
      expect(await store.keywordSearch('leisure', { limit: 5 })).toEqual([]);
      expect(await store.contentHash(schoolTransport.source)).toBe('hash-a2');
      const [hit] = await store.vectorSearch(
        embed('Home to school transport policy The policy was approved unamended.'),
        {
          limit: 1,
        },
      );
      expect((await store.passages([hit?.passageId ?? -1]))[0]?.text).toBe('The policy was approved unamended.');
      expect(hit?.score).toBeCloseTo(1, 4);
    });

    it('removes a meeting from both halves', async () => {
      const store = await withBoth();
      expect(await store.removeMeeting(planning.source)).toBe(true);
      expect(await store.removeMeeting(planning.source)).toBe(false);
      expect(await store.stats()).toMatchObject({ meetings: 1, items: 3, passages: passageCount(schoolTransport) });
      expect(await store.keywordSearch('Mill Lane', { limit: 5 })).toEqual([]);
      const hits = await ids(
        store.vectorSearch(embed('Land at Mill Lane The committee refused the application'), { limit: 10 }),
      );
      expect(hits).toHaveLength(passageCount(schoolTransport));
      expect((await store.passages(hits)).map((p) => p.meeting.source)).not.toContain(planning.source);
      expect((await store.meetings()).map((m) => m.source)).toEqual([schoolTransport.source]);
    });

    it('ranks an acronym, an exact name and a minute number first in keyword search', async () => {
      const store = await withBoth();
      const [acronym] = await store.keywordSearch('What was decided about EHCP?', { limit: 3 });
      expect((await store.passages([acronym?.passageId ?? -1]))[0]?.item.minute).toBe('76');

      const [name] = await store.keywordSearch('Priya Okonkwo', { limit: 3 });
      const found = (await store.passages([name?.passageId ?? -1]))[0];
      expect(found?.text).toContain('Councillor Priya Okonkwo');
      expect(found?.meeting).toMatchObject({
        committee: 'Cabinet',
        date: '2022-06-12',
        council: 'Ashford Borough Council',
      });
      expect(found?.item).toMatchObject({
        minute: '77',
        title: 'Leisure centre contract',
        procedural: false,
        minuteNumber: 77,
      });
      expect(found?.header).toBe('Cabinet · Ashford Borough Council · 12 June 2022 · Minute 77');

      const [number] = await store.keywordSearch('P13/20', { limit: 1 });
      expect((await store.passages([number?.passageId ?? -1]))[0]?.item.title).toBe('Section 106 agreement');
    });

    it('never lets question text break the query syntax', async () => {
      const store = await withBoth();
      for (const query of [
        'NOT AND OR',
        'NEAR(transport',
        '"unbalanced',
        'col:umn * ^ - + ( )',
        '???',
        '',
        'a "" b',
        "it's -x !y & | <->",
      ]) {
        await expect(store.keywordSearch(query, { limit: 5 })).resolves.toBeDefined();
      }
      expect(await store.keywordSearch('???', { limit: 5 })).toEqual([]);
      expect(await store.keywordSearch('"Mill Lane"', { limit: 5 })).toHaveLength(1);
    });

    it('filters keyword and vector search by committee, council and date range', async () => {
      const store = await withBoth();
      await store.replaceMeeting(otherCouncil, 'hash-c', vectorsOf(otherCouncil));
      const query = embed('school places transport');
      const byCommittee = await store.vectorSearch(query, { limit: 10, filters: { committee: 'planning' } });
      expect(byCommittee.length).toBe(2);
      expect(
        new Set((await store.passages(await ids(Promise.resolve(byCommittee)))).map((p) => p.meeting.committee)),
      ).toEqual(new Set(['Planning Committee']));
      const byDate = await store.vectorSearch(query, {
        limit: 10,
        filters: { after: '2021-01-01', before: '2022-12-31' },
      });
      expect(byDate.length).toBe(4);
      const kent = await store.vectorSearch(query, { limit: 10, filters: { council: 'kent county' } });
      expect((await store.passages(await ids(Promise.resolve(kent)))).map((p) => p.meeting.source)).toEqual([
        otherCouncil.source,
      ]);
      expect(await store.keywordSearch('school', { limit: 10, filters: { council: 'Nowhere' } })).toEqual([]);

      const keyword = await store.keywordSearch('school', { limit: 10, filters: { before: '2021-01-01' } });
      expect((await store.passages(await ids(Promise.resolve(keyword)))).map((p) => p.item.minute)).toEqual(['P13/20']);
      expect(await store.meetingsInScope({ committee: 'cabinet', council: 'ashford' })).toEqual({
        meetings: 1,
        from: '2022-06-12',
        to: '2022-06-12',
        committees: ['Cabinet'],
        councils: ['Ashford Borough Council'],
      });
      // One meeting, by the source it was indexed from (topic alerts match a meeting at a time).
      const oneMeeting = { source: planning.source };
      const bySource = await store.vectorSearch(query, { limit: 10, filters: oneMeeting });
      expect(new Set((await store.passages(bySource.map((h) => h.passageId))).map((p) => p.meeting.source))).toEqual(
        new Set([planning.source]),
      );
      expect((await store.keywordSearch('school', { limit: 10, filters: oneMeeting })).length).toBe(1);
      expect((await store.meetingsInScope(oneMeeting)).meetings).toBe(1);
      expect(await store.keywordSearch('school', { limit: 10, filters: { source: 'minutes/planning' } })).toEqual([]);
      // One council of a shared index.
      expect(await store.stats({ council: 'Kent' })).toMatchObject({
        meetings: 1,
        items: 1,
        passages: 1,
        councils: ['Kent County Council'],
      });
      await expect(store.vectorSearch(query, { limit: 0 })).rejects.toThrow(/limit/);
      await expect(store.keywordSearch('x', { limit: 5, filters: { after: '12/06/2022' } })).rejects.toThrow(
        /YYYY-MM-DD/,
      );
    });

    it('keeps the best passages of every council in an unscoped or cross-council search, best first', async () => {
      const store = track(await kit.writer({ model: MODEL }));
      const councils = ['Ashford Borough Council', 'Brockley Town Council', 'Caxton Parish Council'];
      const written = councils.flatMap((council, c) =>
        [1, 2, 3, 4, 5, 6].map((n) => {
          const series = seriesMeeting(n + c * 6);
          return { ...series, council, source: `${council}-${n}.pdf` };
        }),
      );
      for (const m of written) await store.replaceMeeting(m, 'h', vectorsOf(m));
      const query = embed('library opening hours review officer answered');
      const dot = (v: Float32Array) => v.reduce((sum, x, d) => sum + x * (query[d] ?? 0), 0);
      const similarity = (p: { item: { title: string }; text: string }) => dot(embed(`${p.item.title} ${p.text}`));
      for (const filters of [{}, { after: '2021-01-01' }, { committee: 'cabinet' }]) {
        const inScope = written.filter(
          (m) =>
            (!('after' in filters) || (m.date ?? '') >= filters.after) &&
            (!('committee' in filters) || m.committee === 'Cabinet'),
        );
        const exact = inScope
          .flatMap(vectorsOf)
          .map(dot)
          .sort((a, b) => b - a)
          .slice(0, 12);
        const hits = await store.vectorSearch(query, { limit: 12, filters });
        const passages = await store.passages(hits.map((h) => h.passageId));
        expect(new Set(inScope.map((m) => m.council)).size).toBeGreaterThan(1);
        // The twelve closest in scope, whichever council they are in, each with its own similarity, best first.
        expect(hits.map((h) => h.score)).toEqual(exact.map((score) => expect.closeTo(score, 2)));
        for (const [i, hit] of hits.entries()) expect(hit.score).toBeCloseTo(similarity(passages[i] ?? never()), 2);
        expect(new Set(passages.map((p) => p.meeting.council)).size).toBeGreaterThan(1);
      }
    });

    it('finds the best passages in scope however narrow or broad the filter', async () => {
      const store = track(await kit.writer({ model: MODEL }));
      const big = (source: string, committee: string, n: number) =>
        meeting({
          source,
          committee,
          items: Array.from({ length: n / 50 }, (_, i) => ({
            minute: String(i + 1),
            title: `${committee} item ${i}`,
            passages: Array.from({ length: 50 }, (_, p) => `${committee} passage ${i} ${p} word${(i * 50 + p) % 97}`),
          })),
        });
      const scopes = { Audit: 20000, Cabinet: 1100, Licensing: 500 };
      const all = Object.entries(scopes).map(([committee, n]) => big(`${committee}.pdf`, committee, n));
      for (const m of all) await store.replaceMeeting(m, 'h', vectorsOf(m));
      const query = embed('passage word5 item');
      for (const committee of Object.keys(scopes)) {
        const hits = await store.vectorSearch(query, { limit: 30, filters: { committee } });
        expect(hits).toHaveLength(30);
        const found = await store.passages(hits.map((h) => h.passageId));
        expect(new Set(found.map((p) => p.meeting.committee))).toEqual(new Set([committee]));
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
        const m = all.find((x) => x.committee === committee);
        const best = Math.max(...(m ? vectorsOf(m) : []).map((v) => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0)));
        expect(hits[0]?.score).toBeCloseTo(best, 4);
      }
    });

    it('lists item texts, exports whole meetings, and lists the indexed meetings', async () => {
      const store = await withBoth();
      const texts = [];
      for await (const t of store.itemTexts()) texts.push(t);
      expect(texts).toHaveLength(5);
      expect(texts.some((t) => t.text.includes('Education, Health and Care Plan (EHCP)'))).toBe(true);
      expect((await store.meetings()).map((m) => [m.source, m.items, m.passages])).toEqual([
        [planning.source, 2, 2],
        [schoolTransport.source, 3, 4],
      ]);
      const exported = [];
      for await (const e of store.exportMeetings()) exported.push(e);
      const transport = exported.find((e) => e.meeting.source === schoolTransport.source);
      expect(transport?.meeting).toEqual(schoolTransport);
      expect(transport?.contentHash).toBe('hash-a');
      // Each store keeps vectors to its own precision: PostgreSQL in half precision (11 bits).
      const digits = kit.name === 'postgres' ? 3 : 5;
      const original = vectorsOf(schoolTransport);
      expect(transport?.vectors).toHaveLength(original.length);
      transport?.vectors?.forEach((v, i) => {
        Array.from(v).forEach((x, d) => {
          expect(x).toBeCloseTo(original[i]?.[d] ?? Number.NaN, digits);
        });
      });
    });

    it('keeps the text around the business as items of their own kind, numbered or not', async () => {
      const store = track(await kit.writer({ model: null }));
      const kept = meeting({
        source: 'minutes/parish-2024-05-01.txt',
        items: [
          {
            minute: null,
            kind: 'preamble',
            title: 'Minutes of the Annual Parish Meeting',
            passages: ['Held in the Old Forge Hall.'],
          },
          { minute: null, kind: 'attendance', title: 'Present', passages: ['Councillors Wren, Lark and Finch.'] },
          {
            minute: '1',
            title: 'Village green drainage',
            passages: ['The clerk reported on the drainage of the green.'],
          },
          { minute: null, kind: 'closing', title: 'Close', passages: ['The meeting closed at 8.40 pm.'] },
        ],
      });
      await store.replaceMeeting(kept, 'hash-k', null);
      const hits = await store.keywordSearch('forge hall wren lark drainage closed', { limit: 10 });
      const read = await store.passages(hits.map((h) => h.passageId));
      expect(new Map(read.map((p) => [p.item.title, [p.item.kind, p.item.minute, p.item.numberSource]]))).toEqual(
        new Map([
          ['Minutes of the Annual Parish Meeting', ['preamble', null, 'none']],
          ['Present', ['attendance', null, 'none']],
          ['Village green drainage', ['item', '1', 'printed']],
          ['Close', ['closing', null, 'none']],
        ]),
      );
      const exported = [];
      for await (const e of store.exportMeetings()) exported.push(e.meeting);
      expect(exported).toEqual([kept]);
    });

    it('keeps small caches beside the index', async () => {
      const store = await withBoth();
      expect(await store.readCache('corpus-stats')).toBeNull();
      await store.writeCache('corpus-stats', '{"a":1}');
      await store.writeCache('corpus-stats', '{"a":2}');
      expect(await track(await kit.reader()).readCache('corpus-stats')).toBe('{"a":2}');
    });

    it('works keyword-only with no model at all, and refuses vectors or a model later', async () => {
      const store = track(await kit.writer({ model: null }));
      await store.replaceMeeting(schoolTransport, 'h', null);
      expect(store.model).toBeNull();
      expect(await store.vectorSearch(embed('transport'), { limit: 5 })).toEqual([]);
      expect((await store.keywordSearch('EHCP', { limit: 5 })).length).toBe(2);
      await expect(store.replaceMeeting(planning, 'h', vectorsOf(planning))).rejects.toThrow(IndexMismatchError);
      await store.close();
      await expect(kit.writer({ model: MODEL })).rejects.toThrow(/keyword-only.*--rebuild/);
    });

    it('refuses a query vector or a model of other dimensions', async () => {
      const store = await withBoth();
      await expect(store.vectorSearch(new Float32Array(8), { limit: 3 })).rejects.toThrow(IndexMismatchError);
      await store.close();
      await expect(kit.reader({ model: { id: MODEL.id, dimensions: 32 } })).rejects.toThrow(
        /built with test\/bag-of-words \(16 dimensions\), not test\/bag-of-words \(32 dimensions\); rebuild/,
      );
    });

    it('lets a reader see writes made by a writer opened later', async () => {
      const writer = await withBoth();
      const reader = track(await kit.reader());
      const stamp = await reader.changeStamp();
      await writer.replaceMeeting(otherCouncil, 'h', vectorsOf(otherCouncil));
      expect(await reader.changeStamp()).not.toBe(stamp);
      const [hit] = await reader.vectorSearch(vectorsOf(otherCouncil)[0] ?? new Float32Array(), { limit: 1 });
      expect((await reader.passages([hit?.passageId ?? -1]))[0]?.meeting.source).toBe(otherCouncil.source);
    });

    it('rebuilds beside the live index: readers see the old one until the rebuild goes live', async () => {
      await (await withBoth()).close();
      const reader = track(await kit.reader());
      const rebuild = track(await kit.writer({ model: MODEL, rebuild: true }));
      await rebuild.replaceMeeting(otherCouncil, 'h', vectorsOf(otherCouncil));
      expect((await reader.stats()).meetings).toBe(2);
      expect(await reader.isSuperseded()).toBe(false);
      await rebuild.close();
      expect(await reader.isSuperseded()).toBe(true);
      const after = track(await kit.reader());
      expect((await after.stats()).meetings).toBe(1);
      const [hit] = await after.vectorSearch(vectorsOf(otherCouncil)[0] ?? new Float32Array(), { limit: 1 });
      expect((await after.passages([hit?.passageId ?? -1]))[0]?.meeting.source).toBe(otherCouncil.source);
    });

    it('keeps the live index when a rebuild is discarded', async () => {
      await (await withBoth()).close();
      const rebuild = await kit.writer({ model: { id: 'new/model', dimensions: 8 }, rebuild: true });
      await rebuild.discard();
      const store = track(await kit.reader({ model: MODEL }));
      expect((await store.stats()).meetings).toBe(2);
    });
  });
}
