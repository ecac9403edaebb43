import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { limitsFromConfig } from '../../../ingest/limits.js';
import { manifestOption } from '../../../ingest/load.js';
import { type IngestSummary, ingestFiles } from '../../../ingest/pipeline.js';
import { IndexChanges } from '../../alerts/changes.js';
import { openEmbedder } from '../../embed/open.js';
import { corpusStatsFor } from '../../retrieve/corpus-stats.js';
import { describeTarget, openIndexWriter } from '../../store/open-store.js';
import { type CliContext, createCliContext, runCommand } from '../context.js';
import { type StoreFlags, storeOptions, targetOf, writerWait } from '../store-flags.js';

interface IngestFlags extends StoreFlags {
  manifest?: string;
  rebuild?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('ingest')
    .description('Parse minutes files, embed their passages and add them to the index (unchanged files are skipped)')
    .argument('<inputs...>', 'minutes files or folders (text, PDF, HTML or Word)')
    .option('--manifest <path>', 'JSON list of { file, council, committee, date, url } for files whose text lost them');
  storeOptions(command, { writer: true })
    .option('--rebuild', 'start a fresh index; the old one stays in use until the new one is complete')
    .option('--json', 'print the summary as JSON on stdout')
    .action((inputs: string[], flags: IngestFlags) => runCommand(() => ingestCommand(inputs, flags)));
}

async function ingestCommand(inputs: string[], flags: IngestFlags): Promise<number> {
  const ctx = createCliContext();
  const manifest = manifestOption(flags.manifest);
  const target = targetOf(ctx, flags);
  const indexDir = describeTarget(target);
  const { embedder, unavailable } = await openEmbedder(ctx.config, ctx.logger);
  if (unavailable) ctx.err(`note: building a keyword-only index: ${unavailable}`);
  const model = embedder ? { id: embedder.modelId, dimensions: embedder.dimensions } : null;
  const store = await openIndexWriter(target, {
    purpose: flags.rebuild ? 'ingest --rebuild' : 'ingest',
    rebuild: flags.rebuild === true,
    model,
    logger: ctx.logger,
    wait: writerWait(ctx, flags, target),
  });

  const bar =
    ctx.interactive && !flags.json
      ? new cliProgress.SingleBar(
          { format: ' {bar} {value}/{total} {file}', clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let summary: IngestSummary;
  const changes = new IndexChanges();
  try {
    summary = await ingestFiles(inputs, {
      store,
      embedder,
      onIndexed: (meeting) => changes.add(meeting),
      limits: limitsFromConfig(ctx.config.ingestLimits),
      ...(manifest ? { manifest } : {}),
      onProgress: (done, total, file) => {
        if (!bar) return;
        if (done === 1) bar.start(total, 0, { file: '' });
        bar.update(done, { file: path.basename(file) });
      },
    });
  } catch (error) {
    // A failed rebuild leaves the old index in use; a failed update keeps what it wrote so far.
    if (flags.rebuild) await store.discard();
    else {
      await store.close();
      await changes.recordOrWarn(target, ctx.logger, ctx.err);
    }
    throw error;
  } finally {
    bar?.stop();
  }
  // Ready the search statistics now, so the first question after an ingest does not wait.
  try {
    await corpusStatsFor(store, ctx.logger);
  } finally {
    await store.close();
  }
  // Only now is every write committed (and a rebuild live): topic alerts may match against them.
  await changes.recordOrWarn(target, ctx.logger, ctx.err);

  for (const missing of manifest?.missingFiles ?? []) {
    ctx.err(`warning: manifest ${flags.manifest} names ${missing}, which does not exist`);
  }
  for (const { source, warning } of summary.warnings) ctx.err(`warning: ${source}: ${warning}`);
  for (const { error } of summary.errors) ctx.err(`minutebook: ${error.message}`);
  report(ctx, summary, indexDir, flags.json === true);
  return summary.failed > 0 ? 1 : 0;
}

function report(ctx: CliContext, summary: IngestSummary, indexDir: string, json: boolean): void {
  const { errors, warnings, ...counts } = summary;
  if (json) {
    ctx.out(
      JSON.stringify(
        { ...counts, index: indexDir, errors: errors.map((e) => ({ source: e.source, error: e.error.message })) },
        null,
        2,
      ),
    );
    return;
  }
  ctx.out(
    `Indexed ${counts.meetings} meeting(s), ${counts.items} items, ${counts.passages} passages; ` +
      `${counts.unchanged} unchanged, ${counts.failed} failed, in ${counts.seconds.toFixed(1)} s (index: ${indexDir})`,
  );
}
