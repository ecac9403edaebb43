import type { Worker } from 'node:worker_threads';
import type { FollowMatch, MatchRequest } from '../alerts/types.js';
import type { Config } from '../config.js';
import { startThread } from '../entry-point.js';
import { type ErrorCode, MinutebookError, WorkerUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StoreTarget } from '../store/open-store.js';
import type { Answer, Answerer, AskOptions, IndexStats } from '../types.js';
import type { IndexCoverage } from './coverage.js';
import type { WorkerFailure, WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

/** How much longer than its own timeout the thread is given to report a match's failure before it is taken for stuck. */
const STUCK_GRACE_MS = 5_000;

/** Options for {@link WorkerAnswerer}. */
export interface WorkerAnswererOptions {
  config: Config;
  /** The index the answering thread opens. */
  target: StoreTarget;
  logger: Logger;
  logLevel: string;
  /** A question not answered (or a follow not matched) within this is abandoned (the thread is told to stop too). */
  timeoutMs: number;
  /** A worker that dies is started again after this long (default 1 s), so a crash loop stays slow. */
  restartDelayMs?: number;
}

/** What the answering thread reported when it came up. */
export interface WorkerStatus {
  /** The index is open in the answering thread. */
  indexOpen: boolean;
  /** The model the index needs is loaded (true for an index built without vectors). */
  modelLoaded: boolean;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  /** The asker's draft listener: drafts arrive as messages from the answering thread. */
  onDraft?: (draft: string) => void;
  /** Gives up on a reply that never comes (a thread stuck in work); cleared when the reply settles it. */
  timer?: NodeJS.Timeout;
}

/**
 * An {@link Answerer} whose work runs in a worker thread (`answer-worker.ts`). The Slack thread only
 * passes messages, so it stays free to ack events however busy answering is. A worker that exits
 * (a crash, running out of memory) fails the questions it held, is logged, and is started again.
 * The alerts pass matches follows through it too ({@link WorkerAnswerer.matchFollow}), so the model
 * is loaded once, in that thread.
 */
export class WorkerAnswerer implements Answerer {
  readonly #options: WorkerAnswererOptions;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;
  #closing = false;
  #everReady = false;
  #status: WorkerStatus = { indexOpen: false, modelLoaded: false };

  constructor(options: WorkerAnswererOptions) {
    this.#options = options;
  }

  /** Starts the answering thread; resolves once the index is open and the model loaded. */
  async start(): Promise<WorkerStatus> {
    const worker = this.#spawn();
    return new Promise<WorkerStatus>((resolve, reject) => {
      const onMessage = (message: WorkerReply) => {
        if (message.type !== 'ready') return;
        worker.off('error', onError);
        resolve(this.#status);
      };
      // Failing to open the index (missing, corrupt) is an error of the first start: say it and stop.
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        this.#closing = true;
        const code = (error as Partial<MinutebookError>).code;
        reject(typeof code === 'string' ? rebuildError({ name: error.name, code, message: error.message }) : error);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
    });
  }

  get status(): WorkerStatus {
    return this.#status;
  }

  ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const id = this.#nextId++;
    const signal = options.signal;
    const request: WorkerRequest = {
      type: 'ask',
      id,
      question,
      history: options.history ?? [],
      timeoutMs: this.#options.timeoutMs,
      drafts: options.onDraft !== undefined,
    };
    const answer = this.#request<Answer>(request, options.onDraft);
    if (!signal) return answer;
    const onAbort = () => {
      this.#worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      this.#settle(id, (p) => p.reject(abortError(signal.reason)));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return answer.finally(() => signal.removeEventListener('abort', onAbort));
  }

  /**
   * Puts one follow to one meeting in the answering thread: the alerts pass's matcher in `serve`.
   * Rejects with {@link WorkerUnavailableError} while the thread is restarting, when it stops
   * mid-match, or when no reply comes within the timeout (it is told to stop): the pass then leaves
   * the meeting queued for its next turn.
   */
  matchFollow(request: MatchRequest): Promise<FollowMatch | null> {
    const id = this.#nextId++;
    const { timeoutMs } = this.#options;
    const { follow, meeting, announceable } = request;
    const match = this.#request<FollowMatch | null>({ type: 'match', id, timeoutMs, follow, meeting, announceable });
    // The thread times the match out itself; this catches a thread too stuck to say so.
    const pending = this.#pending.get(id);
    if (pending) {
      pending.timer = setTimeout(() => {
        this.#worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
        this.#settle(id, (p) =>
          p.reject(
            new WorkerUnavailableError(
              'INTERNAL',
              `the answering thread did not match a follow within ${Math.round(timeoutMs / 1000)} s`,
            ),
          ),
        );
      }, timeoutMs + STUCK_GRACE_MS);
      pending.timer.unref();
    }
    return match;
  }

  /** What is indexed, read in the answering thread (which holds the index). */
  stats(): Promise<IndexStats> {
    return this.#request<IndexStats>({ type: 'stats', id: this.#nextId++ });
  }

  /** What the index covers (committees and their latest meetings, named topics), for suggested prompts. */
  coverage(): Promise<IndexCoverage> {
    return this.#request<IndexCoverage>({ type: 'coverage', id: this.#nextId++ });
  }

  async close(): Promise<void> {
    this.#closing = true;
    const worker = this.#worker;
    if (!worker) return;
    worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // The index is closed cleanly when the thread listens; a thread stuck in work is ended.
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  #request<T>(request: WorkerRequest & { id: number }, onDraft?: (draft: string) => void): Promise<T> {
    const worker = this.#worker;
    if (!worker || !this.#status.indexOpen) {
      return Promise.reject(
        new WorkerUnavailableError('INDEX_MISSING', 'the answering thread is restarting: try again'),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(request.id, {
        resolve: resolve as (value: never) => void,
        reject,
        ...(onDraft ? { onDraft } : {}),
      });
      worker.postMessage(request);
    });
  }

  #settle(id: number, settle: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    settle(pending);
  }

  #spawn(): Worker {
    const { config } = this.#options;
    const setup: WorkerSetup = {
      // The answering thread never talks to Slack: it is not given Slack's secrets.
      config: { ...config, slack: { ...config.slack, botToken: null, appToken: null, signingSecret: null } },
      target: this.#options.target,
      logLevel: this.#options.logLevel,
    };
    const worker = startThread(import.meta.url, 'answer-worker', { workerData: setup });
    this.#worker = worker;
    worker.on('message', (message: WorkerReply) => {
      switch (message.type) {
        case 'ready':
          this.#everReady = true;
          this.#status = { indexOpen: true, modelLoaded: message.modelLoaded };
          this.#options.logger.info(
            { event: 'answer_thread.ready', meetings: message.meetings, model_loaded: message.modelLoaded },
            'answering thread ready',
          );
          return;
        case 'draft':
          try {
            this.#pending.get(message.id)?.onDraft?.(message.draft);
          } catch (error) {
            // A listener's failure must not take down the thread that reads every reply.
            this.#options.logger.warn({ err: error }, 'a draft listener failed');
          }
          return;
        case 'answer':
          this.#settle(message.id, (p) => p.resolve(message.answer as never));
          return;
        case 'match':
          this.#settle(message.id, (p) => p.resolve(message.match as never));
          return;
        case 'stats':
          this.#settle(message.id, (p) => p.resolve(message.stats as never));
          return;
        case 'coverage':
          this.#settle(message.id, (p) => p.resolve(message.coverage as never));
          return;
        case 'error':
          this.#settle(message.id, (p) => p.reject(rebuildError(message.error)));
          return;
      }
    });
    worker.on('exit', (code) => {
      this.#status = { indexOpen: false, modelLoaded: false };
      const lost = [...this.#pending.values()];
      this.#pending.clear();
      for (const p of lost) {
        clearTimeout(p.timer);
        p.reject(new WorkerUnavailableError('INTERNAL', `the answering thread stopped (exit code ${code})`));
      }
      if (this.#closing) return;
      this.#options.logger.error(
        { event: 'answer_thread.exit', code, lost: lost.length },
        'the answering thread stopped; starting it again',
      );
      setTimeout(() => {
        if (!this.#closing) this.#spawn();
      }, this.#options.restartDelayMs ?? 1000).unref();
    });
    worker.on('error', (error) => {
      // Before the first ready the error is start()'s own failure, reported by whoever started it.
      if (!this.#everReady) return;
      this.#options.logger.error({ err: error, event: 'answer_thread.error' }, 'the answering thread failed');
    });
    return worker;
  }
}

/** An error from the answering thread, rebuilt on this side with its code. */
function rebuildError(failure: WorkerFailure): Error {
  const error = new MinutebookError(failure.code as ErrorCode, failure.message);
  // Timeouts and cancellations keep their names: the user is told "took too long", not "went wrong".
  if (failure.name === 'AbortError' || failure.name === 'TimeoutError') error.name = failure.name;
  return error;
}

function abortError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const error = new Error('the question was cancelled');
  error.name = 'AbortError';
  return error;
}
