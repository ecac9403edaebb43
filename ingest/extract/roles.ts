import { parseDate } from '../../src/dates.js';
import { splitSentences } from '../../src/minutes/sentences.js';
import { cleanPersonName, PERSON_NAME } from '../../src/people/names.js';
import { officeOf } from '../../src/people/offices.js';
import type { Decision, Meeting, RoleChange } from '../../src/types.js';
import { anchorOf, itemParagraphs, tidy } from './paragraphs.js';

const NAME = PERSON_NAME;
/** An office: capitalised words, joined by "of"/"for"/"and" ("Lead Member for Children and Family Services"). */
const ROLE = String.raw`([A-Z][\w'’-]*(?:\s+(?:(?:for|of|and|&)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)`;

/** In a resolution: "That Mrs H Fryer CC be elected Deputy Chairman…", "the appointment of X as Chairman…". */
const RESOLVED_FORMS = [
  new RegExp(String.raw`${NAME}\s+be\s+(?:re-?)?(?:elected|appointed|confirmed)\s+(?:as\s+)?(?:the\s+)?${ROLE}`, 'g'),
  new RegExp(String.raw`(?:re-?)?(?:appointment|election)\s+of\s+${NAME}\s+as\s+(?:the\s+)?${ROLE}`, 'g'),
  new RegExp(String.raw`\b(?:re-?)?(?:elect|appoint)\s+${NAME}\s+as\s+(?:the\s+)?${ROLE}`, 'g'),
  new RegExp(String.raw`${NAME}\s+(?:remain|continue)s?\s+(?:in\s+office\s+)?as\s+(?:the\s+)?${ROLE}`, 'g'),
];
/** Anywhere: "Cllr X was elected Mayor for the municipal year". */
const REPORTED_FORM = new RegExp(
  String.raw`${NAME}\s+(?:was|were|had\s+been|has\s+been)\s+(?:duly\s+|unanimously\s+)?(?:re-?)?(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?${ROLE}`,
  'g',
);
/** Anywhere: "Mr Ould's last meeting as Lead Member…", "Cllr Y stood down as Chairman". */
const CEASED_FORMS = [
  new RegExp(String.raw`${NAME}['’]s\s+last\s+meeting\s+as\s+(?:the\s+)?${ROLE}`, 'g'),
  new RegExp(
    String.raw`${NAME}\s+(?:had\s+|has\s+)?(?:resigned|stood\s+down|stepped\s+down|retired)\s+(?:as|from\s+(?:the\s+(?:role|post|office)\s+of\s+)?)\s*(?:the\s+)?${ROLE}`,
    'g',
  ),
  new RegExp(
    String.raw`\bresignation\s+of\s+${NAME}\s+(?:as|from\s+(?:the\s+(?:office|role|post)\s+of\s+)?)\s*(?:the\s+)?${ROLE}`,
    'g',
  ),
];

/**
 * Changes of office: elections and appointments resolved or reported ("That X be elected
 * Deputy Chairman … for the period ending with the Annual Meeting…", "Cllr X was elected Mayor
 * for the municipal year"), and someone leaving one ("Mr Ould's last meeting as Lead Member…").
 * A motion or nomination that was not carried is not a change: resolution forms are read only
 * from decisions.
 */
export function extractRoleChanges(meeting: Pick<Meeting, 'items' | 'date'>, decisions: Decision[]): RoleChange[] {
  const changes: RoleChange[] = [];
  for (const decision of decisions) {
    for (const form of RESOLVED_FORMS) {
      for (const m of decision.text.matchAll(form)) {
        const change = build(m, decision.text, 'appointed', decision.at, meeting.date);
        if (change) changes.push(change);
      }
    }
  }
  meeting.items.forEach((item, index) => {
    const at = anchorOf(item, index);
    for (const sentence of itemParagraphs(item).flatMap(splitSentences)) {
      for (const m of sentence.matchAll(REPORTED_FORM)) {
        const change = build(m, sentence, 'appointed', at, meeting.date);
        if (change) changes.push(change);
      }
      for (const form of CEASED_FORMS) {
        for (const m of sentence.matchAll(form)) {
          const change = build(m, sentence, 'ceased', at, meeting.date);
          if (change) changes.push(change);
        }
      }
    }
  });
  changes.sort((a, b) => (a.at.itemIndex ?? -1) - (b.at.itemIndex ?? -1));
  return changes.filter(
    (c, i) =>
      changes.findIndex((d) => d.person === c.person && d.role === c.role && d.at.itemIndex === c.at.itemIndex) === i,
  );
}

function build(
  match: RegExpMatchArray,
  text: string,
  change: RoleChange['change'],
  at: RoleChange['at'],
  meetingDate: string | null,
): RoleChange | null {
  const person = cleanPersonName(match[1]);
  if (!person) return null;
  const printedRole = (match[2] ?? '').trim();
  const [role, body] = splitBody(printedRole);
  if (!role) return null;
  // What follows up to the next clause about someone else ("…, it was RESOLVED that Cllr M. Trask…").
  const rest = text.slice((match.index ?? 0) + match[0].length);
  const after = rest.slice(0, rest.search(/,\s+(?:and\s+)?it\s+was\b|\bthat\b|$/i));
  const effective = /\bwith\s+effect\s+from\s+([^,;.]+(?:\.\s*\d{4})?)/i.exec(after)?.[1];
  return {
    at,
    person,
    role,
    office: officeOf(role) ?? 'other',
    body,
    change,
    from: (effective ? parseDate(effective) : null) ?? meetingDate,
    until: untilOf(after),
    thisMeetingOnly:
      /^\s*(?:of\s+[^,.;]+?\s+)?for\s+(?:the\s+(?:duration\s+of\s+the\s+|remainder\s+of\s+the\s+|rest\s+of\s+the\s+)?|this\s+)meeting\b/i.test(
        after,
      ),
  };
}

/** "Chairman of the Children and Families … Committee" is the office of Chairman, of that committee. */
function splitBody(printed: string): [string, string | null] {
  const of = /^(.+?)\s+of\s+(?:the\s+)?(.+)$/.exec(printed);
  const office = of?.[1] ?? '';
  if (of && (officeOf(office) !== null || /^(?:leader|deputy\s+leader)$/i.test(office))) {
    return [office, of[2] ?? null];
  }
  return [printed, null];
}

/** "for the period ending with the Annual Meeting … in 2019", "until his successor is appointed", "for the municipal year 2022/23". */
function untilOf(after: string): string | null {
  const until =
    /\b(?:for\s+the\s+period\s+ending\s+with|to\s+hold\s+office\s+until(?:\s+immediately\s+after)?|until(?:\s+immediately\s+after)?)\s+(.+?)(?:[.;]|$)/i
      .exec(after)?.[1]
      ?.replace(/\s+be\s+(?:noted|confirmed|approved|agreed|endorsed)$/i, '') ??
    /\bfor\s+((?:the\s+)?(?:remainder\s+of\s+the\s+)?(?:municipal|civic|ensuing|forthcoming|council|coming)\s+year(?:\s+\d{4}\s*[/-]\s*\d{2,4})?)/i.exec(
      after,
    )?.[1] ??
    /\bfor\s+(the\s+remainder\s+of\s+(?:the\s+)?[^,.;]+)/i.exec(after)?.[1] ??
    /\bfor\s+(?:the\s+)?(\d{4}\s*[/-]\s*\d{2,4}\s+(?:municipal|civic|council)\s+year)/i.exec(after)?.[1];
  return until ? tidy(until) : null;
}
