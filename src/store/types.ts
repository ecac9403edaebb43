/**
 * The storage seam: what retrieval reads from an index and what ingestion writes to it. Two stores
 * implement it (SQLite + HNSW files in a folder, the default; PostgreSQL + pgvector), and one
 * factory (`open-store.ts`) chooses between them from config. Everything above the store (the
 * retriever, the ingest pipeline, the CLI, Slack) holds these interfaces, never a concrete store,
 * and imports them from here: they are built on the domain types of `src/types.ts`, which knows
 * nothing of the store (so the two never import each other).
 */
import type {
  IndexStats,
  Meeting,
  MeetingRecords,
  MinuteItem,
  RecordedMeeting,
  RecordReadOptions,
  SearchFilters,
} from '../types.js';

/** The embedding model an index's vectors come from. */
export interface IndexModel {
  id: string;
  dimensions: number;
}

/** A passage with the minute item and meeting it belongs to: what a search hit is built from. */
export interface StoredPassage {
  passageId: number;
  text: string;
  points: string[];
  header: string;
  /** The item as parsed, less its passages, with its row id and place in the meeting. */
  item: Omit<MinuteItem, 'passages'> & { id: number; position: number };
  /** The meeting's own fields (not its items or parse warnings), with its row id. */
  meeting: Pick<Meeting, 'source' | 'council' | 'committee' | 'date' | 'startTime' | 'venue' | 'chair' | 'url'> & {
    id: number;
  };
}

export interface ScoredPassage {
  passageId: number;
  /** Higher is better: the store's keyword relevance, or cosine similarity for vector search. */
  score: number;
}

/** What a set of filters covers, for "what was searched" in answers. */
export interface ScopeSummary {
  meetings: number;
  from: string | null;
  to: string | null;
  committees: string[];
  councils: string[];
}

/** An indexed meeting, as listed by `meetings()`. */
export interface IndexedMeeting {
  source: string;
  council: string | null;
  committee: string | null;
  date: string | null;
  items: number;
  passages: number;
}

/** A meeting as stored, for copying an index into another store without parsing or embedding again. */
export interface ExportedMeeting {
  meeting: Meeting;
  /** What was read out of its minutes beyond the items; empty lists when none were written. */
  records: MeetingRecords;
  contentHash: string;
  /** One per passage in item order, or null for a keyword-only index. */
  vectors: Float32Array[] | null;
}

export interface SearchOptions {
  filters?: SearchFilters;
  limit: number;
}

/** What retrieval needs from an index. Safe to use while other processes write. */
export interface IndexReader {
  /** Where the index lives, for messages: a folder, or a database URL without its password. */
  readonly location: string;
  /** The model of the index's vectors, or null for a keyword-only index. */
  readonly model: IndexModel | null;
  /**
   * Keyword search over passage text, header and item title. Free text is made safe by the store:
   * no question can break its query syntax.
   */
  keywordSearch(query: string, options: SearchOptions): Promise<ScoredPassage[]>;
  /** Nearest passages by cosine similarity, best first; a filter never leaves fewer than `limit` when that many exist. */
  vectorSearch(vector: Float32Array, options: SearchOptions): Promise<ScoredPassage[]>;
  /** The passages with these ids, in the order asked; unknown ids are skipped. */
  passages(ids: number[]): Promise<StoredPassage[]>;
  /** What `filters` cover: meeting count, date range, committees and councils. */
  meetingsInScope(filters?: SearchFilters): Promise<ScopeSummary>;
  /** What is indexed (within `filters`, e.g. one council of a shared database). */
  stats(filters?: SearchFilters): Promise<IndexStats>;
  /**
   * Names the index's current contents: it changes with every committed write and differs between
   * two indexes. Caches derived from the contents (corpus statistics) are keyed by it.
   */
  changeStamp(): Promise<string>;
  /** Every minute item's title and text, for corpus statistics. Finish the loop before writing. */
  itemTexts(): AsyncIterable<{ itemId: number; title: string; text: string }>;
  /**
   * The meetings within `filters`, oldest first, each with what was read out of its minutes
   * (decisions, confirmations, attendance, role changes, votes, mentions, own status). Records
   * anchor to items by position, so items are read with them unless `items: false` (a status check
   * needs none). A confirmation is stored as the claim its meeting makes ("the minutes of 2 June
   * confirmed"): which meeting that is, is worked out by the reader over the meetings returned, so
   * it holds whichever order the meetings were indexed in.
   */
  recordedMeetings(filters?: SearchFilters, options?: RecordReadOptions): Promise<RecordedMeeting[]>;
  /** Every meeting whole, with its vectors: what `minutebook migrate` copies. */
  exportMeetings(): AsyncIterable<ExportedMeeting>;
  /** A small named cache beside the index (corpus statistics), or null when there is none. */
  readCache(name: string): Promise<string | null>;
  /** Saves a named cache; failures are the store's to log, never thrown (the cache can be rebuilt). */
  writeCache(name: string, value: string): Promise<void>;
  /**
   * Whether a rebuild has swapped in another index since this one was opened; a long-running
   * reader should then close and reopen.
   */
  isSuperseded(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * What ingestion needs. A writer holds the index's writer lock from open to close, so two writers
 * never interleave; a rebuild goes live at `close()` and is dropped by `discard()`.
 */
export interface IndexWriter extends IndexReader {
  /** The content hash recorded for `source`, or null when it is not indexed. */
  contentHash(source: string): Promise<string | null>;
  /**
   * Replaces everything indexed from `meeting.source` with `meeting` and its `records`, atomically.
   * `vectors` align with the meeting's passages flattened in item order, and are given exactly when
   * the index has a model (null for a keyword-only index). Without `records` the meeting has none.
   */
  replaceMeeting(
    meeting: Meeting,
    contentHash: string,
    vectors: Float32Array[] | null,
    records?: MeetingRecords,
  ): Promise<void>;
  /** Drops the meeting indexed from `source`. Resolves false when there was none. */
  removeMeeting(source: string): Promise<boolean>;
  /** Every indexed meeting, oldest first. */
  meetings(): Promise<IndexedMeeting[]>;
  /** Closes without making a rebuild live: the old index stays as it was. */
  discard(): Promise<void>;
}

/** One held writer lock. */
export interface WriterLock {
  release(): Promise<void>;
}

/** How long a writer waits for another to finish, and how it says so. */
export interface LockWait {
  /** Give up (with IndexBusyError) after this long. 0: refuse at once if the lock is held. */
  waitMs: number;
  /** Called once when the lock is held by someone else, with who holds it as far as known. */
  onWait?: (holder: string) => void;
}

/**
 * One writer at a time per index: `ingest`, `sync`, `remove`, `--rebuild` (and anything else that
 * writes) take it for their whole run. A lock file's OS lock for SQLite, an advisory lock for
 * PostgreSQL; both are let go by the OS or the server when the holder dies, even by kill -9.
 */
export interface WriterLocks {
  acquire(purpose: string, wait: LockWait): Promise<WriterLock>;
}
