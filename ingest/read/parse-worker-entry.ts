/**
 * The parse process (see parse-worker.ts): given its limits first, it reads each document it is
 * sent with the same reader as everything else and answers with the meeting or the error. It has
 * nothing else to do, so when its parent goes (the IPC channel closes) it ends too.
 */
import { asMinutebookError } from '../../src/errors.js';
import type { IngestLimits } from '../limits.js';
import { readDocument } from './index.js';
import { describeFailure, type ParseReply, type ParseRequest, type ParseSetup } from './parse-worker.js';

if (!process.send) throw new Error('parse-worker-entry runs as the child process of a ParseWorker');
const reply = (message: ParseReply) => process.send?.(message);

let limits: IngestLimits | null = null;
process.on('message', (message: ParseSetup | ParseRequest) => {
  if ('limits' in message) {
    limits = message.limits;
    reply({ ready: true });
    return;
  }
  const { id, doc } = message;
  readDocument(doc, limits ?? undefined).then(
    (meeting) => reply({ id, meeting }),
    (error: unknown) => reply({ id, error: describeFailure(asMinutebookError(error)) }),
  );
});
process.on('disconnect', () => process.exit(0));
