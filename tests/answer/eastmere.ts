import type { GivenPassage } from '../../src/answer/passages.js';
import type { SearchHit } from '../../src/types.js';

/**
 * Invented minutes of an invented council (Eastmere), for the answer-checking tests: figures,
 * amounts, percentages, dates and minute numbers in the shapes real minutes print them, none of
 * them anyone's record.
 */

const COMMITTEE = 'Housing and Communities Scrutiny Panel';

/** A search hit for one invented minute item whose single evidence passage is `text`. */
export function eastmereHit(
  fields: { date: string | null; minute: string | null; title: string; score?: number },
  text: string,
): SearchHit {
  return {
    score: fields.score ?? 0.6,
    council: 'Eastmere District Council',
    committee: COMMITTEE,
    date: fields.date,
    minute: fields.minute,
    minuteNumber: fields.minute ? Number.parseInt(fields.minute.replace(/^\D+/, ''), 10) : null,
    title: fields.title,
    points: [],
    text,
    url: null,
    procedural: false,
    evidence: [{ passageId: 1, text, points: [], score: fields.score ?? 0.6 }],
  };
}

export const TEMPORARY_ACCOMMODATION = eastmereHit(
  { date: '2024-02-13', minute: '47', title: 'Temporary Accommodation', score: 0.71 },
  'The Head of Housing reported that 622 households were in temporary accommodation at the end of December 2023, up from 480 a year earlier. Spending on bed and breakfast placements had reached £2.3 million in 2023/24, 38% above budget. Members asked when the new Holloway Road hostel would open and were told it was expected in June 2024.',
);

export const EMPTY_HOMES = eastmereHit(
  { date: '2024-06-11', minute: '12', title: 'Empty Homes', score: 0.64 },
  'The Panel received an update on empty homes. There were 1,140 long-term empty homes in the district on 1 April 2024. The council tax premium on homes empty for over two years had raised £415,000. RESOLVED: That the Empty Homes Strategy 2024-2027 be recommended to Cabinet.',
);

export const ADAPTATIONS = eastmereHit(
  { date: '2023-09-19', minute: 'C31/23', title: 'Disabled Facilities Grants', score: 0.52 },
  'The Panel noted that 214 Disabled Facilities Grants had been completed in 2022/23, with an average wait of 19 weeks from referral to approval. A member asked about the backlog [1] and was told that two additional occupational therapists had been recruited.',
);

/** The three as numbered passages, in that order. */
export function eastmerePassages(): GivenPassage[] {
  return [TEMPORARY_ACCOMMODATION, EMPTY_HOMES, ADAPTATIONS].map((hit, i) => ({
    n: i + 1,
    hit,
    text: hit.evidence[0]?.text ?? '',
    points: [],
    score: hit.score,
  }));
}
