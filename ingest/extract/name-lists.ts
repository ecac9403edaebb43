import { isMemberTitle, parsePersonName } from '../../src/people/names.js';
import { officeOf } from '../../src/people/offices.js';

/** One entry of a printed list of people, with what was printed beside the name. */
export interface ListedPerson {
  /** The name as printed; a plural list title ("Councillors A, B and C") is given to each name. */
  name: string;
  /** "(Chairman)", "(in the Chair)", "– in the Chair". */
  chair: boolean;
  /** "(Vice-Chairman)", "(Deputy Chair)". */
  viceChair: boolean;
  /** "(substitute for Dawn Payne)", "Cllr A for Cllr B" in a substitutes list. */
  substituteFor: string | null;
  /** "Lead Member for Children and Families", "City Manager", "(Corporate Services)". */
  role: string | null;
}

/** Words that make a phrase a job or an office rather than a name. */
const ROLE_WORD =
  /\b(?:Members?|Officers?|Directors?|Manager|Chief|Executive|Clerk|Secretary|Treasurer|Solicitor|Attorney|Engineer|Planner|Administrator|Co-?ordinator|Assistant|Advis[eo]r|Head|Lead|Leader|Commissioner|Superintendent|Supervisor|Inspector|Captain|Lieutenant|Sergeant|Chief|Forester|Consultant|Analyst|Specialist|Representative|Portfolio|Services|Team|Unit|Department|Governance|Democratic|Legal|Finance|Planning|Minutes|Minute-taker|Support|Scrutiny|Principal|Senior|Strategic|Deputy|Acting|Interim|Nurse|Medical|Operating|Financial|Officer|Company|Monitoring)\b/;

/** Printed beside a name: what it says about the person, or nothing useful ("arrived at 7.01pm", "(ES)"). */
function readAnnotation(note: string, person: ListedPerson): void {
  const parts = note.split(/\s*,\s*/);
  if (parts.length > 1) {
    for (const part of parts) readAnnotation(part, person);
    return;
  }
  const text = note.trim();
  const office = officeOf(text);
  if (office === 'chair') person.chair = true;
  else if (office === 'vice-chair') person.viceChair = true;
  else {
    const sub =
      /^(?:as\s+)?(?:a\s+)?(?:sub(?:stitute)?|substituting|in\s+place)(?:\s+member)?\s+(?:for|of)\s+(.+)$/i.exec(text);
    if (sub) person.substituteFor = sub[1]?.trim() ?? null;
    else if (ROLE_WORD.test(text) || /^[A-Z][a-z]+(?:\s+(?:&|and)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+){0,4}$/.test(text)) {
      // "(Corporate Services)", "(Development & Environment)": the department an officer is from.
      if (!/^(?:arrived|left|from|to|until|virtual|remote|part|for)\b/i.test(text)) person.role ??= text;
    }
  }
}

/** A plural list title ("Councillors", "Cllrs", "Councilmembers") and the singular each name takes. */
const PLURAL_TITLE =
  /^(Councillors|Cllrs|Councilmembers|Council\s+Members|Councilors|Aldermen|Commissioners|County\s+Councillors|Borough\s+Councillors|District\s+Councillors|Parish\s+Councillors|Members)\.?\s+/i;
/** Where two names run together without a separator: before each title. */
const TITLE_BOUNDARY =
  /(?<!\b(?:Cllrs?|Councillors?|Councilmembers?|Mr|Mrs|Ms|Miss|Dr|Prof)\.?)\s+(?=(?:Cllrs?|Councillors?|Councilmembers?|Council\s+Members?|Mayor|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Alderman)\.?\s+\p{Lu})/u;

/**
 * Reads a printed list of people — "Cllr E. Simpson (Chairman), J Green, J. Shields",
 * "Councillors Adam Jones, Morgan and Ward", "Mr. I. D. Ould CC – Lead Member for Children and
 * Families", "City Manager Curt Boganey", names run together in two columns — into its people.
 * Entries that are not names ("the Clerk", "3 members of the public", "None") are left out; a role
 * after a comma belongs to the name before it.
 */
