/**
 * Reads minutes files in a child process with a heap limit and a time limit, so that no one file
 * can take Minutebook down: a file that exhausts the child's heap or runs past its time is refused
 * by name, the child is replaced, and the next file is read as usual. The limits inside the reader
 * (ingest/limits.ts) refuse almost every hostile file long before; this is the backstop for what
 * they do not foresee (a PDF that makes PDF.js loop, a parser slow on some new shape).
 *
 * A process, not a worker thread: a worker's heap limit is best-effort, and some allocations that
 * cross it abort the whole process instead of the thread (nodejs/node#47224) — seen here on Node 24
 * with a Word file of 30,000 paragraphs. A child's heap running out ends only the child.
 */
import type { ChildProcess } from 'node:child_process';
import { startProcess } from '../../src/entry-point.js';
import { BadMinutesFileError, type ErrorCode, LimitExceededError, MinutebookError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { formatCount, type IngestLimits, limitExceeded } from '../limits.js';

/** Reads one document into a meeting; every failure is a MinutebookError naming the document. */
export interface DocumentReader {
  read(doc: SourceDocument): Promise<Meeting>;
  /** Stops whatever the reader started; it cannot be used again. */
  close(): Promise<void>;
}

/** A request to the parse process. */
export interface ParseRequest {
  id: number;
  doc: SourceDocument;
}

/** An error as it crosses processes: enough to rebuild it for the user's message. */
export interface ParseFailure {
  code: string;
  message: string;
  /** The file a BadMinutesFileError named. */
  file?: string;
  /** The variable of a LimitExceededError. */
  limit?: string;
}

/** The parse process's messages: ready (its modules loaded), then one answer per request. */
export type ParseReply = { ready: true } | { id: number; meeting: Meeting } | { id: number; error: ParseFailure };

/** How much of the child's stderr is kept to tell why it stopped (V8 writes its reason there). */
const STDERR_KEPT = 8 * 1024;

/**
 * A {@link DocumentReader} over one child process, started on the first read and reused; reads
 * are served one at a time in the order asked. Close it when done (an idle child never holds the
 * process open, but its memory stays until it is closed).
 */
export class ParseWorker implements DocumentReader {
  #child: ChildProcess | null = null;
  /** Resolves once the current child has loaded its modules: a read's time starts then. */
  #ready: Promise<void> = Promise.resolve();
  /** The end of each child's stderr, where V8 says why it stopped. */
  readonly #stderr = new WeakMap<ChildProcess, string>();
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(private readonly limits: IngestLimits) {}

  read(doc: SourceDocument): Promise<Meeting> {
    if (this.#closed) return Promise.reject(new MinutebookError('INTERNAL', 'the parse process was closed'));
    const run = this.#queue.then(() => this.#run(doc));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const child = this.#child;
    this.#child = null;
    if (child) await stop(child);
  }

  async #run(doc: SourceDocument): Promise<Meeting> {
    if (this.#closed) throw new MinutebookError('INTERNAL', 'the parse process was closed');
    const child = this.#child ?? this.#spawn();
    try {
      await this.#ready;
    } catch (error) {
      if (this.#child === child) this.#child = null;
      throw new BadMinutesFileError(
        doc.source,
        `could not be read: the parse process failed (${(error as Error).message})`,
      );
    }
    const id = this.#nextId++;
    return new Promise<Meeting>((resolve, reject) => {
      // `retire`: the child failed the read for its own reasons (out of memory, stopped, out of
      // time), so it is not used again; the next read starts a fresh one.
      const settle = (outcome: { meeting: Meeting } | { error: Error }, retire = false) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('close', onClose);
        idle(child);
        if (retire) {
          if (this.#child === child) this.#child = null;
          void stop(child);
        }
        if ('meeting' in outcome) resolve(outcome.meeting);
        else reject(outcome.error);
      };
      const onMessage = (reply: ParseReply) => {
        if ('ready' in reply || reply.id !== id) return;
        settle('meeting' in reply ? { meeting: reply.meeting } : { error: rebuildError(reply.error) });
      };
      const onError = (error: Error) => {
        const failed = `could not be read: the parse process failed (${error.message})`;
        settle({ error: new BadMinutesFileError(doc.source, failed) }, true);
      };
      // 'close', not 'exit': it comes once stderr is read to the end, so the reason is all there.
      const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
        settle({ error: this.#exitFailure(child, doc.source, code, signal) }, true);
      };
      const timer = setTimeout(() => {
        const seconds = formatCount(this.limits.parseTimeoutMs / 1000);
        settle(
          {
            error: limitExceeded(
              doc.source,
              'parseTimeoutMs',
              `took more than ${seconds} s to read, the limit for one file`,
              'open it and save it again, or save it as PDF or text',
            ),
          },
          true,
        );
      }, this.limits.parseTimeoutMs);
      child.on('message', onMessage);
      child.on('error', onError);
      child.on('close', onClose);
      busy(child);
      child.send({ id, doc } satisfies ParseRequest);
    });
  }

  /** Why a child that stopped mid-read stopped, as the error for the file it was reading. */
  #exitFailure(child: ChildProcess, source: string, code: number | null, signal: NodeJS.Signals | null): Error {
    if (/heap out of memory|Allocation failed/.test(this.#stderr.get(child) ?? '')) {
      return limitExceeded(
        source,
        'parseMemoryMb',
        `needed more than the ${formatCount(this.limits.parseMemoryMb)} MB of memory one file may use to be read`,
        'open it and save it again, or save it as PDF or text',
      );
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    return new BadMinutesFileError(source, `could not be read: the parse process stopped (${how})`);
  }

  #spawn(): ChildProcess {
    const child = startProcess(import.meta.url, 'parse-worker-entry', [
      `--max-old-space-size=${Math.max(16, Math.round(this.limits.parseMemoryMb))}`,
    ]);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.#stderr.set(child, ((this.#stderr.get(child) ?? '') + chunk).slice(-STDERR_KEPT));
    });
    child.send({ limits: this.limits } satisfies ParseSetup);
    this.#ready = new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        reject(new Error(`it stopped while starting (${signal ? `signal ${signal}` : `exit code ${code}`})`));
      const onMessage = (reply: ParseReply) => {
        if (!('ready' in reply)) return;
        child.off('error', reject);
        child.off('exit', onExit);
        child.off('message', onMessage);
        idle(child);
        resolve();
      };
      child.on('message', onMessage);
      child.once('error', reject);
      child.once('exit', onExit);
    });
    // Nobody may be waiting yet; the read that is will see the failure.
    this.#ready.catch(() => undefined);
    this.#child = child;
    return child;
  }
}

