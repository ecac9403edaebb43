import type { FollowMatch, MatchRequest } from '../alerts/types.js';
import type { Config } from '../config.js';
import type { StoreTarget } from '../store/open-store.js';
import type { Answer, ConversationTurn, IndexStats } from '../types.js';
import type { IndexCoverage } from './coverage.js';

/** What the answering thread is started with. */
export interface WorkerSetup {
  config: Config;
  /** The index the thread opens: a folder or a PostgreSQL URL (a plain object, so it crosses threads). */
  target: StoreTarget;
  logLevel: string;
}

/** Messages to the answering thread. */
export type WorkerRequest =
  | {
      type: 'ask';
      id: number;
      question: string;
      history: ConversationTurn[];
      timeoutMs: number;
      /** Send the model's unchecked drafts back as `draft` messages while it writes. */
      drafts: boolean;
    }
  /** An alerts pass putting one follow to one meeting (`matchFollow`), with the thread's retriever. */
  | ({ type: 'match'; id: number; timeoutMs: number } & MatchRequest)
  | { type: 'cancel'; id: number }
  | { type: 'stats'; id: number }
  | { type: 'coverage'; id: number }
  | { type: 'close' };

/** An error as it crosses threads: enough to rebuild its name and code for the user's message. */
export interface WorkerFailure {
  name: string;
  code: string;
  message: string;
}

/** Messages from the answering thread. */
export type WorkerReply =
  | { type: 'ready'; modelLoaded: boolean; meetings: number }
  | { type: 'draft'; id: number; draft: string }
  | { type: 'answer'; id: number; answer: Answer }
  | { type: 'match'; id: number; match: FollowMatch | null }
  | { type: 'stats'; id: number; stats: IndexStats }
  | { type: 'coverage'; id: number; coverage: IndexCoverage }
  | { type: 'error'; id: number; error: WorkerFailure };