export function readNameList(text: string, defaultTitle: string | null = null): ListedPerson[] {
  const notes: string[] = [];
  // Parentheses may hold commas ("(substitute for Cllr A, who…)"): set them aside before splitting.
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/(\p{L})-\s+(\p{L})/gu, '$1-$2')
    .replace(/\(([^()]*)\)/g, (_, note: string) => `\uE000${notes.push(note) - 1}\uE001`)
    .replace(/\s+[–—-]\s+in\s+the\s+chair\b/gi, `\uE000${notes.push('in the Chair') - 1}\uE001`);
  const people: ListedPerson[] = [];
  let title = defaultTitle;
  // A role printed after a name runs on across "and" ("Lead Member for Children and Families").
  let roleOpen = false;
  const pieces = flat.split(/(\s*[;,]\s*|\s+(?:and|&)\s+)/u);
  for (let i = 0; i < pieces.length; i += 2) {
    const joinedByAnd = /^\s+(?:and|&)\s+$/.test(pieces[i - 1] ?? '');
    for (const rawEntry of (pieces[i] ?? '').split(TITLE_BOUNDARY)) {
      let entry = rawEntry
        .trim()
        .replace(/^(?:and|&)\s+/i, '')
        .replace(/\.+$/, '');
      const annotations = [...entry.matchAll(/\uE000(\d+)\uE001/g)].map((m) => notes[Number(m[1])] ?? '');
      entry = entry.replace(/\s*\uE000\d+\uE001\s*/g, ' ').trim();
      const last = people.at(-1);
      if (!entry) {
        if (last) for (const note of annotations) readAnnotation(note, last);
        continue;
      }
      if (roleOpen && joinedByAnd && last?.role && !isTitled(entry) && !/\b\p{Lu}\.?\s/u.test(entry)) {
        last.role = `${last.role} and ${entry}`;
        continue;
      }
      roleOpen = false;
      const plural = PLURAL_TITLE.exec(entry);
      if (plural) {
        title = singular(plural[1] ?? '') || null;
        entry = entry.slice(plural[0].length);
      }
      const [namePart, dashRole] = entry.split(/\s+[–—-]\s+/, 2);
      const person = personFrom(namePart ?? '', title);
      if (!person) {
        // A role printed after a comma ("…Ould CC, Lead Member for Children and Families").
        if (
          last &&
          !joinedByAnd &&
          /^\p{Lu}/u.test(entry) &&
          (ROLE_WORD.test(entry) || officeOf(entry) !== null) &&
          !last.role
        ) {
          readAnnotation(entry, last);
          roleOpen = last.role !== null;
        }
        continue;
      }
      if (dashRole) {
        readAnnotation(dashRole, person);
        roleOpen = person.role !== null;
      }
      for (const note of annotations) readAnnotation(note, person);
      people.push(person);
    }
  }
  return people;
}

/** A name from a list entry, with a role printed before it ("City Manager Curt Boganey") split off. */
function personFrom(entry: string, title: string | null): ListedPerson | null {
  const blank = { chair: false, viceChair: false, substituteFor: null, role: null };
  const words = entry.split(/\s+/);
  const hasTitle = parsePersonName(entry) !== null && /^\S+/.test(entry) && isTitled(entry);
  if (!hasTitle && ROLE_WORD.test(entry)) {
    // The name is what follows the last role word: "Police Chief Tim Gannon", "City Clerk Paulson".
    let last = -1;
    words.forEach((w, i) => {
      if (ROLE_WORD.test(w)) last = i;
    });
    // "Director of Public Works Doran Cote": after an "of …" department, the name is the last two words.
    const after = words.slice(last + 1);
    const name = (after.some((w) => /^\p{Ll}/u.test(w)) ? after.slice(-2) : after).join(' ');
    if (last < 0 || !name || !parsePersonName(name) || !/^\p{Lu}/u.test(name)) return null;
    return { ...blank, name, role: words.slice(0, words.length - name.split(' ').length).join(' ') };
  }
  const name = title && !isTitled(entry) ? `${title} ${entry}` : entry;
  if (!parsePersonName(name) || !/^\p{Lu}/u.test(entry)) return null;
  return { ...blank, name };
}

function isTitled(entry: string): boolean {
  const first = entry.split(/\s+/)[0] ?? '';
  const two = entry.split(/\s+/).slice(0, 2).join(' ');
  return (
    isMemberTitle(first) ||
    isMemberTitle(two) ||
    /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Revd)\.?$/i.test(first)
  );
}

function singular(plural: string): string {
  const word = plural.replace(/\s+/g, ' ');
  if (/^members$/i.test(word)) return '';
  if (/^aldermen$/i.test(word)) return 'Alderman';
  if (/^cllrs$/i.test(word)) return 'Cllr';
  return word.replace(/s$/i, '');
}
