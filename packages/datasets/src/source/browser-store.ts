import { concatChunks, streamDownload } from './download.js';
import { sha256Hex } from './environment.js';
import { ChecksumError } from './errors.js';
import type { FileStore } from './store.js';
import type { PinnedFile, SourceOptions } from './types.js';

const CACHE_NAME = 'horn-datasets';
// Cache API keys are URLs; this origin is never fetched, it only names entries.
const KEY_ORIGIN = 'https://horn-datasets.invalid';

/**
 * The browser file store: `path` folders are URL prefixes read with fetch; the cache is the Cache
 * API (cache `horn-datasets`, key `<dataset>/<file>`); a download is verified before it is stored,
 * so the cache never holds a partial or corrupt file.
 * @example const store = createBrowserStore(); await store.readCached('mnist', 'train-labels-idx1-ubyte.gz', {});
 */
export function createBrowserStore(): FileStore {
  const key = (dataset: string, name: string) => `${KEY_ORIGIN}/${dataset}/${name}`;
  const open = () => (typeof caches === 'undefined' ? Promise.resolve(null) : caches.open(CACHE_NAME));
  return {
    readLocal: async (dir, name) => {
      const base = String(dir).endsWith('/') ? String(dir) : `${String(dir)}/`;
      const response = await fetch(new URL(name, new URL(base, globalThis.location?.href)));
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    readCached: async (dataset, name) => {
      const cache = await open();
      const hit = await cache?.match(key(dataset, name));
      return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
    },
    removeCached: async (dataset, name) => {
      await (await open())?.delete(key(dataset, name));
    },
    cacheLocation: (dataset, name) => `Cache API '${CACHE_NAME}' ${dataset}/${name}`,
    download: async (url: string, dataset: string, file: PinnedFile, options: SourceOptions) => {
      const chunks: Uint8Array[] = [];
      const onProgress = options.onProgress === false ? undefined : options.onProgress;
      await streamDownload(url, file.name, (chunk) => void chunks.push(chunk), onProgress);
      const bytes = concatChunks(chunks);
      const actual = await sha256Hex(bytes);
      if (actual !== file.sha256) throw new ChecksumError(file.name, file.sha256, actual, `downloaded from ${url}`);
      await (await open())?.put(key(dataset, file.name), new Response(bytes as Uint8Array<ArrayBuffer>));
      return bytes;
    },
  };
}
