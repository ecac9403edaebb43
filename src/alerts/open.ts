import type { Logger } from '../logger.js';
import type { StoreTarget } from '../store/open-store.js';
import { PostgresAlertStore } from './postgres-store.js';
import { SqliteAlertStore } from './sqlite-store.js';
import type { AlertStore } from './types.js';

/**
 * Opens the alert store that goes with an index: `alerts.db` in its folder, or the
 * `<schema>_alerts` schema of its PostgreSQL database. Created on first use.
 */
export async function openAlertStore(target: StoreTarget, options: { logger: Logger }): Promise<AlertStore> {
  if (target.kind === 'postgres') return PostgresAlertStore.open(target.url, options);
  return SqliteAlertStore.open(target.dir, options);
}
