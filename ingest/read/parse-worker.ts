/**
 * Reads minutes files in a worker thread with a heap limit and a time limit, so that no one file
 * can take the process down: a file that exhausts the thread's heap or runs past its time is
 * refused by name, the thread is replaced, and the next file is read as usual. The limits inside
 * the reader (ingest/limits.ts) refuse almost every hostile file long before; this is the backstop
 * for what they do not foresee (a PDF that makes PDF.js loop, a parser slow on some new shape).
 */
import { Worker } from 'node:worker_threads';
import { BadMinutesFileError, type ErrorCode, LimitExceededError, MinutebookError } from '../../src/errors.js';
import type { Meeting, SourceDocument } from '../../src/types.js';
import { formatCount, type IngestLimits, limitExceeded } from '../limits.js';

/** Reads one document into a meeting; every failure is a MinutebookError naming the document. */
export interface DocumentReader {
  read(doc: SourceDocument): Promise<Meeting>;
  /** Stops whatever the reader started; it cannot be used again. */
  close(): Promise<void>;
}

/** A request to the parse thread. */
export interface ParseRequest {
  id: number;
  doc: SourceDocument;
}

/** An error as it crosses threads: enough to rebuild it for the user's message. */
export interface ParseFailure {
  code: string;
  message: string;
  /** The file a BadMinutesFileError named. */
  file?: string;
  /** The variable of a LimitExceededError. */
  limit?: string;
}

/** The parse thread's messages: ready (its modules loaded), then one answer per request. */
export type ParseReply = { ready: true } | { id: number; meeting: Meeting } | { id: number; error: ParseFailure };

/**
 * A {@link DocumentReader} over one worker thread, started on the first read and reused; reads are
 * served one at a time in the order asked. Close it when done (an idle thread never holds the
 * process open, but its memory stays until it is closed).
 */
export class ParseWorker implements DocumentReader {
  #worker: Worker | null = null;
  /** Resolves once the current thread has loaded its modules: a read's time starts then. */
  #ready: Promise<void> = Promise.resolve();
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(private readonly limits: IngestLimits) {}

  read(doc: SourceDocument): Promise<Meeting> {
    if (this.#closed) return Promise.reject(new MinutebookError('INTERNAL', 'the parse thread was closed'));
    const run = this.#queue.then(() => this.#run(doc));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  async #run(doc: SourceDocument): Promise<Meeting> {
    if (this.#closed) throw new MinutebookError('INTERNAL', 'the parse thread was closed');
    const worker = this.#worker ?? this.#spawn();
    try {
      await this.#ready;
    } catch (error) {
      if (this.#worker === worker) this.#worker = null;
      throw this.#threadFailure(doc.source, error as Error);
    }
    const id = this.#nextId++;
    return new Promise<Meeting>((resolve, reject) => {
      // `retire`: the thread failed the read for its own reasons (out of memory, stopped, out of
      // time), so it is not used again; the next read starts a fresh one.
      const settle = (outcome: { meeting: Meeting } | { error: Error }, retire = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (retire) {
          if (this.#worker === worker) this.#worker = null;
          void worker.terminate();
        }
        if ('meeting' in outcome) resolve(outcome.meeting);
        else reject(outcome.error);
      };
      const onMessage = (reply: ParseReply) => {
        if ('ready' in reply || reply.id !== id) return;
        settle('meeting' in reply ? { meeting: reply.meeting } : { error: rebuildError(reply.error) });
      };
      const onError = (error: Error & { code?: string }) => {
        settle({ error: this.#threadFailure(doc.source, error) }, true);
      };
      const onExit = (code: number) => {
        const stopped = `could not be read: the parse thread stopped (exit code ${code})`;
        settle({ error: new BadMinutesFileError(doc.source, stopped) }, true);
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
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ id, doc } satisfies ParseRequest);
    });
  }

  #threadFailure(source: string, error: Error & { code?: string }): Error {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return limitExceeded(
        source,
        'parseMemoryMb',
        `needed more than the ${formatCount(this.limits.parseMemoryMb)} MB of memory one file may use to be read`,
        'open it and save it again, or save it as PDF or text',
      );
    }
    return new BadMinutesFileError(source, `could not be read: the parse thread failed (${error.message})`, {
      cause: error,
    });
  }

  #spawn(): Worker {
    const worker = startEntry('parse-worker-entry', this.limits, {
      maxOldGenerationSizeMb: this.limits.parseMemoryMb,
    });
    this.#ready = new Promise<void>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`it stopped while starting (exit code ${code})`));
      const onMessage = (reply: ParseReply) => {
        if (!('ready' in reply)) return;
        worker.off('error', reject);
        worker.off('exit', onExit);
        worker.off('message', onMessage);
        // Idle between reads: never the reason the process stays up.
        worker.unref();
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', onExit);
    });
    // Nobody may be waiting yet; the read that is will see the failure.
    this.#ready.catch(() => undefined);
    this.#worker = worker;
    return worker;
  }
}

/**
 * Starts a worker entry that sits beside this file: the compiled JavaScript, or in development
 * (tests, benches, `npm run dev`, where this file is TypeScript) the TypeScript entry through tsx.
 */
function startEntry(name: string, workerData: unknown, resourceLimits: Worker['resourceLimits']): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData, resourceLimits });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** The error a failure in the parse thread stands for, with its class, code and file. */
function rebuildError(failure: ParseFailure): MinutebookError {
  const file = failure.file;
  const problem = file && failure.message.startsWith(`${file}: `) ? failure.message.slice(file.length + 2) : null;
  if (file && problem !== null && failure.limit) return new LimitExceededError(file, failure.limit, problem);
  if (file && problem !== null) return new BadMinutesFileError(file, problem);
  return new MinutebookError(failure.code as ErrorCode, failure.message);
}

/** An error as it crosses threads (the other half of {@link rebuildError}). */
export function describeFailure(error: MinutebookError): ParseFailure {
  return {
    code: error.code,
    message: error.message,
    ...(error instanceof BadMinutesFileError ? { file: error.file } : {}),
    ...(error instanceof LimitExceededError ? { limit: error.limit } : {}),
  };
}
