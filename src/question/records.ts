import { findTitledNames, isMemberTitle } from '../people/names.js';
import { OFFICE_WORDS, officeOf } from '../people/offices.js';
import { BODY_KINDS } from './names.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './words.js';

/**
 * Questions the minutes' records answer rather than their words: what was decided, whether
 * something was deferred, whether minutes are approved, who chaired, whether someone was there,
 * what someone said, how a vote went. Read from the question's form — its frame ("what did … decide
 * about", "were the minutes of … approved", "who chaired", "was <person> at", "what has <person>
 * said about", "how did the vote on … go") — never from its topic. Every other question is
 * answered by searching the minutes.
 */

/** What a records question asks for, with the topic or person it is about. */
export type RecordAsk =
  | { kind: 'decisions'; topic: string }
  | { kind: 'deferred'; topic: string }
  | { kind: 'status' }
  | { kind: 'chair'; office: 'chair' | 'vice-chair' }
  | { kind: 'present'; name: string }
  | { kind: 'said'; name: string; topic: string | null }
  | { kind: 'vote'; topic: string };

/** Words that open what a frame is about: "decided about…", "the vote on…". */
const ABOUT = String.raw`(?:about|on|regarding|concerning|re|over|for|after|in\s+relation\s+to|in\s+respect\s+of|upon|with)`;

/** "Were the minutes of 3 March approved?", "Are the June minutes still draft?", "Has the record of … been signed?". */
const STATUS_SUBJECT = /\b(?:minutes|record of (?:the )?(?:meeting|proceedings))\b/i;
const STATUS_WORD =
  /\b(?:approved|approve|confirmed|confirm|signed|sign(?:ed)? off|adopted|ratified|accepted|agreed|draft|unconfirmed|correct record|accurate record|status)\b/i;
