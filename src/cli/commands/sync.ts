import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { limitsFromConfig } from '../../../ingest/limits.js';
import {
  type ModernGovProtocol,
  ModernGovSource,
  openModernGovClient,
  type SyncReport,
  syncWindow,
  userAgent,
} from '../../../ingest/moderngov/index.js';
import { loadSites, type SiteConfig } from '../../../ingest/moderngov/sites.js';
import { type IngestSummary, ingestMeetings } from '../../../ingest/pipeline.js';
import { ParseWorker } from '../../../ingest/read/parse-worker.js';
import { IndexChanges } from '../../alerts/changes.js';
import { isIsoDate } from '../../dates.js';
import { openEmbedder } from '../../embed/open.js';
import { BadInputError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { corpusStatsFor } from '../../retrieve/corpus-stats.js';
import { describeTarget, openIndexWriter } from '../../store/open-store.js';
import type { Meeting } from '../../types.js';
import { type CliContext, createCliContext, positiveInt, runCommand } from '../context.js';
import { type StoreFlags, storeOptions, targetOf, writerWait } from '../store-flags.js';

interface SyncFlags extends StoreFlags {
  moderngov?: string;
  sites?: string;
  committee?: string[];
  council?: string;
  from?: string;
  to?: string;
  recheckWeeks: number;
  json?: boolean;
  listCommittees?: boolean;
  protocol: string;
  timeout: number;
  contact?: string;
}

/** Minutes appear weeks after a meeting; eight weeks back catches them on a nightly run. */
const DEFAULT_RECHECK_WEEKS = 8;

export function register(program: Command): void {
  const command = program
    .command('sync')
    .description(
      "Keep the index in step with a council's ModernGov site (published minutes only; unchanged meetings skipped)",
    )
    .option('--moderngov <base-url>', 'the ModernGov site, e.g. https://democracy.example.gov.uk')
    .option('--sites <file>', 'JSON list of sites to sync: [{ "moderngov", "council", "committees": ["12"] }]')
    .option('--committee <id...>', 'committee id(s) to sync (see --list-committees)')
    .option('--council <name>', 'council name to cite (the web service does not give it)')
    .option('--from <YYYY-MM-DD>', 'first meeting date to sync (default: --recheck-weeks before --to)')
    .option('--to <YYYY-MM-DD>', 'last meeting date to sync (default: today)')
    .option(
      '--recheck-weeks <n>',
      'without --from, how many weeks back to look again',
      positiveInt('--recheck-weeks'),
      DEFAULT_RECHECK_WEEKS,
    );
  storeOptions(command, { writer: true })
    .option('--list-committees', "list the site's committees and their ids, and stop")
    .option('--protocol <auto|get|soap>', 'web-service binding; auto falls back to SOAP where GET is off', 'auto')
    .option('--timeout <seconds>', 'give up on a request after this long (it is retried)', positiveInt('--timeout'), 30)
    .option('--contact <email-or-url>', 'how the council can reach you, sent in the User-Agent')
    .option('--json', 'print the summary as JSON on stdout')
    .action((flags: SyncFlags) => runCommand(() => syncCommand(flags)));
}

async function syncCommand(flags: SyncFlags): Promise<number> {
  const ctx = createCliContext();
  const protocol = checkProtocol(flags.protocol);
  const limits = limitsFromConfig(ctx.config.ingestLimits);
  const openClient = (baseUrl: string) =>
    openModernGovClient({
      baseUrl,
      userAgent: userAgent(packageVersion(), flags.contact),
      protocol,
      timeoutMs: flags.timeout * 1_000,
      // A meeting's reply or printed minutes is one meeting's minutes: no bigger than a minutes file.
      maxBytes: limits.maxFileBytes,
      logger: ctx.logger,
    });

  if (flags.listCommittees) {
    if (!flags.moderngov) throw new BadInputError('give --moderngov <base-url> with --list-committees');
    const committees = await openClient(flags.moderngov).getCommittees();
    if (flags.json) ctx.out(JSON.stringify(committees, null, 2));
    else for (const c of committees) ctx.out(`${c.id.padStart(6)}  ${c.title}${c.active ? '' : '  (no longer meets)'}`);
    return 0;
  }

  const window = checkedWindow(flags);
  const sites = siteList(flags);

  const target = targetOf(ctx, flags);
  const indexDir = describeTarget(target);
  const { embedder, unavailable } = await openEmbedder(ctx.config, ctx.logger);
  if (unavailable) ctx.err(`note: building a keyword-only index: ${unavailable}`);
  const model = embedder ? { id: embedder.modelId, dimensions: embedder.dimensions } : null;
  const store = await openIndexWriter(target, {
    purpose: 'sync',
    model,
    logger: ctx.logger,
    wait: writerWait(ctx, flags, target),
  });
  // Printed minutes are parsed in a thread of their own: one hostile document cannot end the sync.
  const reader = new ParseWorker(limits);
  let summary: IngestSummary;
  let sources: ModernGovSource[] = [];
  const changes = new IndexChanges();
  try {
    const indexedItems = new Map((await store.meetings()).map((m) => [m.source, m.items]));
    sources = sites.map(
      (site) =>
        new ModernGovSource({
          client: openClient(site.moderngov),
          committeeIds: site.committees,
          from: window.from,
          to: window.to,
          council: site.council,
          logger: ctx.logger,
          limits,
          reader,
          indexedItems: (source) => indexedItems.get(source) ?? null,
        }),
    );
    summary = await ingestMeetings(meetingsOf(sources), {
      store,
      embedder,
      onIndexed: (meeting) => changes.add(meeting),
    });
    // Ready the search statistics now, so the bot's first question after a sync does not wait.
    await corpusStatsFor(store, ctx.logger);
  } finally {
    // What was written stays written: the next run carries on from there.
    await store.close();
    await reader.close();
    // What was written is committed, even if the run failed part way: queue it for topic alerts.
    await changes.recordOrWarn(target, ctx.logger, ctx.err);
  }

  for (const { source: where, warning } of summary.warnings)
    ctx.logger.info({ source: where, warning }, 'parse warning');
  const syncFailures = sources.flatMap((source) => source.report.failed);
  const kept = sources.flatMap((source) => source.report.kept);
  for (const failure of syncFailures) ctx.err(`minutebook: ${failure.error}`);
  for (const { error } of summary.errors) ctx.err(`minutebook: ${error.message}`);
  for (const { source, reason } of kept) ctx.err(`warning: ${source}: ${reason}`);
  report(ctx, {
    sites: sources.map((source) => ({ baseUrl: source.baseUrl, report: source.report })),
    window,
    indexDir,
    ingest: summary,
    json: flags.json === true,
  });
  // Keeping an older copy is a warning the exit code carries too: a nightly job should look.
  return syncFailures.length > 0 || summary.failed > 0 || kept.length > 0 ? 1 : 0;
}

/** The sites to sync: from --sites, or the one given by --moderngov and --committee. */
function siteList(flags: SyncFlags): SiteConfig[] {
  if (flags.sites) {
    if (flags.moderngov || flags.committee)
      throw new BadInputError('give either --sites or --moderngov/--committee, not both');
    return loadSites(flags.sites);
  }
  if (!flags.moderngov) throw new BadInputError('give --moderngov <base-url> --committee <id>, or --sites <file>');
  // `--committee 12 --committee 13` and `--committee 12 13` both work; a repeat is synced once.
  const committees = [...new Set(flags.committee ?? [])];
  if (committees.length === 0) {
    throw new BadInputError(
      'give --committee <id> (find ids with `minutebook sync --moderngov <url> --list-committees`)',
    );
  }
  return [{ moderngov: flags.moderngov, council: flags.council ?? null, committees }];
}

function checkedWindow(flags: SyncFlags): { from: string; to: string } {
  for (const [name, value] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw new BadInputError(`${name} must be a date as YYYY-MM-DD (got "${value}")`);
  }
  const window = syncWindow({
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    recheckWeeks: flags.recheckWeeks,
  });
  if (window.from > window.to) throw new BadInputError(`--from ${window.from} is after --to ${window.to}`);
  return window;
}

/** The meetings the sources yield, site after site; their errors are already in their reports. */
async function* meetingsOf(sources: ModernGovSource[]): AsyncIterable<Meeting> {
  for (const source of sources) {
    for await (const entry of source.meetings()) if (entry.meeting) yield entry.meeting;
  }
}

function report(
  ctx: CliContext,
  r: {
    sites: Array<{ baseUrl: string; report: SyncReport }>;
    window: { from: string; to: string };
    indexDir: string;
    ingest: IngestSummary;
    json: boolean;
  },
): void {
  const all = r.sites.map((site) => site.report);
  const sum = (pick: (report: SyncReport) => number) => all.reduce((n, report) => n + pick(report), 0);
  const skipped = all.flatMap((report) => report.skipped);
  const failed = all.flatMap((report) => report.failed);
  if (r.json) {
    const { errors, warnings: _warnings, ...counts } = r.ingest;
    ctx.out(
      JSON.stringify(
        {
          from: r.window.from,
          to: r.window.to,
          index: r.indexDir,
          sites: r.sites.map((site) => ({ site: site.baseUrl, committees: site.report.committees })),
          indexed: counts.meetings,
          unchanged: counts.unchanged,
          items: counts.items,
          passages: counts.passages,
          fromWebService: sum((report) => report.structured),
          fromPrintedMinutes: sum((report) => report.printed),
          restrictedItems: sum((report) => report.restrictedItems),
          skipped,
          kept: all.flatMap((report) => report.kept),
          failed: [...failed, ...errors.map((e) => ({ source: e.source, error: e.error.message }))],
          seconds: counts.seconds,
        },
        null,
        2,
      ),
    );
    return;
  }
  for (const site of r.sites) {
    for (const c of site.report.committees) {
      const name = `${c.title ?? `committee ${c.id}`} (${c.id}) at ${site.baseUrl}`;
      ctx.out(
        `${name}: ${c.error ? `failed: ${c.error}` : `${c.meetings} meeting(s) ${r.window.from} to ${r.window.to}`}`,
      );
    }
  }
  const count = (reason: string) => skipped.filter((s) => s.reason === reason).length;
  const kept = all.reduce((n, report) => n + report.kept.length, 0);
  ctx.out(
    `Indexed ${r.ingest.meetings} meeting(s) (${r.ingest.items} items, ${r.ingest.passages} passages), ` +
      `${r.ingest.unchanged} unchanged; skipped ${count('unpublished')} with minutes not yet published, ` +
      `${count('future')} still to come, ${count('no-minutes')} with no minutes found; ` +
      (kept > 0 ? `kept ${kept} indexed cop${kept === 1 ? 'y' : 'ies'} over smaller ones; ` : '') +
      `${failed.length + r.ingest.failed} failed (index: ${r.indexDir})`,
  );
}

function checkProtocol(raw: string): ModernGovProtocol {
  if (raw === 'auto' || raw === 'get' || raw === 'soap') return raw;
  throw new BadInputError(`--protocol must be auto, get or soap (got "${raw}")`);
}

/** The version we announce in the User-Agent, from package.json. */
function packageVersion(): string {
  const raw: unknown = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const version = raw && typeof raw === 'object' && 'version' in raw ? raw.version : null;
  return typeof version === 'string' ? version : '0.0.0';
}
