/**
 * A sites file lists the ModernGov sites a nightly sync covers, one entry per council:
 * `[{ "moderngov": "https://democracy.example.gov.uk", "council": "Example Council", "committees": ["12", "13"] }]`.
 */
import { readFileSync } from 'node:fs';
import { BadManifestError } from '../../src/errors.js';

export interface SiteConfig {
  moderngov: string;
  council: string | null;
  committees: string[];
}

/** Reads and checks a sites file, naming the entry and field of anything wrong. */
export function loadSites(file: string): SiteConfig[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BadManifestError(file, `cannot be read as JSON (${detail}); check the path and the JSON`, {
      cause: error,
    });
  }
  if (!Array.isArray(data) || data.length === 0) {
    throw new BadManifestError(file, 'must be a non-empty JSON array of { "moderngov", "council", "committees" }');
  }
  return data.map((entry: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new BadManifestError(file, `${where} is not an object`);
    const record = entry as Record<string, unknown>;
    const { moderngov, council, committees } = record;
    if (typeof moderngov !== 'string' || !/^https?:\/\//.test(moderngov.trim())) {
      throw new BadManifestError(
        file,
        `${where}: "moderngov" must be the site's address, starting http:// or https://`,
      );
    }
    if (council !== undefined && council !== null && typeof council !== 'string') {
      throw new BadManifestError(file, `${where}: "council" must be text`);
    }
    const ids = Array.isArray(committees) ? committees.map((id) => (typeof id === 'number' ? String(id) : id)) : [];
    if (ids.length === 0 || !ids.every((id): id is string => typeof id === 'string' && /^\d+$/.test(id))) {
      throw new BadManifestError(
        file,
        `${where}: "committees" must list committee ids, e.g. ["12"] (see --list-committees)`,
      );
    }
    return {
      moderngov: moderngov.trim(),
      council: typeof council === 'string' && council.trim() ? council.trim() : null,
      committees: [...new Set(ids)],
    };
  });
}
