import { sentenceEnd, splitSentences } from '../../src/minutes/sentences.js';
import type { Decision, DecisionKind, Meeting, MinuteItem, RecordAnchor } from '../../src/types.js';
import { readPointLabel, splitInlineStructure } from '../parse/points.js';
import { BODY, MARKER_CAPS, MARKER_HEADING, MARKER_INLINE, NAMED_BODY } from './grammar.js';
import { anchorOf, itemParagraphs, tidy } from './paragraphs.js';

/** A resolution as found, before it is split into its points. */
interface Block {
  marker: string | null;
  paragraphs: string[];
  /** The point label of the paragraph an inline decision was read from ("(b) … the matter was deferred"). */
  label?: string | null;
}

/**
 * Every decision the minutes record, item by item, each point of a lettered resolution on its own.
 * Reads "RESOLVED:"/"AGREED:" blocks, "it was resolved that…" inside a sentence, and — where a copied
 * page lost the marker — the closing "That …" paragraphs; failing all of those, what the body is
 * said to have done ("The Commission noted the Terms of Reference"). This supersedes the parser's
 * `MinuteItem.resolutions` for everything that needs to know what was decided.
 */
export function extractDecisions(meeting: Pick<Meeting, 'items' | 'committee'>): Decision[] {
  return meeting.items.flatMap((item, index) => decisionsOfItem(item, anchorOf(item, index), meeting.committee));
}

/** The decisions of one item. */
export function decisionsOfItem(
  item: Pick<MinuteItem, 'text'>,
  at: RecordAnchor,
  committee: string | null = null,
): Decision[] {
  const paragraphs = itemParagraphs(item);
  let blocks = markedBlocks(paragraphs);
  if (blocks.length === 0) blocks = closingThatRun(paragraphs);
  if (blocks.length === 0) blocks = bodyStatements(paragraphs);
  blocks = blocks.flatMap(withoutResult);
  return blocks.flatMap((block) =>
    splitPoints(block).map(({ label, text }) => ({ at, label, ...classify(text, block.marker, committee), text })),
  );
}

/**
 * Resolution blocks introduced by a marker, at a paragraph's start ("RESOLVED:" then the points)
 * or inside a sentence ("…it was RESOLVED that planning permission be granted").
 */
