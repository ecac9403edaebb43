/**
 * ModernGov sync, assembled: one polite fetcher per site, the web-service client over it, and the
 * MinutesSource that turns the site's meetings into ours. The CLI and tests build it the same way.
 */
import type { Logger } from '../../src/logger.js';
import { ModernGovClient, type ModernGovProtocol } from './client.js';
import { PoliteFetcher } from './http.js';

export type { ModernGovProtocol } from './client.js';
export { ModernGovClient } from './client.js';
export type { SkipReason, SyncReport } from './sync.js';
export { ModernGovSource, syncWindow } from './sync.js';

export interface ModernGovSiteOptions {
  baseUrl: string;
  /** Identifies us to the council's web team; see {@link userAgent}. */
  userAgent: string;
  protocol?: ModernGovProtocol;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** Responses larger than this are refused (see PoliteFetchOptions.maxBytes). */
  maxBytes?: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** The client for one site, with its own polite fetcher (limits are per site). */
export function openModernGovClient(options: ModernGovSiteOptions): ModernGovClient {
  const fetcher = new PoliteFetcher({
    userAgent: options.userAgent,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return new ModernGovClient({
    baseUrl: options.baseUrl,
    fetcher,
    ...(options.protocol ? { protocol: options.protocol } : {}),
  });
}

/**
 * The User-Agent Minutebook sends: name and version, and how to reach whoever runs it, so a
 * council's web team can ask before they block.
 */
export function userAgent(version: string, contact?: string): string {
  return `Minutebook/${version} (+${contact?.trim() || 'contact in README'})`;
}
