/**
 * Citation markers as models really write them. The prompt asks for `[n]`; models also write
 * `[1, 2]`, `[1-3]`, `[Passage 1]`, `[source: 1]`, `[^1]`, `【1】`, `【1†source】`, `(Passage 2)` and a
 * bare `(1)` at the end of a sentence. Each is read as the passage numbers it names; whether those
 * passages were given is checked elsewhere (verify.ts).
 */

/** A marker found in text: where it is and the passage numbers it names. */
export interface Marker {
  index: number;
  length: number;
  numbers: number[];
}

/** Words models put before the number: "Passage 1", "source: 1", "ref. 2", "#3", "^4". */
const LABEL = String.raw`(?:(?:passages?|sources?|refs?\.?|references?|citations?|cite)\s*[:#]?\s*|#|\^)?`;
/** "1", "1, 2", "1; 3", "1-3", "1–3", "1 and 2", each number possibly labelled again ("Passage 1, Passage 2"). */
const LIST = String.raw`\d{1,3}(?:\s*(?:,|;|-|–|—|and|&)\s*${LABEL}\d{1,3})*`;
/** OpenAI's file-search style "【1†source】": what follows the dagger is decoration. */
const DAGGER = String.raw`(?:†[^\]】]{0,40})?`;

const MARKER = new RegExp(
  [
    String.raw`\[\s*${LABEL}(${LIST})\s*${DAGGER}\]`,
    String.raw`【\s*${LABEL}(${LIST})\s*${DAGGER}】`,
    // Round brackets only with a label, or bare at the end of a sentence: "(1) That the report be
    // noted" opens a numbered point in the minutes and is not a citation.
    String.raw`\(\s*(?:passages?|sources?)\s*:?\s*(${LIST})\s*\)`,
    String.raw`\(\s*(${LIST})\s*\)(?=\s*(?:[.!?;]|\[|【|$))`,
  ].join('|'),
  'giu',
);

/** Most numbers one range may stand for, so "[1-9999]" cannot become a huge citation list. */
const MAX_RANGE = 20;

/** The passage numbers a marker's list names; a range "2–4" means 2, 3 and 4. */
function listNumbers(list: string): number[] {
  const numbers: number[] = [];
  const bare = list.replace(/\band\b|[^\d,;&\-–—\s]/giu, (m) => (/and/i.test(m) ? ',' : ' '));
  for (const part of bare.split(/\s*[,;&]\s*/)) {
    const range = /^\s*(\d+)\s*[-–—]\s*(\d+)\s*$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && n - from < MAX_RANGE; n++) numbers.push(n);
    } else if (/^\s*\d+\s*$/.test(part)) {
      numbers.push(Number(part));
    }
  }
  return numbers;
}

/** Every citation marker in `text`, in order. */
export function findMarkers(text: string): Marker[] {
  return [...text.matchAll(MARKER)].map((match) => ({
    index: match.index ?? 0,
    length: match[0].length,
    numbers: listNumbers(match[1] ?? match[2] ?? match[3] ?? match[4] ?? ''),
  }));
}

/** The text with every marker removed and the spacing tidied ("rose by 9% [1]." -> "rose by 9%."). */
export function withoutMarkers(text: string): string {
  return text
    .replace(MARKER, ' ')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The passage numbers cited anywhere in `text`, in order of first mention. */
export function citedNumbers(text: string): number[] {
  return [...new Set(findMarkers(text).flatMap((marker) => marker.numbers))];
}

/**
 * Puts markers written after a sentence's full stop before it ("rose. [1] Then" -> "rose [1]. Then"),
 * so that splitting into sentences keeps each marker with the sentence it cites.
 */
export function markersBeforeStops(text: string): string {
  return text.replace(new RegExp(String.raw`([.!?])((?:\s*(?:${MARKER.source}))+)`, 'giu'), '$2$1');
}
