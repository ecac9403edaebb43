import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinutesAnswerer } from '../../src/answer/answerer.js';
import type { HybridRetriever } from '../../src/retrieve/retriever.js';
import { buildIndex, openTestRetriever, silentLogger, tempDir } from '../helpers/index.js';

/**
 * Four councils in one index. A question that names one council asks of its minutes alone,
 * unless the place it names it by is named in other councils' minutes too.
 */
const MEETINGS: Array<{ file: string; council: string; lines: string[] }> = [
  {
    file: 'brackley-2025-03-04.txt',
    council: 'Brackley Parish Council',
    lines: [
      'Minutes of the meeting of Brackley Parish Council held on 4 March 2025',
      '1. Apologies',
      'None.',
      '2. Bus Shelter',
      'The council agreed to replace the bus shelter on Mill Lane at a cost of £4,200.',
    ],
  },
  {
    file: 'hinton-vale-2025-03-11.txt',
    council: 'Hinton Vale Parish Council',
    lines: [
      'Minutes of the meeting of Hinton Vale Parish Council held on 11 March 2025',
      '1. Apologies',
      'Cllr Oduya.',
      '2. Village Hall Roof',
      'The council accepted a quote of £9,800 to repair the village hall roof.',
    ],
  },
  {
    file: 'kelby-2025-03-25.txt',
    council: 'Kelby Town Council',
    lines: [
      'Minutes of the meeting of Kelby Town Council held on 25 March 2025',
      '1. Apologies',
      'None.',
      '2. Woodland Gift',
      'Members voted to accept the gift of four acres of woodland left by Ada Prior.',
      '3. Any Other Business',
      'Thanks were recorded to Ada Prior for her years on the library board.',
      'A true record, signed for Kelby Town Council by the Town Clerk.',
    ],
  },
  {
    file: 'ashby-2025-03-18.txt',
    council: 'Ashby Magna Parish Council',
    lines: [
      'Minutes of the meeting of Ashby Magna Parish Council held on 18 March 2025',
      '1. Apologies',
      'None.',
      '2. Highways',
      'Members asked the county to resurface Brackley Road before the winter.',
    ],
  },
];

let retriever: HybridRetriever;

beforeAll(async () => {
  const dir = tempDir('minutebook-councils-');
  for (const m of MEETINGS) writeFileSync(path.join(dir, m.file), `${m.lines.join('\n')}\n`);
  const manifest = path.join(dir, 'meetings.json');
  const entries = MEETINGS.map((m) => ({
    file: m.file,
    council: m.council,
    committee: 'Parish Council',
    date: m.file.slice(-14, -4),
    url: null,
  }));
  writeFileSync(manifest, JSON.stringify(entries));
  const { indexDir } = await buildIndex([dir], { embedder: null, manifest });
  retriever = openTestRetriever(indexDir, null);
});
afterAll(async () => {
  await retriever?.close();
});

const councilsOf = (hits: Array<{ council: string | null }>) => [...new Set(hits.map((h) => h.council))];

describe('a council the question names', () => {
  it('is the council asked of when named in full: another council’s minutes do not answer for it', async () => {
    const { hits, scope } = await retriever.search('What did Hinton Vale Parish Council decide about the bus shelter?');
    expect(scope.filters.council).toBe('Hinton Vale Parish Council');
    expect(councilsOf(hits)).not.toContain('Brackley Parish Council');
  });

  it('scores its items without the words that named it: within its minutes they tell nothing apart', async () => {
    const named = await retriever.search('What did Hinton Vale Parish Council decide about the roof?');
    const chosen = await retriever.search('What was decided about the roof?', {
      filters: { council: 'Hinton Vale Parish Council' },
    });
    expect(named.hits[0]?.title).toBe('Village Hall Roof');
    expect(named.hits[0]?.score).toBeCloseTo(chosen.hits[0]?.score ?? 0, 6);
  });

  it('is not what picks the sentences of an answer: its minutes’ signature lines name it too', async () => {
    const answerer = new MinutesAnswerer({ retriever, chatModel: null, logger: silentLogger });
    const answer = await answerer.ask('What did Kelby Town Council decide on the Prior woodland?');
    expect(answer.citations.map((c) => c.minute)).toEqual(['2']);
    expect(answer.answer).toContain('four acres of woodland');
  });

  it('is the council asked of when named by a place word no other council’s minutes use', async () => {
    const { hits, scope } = await retriever.search('hinton vale - anything on the bus shelter?');
    expect(scope.filters.council).toBe('Hinton Vale Parish Council');
    expect(councilsOf(hits)).toEqual(['Hinton Vale Parish Council']);
    const asked = await retriever.search('What did Brackley decide about the bus shelter?');
    expect(asked.hits[0]).toMatchObject({ council: 'Brackley Parish Council', minute: '2' });
  });

  it('is the council asked of when named with its kind cut to initials, though other minutes name the place', async () => {
    const { hits, scope } = await retriever.search('brackley pc - what did they do about the bus shelter?');
    expect(scope.filters.council).toBe('Brackley Parish Council');
    expect(councilsOf(hits)).toEqual(['Brackley Parish Council']);
  });

  it('only ranks that council first when other councils’ minutes name the place too', async () => {
    const { hits, scope } = await retriever.search('Has anyone asked for Brackley Road to be resurfaced?');
    expect(scope.filters.council).toBeUndefined();
    expect(hits[0]).toMatchObject({ council: 'Ashby Magna Parish Council', minute: '2' });
  });
});
