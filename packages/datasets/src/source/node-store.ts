import { mkdir, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegularBytes } from './regular-file.js';
import type { FileStore } from './store.js';
import type { PinnedFile, SourceOptions } from './types.js';
import { downloadVerified, progressReporter } from './verified-download.js';

/**
 * The cache folder: `options.cacheDir`, else `$HORN_HOME/datasets`, `HORN_HOME` defaulting to `~/.horn`.
 * @example datasetsCacheDir() // '/home/me/.horn/datasets'
 */
export function datasetsCacheDir(options: SourceOptions = {}): string {
  if (options.cacheDir !== undefined) return options.cacheDir;
  const home = process.env.HORN_HOME || join(homedir(), '.horn');
  return join(home, 'datasets');
}

/**
 * The Node file store: local folders and the cache on disk. A download streams into
 * `<cache>/<dataset>/<file>.<random>.part`, is hashed as it arrives, and is renamed to its final
 * name only when complete and matching its sha256; on any failure the part file is deleted.
 * @example const store = createNodeStore(); await store.readCached('mnist', 'train-labels-idx1-ubyte.gz', {});
 */
export function createNodeStore(): FileStore {
  const location = (dataset: string, name: string, options: SourceOptions) =>
    join(datasetsCacheDir(options), dataset, name);
  return {
    readLocal: (dir, name) => readRegularBytes(join(dir instanceof URL ? fileURLToPath(dir) : dir, name), 'data file'),
    // A cached file of the wrong size is as corrupt as one with the wrong hash: removed, fetched again.
    readCached: (dataset, name, options, size) =>
      readRegularBytes(location(dataset, name, options), 'cached file', size),
    removeCached: (dataset, name, options) => unlink(location(dataset, name, options)).catch(() => undefined),
    cacheLocation: location,
    download: async (url: string, dataset: string, file: PinnedFile, options: SourceOptions) => {
      await mkdir(join(datasetsCacheDir(options), dataset), { recursive: true });
      const expected = { algorithm: 'sha256', hex: file.sha256 } as const;
      return downloadVerified(
        url,
        location(dataset, file.name, options),
        file.name,
        expected,
        progressReporter(options.onProgress),
        { maxBytes: file.size, timeoutMs: options.timeoutMs },
      );
    },
  };
}
