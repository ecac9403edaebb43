import type { Logger } from '../logger.js';
import { openIndexReader, type StoreTarget } from '../store/open-store.js';
import { notedMeeting } from './keys.js';
import type { AlertStore, NotedMeeting } from './types.js';

/** Meetings recorded per transaction while taking a baseline. */
const BATCH = 50;

/**
 * Records, once, every item of an index that was built before its alert store existed, as seen
 * before any follow. Without it, the first `--rebuild` after alerts were set up would look like
 * every old meeting arriving anew, and each follow would be told about years of minutes.
 */
export async function ensureBaseline(store: AlertStore, target: StoreTarget, logger: Logger): Promise<void> {
  if (await store.hasBaseline()) return;
  const index = await openIndexReader(target, { logger });
  let meetings = 0;
  try {
    let batch: NotedMeeting[] = [];
    for await (const { meeting } of index.exportMeetings()) {
      batch.push(notedMeeting(meeting));
      meetings++;
      if (batch.length >= BATCH) {
        await store.noteMeetings(batch, { queue: false });
        batch = [];
      }
    }
    await store.noteMeetings(batch, { queue: false });
  } finally {
    await index.close();
  }
  await store.markBaseline();
  logger.info({ event: 'alerts.baseline', meetings }, 'recorded what the index held before alerts were set up');
}