const YES_NO_OPENING = /^\s*(?:are|were|is|was|have|has|had|did|do|does|which|what(?:'s| is) the status)\b/i;

const DEFERRAL =
  /\b(?:deferred|deferral|deferrals|defer|postponed|postpone|put off|laid over|held over|pushed back)\b/i;
const DEFERRAL_FRAME =
  /\b(?:how many times|how often|has|have|had|was|were|is|did|been|ever|before|previously|again|already|the committee|members|they|we|defer|deferred|deferral|deferrals|postponed|postpone|put off|laid over|held over|pushed back)\b/gi;

const DECIDING = `(?:decide|decided|decides|deciding|decision|decisions|resolve|resolved|agree|agreed|conclude|concluded)`;
const DECISION_FRAME = new RegExp(String.raw`^\s*(?:what|which)\b[^?]*?\b${DECIDING}\b\s*(.*)$`, 'i');
/**
 * "Was the budget agreed?", "Has the Local Plan been approved?", or with the body as the subject,
 * "Has the Harbour Board agreed to host wind farm vessels?", where what was agreed follows.
 */
const DECIDED_YES_NO =
  /^\s*(?:was|were|has|have|had|did)\s+(.+?)\s+(?:been\s+|get\s+|finally\s+)*(?:agreed|approved|adopted|resolved|decided|endorsed|accepted|refused|rejected|turned down)\b\s*(.*)$/i;

const VOTING = /\b(?:vote|votes|voted|voting|carried|unanimous|unanimously|defeated)\b/i;
const VOTE_FRAMES = [
  new RegExp(
    String.raw`\bvot(?:e|es|ed|ing)\s+${ABOUT}\s+(.+?)(?:\s+(?:go|went|turn\s+out|end\s+up|come\s+out))?\s*$`,
    'i',
  ),
  /\bvot(?:e|ed)\s+(?:for|against)\s+(.+?)\s*$/i,
  /^\s*(?:was|were)\s+(.+?)\s+(?:carried|passed|defeated|lost|unanimous|agreed unanimously|approved unanimously)\b/i,
];

const CHAIRING = new RegExp(String.raw`\b(?:chaired|chairs|chairing|presided|in\s+the\s+chair|${OFFICE_WORDS})\b`, 'i');
/**
 * Who heads a body, in everyday words: "who became the boss of Thornley parish council", "who took
 * over running the committee", "who's in charge of the panel". Only with the body named, as "who
 * runs the youth service" asks about an officer.
 */
const HEADING = new RegExp(
  String.raw`\b(?:boss|head|heads|headed|in\s+charge|running|runs|ran|leads|led)\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}'-]+\s+){0,3}?(?:${[...BODY_KINDS].join('|')})\b`,
  'iu',
);

const PRESENT_FRAME =
  /^\s*(?:was|were|did)\s+(.+?)\s+(?:(?:at\b|present\b|in\s+attendance|there\b|absent\b|attend\b|attended\b|go\s+to\b|make\s+it\b|(?:send|give|sent|gave|offer)\s+(?:(?:her|his|their)\s+)?apologies\b))/i;
const SAID_FRAME =
  /^\s*what\s+(?:has|have|had|did|does|do)\s+(.+?)\s+(?:(?:ever|previously|already)\s+)?(?:said|say|says|raised|raise|asked|ask|declared|declare|mentioned|mention|contributed|contribute|argued|argue|stated|state|told|reported|report|put forward|proposed|propose|moved|move|suggested|suggest)\b\s*(.*)$/i;

/** Generic names of business that say nothing of the topic: "the Old Forge application" is about the Old Forge. */
const BUSINESS_WORDS =
  /\b(?:motion|motions|application|applications|item|items|matter|matters|proposal|proposals|report|reports|issue|issues)\b/gi;

/**
 * What records question `question` asks, or null when it is not one; `topicText` is the question
 * with its date phrases taken out, which topics are read from ("at the June 2020 meeting" is
 * when, not what). Checked most particular first: minutes' status, chair, presence, what a person
 * said, votes, deferrals, decisions.
 */
export function readRecordAsk(question: string, topicText: string): RecordAsk | null {
  const full = withTitlesCapitalised(plain(question));
  const text = withTitlesCapitalised(plain(topicText));
  if (STATUS_SUBJECT.test(text) && STATUS_WORD.test(text) && YES_NO_OPENING.test(text) && !DEFERRAL.test(text)) {
    return { kind: 'status' };
  }
  if (/^\s*who\b/i.test(text)) {
    const office = CHAIRING.exec(text);
    if (office) return { kind: 'chair', office: officeOf(office[0]) === 'vice-chair' ? 'vice-chair' : 'chair' };
    if (HEADING.test(text)) return { kind: 'chair', office: 'chair' };
  }
  const present = PRESENT_FRAME.exec(full);
  const presentName = present ? personIn(present[1] ?? '') : null;
  if (presentName) return { kind: 'present', name: presentName };
  const said = SAID_FRAME.exec(text);
  const saidName = said ? personIn(said[1] ?? '') : null;
  if (said && saidName) return { kind: 'said', name: saidName, topic: topicOf(afterAbout(said[2] ?? '')) };
  if (VOTING.test(text)) {
    for (const frame of VOTE_FRAMES) {
      const topic = topicOf(frame.exec(text)?.[1] ?? '');
      if (topic) return { kind: 'vote', topic };
    }
  }
  if (DEFERRAL.test(text)) {
    const topic = topicOf(text.replace(DEFERRAL_FRAME, ' '));
    if (topic) return { kind: 'deferred', topic };
  }
  const decision = DECISION_FRAME.exec(text);
  if (decision) {
    const topic = topicOf(afterAbout(decision[1] ?? ''));
    if (topic) return { kind: 'decisions', topic };
  }
  const decided = DECIDED_YES_NO.exec(text);
  const decidedTopic = decided ? topicOf(whatWasDecided(decided[1] ?? '', decided[2] ?? '')) : null;
  if (decidedTopic && !personIn(decided?.[1] ?? '')) return { kind: 'decisions', topic: decidedTopic };
  return null;
}

/**
 * What a yes-or-no question asks was decided: its subject ("was the budget agreed"), unless the
 * subject is the body that decided ("has the Harbour Board agreed to host…"), when it is what
 * follows ("host…"); nothing when nothing does.
 */
function whatWasDecided(subject: string, rest: string): string {
  const words = tokenize(subject);
  if (!BODY_KINDS.has(words.at(-1) ?? '')) return subject;
  return rest.replace(/^(?:to|on|that|with)\s+/i, '');
}

/** One line, without the closing question mark. */
function plain(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[?!.\s]+$/, '')
    .trim();
}

/** The words after a frame's "about": "been made about the skate park" -> "the skate park". */
function afterAbout(tail: string): string {
  const about = new RegExp(String.raw`^(?:.*?\b)?${ABOUT}\s+(.+)$`, 'i').exec(tail);
  return about?.[1] ?? tail;
}

/** A topic as the record answers match it: no question marks, no generic business words; null when no word is left. */
function topicOf(text: string): string | null {
  const topic = text
    .replace(BUSINESS_WORDS, ' ')
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:the|a|an|this|that|on|about|of|for|regarding)\s+)+/i, '');
  const words = tokenize(topic).filter((w) => !isStopword(w) && !/^(?:committee|council|meeting|go|went)$/.test(w));
  return words.length > 0 ? topic : null;
}

/** The person a frame names: a titled name ("Councillor Moore", "Mrs Fryer"), or null (a body, "the committee"). */
function personIn(text: string): string | null {
  return findTitledNames(text)[0]?.name ?? null;
}

/**
 * "councillor Moore" (as shorthand is written out), "cllr smith" (as people type) -> "Councillor
 * Moore", "Councillor Smith": a title and the word after it, so they read as a titled name.
 */
function withTitlesCapitalised(text: string): string {
  const upper = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const isTitle = (word: string) => isMemberTitle(word) || /^(?:mr|mrs|ms|miss|dr)$/i.test(word);
  const words = text.split(' ');
  return words
    .map((word, i) => {
      const next = words[i + 1] ?? '';
      if (isTitle(word) && /^\p{L}/u.test(next) && !isStopword(next.toLowerCase())) return upper(word);
      return isTitle(words[i - 1] ?? '') && !isStopword(word.toLowerCase()) ? upper(word) : word;
    })
    .join(' ');
}