function markedBlocks(paragraphs: string[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const paragraph of paragraphs) {
    const start = MARKER_HEADING.exec(paragraph) ?? MARKER_CAPS.exec(paragraph);
    if (start) {
      const marker = (start[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
      // "DEFERRED to the November meeting…": the marker is the decision's own verb.
      const rest = `${marker === 'DEFERRED' ? 'Deferred ' : ''}${paragraph.slice(start[0].length).trim()}`.trim();
      open = { marker, paragraphs: rest ? [rest] : [] };
      blocks.push(open);
      continue;
    }
    if (open && continuesResolution(paragraph, open)) {
      open.paragraphs.push(paragraph);
      continue;
    }
    open = null;
    const inline = inlineBlocks(paragraph);
    // "…carried. The Committee agreed:" with its points in the paragraphs below: the block stays open.
    if (MARKER_INLINE_AT_END.test(paragraph)) {
      open = { marker: markerWord((MARKER_INLINE_AT_END.exec(paragraph)?.[1] ?? '').toUpperCase()), paragraphs: [] };
      blocks.push(open);
    }
    blocks.push(...inline, ...deferralStatements(paragraph));
  }
  return blocks.filter((block) => block.paragraphs.length > 0);
}

/** A marker closing its paragraph, its points to follow: "The Committee agreed:", "it was RESOLVED:". */
const MARKER_INLINE_AT_END = new RegExp(
  String.raw`\b(?:[Ii]t\s+was|[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}${BODY})\s+(?:unanimously\s+)?(resolved|agreed|decided|RESOLVED|AGREED|DECIDED)\s*[:—–-]+\s*$`,
);

/** After a marker, the resolution runs on through its points and "That …" paragraphs. */
function continuesResolution(paragraph: string, block: Block): boolean {
  if (block.paragraphs.length === 0) return true;
  const { label, rest } = readPointLabel(paragraph);
  return label !== null || /^(?:That|to)\b/.test(rest);
}

/** "…and it was RESOLVED that X": the clause after the marker, or the rest of the paragraph when points follow. */
function inlineBlocks(paragraph: string): Block[] {
  const blocks: Block[] = [];
  for (const match of paragraph.matchAll(MARKER_INLINE)) {
    const verb = (match[1] ?? match[2] ?? match[3] ?? '').toUpperCase();
    const from = (match.index ?? 0) + match[0].length;
    const after = paragraph.slice(from).replace(/^\s*[:—–-]?\s*/, '');
    // "The Committee agreed that it was a very clear document" is an opinion, not a decision: an
    // agreement is a decision when its "that" clause is in the subjunctive ("that the report be
    // noted"). "Resolved that" is always a decision, whatever the mood ("…that the minutes are approved").
    if (/\bagreed\s+that$/i.test(match[0]) && !isSubjunctive(after)) continue;
    const labelled = splitInlineStructure(after).length > 1;
    const text = labelled ? after : after.slice(0, sentenceEnd(after, 0));
    // "The Board APPROVED the annual report" keeps its verb: it is what was decided.
    const ownVerb = /^(?:APPROVED|NOTED|ENDORSED|RATIFIED|RECEIVED)$/.test(verb) ? `${verb.toLowerCase()} ` : '';
    blocks.push({
      marker: markerWord(verb),
      paragraphs: [`${ownVerb}${text}`.trim()],
      label: readPointLabel(paragraph).label,
    });
  }
  return blocks;
}

/** "This item was deferred to the July meeting", "the matter was deferred…": a deferral said in passing is still a decision. */
const DEFERRED_THING = String.raw`(?:matter|item|application|decision|consideration|report|proposal|motion|request|minutes)\b[^.;]{0,80}?`;
const DEFERRAL_STATEMENT = new RegExp(
  String.raw`\b(?:(?:this|that|the)\s+${DEFERRED_THING}|this|it|${DEFERRED_THING})\s+(?:was|is|were|has\s+been)\s+(?:therefore\s+|then\s+|again\s+)?(?:deferred|postponed|laid\s+over|tabled)\b`,
  'i',
);

function deferralStatements(paragraph: string): Block[] {
  const label = readPointLabel(paragraph).label;
  return splitSentences(readPointLabel(paragraph).rest)
    .filter(
      (sentence) => DEFERRAL_STATEMENT.test(sentence) && !/^(?:It\s+was\s+noted|Deferred\s+from)\b/i.test(sentence),
    )
    .map((sentence) => {
      const from = DEFERRAL_STATEMENT.exec(sentence)?.index ?? 0;
      return { marker: null, paragraphs: [sentence.slice(from).replace(/^\p{Ll}/u, (c) => c.toUpperCase())], label };
    });
}

function markerWord(verb: string): string | null {
  return /^(?:RESOLVED|AGREED|DECIDED)$/.test(verb) ? verb : null;
}

/**
 * "that the report be noted", "that the Clerk obtain three quotations": a decision. Not a finding
 * ("that it was a very clear document", "that members wanted more detail"): a finite verb before
 * any "be", or a past tense among the clause's first words, makes it one.
 */
function isSubjunctive(clause: string): boolean {
  const sentence = clause.slice(0, sentenceEnd(clause, 0));
  const be = /\b(?:be|should\s+be|shall\s+be|is\s+to\s+be)\b/i.exec(sentence);
  const head = be ? sentence.slice(0, be.index) : sentence;
  if (/\b(?:was|were|is|are|had|has|have|would|could|might|will|did|does)\b/i.test(head)) return false;
  return be !== null || !/\b\w+ed\b/.test(sentence.split(/\s+/).slice(0, 6).join(' '));
}

/**
 * Copied ModernGov pages lose the "RESOLVED:" heading; the resolution is then the closing run of
 * "That …" paragraphs, or a closing "It was noted that …" (the date of the next meeting).
 */
function closingThatRun(paragraphs: string[]): Block[] {
  const run: string[] = [];
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const { rest } = readPointLabel(paragraphs[i] ?? '');
    if (!/^That\b/.test(rest)) break;
    run.unshift(paragraphs[i] ?? '');
  }
  if (run.length > 0) return [{ marker: null, paragraphs: run }];
  const last = paragraphs.at(-1) ?? '';
  const closing = /^It\s+was\s+(noted|agreed|resolved)\s+that\b/i.exec(last);
  const agreedFinding = closing?.[1]?.toLowerCase() === 'agreed' && !isSubjunctive(last.slice(closing[0].length));
  if (readPointLabel(last).label === null && closing && !agreedFinding) {
    return [{ marker: null, paragraphs: [last] }];
  }
  return [];
}

/**
 * "The Commission noted the Scrutiny Terms of Reference"; "The dates of the meetings … were
 * confirmed"; "The minutes … were taken as read, confirmed and signed". Not "It was noted that…"
 * (a finding) nor "In discussion, the following was noted:" (a list's lead-in, after a comma).
 */
const BODY_STATEMENT = new RegExp(
  String.raw`^(?:The\s+${BODY}\s+(?:formally\s+)?(?:noted|agreed|approved|confirmed|endorsed|adopted|accepted)\s+(?!that\b)\S|(?!It\b|In\b)(?:The\s+)?\p{Lu}[^.,]{2,160}?\s+(?:was|were)\s+(?:formally\s+)?(?:taken\s+as\s+read,?\s+(?:and\s+)?)?(?:noted|agreed|approved|confirmed|endorsed|adopted|accepted|(?:re-?)?elected|appointed|NOTED|AGREED|APPROVED|CONFIRMED|ENDORSED|ADOPTED)\b(?!\s*(?:that\b|:)))`,
  'u',
);

/** What the body did, said in the past tense, in an item with no resolution: only unlabelled paragraphs count. */
function bodyStatements(paragraphs: string[]): Block[] {
  return paragraphs
    .filter((p) => readPointLabel(p).label === null)
    .flatMap((paragraph) => splitSentences(paragraph))
    .filter((sentence) => BODY_STATEMENT.test(sentence))
    .map((sentence) => ({ marker: null, paragraphs: [sentence] }));
}

/**
 * eScribe prints a motion's result after its words ("That … as presented. CARRIED"): a carried
 * motion is the decision, without the word; a defeated one decided nothing.
 */
function withoutResult(block: Block): Block[] {
  const last = block.paragraphs.at(-1) ?? '';
  const result = /\s*\b(CARRIED|DEFEATED|LOST|FAILED)\b(?:\s+UNANIMOUSLY)?(?:\s*\([^)]*\))?\s*$/.exec(last);
  if (!result) return [block];
  if (result[1] !== 'CARRIED') return [];
  return [{ ...block, paragraphs: [...block.paragraphs.slice(0, -1), last.slice(0, result.index)] }];
}