/** The first message to a new parse process: the limits it reads within. */
export interface ParseSetup {
  limits: IngestLimits;
}

/** While a read is under way the child keeps the process alive: its answer is awaited. */
function busy(child: ChildProcess): void {
  child.ref();
  child.channel?.ref();
}

/** Idle between reads, the child is never the reason the process stays up. */
function idle(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
}

/** Ends a child and waits until it has gone, so no read outlives `close()`. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // Held until it has gone: an idle child is unreferenced, and the wait must keep the process up.
    child.ref();
    child.kill('SIGKILL');
  });
}

/** The error a failure in the parse process stands for, with its class, code and file. */
function rebuildError(failure: ParseFailure): MinutebookError {
  const file = failure.file;
  const problem = file && failure.message.startsWith(`${file}: `) ? failure.message.slice(file.length + 2) : null;
  if (file && problem !== null && failure.limit) return new LimitExceededError(file, failure.limit, problem);
  if (file && problem !== null) return new BadMinutesFileError(file, problem);
  return new MinutebookError(failure.code as ErrorCode, failure.message);
}

/** An error as it crosses processes (the other half of {@link rebuildError}). */
export function describeFailure(error: MinutebookError): ParseFailure {
  return {
    code: error.code,
    message: error.message,
    ...(error instanceof BadMinutesFileError ? { file: error.file } : {}),
    ...(error instanceof LimitExceededError ? { limit: error.limit } : {}),
  };
}
