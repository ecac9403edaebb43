import type { Candidate } from './candidates.js';

/**
 * Learning a document's numbering scheme. Candidates are grouped by shape ("54.", "C048/23",
 * "(199)", "IV.", "Min 28 24/25" are different schemes), and each group's best run is the longest
 * sequence of its candidates, in document order, whose numbers rise: gaps are allowed (exempt items
 * are left out of published minutes), restarts are not. The scheme kept is the group whose run is
 * longest and most consistent — whose members carry titles and that few of its shape fall outside.
 * That is what tells items ("54.") from sub-points that restart in every item ("1.", "2."), a
 * wrapped "Standing Order\n34." and a minute of another meeting named under Matters arising.
 */

/**
 * A line that opens a session of its own ("WORK SESSION:", "REGULAR SESSION", "Part 2", "RHAN 2"):
 * councils that meet in two sessions on one evening often number each from 1.
 */
const SESSION_HEADING =
  /^(?:(?:regular|work|special|closed|open|executive|public|private|study|adjourned|reconvened)\s+(?:session|meeting)|(?:part|rhan)\s+(?:[12AB]|I{1,2}|one|two))\s*:?$/i;

/** The largest step between consecutive items: minutes skip exempt and withdrawn items, rarely many. */
const MAX_GAP = 10;
/** Letters and roman numerals skip less: "A., B., D." happens, "A., H." is two outlines. */
const MAX_LETTER_GAP = 3;

export interface Scheme {
  /** The items, in document order. */
  items: Candidate[];
  /** Which number of the tokens runs ("C048/23": 0; "17/064": 1; "2307.01": 1). */
  running: number;
}

/**
 * The document's numbering scheme, or null when no group of candidates forms one. `lines` are the
 * document's lines the candidates were read from.
 */
export function chooseScheme(candidates: Candidate[], lines: string[]): Scheme | null {
  const scheme = bestScheme(candidates, lines);
  return scheme && withItemsTakenOutOfOrder(withItemsTakenUpAgain(scheme, candidates), candidates);
}

/**
 * An item the meeting took out of its agenda order ("File # 25-207 … (Taken up after File #
 * 25-210)") is printed, with its title, after items numbered above it: the run skipped its number,
 * and it comes later, in the run's shape. It is an item in its place. A number the run did not skip,
 * or one printed before the gap it would fill, stays text.
 */
function withItemsTakenOutOfOrder(scheme: Scheme, candidates: Candidate[]): Scheme {
  const key = (c: Candidate) => orderKey(c, scheme.running);
  // Whether candidate a is numbered below candidate b (any gap).
  const below = (a: Candidate, b: Candidate) => follows(key(a), key(b), Number.POSITIVE_INFINITY);
  const late = candidates.filter((c) => {
    if (scheme.items.includes(c) || !c.titled) return false;
    if (!scheme.items.some((m) => m.shape === c.shape)) return false;
    const above = scheme.items.filter((m) => below(c, m));
    const underneath = scheme.items.filter((m) => below(m, c));
    // A number the run skipped: items on both sides of it, none with the number itself.
    if (above.length === 0 || underneath.length === 0) return false;
    if (above.length + underneath.length < scheme.items.length) return false;
    // The item that follows it in number was printed before it: it was taken later.
    const next = above.reduce((lowest, m) => (below(m, lowest) ? m : lowest));
    return next.line < c.line;
  });
  if (late.length === 0) return scheme;
  return { ...scheme, items: [...scheme.items, ...late].sort((a, b) => a.line - b.line) };
}

/**
 * An item taken up again later in the meeting ("C-6 Sheriff's Office Vehicle Purchase (removed
 * from Consent Agenda)" after C-8, a deferred item after the rest) is printed with its number and
 * title again: it starts an item of its own, with the same minute number. A repeated number under
 * another title is a reference or a slip, and stays text.
 */
