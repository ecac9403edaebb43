/**
 * Keeps step with a council's ModernGov site: lists a committee's meetings in a date window, and
 * for each one whose minutes are published yields a Meeting — from the web service's structured
 * minutes where the site fills them in, otherwise from the printed-minutes PDF. One meeting's
 * failure is reported and the rest carry on; a committee the site refuses is reported likewise.
 */
import { isIsoDate } from '../../src/dates.js';
import { asMinutebookError, BadMinutesFileError, MinutebookError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Meeting, MinutesSource } from '../../src/types.js';
import {
  checkMeetingSize,
  DEFAULT_LIMITS,
  distrustImplausibleDate,
  formatCount,
  type IngestLimits,
  limitExceeded,
} from '../limits.js';
import { inProcessReader } from '../read/index.js';
import { type MarkupCounts, MarkupScan } from '../read/markup.js';
import type { DocumentReader } from '../read/parse-worker.js';
import { sniffFormat } from '../read/sniff.js';
import type { ModernGovClient } from './client.js';
import { structuredItem } from './item.js';
import {
  hasStructuredMinutes,
  type MeetingContext,
  meetingFromModernGov,
  meetingHeader,
  previousMinutesLink,
  printedMinutesLink,
} from './map.js';
import type { MgLinkedDoc, MgMeeting, MgMeetingSummary } from './schema.js';

/** Minutes are usually approved at the next meeting; look this far past the window for it. */
const NEXT_MEETING_LOOKAHEAD_DAYS = 183;
/** Meeting details fetched ahead of the one being yielded; the fetcher's own limit still applies. */
const PREFETCH = 4;

export interface ModernGovSyncOptions {
  client: ModernGovClient;
  committeeIds: string[];
  /** ISO dates, inclusive. */
  from: string;
  to: string;
  /** Council name for citations; ModernGov's web service does not say it. */
  council?: string | null;
  logger?: Logger;
  /** Today, for tests; meetings after it are not expected to have minutes. */
  today?: string;
  /** What one meeting may cost (ingest/limits.ts); the defaults when absent. */
  limits?: IngestLimits;
  /** Reads printed minutes; the CLI gives its parse process, tests may read in-process (the default). */
  reader?: DocumentReader;
  /**
   * How many items the index holds for a meeting's source, or null when it has none: a new copy
   * with fewer items replaces it only when the reply shows that copy is complete.
   */
  indexedItems?: (source: string) => number | null;
}

/** Why a listed meeting yielded nothing, for the summary. */
export type SkipReason = 'unpublished' | 'future' | 'no-minutes';

export interface SyncReport {
  committees: Array<{ id: string; title: string | null; meetings: number; error?: string }>;
  skipped: Array<{ source: string; date: string | null; reason: SkipReason }>;
  /** Meetings read from the web service's own minutes. */
  structured: number;
  /** Meetings read from a printed-minutes PDF (or Word file). */
  printed: number;
  restrictedItems: number;
  failed: Array<{ source: string; error: string }>;
  /** Meetings whose indexed copy was kept rather than replaced by a smaller one that may be incomplete. */
  kept: Array<{ source: string; reason: string }>;
}

/** A MinutesSource over one ModernGov site; `report` fills in as `meetings()` is consumed. */
export class ModernGovSource implements MinutesSource {
  readonly report: SyncReport = {
    committees: [],
    skipped: [],
    structured: 0,
    printed: 0,
    restrictedItems: 0,
    failed: [],
    kept: [],
  };
  private committeeTitles: Map<string, string> | null = null;

  /** The site this source syncs. */
  get baseUrl(): string {
    return this.options.client.baseUrl;
  }

  private readonly limits: IngestLimits;
  private readonly reader: DocumentReader;

  constructor(private readonly options: ModernGovSyncOptions) {
    for (const date of [options.from, options.to]) {
      if (!isIsoDate(date)) throw new RangeError(`dates must be YYYY-MM-DD (got "${date}")`);
    }
    if (options.from > options.to) throw new RangeError(`--from ${options.from} is after --to ${options.to}`);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.reader = options.reader ?? inProcessReader(this.limits);
  }

