import type { IOHandler, ModelArtifacts } from './artifacts.js';
import { ModelFileError } from './errors.js';
import { fetchBounded } from './fetch-bounded.js';
import { MAX_JSON_BYTES } from './file-handler.js';
import { checkShardPath, parseModelJSON, readModelArtifacts } from './model-json-file.js';

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
  /**
   * How long to wait for each response, then for each next chunk of its body, before giving up
   * (a ModelFileError). Default 30,000 ms.
   */
  timeoutMs?: number;
  /** The most bytes of weights the model.json may declare (default 2 GiB). */
  maxWeightBytes?: number;
}

/**
 * An IOHandler that loads a model.json URL and its shards (resolved relative to it) with `fetch`,
 * as TF.js' `tf.io.http` loads: works in browsers and in Node 18+. Every shard must resolve to the
 * model.json's origin and directory (absolute URLs, other origins and `..` — percent-encoded too —
 * are refused before any request); each body is read only up to the bytes its weights need (a
 * longer Content-Length is refused unread) and each request times out (`timeoutMs`). Checks the
 * JSON and every shard's length before returning; failures throw a ModelFileError naming the URL.
 * @example const model = await loadModel(httpLoadHandler('https://example.com/mnist/model.json'));
 */
export function httpLoadHandler(url: string, options: HttpLoadOptions = {}): IOHandler {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchFn = options.fetch ?? globalThis.fetch;
  return {
    async load(): Promise<ModelArtifacts> {
      const text = new TextDecoder().decode(
        await fetchBounded(fetchFn, url, options.requestInit, MAX_JSON_BYTES, timeoutMs),
      );
      const json = parseModelJSON(text, url);
      return readModelArtifacts(
        json,
        url,
        (path, maxBytes) => fetchBounded(fetchFn, shardUrl(url, path), options.requestInit, maxBytes, timeoutMs, path),
        (path) => shardUrl(url, path),
        options.maxWeightBytes,
      );
    },
  };
}

/**
 * The URL of a shard, resolved against the model.json URL; refused unless it stays on the same
 * origin and inside the model.json's directory.
 * @example shardUrl('https://a.org/m/model.json', 'group1-shard1of1.bin') // 'https://a.org/m/group1-shard1of1.bin'
 */
export function shardUrl(modelUrl: string, path: string): string {
  checkShardPath(path, modelUrl);
  const base = new URL(modelUrl, globalThis.location?.href);
  const resolved = new URL(path, base);
  const dir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(dir)) {
    throw new ModelFileError(`${modelUrl}: shard path '${path}' leaves the model's directory: refused`);
  }
  return resolved.href;
}