function withItemsTakenUpAgain(scheme: Scheme, candidates: Candidate[]): Scheme {
  const titleOf = (c: Candidate) => (c.split.title ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const again = candidates.filter(
    (c) =>
      !scheme.items.includes(c) &&
      titleOf(c) !== '' &&
      scheme.items.some(
        (m) =>
          m.shape === c.shape &&
          m.token.minute === c.token.minute &&
          m.line < c.line &&
          titleOf(m) !== '' &&
          titleOf(c).startsWith(titleOf(m)),
      ),
  );
  if (again.length === 0) return scheme;
  return { ...scheme, items: [...scheme.items, ...again].sort((a, b) => a.line - b.line) };
}

function bestScheme(candidates: Candidate[], lines: string[]): Scheme | null {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.shape) ?? [];
    group.push(candidate);
    groups.set(candidate.shape, group);
  }
  const sessions = lines.flatMap((line, i) => (SESSION_HEADING.test(line.trim()) ? [i] : []));
  const valid: Array<{ scheme: Scheme; score: number; first: number }> = [];
  for (const group of groups.values()) {
    const { members, running } = consistentMembers(withoutContents(group, lines));
    const chain = chainAcrossSessions(members, running, sessions);
    if (chain.length < 2 || isList(chain, lines)) continue;
    const titled = chain.filter((c) => c.titled).length / chain.length;
    const outside = group.length - chain.length;
    // Sub-points restart in every item, so most of their shape falls outside any one run.
    if (outside > chain.length) continue;
    if (titled < 0.5 && chain.length < 3) continue;
    const score = chain.length * (0.5 + titled) - outside * 0.5;
    valid.push({ scheme: { items: chain, running }, score, first: chain[0]?.line ?? 0 });
  }
  valid.sort((a, b) => b.score - a.score || a.first - b.first);
  const best = valid[0];
  if (!best) return null;
  const sections = codedSections(
    best.scheme,
    valid.map((v) => v.scheme),
  );
  if (sections) return sections;
  // "2307.01, 2307.02 …", "21.44, 21.45 …": a first part that never changes is the year or month, the second runs.
  const [first, ...rest] = best.scheme.items;
  if (first?.token.form === 'decimal' && rest.every((c) => c.token.parts[0] === first.token.parts[0])) {
    return { ...best.scheme, running: 1 };
  }
  // "1.1, 1.2, 2.1 …" under "1., 2. …": the numbered paragraphs of items outnumber the items, but the
  // items are the scheme. A coarser scheme that numbers most of the finer one's items wins.
  if (best.scheme.items[0]?.token.form === 'decimal') {
    const majors = new Set(best.scheme.items.map((c) => c.token.parts[0]));
    const parent = valid.find(
      (v) =>
        v.scheme.items[0]?.token.form !== 'decimal' &&
        v.scheme.items.filter((c) => majors.has(c.token.minuteNumber ?? -1)).length >= majors.size / 2,
    );
    if (parent) return parent.scheme;
    // "Item 4", "Item 5.a" … "Item 6.e", "Item 7": sections printed only by their sub-items, each
    // in the gap of the items around it, are the sub-items of a scheme that leaves them out.
    const around = valid.find(
      (v) =>
        v.scheme.items[0]?.token.form === 'integer' && best.scheme.items.every((c) => liesInGapOf(c, v.scheme.items)),
    );
    if (around) return around.scheme;
  }
  return best.scheme;
}

/** Whether a sub-number's section ("5" of "5.a") lies between the numbers of the items printed around it. */
function liesInGapOf(sub: Candidate, items: Candidate[]): boolean {
  const section = sub.token.parts[0] ?? 0;
  const before = items.filter((item) => item.line < sub.line).at(-1)?.token.minuteNumber;
  const after = items.find((item) => item.line > sub.line)?.token.minuteNumber;
  return before != null && after != null && before < section && section < after;
}

/**
 * Agendas in sections, each coding its items with a letter of its own and numbering from 1 ("C-1" to
 * "C-8" on the consent agenda, then "R-1" to "R-6" on the regular one), under headings that carry
 * no number: the sections' runs are one scheme when each is coded apart, starts at the first
 * number, and lies wholly after the one before. Null when the best run is not such a section.
 */
function codedSections(best: Scheme, schemes: Scheme[]): Scheme | null {
  const coded = (scheme: Scheme) =>
    scheme.items[0]?.token.form === 'prefixed' && scheme.items[0].token.parts.length === 1;
  const startsAtOne = (scheme: Scheme) => scheme.items[0]?.token.parts[0] === 1;
  if (!coded(best) || !startsAtOne(best)) return null;
  const runs = schemes
    .filter((scheme) => coded(scheme) && startsAtOne(scheme))
    .filter((scheme, i, all) => all.findIndex((s) => s.items[0]?.token.prefix === scheme.items[0]?.token.prefix) === i)
    .sort((a, b) => (a.items[0]?.line ?? 0) - (b.items[0]?.line ?? 0));
  const apart = runs.every((run, i) => i === 0 || (run.items[0]?.line ?? 0) > (runs[i - 1]?.items.at(-1)?.line ?? 0));
  if (runs.length < 2 || !apart) return null;
  return { items: runs.flatMap((run) => run.items), running: 0 };
}

/**
 * A numbered list inside an item ("Consent Agenda:" then "1) Approval of Bills", "2) …"): every
 * member but the last is a title with no text of its own, so the last would swallow the rest of the
 * document. Items carry text, or at least some of them do before the last.
 */
function isList(chain: Candidate[], lines: string[]): boolean {
  return chain.slice(0, -1).every((member, i) => {
    const next = chain[i + 1]?.line ?? member.line;
    const between = lines.slice(member.line + 1, next).some((line) => line.trim() !== '');
    return member.split.body === '' && !between;
  });
}

/**
 * A contents list before the minutes ("ITEM-1 CONFIRMATION OF MINUTES 3", "ITEM-2 …" then "3"): the
 * same numbers run once as entries with nothing under them but page numbers, then again as the
 * items. Where the numbers start again, what came before is contents when no entry has text.
 */
