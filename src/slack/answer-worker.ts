import { parentPort, workerData } from 'node:worker_threads';
import { matchFollow } from '../alerts/match.js';
import { createAnswerer } from '../answer/create.js';
import type { Config } from '../config.js';
import { asMinutebookError } from '../errors.js';
import { createLogger } from '../logger.js';
import { useProxyFromConfig } from '../net/proxy.js';
import { openRetriever } from '../retrieve/open.js';
import { readCoverage } from './coverage.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

/**
 * The answering thread of `serve`: it owns the index, the embedding model and the answerer, so the
 * synchronous work of answering (retrieval, scoring, extracting) never blocks the thread that acks
 * Slack's events. Questions arrive as messages and run concurrently here: a question waiting on the
 * LLM holds nothing but itself. The alerts pass matches follows here too, with the same retriever,
 * so `serve` holds one copy of the model and its Slack thread never embeds or searches.
 */
const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('answer-worker.js runs as a worker thread of `minutebook serve`');

const config: Config = setup.config;
const logger = createLogger({ level: setup.logLevel }).child({ thread: 'answer' });
await useProxyFromConfig(config.proxy);
const { target } = setup;
const retriever = await openRetriever(
  { config, logger },
  target.kind === 'sqlite' ? { indexDir: target.dir } : { databaseUrl: target.url },
);
const answerer = createAnswerer({ config, logger, retriever });
// The first search builds the corpus statistics; doing it now keeps the first question quick.
retriever.glossary().catch((error: unknown) => {
  // The first question builds them again and reports what fails then.
  logger.warn({ err: error }, 'could not build the corpus statistics ahead of the first question');
});
const running = new Map<number, AbortController>();

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

function failure(error: unknown): { name: string; code: string; message: string } {
  const wrapped = asMinutebookError(error);
  const name = error instanceof Error ? error.name : 'Error';
  return { name, code: wrapped.code, message: wrapped.message };
}

port.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'ask': {
      const controller = new AbortController();
      running.set(request.id, controller);
      const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(request.timeoutMs)]);
      const id = request.id;
      const onDraft = request.drafts ? (draft: string) => reply({ type: 'draft', id, draft }) : undefined;
      answerer
        .ask(request.question, { history: request.history, signal, ...(onDraft ? { onDraft } : {}) })
        .then(
          (answer) => reply({ type: 'answer', id: request.id, answer }),
          (error: unknown) => reply({ type: 'error', id: request.id, error: failure(error) }),
        )
        .finally(() => running.delete(request.id));
      return;
    }
    case 'match': {
      const controller = new AbortController();
      running.set(request.id, controller);
      const { follow, meeting, announceable } = request;
      matchFollow({
        follow,
        meeting,
        announceable,
        retriever,
        logger,
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(request.timeoutMs)]),
      })
        .then(
          (match) => reply({ type: 'match', id: request.id, match }),
          (error: unknown) => reply({ type: 'error', id: request.id, error: failure(error) }),
        )
        .finally(() => running.delete(request.id));
      return;
    }
    case 'cancel':
      running.get(request.id)?.abort();
      running.delete(request.id);
      return;
    case 'stats':
      retriever.stats().then(
        (stats) => reply({ type: 'stats', id: request.id, stats }),
        (error: unknown) => reply({ type: 'error', id: request.id, error: failure(error) }),
      );
      return;
    case 'coverage':
      readCoverage(retriever).then(
        (coverage) => reply({ type: 'coverage', id: request.id, coverage }),
        (error: unknown) => reply({ type: 'error', id: request.id, error: failure(error) }),
      );
      return;
    case 'close':
      // Closed before the port, so a PostgreSQL pool is ended rather than cut off.
      retriever.close().finally(() => port?.close());
      return;
  }
});

const stats = await retriever.stats();
reply({ type: 'ready', modelLoaded: !retriever.keywordOnly || stats.model === null, meetings: stats.meetings });
