/**
 * The parse thread (see parse-worker.ts): reads each document it is sent with the same reader as
 * everything else, within the limits it was started with, and answers with the meeting or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { asMinutebookError } from '../../src/errors.js';
import type { IngestLimits } from '../limits.js';
import { readDocument } from './index.js';
import { describeFailure, type ParseReply, type ParseRequest } from './parse-worker.js';

const limits = workerData as IngestLimits;
const port = parentPort;
if (!port) throw new Error('parse-worker-entry runs as the worker thread of a ParseWorker');

port.postMessage({ ready: true } satisfies ParseReply);
port.on('message', (request: ParseRequest) => {
  readDocument(request.doc, limits).then(
    (meeting) => port.postMessage({ id: request.id, meeting } satisfies ParseReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, error: describeFailure(asMinutebookError(error)) } satisfies ParseReply),
  );
});