  async *meetings(): AsyncIterable<{ source: string; meeting?: Meeting; error?: Error }> {
    for (const committeeId of this.options.committeeIds) {
      yield* this.committeeMeetings(committeeId);
    }
  }

  private async *committeeMeetings(
    committeeId: string,
  ): AsyncIterable<{ source: string; meeting?: Meeting; error?: Error }> {
    const { client, from, to } = this.options;
    const title = await this.committeeTitle(committeeId);
    const entry: SyncReport['committees'][number] = { id: committeeId, title, meetings: 0 };
    this.report.committees.push(entry);
    let listed: MgMeetingSummary[];
    try {
      listed = await client.getMeetings(committeeId, from, addDays(to, NEXT_MEETING_LOOKAHEAD_DAYS));
    } catch (error) {
      const wrapped = asMinutebookError(error);
      entry.error = wrapped.message;
      const source = `${client.baseUrl} committee ${committeeId}`;
      this.report.failed.push({ source, error: wrapped.message });
      yield { source, error: wrapped };
      return;
    }
    const sorted = [...listed].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const inWindow = sorted.filter((m) => m.date === null || (m.date >= from && m.date <= to));
    entry.meetings = inWindow.length;
    const context = (meetingId: string): MeetingContext => ({
      council: this.options.council ?? null,
      committeeId,
      committeeTitle: title,
      meetingUrl: client.meetingUrl(committeeId, meetingId),
      itemUrl: (id) => client.itemUrl(id),
    });
    const nextOf = (id: string): MgMeetingSummary | null => sorted[sorted.findIndex((m) => m.id === id) + 1] ?? null;

    // Details are fetched a few ahead so the site's two connections stay busy, and yielded in date order.
    const queue: Array<Promise<Outcome>> = [];
    const upcoming = inWindow.values();
    const fill = (): void => {
      while (queue.length < PREFETCH) {
        const next = upcoming.next();
        if (next.done) return;
        queue.push(this.oneMeeting(next.value, nextOf(next.value.id), context(next.value.id)));
      }
    };
    fill();
    for (let head = queue.shift(); head; head = queue.shift()) {
      const outcome = await head;
      fill();
      if (outcome.kind === 'meeting') yield { source: outcome.meeting.source, meeting: outcome.meeting };
      if (outcome.kind === 'error') yield { source: outcome.source, error: outcome.error };
    }
  }

  private async oneMeeting(
    summary: MgMeetingSummary,
    next: MgMeetingSummary | null,
    context: MeetingContext,
  ): Promise<Outcome> {
    const source = context.meetingUrl;
    const today = this.options.today ?? new Date().toISOString().slice(0, 10);
    if (summary.date && summary.date > today) return this.skip(source, summary.date, 'future');
    try {
      const meeting = await this.options.client.getMeeting(summary.id);
      if (!meeting) throw new BadMinutesFileError(source, 'the web service knows no such meeting');
      if (!meeting.minutesPublished) return this.skip(source, meeting.date ?? summary.date, 'unpublished');
      // Before any body is read as HTML (deciding whether there are structured minutes reads them).
      checkMinutesMarkup(meeting, source, this.limits);
      let built: Meeting;
      let how: 'structured' | 'printed';
      if (hasStructuredMinutes(meeting)) {
        built = meetingFromModernGov(meeting, context);
        how = 'structured';
      } else {
        const link = printedMinutesLink(meeting) ?? (await this.linkFromNextMeeting(next));
        if (!link) return this.skip(source, meeting.date ?? summary.date, 'no-minutes');
        built = await this.fromPrintedMinutes(meeting, link, context);
        how = 'printed';
      }
      checkMeetingSize(built, this.limits);
      distrustImplausibleDate(built, today);
      const missing = missingFromAgenda(meeting, built);
      if (missing.length > 0) {
        built.warnings.push(`the minutes lack minute(s) ${missing.join(', ')} that the meeting's agenda lists`);
      }
      const kept = this.keptInstead(built, missing);
      if (kept) {
        this.report.kept.push({ source, reason: kept });
        this.options.logger?.warn({ source, reason: kept }, 'indexed copy kept');
        return { kind: 'skipped' };
      }
      this.count(built, how);
      return { kind: 'meeting', meeting: built };
    } catch (error) {
      // Our own errors name what failed; anything else (a library's, a bug) is given the meeting's name.
      const wrapped =
        error instanceof MinutebookError
          ? error
          : new MinutebookError('INTERNAL', `${source}: ${asMinutebookError(error).message}`, { cause: error });
      this.report.failed.push({ source, error: wrapped.message });
      this.options.logger?.warn({ source, err: wrapped.message }, 'meeting not synced');
      return { kind: 'error', source, error: wrapped };
    }
  }

