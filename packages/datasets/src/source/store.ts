import { isNode } from './environment.js';
import type { PinnedFile, SourceOptions } from './types.js';

/** Platform access to files: local folders, the cache, and verified downloads into the cache. */
export interface FileStore {
  /** The bytes of `name` in a user folder (Node) or under a URL prefix (browser); `null` when absent. */
  readLocal(dir: string | URL, name: string): Promise<Uint8Array | null>;
  /** The bytes of a cached file; `null` when not cached or not of `size` bytes (when given). */
  readCached(dataset: string, name: string, options: SourceOptions, size?: number): Promise<Uint8Array | null>;
  /** Deletes a cached file (a corrupt one). */
  removeCached(dataset: string, name: string, options: SourceOptions): Promise<void>;
  /** Downloads `file` from `url`, checks its sha256, stores it atomically in the cache, returns its bytes. */
  download(url: string, dataset: string, file: PinnedFile, options: SourceOptions): Promise<Uint8Array>;
  /** Where a file is (or would be) cached, for messages. */
  cacheLocation(dataset: string, name: string, options: SourceOptions): string;
}

/**
 * The store for this platform: the file system under Node, fetch + the Cache API in a browser.
 * Node modules are loaded lazily so browser bundles never see them.
 * @example const store = await platformStore(); await store.readLocal('../shared/data/mnist', 't10k-labels-idx1-ubyte.gz');
 */
export async function platformStore(): Promise<FileStore> {
  if (isNode()) {
    const { createNodeStore } = await import('./node-store.js');
    return createNodeStore();
  }
  const { createBrowserStore } = await import('./browser-store.js');
  return createBrowserStore();
}