/** The points of a block, each with its label: "a) That …; b) That …", or one unlabelled decision per "That …". */
function splitPoints(block: Block): Array<{ label: string | null; text: string }> {
  const points: Array<{ label: string | null; text: string }> = [];
  for (const piece of block.paragraphs.flatMap(splitInlineStructure)) {
    const read = readPointLabel(piece);
    const label = read.label ?? (points.length === 0 ? (block.label ?? null) : null);
    const rest = read.rest;
    const current = points.at(-1);
    if (label !== null || !current || (current.label === null && /^That\b/.test(rest))) {
      points.push({ label, text: rest });
    } else {
      current.text = `${current.text} ${rest}`;
    }
  }
  // "(Unanimous)" printed after a resolution is how it was passed, not what it says.
  const manner = /\s*\((?:unanimous(?:ly)?|nem\.?\s*con\.?|carried[^)]*)\)\s*\.?$/i;
  return points
    .map((p) => ({ label: p.label, text: tidy(p.text.replace(manner, '')) }))
    .filter((p) => p.text.length > 0);
}

const DEFERRAL =
  /\b(?:DEFERRED|deferred|defer|deferral|postponed?|laid\s+over|lie\s+on\s+the\s+table|(?:^|to\s+)table|tabled\s+(?=to|until|for)|continued\s+(?=to\s+the\b|until\b))\b/i;
const DEFERRED_UNTIL =
  /\b(?:until|to|pending|for)\s+((?:the|a|an)\s+(?:[^.;,]|,(?=\s*\d))+?|(?:[^.;,]|,(?=\s*\d)){3,80}?)(?=\s+(?:to\s+(?:enable|allow)|in\s+order|so\s+that|when|pending|at\s+the\s+request)\b|[.;:]|,(?!\s*\d)|$)/i;
const REFUSAL =
  /\b(?:REFUSED|refused|refuse\s+(?:planning\s+)?permission|declined|rejected|denied|not\s+(?:be\s+)?(?:approved|agreed|supported|granted))\b/;
