import type { IOHandler, ModelArtifacts } from './artifacts.js';
import { ModelFileError } from './errors.js';
import { parseModelJSON, readModelArtifacts } from './model-json-file.js';

/**
 * Options of {@link httpLoadHandler}.
 * @example
 * const model = await loadModel(
 *   httpLoadHandler('https://example.com/mnist/model.json', { requestInit: { credentials: 'include' }, fetch: globalThis.fetch }),
 * );
 */
export interface HttpLoadOptions {
  /** The fetch function (default the global `fetch`). */
  fetch?: typeof fetch;
  /** Passed to every request (headers, credentials, ...). */
  requestInit?: RequestInit;
}

/**
 * An IOHandler that loads a model.json URL and its shards (resolved relative to it) with `fetch`,
 * as TF.js' `tf.io.http` loads: works in browsers and in Node 18+. Checks the JSON and every
 * shard's length before returning; failures throw a ModelFileError naming the URL.
 * @example const model = await loadModel(httpLoadHandler('https://example.com/mnist/model.json'));
 */
export function httpLoadHandler(url: string, options: HttpLoadOptions = {}): IOHandler {
  const get = async (target: string): Promise<Response> => {
    const fetchFn = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchFn(target, options.requestInit);
    } catch (e) {
      throw new ModelFileError(`${target}: request failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!response.ok)
      throw new ModelFileError(`${target}: request failed with HTTP ${response.status} ${response.statusText}`);
    return response;
  };
  return {
    async load(): Promise<ModelArtifacts> {
      const json = parseModelJSON(await (await get(url)).text(), url);
      const shardUrl = (path: string) => new URL(path, url).href;
      return readModelArtifacts(
        json,
        url,
        async (path) => new Uint8Array(await (await get(shardUrl(path))).arrayBuffer()),
        shardUrl,
      );
    },
  };
}
