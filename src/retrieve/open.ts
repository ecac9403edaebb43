import type { Config } from '../config.js';
import { openEmbedder } from '../embed/open.js';
import type { Logger } from '../logger.js';
import { openIndexReader, storeTarget } from '../store/open-store.js';
import { HybridRetriever } from './retriever.js';

/**
 * Opens the index (SQLite folder or PostgreSQL, as configured) and the embedding model its vectors
 * were made with. The query must be embedded by the index's own model, whatever is configured now;
 * when that model is not available the retriever searches keywords only and `notice` (once,
 * through `say`) tells the user how to fix it.
 */
export async function openRetriever(
  ctx: { config: Config; logger: Logger; err?: (text: string) => void },
  options: { indexDir?: string; databaseUrl?: string } = {},
): Promise<HybridRetriever> {
  const target = storeTarget(ctx.config, {
    ...(options.indexDir !== undefined ? { index: options.indexDir } : {}),
    ...(options.databaseUrl !== undefined ? { database: options.databaseUrl } : {}),
  });
  const open = () => openIndexReader(target, { logger: ctx.logger });
  const store = await open();
  try {
    const model = store.model;
    let embedder = null;
    if (model) {
      const opened = await openEmbedder(ctx.config, ctx.logger, model.id);
      embedder = opened.embedder;
      if (opened.unavailable) notice(ctx, `searching keywords only: ${opened.unavailable}`);
    } else {
      notice(
        ctx,
        'searching keywords only: the index has no vectors; fetch the model (`npx minutebook model fetch`) and re-ingest with --rebuild',
      );
    }
    return new HybridRetriever({ store, embedder, logger: ctx.logger, ownsStore: true, reopen: open });
  } catch (error) {
    await store.close();
    throw error;
  }
}

function notice(ctx: { logger: Logger; err?: (text: string) => void }, message: string): void {
  if (ctx.err) ctx.err(`note: ${message}`);
  else ctx.logger.warn(message);
}