/** "That the Cabinet be asked to…", "That Council be RECOMMENDED to…": the matter goes to another body. */
const ASKS_ANOTHER_BODY = new RegExp(
  String.raw`^(?:That\s+)?${NAMED_BODY}\s+(?:be|is)\s+(?:asked|advised|informed|requested|recommended|invited|urged|RECOMMENDED)\b`,
);
const SENT_TO_BODY = new RegExp(
  String.raw`\b(?:recommend(?:s|ed)?|RECOMMENDED|forward(?:ed)?|FORWARDED|referr?(?:ed)?|refer|REFERRED|submit(?:ted)?|sent)\b[^.;]{0,80}?\bto\s+${NAMED_BODY}`,
);
const OTHER_PASSIVE = /\b(?:be|is|are)\s+(?!noted\b|received\b)\w+(?:ed|en)\b/i;

/** What a decision did, and where it went or until when it waits. */
function classify(
  text: string,
  marker: string | null,
  committee: string | null,
): Omit<Decision, 'at' | 'label' | 'text'> {
  const base = { marker, to: null as string | null, until: null as string | null };
  const asked = ASKS_ANOTHER_BODY.exec(text);
  if (asked && !isOwnBody(asked[1] ?? '', committee)) return { ...base, kind: 'recommended', to: bodyName(asked[1]) };
  if (marker === 'DEFERRED' || DEFERRAL.test(text)) {
    const deferral = DEFERRAL.exec(text);
    const rest = deferral ? text.slice(deferral.index + deferral[0].length) : text;
    const until = DEFERRED_UNTIL.exec(rest)?.[1] ?? null;
    return { ...base, kind: 'deferred', until: until ? tidy(until) : null };
  }
  if (REFUSAL.test(text)) return { ...base, kind: 'refused' };
  const sent = SENT_TO_BODY.exec(text);
  if (
    marker?.startsWith('RESOLVED TO RECOMMEND') ||
    marker === 'RECOMMENDED' ||
    (sent && !isOwnBody(sent[1] ?? '', committee))
  ) {
    return {
      ...base,
      kind: 'recommended',
      to: sent && !isOwnBody(sent[1] ?? '', committee) ? bodyName(sent[1]) : null,
    };
  }
  if (isNoting(text)) return { ...base, kind: 'noted' };
  return { ...base, kind: kindOfMarker(marker, text) };
}

function isNoting(text: string): boolean {
  if (/^(?:It\s+was\s+|The\s+\S+\s+)?(?:noted|to\s+note|note)\b/i.test(text)) return true;
  if (/^received\b/i.test(text)) return true;
  if (/\b(?:was|were)\s+noted\b/i.test(text) && !OTHER_PASSIVE.test(text)) return true;
  return (
    /\bbe\s+(?:received\s+and\s+)?noted\b/i.test(text) && !OTHER_PASSIVE.test(text.replace(/\bbe\s+noted\b/gi, ''))
  );
}

function kindOfMarker(marker: string | null, text: string): DecisionKind {
  if (marker === 'AGREED') return 'agreed';
  if (marker === 'RESOLVED' || marker === 'DECIDED') return 'resolved';
  return /^(?:agreed|approved|confirmed|endorsed|adopted|accepted|ratified)\b|\b(?:was|were)\s+(?:taken\s+as\s+read,?\s+(?:and\s+)?)?(?:agreed|approved|confirmed|endorsed|adopted|accepted)\b/i.test(
    text,
  )
    ? 'agreed'
    : 'resolved';
}

/** "the Committee" (or the meeting's own committee) is not another body. */
function isOwnBody(body: string, committee: string | null): boolean {
  const name = bodyName(body).toLowerCase();
  if (/^(?:committee|commission|board|panel|sub-committee)$/.test(name)) return true;
  return committee?.toLowerCase().includes(name) ?? false;
}

function bodyName(raw: string | undefined): string {
  return (raw ?? '').replace(/^the\s+/i, '').trim();
}

/** A decision read from a carried motion, where the item records no resolution of its own (US and Canadian minutes). */
export function decisionFromMotion(motion: string, at: RecordAnchor, committee: string | null = null): Decision {
  const text = tidy(motion);
  return { at, label: null, ...classify(text.replace(/^to\s+/i, ''), null, committee), text };
}
