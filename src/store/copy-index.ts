import type { IndexReader, IndexWriter } from './types.js';

/** What `copyIndex` did. */
export interface CopySummary {
  meetings: number;
  passages: number;
  unchanged: number;
}

/**
 * Copies every meeting of `from` into `to`, vectors included, one transaction per meeting; nothing
 * is parsed or embedded again. Meetings `to` already has with the same content hash are skipped, so
 * an interrupted copy carries on where it stopped. Meetings of other sources in `to` are kept: one
 * database can take the indexes of several councils.
 */
export async function copyIndex(
  from: IndexReader,
  to: IndexWriter,
  onMeeting?: (done: number, source: string) => void,
): Promise<CopySummary> {
  const summary: CopySummary = { meetings: 0, passages: 0, unchanged: 0 };
  let done = 0;
  for await (const { meeting, records, contentHash, vectors } of from.exportMeetings()) {
    if ((await to.contentHash(meeting.source)) === contentHash) {
      summary.unchanged++;
    } else {
      await to.replaceMeeting(meeting, contentHash, vectors, records);
      summary.meetings++;
      summary.passages += meeting.items.reduce((n, item) => n + item.passages.length, 0);
    }
    onMeeting?.(++done, meeting.source);
  }
  return summary;
}
