import { formatLongDate } from '../dates.js';
import type { Decision, DecisionKind } from '../types.js';
import { Citations, oldestFirst, type RecordAnswer, type RecordedMeeting, recordAnswer, scoped } from './cite.js';
import { isAbout } from './topic.js';

/** How an answer says what a decision did. */
const KIND_WORDS: Record<DecisionKind, string> = {
  resolved: 'resolved',
  agreed: 'agreed',
  recommended: 'recommended',
  deferred: 'deferred',
  refused: 'refused',
  noted: 'noted',
};

export interface DecisionQuery {
  topic: string;
  committee?: string;
  council?: string;
}

interface Found {
  at: RecordedMeeting;
  itemIndex: number | null;
  decisions: Decision[];
}

/** The items about `topic` that record decisions, oldest first, each with its decisions. */
export function decisionsAbout(book: RecordedMeeting[], query: DecisionQuery): Found[] {
  const found: Found[] = [];
  for (const at of scoped(book, query).sort(oldestFirst)) {
    const byItem = new Map<number | null, Decision[]>();
    for (const decision of at.records.decisions) {
      const list = byItem.get(decision.at.itemIndex) ?? [];
      list.push(decision);
      byItem.set(decision.at.itemIndex, list);
    }
    for (const [itemIndex, decisions] of byItem) {
      const item = itemIndex === null ? undefined : at.meeting.items[itemIndex];
      // An item about the topic: all its decisions. Otherwise only the decisions whose own point
      // is about it ("(b) land east of Ferris Road: … the matter was deferred").
      const about = isAbout(query.topic, [item?.title ?? '', ...decisions.map((d) => d.text)])
        ? decisions
        : decisions.filter((d) => isAbout(query.topic, [d.text, pointOf(item?.text ?? '', d.text)]));
      if (about.length > 0) found.push({ at, itemIndex, decisions: about });
    }
  }
  return found;
}

/** The paragraph of an item a decision was read from, for what it was about. */
function pointOf(itemText: string, decisionText: string): string {
  const opening = decisionText.slice(0, 40).toLowerCase();
  return itemText.split(/\n\s*\n/).find((p) => p.replace(/\s+/g, ' ').toLowerCase().includes(opening)) ?? '';
}

/** "(a) noted: That the report be noted; (b) recommended to Cabinet: That the Cabinet be asked…". */
function describe(decisions: Decision[]): string {
  return decisions
    .map((d) => {
      const what = d.kind === 'recommended' && d.to ? `recommended to ${d.to}` : KIND_WORDS[d.kind];
      const until = d.kind === 'deferred' && d.until ? ` (until ${d.until})` : '';
      return `${d.label ? `(${d.label}) ` : ''}${what}${until}: ${d.text}`;
    })
    .join('; ');
}

/** The answer when nothing decided is about the topic. */
function nothingDecided(question: string, book: RecordedMeeting[], topic: string): RecordAnswer {
  return recordAnswer(question, `The minutes I hold record no decision about ${topic}.`, new Citations(), book, false);
}

/** One line per item: where, what each decision did, and its citation (with the points it rests on). */
function decisionLines(found: Found[], citations: Citations): string[] {
  return found.map(({ at, itemIndex, decisions }) => {
    const points = decisions.map((d) => d.label).filter((l): l is string => l !== null);
    const anchor = decisions[0]?.at ?? { itemIndex, minute: null };
    const n = citations.cite(at.meeting, anchor, decisions.map((d) => d.text).join('; '), 'decision', points);
    return `${where(at, anchor.minute, itemIndex)}: ${describe(decisions)} [${n}]`;
  });
}

/**
 * "What did the committee decide about X?": every decision on items about X, meeting by meeting,
 * oldest first, each cited to its minute and point.
 */
export function answerDecisions(question: string, book: RecordedMeeting[], query: DecisionQuery): RecordAnswer {
  const found = decisionsAbout(book, query);
  if (found.length === 0) return nothingDecided(question, book, query.topic);
  const citations = new Citations();
  const lines = decisionLines(found, citations);
  const meetings = new Set(found.map((f) => f.at.meeting.source)).size;
  const head = `Decisions about ${query.topic} at ${meetings} meeting${meetings === 1 ? '' : 's'}, oldest first:`;
  return recordAnswer(question, [head, ...lines].join('\n'), citations, book, true);
}

/**
 * "Has X been deferred before?": the deferrals among the decisions about X, or — when none — a
 * plain no that still shows what was decided, so the answer is checkable.
 */
export function answerDeferrals(question: string, book: RecordedMeeting[], query: DecisionQuery): RecordAnswer {
  const found = decisionsAbout(book, query);
  if (found.length === 0) return nothingDecided(question, book, query.topic);
  const citations = new Citations();
  const deferrals = found.flatMap((f) => f.decisions.filter((d) => d.kind === 'deferred').map((d) => ({ ...f, d })));
  if (deferrals.length === 0) {
    const head = `No: none of the decisions about ${query.topic} in the minutes I hold was a deferral. What was decided:`;
    return recordAnswer(question, [head, ...decisionLines(found, citations)].join('\n'), citations, book, true);
  }
  const times = deferrals.length === 1 ? 'once' : deferrals.length === 2 ? 'twice' : `${deferrals.length} times`;
  const lines = deferrals.map(({ at, itemIndex, d }) => {
    const n = citations.cite(at.meeting, d.at, d.text, 'decision', d.label ? [d.label] : []);
    return `${where(at, d.at.minute, itemIndex)}: ${d.text}${d.until ? ` (until ${d.until})` : ''} [${n}]`;
  });
  return recordAnswer(question, [`Yes, ${times}:`, ...lines].join('\n'), citations, book, true);
}

/** "On 4 June 2018 (minute 10, Draft Children and Families Partnership Plan 2018-21)". */
export function where(at: RecordedMeeting, minute: string | null, itemIndex: number | null): string {
  const title = itemIndex === null ? null : (at.meeting.items[itemIndex]?.title ?? null);
  const when = at.meeting.date ? formatLongDate(at.meeting.date) : 'an undated meeting';
  const ref = [minute ? `minute ${minute}` : null, title].filter((p): p is string => p !== null).join(', ');
  return `On ${when}${ref ? ` (${ref})` : ''}`;
}