function withoutContents(group: Candidate[], lines: string[]): Candidate[] {
  // The running part of each number ("047" of "C25/047"), as the token reads it: the scheme's own
  // choice among compound parts (consistentMembers) is made after the contents are gone.
  const runningOf = (c: Candidate | undefined) => c?.token.parts[c.token.running] ?? 0;
  const restart = group.findIndex((c, i) => i > 0 && runningOf(c) <= runningOf(group[i - 1]));
  if (restart < 2) return group;
  // The last entry runs on to the minutes' own start, so it says nothing; the others must be bare.
  const entries = group.slice(0, restart - 1);
  const bare = entries.every((entry, i) => {
    const next = group[i + 1]?.line ?? entry.line;
    const under = lines.slice(entry.line + 1, next).filter((line) => line.trim() !== '');
    // Under an entry: its page number, or an unnumbered entry with its own ("QUESTIONS WITHOUT NOTICE 5").
    return entry.split.body === '' && under.every((line) => line.length <= 80 && /\s?\d{1,4}\s*$/.test(line));
  });
  return bare ? group.slice(restart) : group;
}

/**
 * For compound numbers ("C048/23", "17/064"), which part runs and which members belong: the part
 * with the most distinct values runs, and a member whose other parts differ from the meeting's own
 * ("Minute 484/16" in a meeting numbered "…/17") is a reference to another year's minute.
 */
function consistentMembers(group: Candidate[]): { members: Candidate[]; running: number } {
  const first = group[0]?.token;
  if (first?.form !== 'compound' || first.parts.length < 2) return { members: group, running: first?.running ?? 0 };
  const width = first.parts.length;
  const distinct = Array.from({ length: width }, (_, i) => new Set(group.map((c) => c.token.parts[i])).size);
  const most = Math.max(...distinct);
  const running = distinct[first.running] === most ? first.running : distinct.indexOf(most);
  const modes = Array.from({ length: width }, (_, i) => mode(group.map((c) => c.token.parts[i] ?? -1)));
  const members = group.filter((c) => c.token.parts.every((part, i) => i === running || part === modes[i]));
  return { members, running };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
}

/**
 * The order key of a candidate within its scheme: its running number, then any sub-numbers, or the
 * letter after it ("Item 5(a)", "Item 5(b)": two items between 4 and 6).
 */
function orderKey(candidate: Candidate, running: number): number[] {
  const { token } = candidate;
  if (token.form === 'decimal') return token.parts;
  const letter = /^\(?([a-z])\)?$/i.exec(token.suffix)?.[1];
  const number = token.parts[running] ?? 0;
  return letter ? [number, letter.toLowerCase().charCodeAt(0) - 96] : [number];
}

/** Whether `b` may follow `a` in one scheme: higher, by no more than the largest gap at the level that changed. */
function follows(a: number[], b: number[], maxGap: number): boolean {
  for (let level = 0; level < Math.max(a.length, b.length); level++) {
    const x = a[level] ?? 0;
    const y = b[level] ?? 0;
    if (y === x) continue;
    return y > x && y - x <= maxGap;
  }
  return false;
}

/**
 * The scheme's run when the numbering may start again at each session heading: each session's own
 * rising run, one after the other, when that is longer than one run over the whole document and
 * every session after the first does start again (its first number is not above the last one before).
 */
function chainAcrossSessions(members: Candidate[], running: number, sessions: number[]): Candidate[] {
  const whole = risingChain(members, running);
  if (sessions.length === 0) return whole;
  const bySession = new Map<number, Candidate[]>();
  for (const member of members) {
    const session = sessions.filter((line) => line < member.line).length;
    bySession.set(session, [...(bySession.get(session) ?? []), member]);
  }
  const runs = [...bySession.values()].map((part) => risingChain(part, running));
  const numberOf = (member: Candidate | undefined) => (member ? (orderKey(member, running)[0] ?? 0) : 0);
  const restarts = runs.every((run, i) => i === 0 || numberOf(run[0]) <= numberOf(runs[i - 1]?.at(-1)));
  const joined = runs.flat();
  return restarts && runs.every((run) => run.length >= 2) && joined.length > whole.length ? joined : whole;
}

/** The longest run of candidates whose numbers rise (O(n²); a document has a few hundred candidates at most). */
function risingChain(members: Candidate[], running: number): Candidate[] {
  const keys = members.map((c) => orderKey(c, running));
  const maxGap = members[0]?.token.form === 'letter' || members[0]?.token.form === 'roman' ? MAX_LETTER_GAP : MAX_GAP;
  const length = members.map(() => 1);
  const previous = members.map(() => -1);
  for (let i = 0; i < members.length; i++) {
    for (let j = 0; j < i; j++) {
      if (follows(keys[j] ?? [], keys[i] ?? [], maxGap) && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  length.forEach((n, i) => {
    if (end < 0 || n > (length[end] ?? 0)) end = i;
  });
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = previous[i] ?? -1) {
    const member = members[i];
    if (member) chain.unshift(member);
  }
  return chain;
}
