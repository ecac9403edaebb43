import { numericOrderOf } from '../../src/dates.js';
import type { Meeting, MeetingRecords } from '../../src/types.js';
import { extractAttendance } from './attendance.js';
import { extractConfirmations } from './confirmations.js';
import { decisionFromMotion, extractDecisions } from './decisions.js';
import { extractMentions } from './mentions.js';
import { readOwnStatus } from './own-status.js';
import { extractRoleChanges } from './roles.js';
import { extractVotes } from './votes.js';

/**
 * Everything beyond the items that one meeting's minutes record: decisions, confirmations of
 * earlier minutes, attendance, changes of office, votes, the people each item names, and what the
 * minutes say of their own status. Pure: the same meeting always gives the same records.
 */
export function extractRecords(meeting: Meeting): MeetingRecords {
  const decisions = extractDecisions(meeting);
  const votes = extractVotes(meeting);
  // US and Canadian minutes record decisions as carried motions, with no "RESOLVED".
  const decided = new Set(decisions.map((d) => d.at.itemIndex));
  for (const vote of votes) {
    if (vote.outcome === 'carried' && !decided.has(vote.at.itemIndex)) {
      decisions.push(decisionFromMotion(vote.motion, vote.at, meeting.committee));
    }
  }
  decisions.sort((a, b) => (a.at.itemIndex ?? -1) - (b.at.itemIndex ?? -1));
  const text = meeting.items.map((i) => i.text).join('\n');
  return {
    decisions,
    confirmations: extractConfirmations(meeting, { numericOrder: numericOrderOf(text) }),
    attendance: extractAttendance(meeting),
    roleChanges: extractRoleChanges(meeting, decisions),
    votes,
    mentions: extractMentions(meeting),
    ownStatus: readOwnStatus(meeting.items),
  };
}