  /**
   * Why the indexed copy of `built.source` is kept instead of `built`, or null to replace it. A copy
   * with fewer items than the indexed one replaces it only with evidence that it is complete: every
   * minute the agenda lists is in it (a cut-off reply never gets this far: the client refuses it).
   */
  private keptInstead(built: Meeting, missing: string[]): string | null {
    const indexed = this.options.indexedItems?.(built.source) ?? null;
    if (indexed === null || built.items.length >= indexed || missing.length === 0) return null;
    return (
      `kept the indexed copy (${indexed} items): the new one has ${built.items.length} items and lacks minute(s) ` +
      `${missing.join(', ')} that the agenda lists; sync again later, or \`minutebook remove\` it first if it really shrank`
    );
  }

  private async linkFromNextMeeting(next: MgMeetingSummary | null): Promise<MgLinkedDoc | null> {
    if (!next) return null;
    const meeting = await this.options.client.getMeeting(next.id);
    return meeting ? previousMinutesLink(meeting) : null;
  }

  /**
   * Reads the printed minutes and cuts them into items by minute number with the text parser, then
   * adds what only the web service knows: item links, and exempt items (title only) that a public
   * PDF leaves out.
   */
  private async fromPrintedMinutes(meeting: MgMeeting, link: MgLinkedDoc, context: MeetingContext): Promise<Meeting> {
    const document = await this.options.client.getDocument(link.url);
    checkPrintedFormat(document.bytes, document.url);
    const header = meetingHeader(meeting, context);
    // Read under the document's address, so a refusal names what was fetched; filed under the meeting's.
    const read = await this.reader.read({
      source: document.url,
      bytes: document.bytes,
      hints: {
        council: header.council,
        committee: header.committee,
        date: header.date,
        url: context.meetingUrl,
        startTime: header.startTime,
        venue: header.venue,
      },
    });
    const parsed: Meeting = { ...read, source: context.meetingUrl };
    const byNumber = new Map(
      meeting.items.filter((i) => i.minutesNumber && i.id).map((i) => [normaliseNumber(i.minutesNumber ?? ''), i]),
    );
    for (const item of parsed.items) {
      const agendaItem = item.minute ? byNumber.get(normaliseNumber(item.minute)) : undefined;
      if (agendaItem?.id && item.url === null) item.url = context.itemUrl(agendaItem.id);
    }
    const printedNumbers = new Set(parsed.items.map((i) => normaliseNumber(i.minute ?? '')));
    for (const agendaItem of meeting.items) {
      if (!agendaItem.restricted || printedNumbers.has(normaliseNumber(agendaItem.minutesNumber ?? ''))) continue;
      parsed.items.push(
        structuredItem({
          minute: agendaItem.minutesNumber,
          title: agendaItem.title,
          text: '',
          url: agendaItem.id ? context.itemUrl(agendaItem.id) : null,
          restricted: true,
          agendaItem: null,
        }),
      );
    }
    return {
      ...parsed,
      council: parsed.council ?? header.council,
      committee: header.committee ?? parsed.committee,
      date: header.date ?? parsed.date,
      chair: parsed.chair ?? header.chair,
      attendees: parsed.attendees.length ? parsed.attendees : header.attendees,
      url: context.meetingUrl,
      warnings: [...parsed.warnings, `read from the printed minutes at ${document.url}`],
    };
  }

