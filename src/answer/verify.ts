import type { Citation } from '../types.js';
import { citationFor, type GivenPassage } from './passages.js';

/** A model's answer after its citations were checked against the passages it was given. */
export interface VerifiedAnswer {
  /** The answer with valid markers renumbered 1..m in order of first use and invalid ones removed. */
  answer: string;
  citations: Citation[];
  /** Passage numbers the model cited that it was never given. */
  invalid: number[];
}

/** "[3]", "[1, 2]", "[1][4]", "[2–4]": every form of marker models write. */
const MARKER = /\s*\[(\d+(?:\s*(?:,|;|-|–|and)\s*\d+)*)\]/g;

/** Numbers in one marker; a range "2–4" means 2, 3 and 4 (bounded, so "[1-9999]" cannot explode). */
function markerNumbers(inside: string): number[] {
  const numbers: number[] = [];
  for (const part of inside.split(/\s*(?:,|;|and)\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && n - from < 20; n++) numbers.push(n);
    } else if (/^\d+$/.test(part)) {
      numbers.push(Number(part));
    }
  }
  return numbers;
}

/**
 * Checks every `[n]` in a model's answer. A number is valid only if passage `n` was given; valid
 * ones are renumbered in order of first use and become citations built from the passages
 * themselves (never from anything the model wrote), invalid ones are removed.
 */
export function verifyCitations(text: string, passages: GivenPassage[]): VerifiedAnswer {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const renumbered = new Map<number, number>();
  const citations: Citation[] = [];
  const invalid = new Set<number>();

  const answer = text
    .replace(MARKER, (_whole, inside: string) => {
      const kept: number[] = [];
      for (const n of markerNumbers(inside)) {
        const passage = byNumber.get(n);
        if (!passage) {
          invalid.add(n);
          continue;
        }
        let m = renumbered.get(n);
        if (m === undefined) {
          m = renumbered.size + 1;
          renumbered.set(n, m);
          citations.push(citationFor(passage, m));
        }
        if (!kept.includes(m)) kept.push(m);
      }
      return kept.length > 0 ? ` ${kept.map((m) => `[${m}]`).join('')}` : '';
    })
    .replace(/\][ \t]+\[/g, '][')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();

  return { answer, citations, invalid: [...invalid].sort((a, b) => a - b) };
}
