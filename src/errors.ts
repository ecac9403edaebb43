/**
 * Errors users can act on. Each has a stable `code` (for JSON output, logs and tests) and a message
 * that says what happened and what to do next. Anything else is wrapped by `asMinutebookError`.
 */

export type ErrorCode =
  | 'BAD_INPUT'
  | 'BAD_MINUTES_FILE'
  | 'BAD_MANIFEST'
  | 'CONFIG'
  | 'INDEX_MISSING'
  | 'INDEX_MISMATCH'
  | 'INDEX_CORRUPT'
  | 'INDEX_UNWRITABLE'
  | 'INDEX_BUSY'
  | 'INDEX_UNAVAILABLE'
  | 'MODEL_NOT_FOUND'
  | 'LLM_UNAVAILABLE'
  | 'SOURCE_UNAVAILABLE'
  | 'BUSY'
  | 'INTERNAL';

export class MinutebookError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad user input that is not a file: an empty query, `--k 0`, a malformed date. */
export class BadInputError extends MinutebookError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

/** A minutes file that cannot be read or parsed. `file` is always named in the message. */
export class BadMinutesFileError extends MinutebookError {
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super('BAD_MINUTES_FILE', `${file}: ${problem}`, options);
    this.file = file;
  }
}

/**
 * A minutes file (or synced meeting) over one of ingest's limits (`ingest/limits.ts`): named with
 * the limit and the variable that raises it.
 */
export class LimitExceededError extends BadMinutesFileError {
  /** The environment variable that raises the limit. */
  readonly limit: string;

  constructor(file: string, limit: string, problem: string) {
    super(file, problem);
    this.limit = limit;
  }
}

export class BadManifestError extends MinutebookError {
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super('BAD_MANIFEST', `manifest ${file}: ${problem}`, options);
    this.file = file;
  }
}

export class ConfigError extends MinutebookError {
  constructor(message: string) {
    super('CONFIG', message);
  }
}

export class IndexMissingError extends MinutebookError {
  constructor(dir: string) {
    super('INDEX_MISSING', `no index in ${dir}: build one with \`npx minutebook ingest <minutes files>\``);
  }
}

export class IndexMismatchError extends MinutebookError {
  constructor(message: string) {
    super('INDEX_MISMATCH', message);
  }
}

export class IndexCorruptError extends MinutebookError {
  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(
      'INDEX_CORRUPT',
      `${file}: ${problem}. Rebuild it with \`npx minutebook ingest --rebuild <minutes files>\``,
      options,
    );
  }
}

export class IndexUnwritableError extends MinutebookError {
  constructor(dir: string, options?: { cause?: unknown }) {
    super(
      'INDEX_UNWRITABLE',
      `cannot write the index in ${dir}: check the folder's permissions or pass --index`,
      options,
    );
  }
}

/** Another writer holds the index's writer lock and did not let go in time. */
export class IndexBusyError extends MinutebookError {
  constructor(location: string, holder: string, waitedMs: number) {
    super(
      'INDEX_BUSY',
      `the index in ${location} is being written by ${holder}; gave up after waiting ${Math.round(waitedMs / 1000)} s. Run again when it has finished, or wait longer with --wait <seconds>`,
    );
  }
}

/** The index's database cannot be reached or used as configured. */
export class IndexUnavailableError extends MinutebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INDEX_UNAVAILABLE', message, options);
  }
}

export class ModelNotFoundError extends MinutebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MODEL_NOT_FOUND', message, options);
  }
}

export class LlmUnavailableError extends MinutebookError {
  /** The model was there but did not finish in time (the fix differs: a longer timeout). */
  readonly timedOut: boolean;
  constructor(message: string, options?: { cause?: unknown; timedOut?: boolean }) {
    super('LLM_UNAVAILABLE', message, options?.cause === undefined ? {} : { cause: options.cause });
    this.timedOut = options?.timedOut ?? false;
  }
}

export class SourceUnavailableError extends MinutebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SOURCE_UNAVAILABLE', message, options);
  }
}

/** Too many questions are being answered already; the asker should try again shortly. */
export class BusyError extends MinutebookError {
  constructor() {
    super('BUSY', 'too many questions are being answered right now: try again in a minute');
  }
}

/**
 * The thread that does the work (`serve`'s answering thread) is starting, restarting, stuck or gone:
 * nothing is wrong with the request itself, which can be sent again once the thread is back. Keeps
 * the code the asker is told (the index is not available, or something went wrong); its class is
 * what lets a periodic job (the alerts pass) stop early and wait for its next turn.
 */
export class WorkerUnavailableError extends MinutebookError {}

/** Wraps anything thrown into a MinutebookError, keeping the original as `cause`. */
export function asMinutebookError(error: unknown): MinutebookError {
  if (error instanceof MinutebookError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MinutebookError('INTERNAL', message, { cause: error });
}
