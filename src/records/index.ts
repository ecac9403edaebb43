/**
 * Answers from what the minutes record beyond their words: decisions, the status of minutes,
 * attendance and offices, votes. Pure functions of the meetings and their records; which of them a
 * question needs is for the question reader to say.
 */
export { type RecordAnswer, type RecordedMeeting, type RecordKind, searchedOf } from './cite.js';
export { answerDecisions, answerDeferrals, type DecisionQuery, decisionsAbout } from './decisions.js';
export {
  answerPersonSaid,
  answerWasPresent,
  answerWhoChaired,
  type ChairQuery,
  namesIn,
  type PersonQuery,
  type SaidQuery,
} from './people.js';
export {
  answerMinutesStatus,
  confirmationsOf,
  draftMeetings,
  type MinutesState,
  minutesState,
  type StatusQuery,
} from './status.js';
export { answerVote, type VoteQuery } from './votes.js';