  private async committeeTitle(committeeId: string): Promise<string | null> {
    if (!this.committeeTitles) {
      try {
        const committees = await this.options.client.getCommittees();
        this.committeeTitles = new Map(committees.map((c) => [c.id, c.title]));
      } catch (error) {
        // The title is a nicety (meetings may carry their own); a site without GetCommittees still syncs.
        this.options.logger?.warn({ err: asMinutebookError(error).message }, 'committee names unavailable');
        this.committeeTitles = new Map();
      }
    }
    return this.committeeTitles.get(committeeId) ?? null;
  }

  private skip(source: string, date: string | null, reason: SkipReason): Outcome {
    this.report.skipped.push({ source, date, reason });
    return { kind: 'skipped' };
  }

  private count(meeting: Meeting, how: 'structured' | 'printed'): void {
    this.report[how]++;
    this.report.restrictedItems += meeting.items.filter((i) => i.restricted).length;
  }
}

type Outcome =
  | { kind: 'meeting'; meeting: Meeting }
  | { kind: 'skipped' }
  | { kind: 'error'; source: string; error: Error };

/** Printed minutes are PDFs; a few councils attach Word files. Anything else is named, not guessed at. */
function checkPrintedFormat(bytes: Uint8Array, url: string): void {
  const format = sniffFormat(bytes, new URL(url).pathname);
  if (format === 'pdf' || format === 'docx') return;
  throw new BadMinutesFileError(
    url,
    `expected the printed minutes as PDF but got ${format}; the link may need a login`,
  );
}

/**
 * Measures the minutes bodies' markup before any is turned into text, against one budget for the
 * meeting: a web service can send as much HTML as a hostile file (see read/markup.ts).
 */
function checkMinutesMarkup(meeting: MgMeeting, source: string, limits: IngestLimits): void {
  // Each minute makes a passage at least, and no agenda comes near the limit: a reply listing more
  // items than a meeting may have passages is refused before any item is built.
  if (meeting.items.length > limits.maxMeetingPassages) {
    throw limitExceeded(
      source,
      'maxMeetingPassages',
      `lists ${formatCount(meeting.items.length)} agenda items, more than the ${formatCount(limits.maxMeetingPassages)} passages one meeting may make`,
    );
  }
  let spent: MarkupCounts | undefined;
  for (const html of meeting.items.flatMap((item) => [item.minutesHtml ?? '', item.decisionHtml ?? ''])) {
    const scan = new MarkupScan(source, limits, spent ? { spent } : {});
    scan.write(html);
    spent = scan.end();
  }
}

/**
 * The minute numbers the meeting's agenda gives (open items only: exempt ones are never printed)
 * that are not among `built`'s items — evidence of minutes cut short, or of a parser that missed one.
 */
function missingFromAgenda(meeting: MgMeeting, built: Meeting): string[] {
  const present = new Set(built.items.map((item) => normaliseNumber(item.minute ?? '')));
  return meeting.items
    .filter((item) => !item.restricted && item.minutesNumber)
    .map((item) => normaliseNumber(item.minutesNumber ?? ''))
    .filter((number) => number !== '' && !present.has(number));
}

function normaliseNumber(raw: string): string {
  return raw.trim().replace(/\.$/, '').toLowerCase();
}

/** The dates a run covers: `--from`/`--to` when given, else the last `recheckWeeks` weeks to today. */
export function syncWindow(options: { from?: string; to?: string; recheckWeeks: number; today?: string }): {
  from: string;
  to: string;
} {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const to = options.to ?? today;
  const from = options.from ?? addDays(to, -7 * options.recheckWeeks);
  return { from, to };
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
