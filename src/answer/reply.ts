import { splitSentences } from '../minutes/sentences.js';
import { citedNumbers, findMarkers, markersBeforeStops, withoutMarkers } from './markers.js';

/**
 * Reads a model's reply — JSON sentences from structured output, or prose with citation markers —
 * into draft sentences, each with the passage numbers it claims to rest on. Nothing here is trusted:
 * verify.ts decides which sentences survive. Replies are outside data, so every shape is narrowed
 * from `unknown` and anything unreadable yields no sentences rather than an error.
 */

export interface DraftSentence {
  /** The sentence, with markup and citation markers removed. */
  text: string;
  /** The passage numbers it cites, as written (not yet checked). */
  cites: number[];
  /** Whether it starts a new paragraph (a history answer's next meeting). */
  paragraph: boolean;
  /** Set when the reading already shows it is not part of an answer (a label line). */
  problem: string | null;
}

export interface Draft {
  sentences: DraftSentence[];
  /**
   * The model said the passages do not answer: a prose reply that opens with `NOT_IN_MINUTES` in any
   * dress, or the JSON flag with no sentences. A flag beside sentences contradicts itself (small
   * models set it at random beside an answer or an echo of the prompt): the sentences are judged.
   */
  refusal: boolean;
  /** The reply was JSON in our shape (structured output), rather than prose. */
  structured: boolean;
}

/** The refusal token in the forms models write it: `NOT_IN_MINUTES`, `**NOT_IN_MINUTES**`, "NOT IN MINUTES". */
const REFUSAL = /[*_`"'“]*\bNOT[_ ]IN[_ ](?:THE[_ ])?MINUTES\b[*_`"'”]*\s*[.:;,–—-]*\s*/gi;

/** Lines that label a part of a prompt or transcript rather than answer: "Question: …", "Sources:". */
const LABEL_LINE =
  /^(?:question|q|passages?(?: from the minutes)?|context|user|system|assistant|sources?|references?|citations?|notes?|follow-up)\s*[:：]/i;

/** Emphasis, headings, quotes and list bullets: kept out of the answer, the words they wrap kept. */
function withoutMarkup(line: string): string {
  return line
    .replace(/\*\*|__|`+|~~/g, '')
    .replace(/^\s*(?:#{1,6}\s+|>\s*)+/, '')
    .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/, '')
    .replace(/^\s*answer\s*[:：]\s*/i, '')
    .trim();
}

/** The sentences of one paragraph of prose, each with the markers it carries. */
function proseSentences(paragraph: string, inherited: number[] = []): DraftSentence[] {
  return splitSentences(markersBeforeStops(paragraph)).map((sentence, i) => ({
    text: withoutMarkers(sentence),
    cites: [...new Set([...inherited, ...citedNumbers(sentence)])],
    paragraph: i === 0,
    problem: null,
  }));
}

/** Reads prose: one paragraph per line, label lines marked, refusal tokens removed. */
function readProse(reply: string): Draft {
  const refusal = new RegExp(`^\\W*${REFUSAL.source}`, 'i').test(reply.trimStart());
  const sentences: DraftSentence[] = [];
  for (const raw of reply.split(/\r?\n/)) {
    const line = withoutMarkup(raw.replace(REFUSAL, ' '));
    if (!line || /^```/.test(raw.trim())) continue;
    const problem = LABEL_LINE.test(line)
      ? 'a label line'
      : // A line that opens with a marker lists a source ("[1] Panel, 13 February 2024"): it is not prose.
        /^(?:\[[^\]]{1,20}\]|【[^】]{1,20}】)/.test(line) && findMarkers(line)[0]?.index === 0
        ? 'a line of a source list'
        : null;
    if (problem) {
      sentences.push({ text: withoutMarkers(line), cites: citedNumbers(line), paragraph: true, problem });
      continue;
    }
    // A leaked delimiter ends what came before it: that part is still judged on its own.
    for (const part of line.split(/(?=<{3,}|>{3,})/)) sentences.push(...proseSentences(part));
  }
  return { sentences, refusal, structured: false };
}

/** A whole number from a JSON value: 3, "3" or "[3]". */
function passageNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[^\d]/g, '')) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Reads our JSON shape (tolerating a few key spellings); null when the value is not that shape. */
function readStructured(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const list = record.sentences ?? record.answer;
  const flag = record.not_in_minutes ?? record.notInMinutes;
  if (!Array.isArray(list) && flag === undefined) return null;
  const sentences: DraftSentence[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const entry = (typeof item === 'object' && item !== null ? item : { text: item }) as Record<string, unknown>;
    const text = entry.text ?? entry.sentence;
    if (typeof text !== 'string') continue;
    const ids = entry.passages ?? entry.passage_ids ?? entry.citations ?? entry.sources;
    const cites = (Array.isArray(ids) ? ids : [ids]).map(passageNumber).filter((n): n is number => n !== null);
    const cleaned = withoutMarkup(text.replace(REFUSAL, ' '));
    // Paragraphs are laid out afterwards from the meetings cited (see verify.ts).
    if (cleaned) sentences.push(...proseSentences(cleaned, cites).map((s) => ({ ...s, paragraph: false })));
  }
  const flagged = flag === true || flag === 'true';
  return { sentences, refusal: flagged && sentences.length === 0, structured: true };
}

/**
 * Sentences recoverable from JSON cut off mid-way (the token cap, a stop): every complete
 * `{"text": …, "passages": […]}` object before the cut.
 */
function salvageStructured(reply: string): Draft | null {
  const objects = reply.match(/\{\s*"text"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"passages"\s*:\s*\[[^\]]*\]\s*\}/g);
  const flag = /"not_in_minutes"\s*:\s*true/.test(reply);
  if (!objects && !flag) return null;
  const list = (objects ?? []).flatMap((object) => {
    try {
      return [JSON.parse(object) as unknown];
    } catch {
      return [];
    }
  });
  return readStructured({ not_in_minutes: flag, sentences: list });
}

/** Reads a model's reply, JSON or prose. */
export function readReply(reply: string): Draft {
  const unfenced = reply.replace(/^\s*```(?:json)?\s*\n?|\n?\s*```\s*$/g, '').trim();
  if (unfenced.startsWith('{')) {
    try {
      const structured = readStructured(JSON.parse(unfenced));
      if (structured) return structured;
    } catch {
      const salvaged = salvageStructured(unfenced);
      if (salvaged) return salvaged;
    }
  }
  return readProse(reply);
}

/**
 * The readable text of a reply while it is still arriving, for showing the answer as it is written:
 * prose as is; for JSON, the sentences written so far (the last one possibly unfinished).
 */
export function draftText(soFar: string): string {
  const unfenced = soFar.replace(/^\s*```(?:json)?\s*/, '');
  if (!unfenced.trimStart().startsWith('{')) return withoutMarkers(soFar.replace(REFUSAL, ' ')).trim();
  const texts = [...unfenced.matchAll(/"text"\s*:\s*"((?:[^"\\]|\\.)*)/g)].map((match) => {
    const body = (match[1] ?? '').replace(/\\$/, '');
    try {
      return JSON.parse(`"${body}"`) as string;
    } catch {
      return body;
    }
  });
  return withoutMarkers(texts.join(' ')).trim();
}
