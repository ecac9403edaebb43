import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexMismatchError, IndexMissingError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { IndexStore } from '../../src/store/index-store.js';
import { embed, MODEL, meeting, passageCount, tempDir, vectorsOf } from './fixtures/meetings.js';

const logger = createLogger({ level: 'silent' });

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

describe('IndexStore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  function openWithBoth(): IndexStore {
    const store = IndexStore.open(dir, { create: true, model: MODEL, logger, vectorSaveIntervalMs: 0 });
    store.replaceMeeting(schoolTransport, 'hash-a', vectorsOf(schoolTransport));
    store.replaceMeeting(planning, 'hash-b', vectorsOf(planning));
    return store;
  }

  it('refuses to open a folder with no index unless asked to create one', () => {
    expect(() => IndexStore.open(dir, { logger })).toThrow(IndexMissingError);
    const store = IndexStore.open(dir, { create: true, model: MODEL, logger });
    expect(store.stats()).toMatchObject({ meetings: 0, passages: 0, model: MODEL.id, dimensions: MODEL.dimensions });
    store.close();
  });

  it('keeps what was written across close and reopen', () => {
    openWithBoth().close();
    const reopened = IndexStore.open(dir, { logger });
    expect(reopened.stats()).toEqual({
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
    expect(reopened.contentHash(schoolTransport.source)).toBe('hash-a');
    expect(reopened.contentHash('minutes/never-seen.pdf')).toBeNull();
    expect(reopened.vectorCount).toBe(6);
    reopened.close();
  });

  it('replaces exactly the rows of the re-ingested source', () => {
    const store = openWithBoth();
    const oldIds = store.keywordSearch('EHCP transport leisure apologies', { limit: 10 }).map((h) => h.passageId);
    const planningIds = store.keywordSearch('Mill Lane section 106', { limit: 10 }).map((h) => h.passageId);
    expect(oldIds).toHaveLength(4);
    expect(planningIds).toHaveLength(2);

    const changed = meeting({
      source: schoolTransport.source,
      items: [
        { minute: '76', title: 'Home to school transport policy', passages: ['The policy was approved unamended.'] },
      ],
    });
    store.replaceMeeting(changed, 'hash-a2', vectorsOf(changed));

    expect(store.stats()).toMatchObject({ meetings: 2, items: 3, passages: 3 });
    expect(store.info).toMatchObject({ meetings: 2, items: 3, passages: 3, vectors: 3 });
    expect(store.vectorCount).toBe(3);
    expect(store.passages(oldIds)).toEqual([]);
    expect(store.passages(planningIds).map((p) => p.passageId)).toEqual(planningIds);
    expect(store.keywordSearch('leisure', { limit: 5 })).toEqual([]);
    expect(store.contentHash(schoolTransport.source)).toBe('hash-a2');
    const [hit] = store.vectorSearch(embed('Home to school transport policy The policy was approved unamended.'), {
      limit: 1,
    });
    expect(store.passages([hit?.passageId ?? -1])[0]?.text).toBe('The policy was approved unamended.');
    store.close();
  });

  it('removes a meeting from both halves of the index', () => {
    const store = openWithBoth();
    expect(store.removeMeeting(planning.source)).toBe(true);
    expect(store.removeMeeting(planning.source)).toBe(false);
    expect(store.stats()).toMatchObject({ meetings: 1, items: 3, passages: passageCount(schoolTransport) });
    expect(store.keywordSearch('Mill Lane', { limit: 5 })).toEqual([]);
    const hits = store.vectorSearch(embed('Land at Mill Lane The committee refused the application'), { limit: 10 });
    const sources = store.passages(hits.map((h) => h.passageId)).map((p) => p.meeting.source);
    expect(sources).not.toContain(planning.source);
    expect(store.vectorCount).toBe(passageCount(schoolTransport));
    store.close();
    const reopened = IndexStore.open(dir, { logger });
    expect(reopened.vectorCount).toBe(passageCount(schoolTransport));
    reopened.close();
  });

  it('ranks an acronym and an exact name first in keyword search', () => {
    const store = openWithBoth();
    const [acronym] = store.keywordSearch('What was decided about EHCP?', { limit: 3 });
    expect(store.passages([acronym?.passageId ?? -1])[0]?.item.minute).toBe('76');

    const [name] = store.keywordSearch('Priya Okonkwo', { limit: 3 });
    const found = store.passages([name?.passageId ?? -1])[0];
    expect(found?.text).toContain('Councillor Priya Okonkwo');
    expect(found?.meeting).toMatchObject({ committee: 'Cabinet', date: '2022-06-12' });
    expect(found?.item).toMatchObject({ minute: '77', title: 'Leisure centre contract', procedural: false });

    const [number] = store.keywordSearch('P13/20', { limit: 1 });
    expect(store.passages([number?.passageId ?? -1])[0]?.item.title).toBe('Section 106 agreement');
    store.close();
  });

  it('never lets question text break the FTS5 query syntax', () => {
    const store = openWithBoth();
    for (const query of ['NOT AND OR', 'NEAR(transport', '"unbalanced', 'col:umn * ^ - + ( )', '???', '', 'a "" b']) {
      expect(() => store.keywordSearch(query, { limit: 5 })).not.toThrow();
    }
    expect(store.keywordSearch('???', { limit: 5 })).toEqual([]);
    expect(store.keywordSearch('"Mill Lane"', { limit: 5 })).toHaveLength(1);
    store.close();
  });

  it('filters keyword and vector search by committee, council and date range', () => {
    const store = openWithBoth();
    const query = embed('school places transport');
    const byCommittee = store.vectorSearch(query, { limit: 10, filters: { committee: 'planning' } });
    expect(byCommittee.length).toBe(2);
    expect(new Set(store.passages(byCommittee.map((h) => h.passageId)).map((p) => p.meeting.committee))).toEqual(
      new Set(['Planning Committee']),
    );
    const byDate = store.vectorSearch(query, { limit: 10, filters: { after: '2021-01-01', before: '2022-12-31' } });
    expect(byDate.length).toBe(4);
    expect(store.vectorSearch(query, { limit: 10, filters: { council: 'Kent County' } })).toEqual([]);

    const keyword = store.keywordSearch('school', { limit: 10, filters: { before: '2021-01-01' } });
    expect(store.passages(keyword.map((h) => h.passageId)).map((p) => p.item.minute)).toEqual(['P13/20']);
    expect(store.meetingsInScope({ committee: 'cabinet' })).toEqual({
      meetings: 1,
      from: '2022-06-12',
      to: '2022-06-12',
      committees: ['Cabinet'],
      councils: ['Ashford Borough Council'],
    });
    expect(() => store.vectorSearch(query, { limit: 0 })).toThrow(/limit/);
    expect(() => store.keywordSearch('x', { limit: 5, filters: { after: '12/06/2022' } })).toThrow(/YYYY-MM-DD/);
    store.close();
  });

  it('finds the best passages in scope however narrow or broad the filter', () => {
    const store = IndexStore.open(dir, { create: true, model: MODEL, logger });
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
    // Broad (over-fetch, then keep the hits in scope), narrow (filter inside the HNSW walk) and
    // small (exact scan of the stored vectors): the three ways a filtered search can go.
    const scopes = { Audit: 20000, Cabinet: 1100, Licensing: 500 };
    const all = Object.entries(scopes).map(([committee, n]) => big(`${committee}.pdf`, committee, n));
    for (const m of all) store.replaceMeeting(m, 'h', vectorsOf(m));
    const query = embed('passage word5 item');
    // With 30 wanted, Cabinet's 1,100 of 21,600 would need an over-fetch of over 1,000: filtered walk.
    for (const committee of Object.keys(scopes)) {
      const hits = store.vectorSearch(query, { limit: 30, filters: { committee } });
      expect(hits).toHaveLength(30);
      const found = store.passages(hits.map((h) => h.passageId));
      expect(new Set(found.map((p) => p.meeting.committee))).toEqual(new Set([committee]));
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      // The best score in scope, found by brute force over the same vectors.
      const m = all.find((x) => x.committee === committee);
      const best = Math.max(...(m ? vectorsOf(m) : []).map((v) => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0)));
      expect(hits[0]?.score).toBeCloseTo(best, 4);
    }
    store.close();
  });

  it('lists item texts for the glossary and the indexed meetings', () => {
    const store = openWithBoth();
    const texts = [...store.allItemTexts()];
    expect(texts).toHaveLength(5);
    expect(texts.some((t) => t.text.includes('Education, Health and Care Plan (EHCP)'))).toBe(true);
    expect(store.meetings().map((m) => [m.source, m.items, m.passages])).toEqual([
      [planning.source, 2, 2],
      [schoolTransport.source, 3, 4],
    ]);
    store.close();
  });

  it('works keyword-only with no model at all', () => {
    const store = IndexStore.open(dir, { create: true, model: null, logger });
    store.replaceMeeting(schoolTransport, 'h', null);
    expect(store.hasVectors).toBe(false);
    expect(store.vectorSearch(embed('transport'), { limit: 5 })).toEqual([]);
    expect(store.keywordSearch('EHCP', { limit: 5 }).length).toBe(2);
    expect(() => store.replaceMeeting(planning, 'h', vectorsOf(planning))).toThrow(IndexMismatchError);
    store.close();
    expect(() => IndexStore.open(dir, { model: MODEL, logger })).toThrow(/keyword-only.*--rebuild/);
  });

  it('lets a new reader see writes made by another open store', () => {
    const writer = IndexStore.open(dir, { create: true, model: MODEL, logger });
    writer.replaceMeeting(planning, 'h', vectorsOf(planning));
    const reader = IndexStore.open(dir, { logger });
    writer.replaceMeeting(schoolTransport, 'h', vectorsOf(schoolTransport));
    expect(reader.vectorCount).toBe(6);
    const [hit] = reader.vectorSearch(vectorsOf(schoolTransport)[1] ?? new Float32Array(), { limit: 1 });
    expect(reader.passages([hit?.passageId ?? -1])[0]?.meeting.source).toBe(schoolTransport.source);
    reader.close();
    writer.close();
  });
});
