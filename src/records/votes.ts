import type { Vote } from '../types.js';
import { Citations, oldestFirst, type RecordAnswer, type RecordedMeeting, recordAnswer, scoped } from './cite.js';
import { decisionsAbout, where } from './decisions.js';
import { isAbout } from './topic.js';

export interface VoteQuery {
  topic: string;
  committee?: string;
  council?: string;
}

/** "carried by 5 votes to 3", "lost on the Chairman's casting vote (3 for, 3 against)". */
function describe(vote: Vote): string {
  const moved = vote.movedBy
    ? ` (moved by ${vote.movedBy}${vote.secondedBy ? `, seconded by ${vote.secondedBy}` : ''})`
    : '';
  const result = vote.unanimous ? `${vote.outcome} unanimously` : vote.outcome;
  const c = vote.counts;
  const tally = c
    ? [
        c.for !== null ? `${c.for} for` : null,
        c.against !== null ? `${c.against} against` : null,
        c.abstain ? `${c.abstain} abstaining` : null,
      ]
        .filter((p): p is string => p !== null)
        .join(', ')
    : '';
  const casting = vote.castingVote ? ` on the ${vote.castingVote}'s casting vote` : '';
  const names = vote.named
    ? [
        vote.named.for.length ? `for: ${vote.named.for.join(', ')}` : null,
        vote.named.against.length ? `against: ${vote.named.against.join(', ')}` : null,
        vote.named.abstain.length ? `abstaining: ${vote.named.abstain.join(', ')}` : null,
      ]
        .filter((p): p is string => p !== null)
        .join('; ')
    : '';
  return `"${vote.motion}"${moved} was ${result}${casting}${tally ? ` (${tally})` : ''}${names ? `. ${names}` : ''}`;
}

/**
 * "How did the vote on X go?": every recorded vote on items about X, oldest first, with its result,
 * counts and named votes, cited. Where the items record a decision but no vote, the answer says
 * so and cites the decision.
 */
export function answerVote(question: string, book: RecordedMeeting[], query: VoteQuery): RecordAnswer {
  const citations = new Citations();
  const lines: string[] = [];
  for (const at of scoped(book, query).sort(oldestFirst)) {
    const byItem = new Map<number | null, Vote[]>();
    for (const vote of at.records.votes)
      byItem.set(vote.at.itemIndex, [...(byItem.get(vote.at.itemIndex) ?? []), vote]);
    for (const [itemIndex, votes] of byItem) {
      const title = itemIndex === null ? '' : (at.meeting.items[itemIndex]?.title ?? '');
      const decided = at.records.decisions.filter((d) => d.at.itemIndex === itemIndex).map((d) => d.text);
      if (!isAbout(query.topic, [title, ...votes.map((v) => v.motion), ...decided])) continue;
      const described = votes.map((vote) => {
        const n = citations.cite(at.meeting, vote.at, vote.motion, 'vote');
        return `${describe(vote)} [${n}]`;
      });
      lines.push(`${where(at, votes[0]?.at.minute ?? null, itemIndex)}: ${described.join('; then ')}.`);
    }
  }
  if (lines.length > 0) return recordAnswer(question, lines.join('\n'), citations, book, true);
  const decided = decisionsAbout(book, query);
  if (decided.length === 0) {
    return recordAnswer(
      question,
      `The minutes I hold record no vote or decision about ${query.topic}.`,
      citations,
      book,
      false,
    );
  }
  const noVote = decided.map(({ at, itemIndex, decisions }) => {
    const anchor = decisions[0]?.at ?? { itemIndex, minute: null };
    const n = citations.cite(at.meeting, anchor, decisions.map((d) => d.text).join('; '), 'decision');
    return `${where(at, anchor.minute, itemIndex)}: no vote is recorded; the minutes record the decision ${decisions.map((d) => `"${d.text}"`).join('; ')} [${n}].`;
  });
  return recordAnswer(question, noVote.join('\n'), citations, book, true);
}
