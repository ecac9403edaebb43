import type { MinuteItem, Passage } from '../src/types.js';
import { readPointLabel } from './parse/points.js';

/**
 * Passage size, in words. Both candidate embedding models read 512 word-pieces at most and were
 * trained on sentence-to-paragraph lengths; ~160 words (~220 word-pieces with the header) keeps
 * one or two sub-points together, which is the unit people cite, and stays well under the limit.
 */
export const PASSAGE_TARGET_WORDS = 160;
export const PASSAGE_MAX_WORDS = 240;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * Cuts an item into passages at paragraph and sub-point boundaries, never across items; a
 * paragraph longer than the maximum is cut between sentences. Each passage keeps the labels of
 * the sub-points it covers.
 */
export function chunkItem(item: Pick<MinuteItem, 'text' | 'title'>): Passage[] {
  const units = splitUnits(item.text);
  if (units.length === 0) return [{ text: item.title, points: [] }];
  const passages: Passage[] = [];
  let text: string[] = [];
  let points: string[] = [];
  let words = 0;
  const flush = () => {
    if (text.length) passages.push({ text: text.join('\n\n'), points: [...new Set(points)] });
    text = [];
    points = [];
    words = 0;
  };
  for (const unit of units) {
    const unitWords = wordCount(unit.text);
    // A new sub-point starts a new passage once the current one has some substance.
    const startsPoint = unit.label !== null && !unit.continued && words >= PASSAGE_TARGET_WORDS / 2;
    if (words > 0 && (words + unitWords > PASSAGE_TARGET_WORDS || startsPoint)) flush();
    text.push(unit.text);
    if (unit.label) points.push(unit.label);
    words += unitWords;
  }
  flush();
  return passages;
}

interface Unit {
  text: string;
  /** The sub-point label of the paragraph this unit is (part of). */
  label: string | null;
  /** True for the second and later pieces of a cut paragraph. */
  continued: boolean;
}

/** Paragraphs, with over-long ones cut between sentences into pieces that keep their label. */
function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    const label = readPointLabel(trimmed).label;
    if (wordCount(trimmed) <= PASSAGE_MAX_WORDS) {
      units.push({ text: trimmed, label, continued: false });
      continue;
    }
    let piece: string[] = [];
    let pieceWords = 0;
    let pieceStarted = false;
    for (const sentence of trimmed.split(/(?<=[.?!;])\s+(?=[A-Z(“"‘'])/)) {
      const n = wordCount(sentence);
      if (pieceWords > 0 && pieceWords + n > PASSAGE_TARGET_WORDS) {
        units.push({ text: piece.join(' '), label, continued: pieceStarted });
        pieceStarted = true;
        piece = [];
        pieceWords = 0;
      }
      piece.push(sentence);
      pieceWords += n;
    }
    if (piece.length) units.push({ text: piece.join(' '), label, continued: pieceStarted });
  }
  return units;
}
