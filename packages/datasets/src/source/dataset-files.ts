import { ValueError } from '@horn/tensor';
import { envVar, sha256Hex } from './environment.js';
import { type FileStore, platformStore } from './store.js';
import type { DatasetSource, PinnedFile, RemoteFile, SourceOptions } from './types.js';

/**
 * Gets a data set's files, in this order: the `path` option (or `HORN_<NAME>_PATH`), a sub-folder
 * of `HORN_DATA_PATH`, the cache (checked by sha256; a corrupt cached file is deleted and fetched
 * again), and finally a download (verified, then stored atomically in the cache).
 * Returns file name -> bytes, for the first complete local file set or for all remote files.
 * @example const files = await datasetFiles(MNIST_SOURCE, { path: '../shared/data/mnist' });
 */
export async function datasetFiles(
  source: DatasetSource,
  options: SourceOptions = {},
): Promise<Map<string, Uint8Array>> {
  const store = await platformStore();
  const explicit = options.path ?? envVar(`HORN_${source.envName}_PATH`);
  if (explicit !== undefined) {
    const found = await readLocalSet(store, explicit, source);
    if (found) return found;
    const sets = source.local.map((set) => set.join(', ')).join(' | or | ');
    throw new ValueError(
      `${source.id}: no complete set of files in '${String(explicit)}'${options.path === undefined ? ` (from HORN_${source.envName}_PATH)` : ''}; expected: ${sets}`,
    );
  }
  const dataPath = envVar('HORN_DATA_PATH');
  if (dataPath !== undefined) {
    const found = await readLocalSet(store, `${dataPath.replace(/[\\/]+$/, '')}/${source.id}`, source);
    if (found) return found;
  }
  const files = new Map<string, Uint8Array>();
  for (const file of source.remote) files.set(file.name, await cachedOrDownloaded(store, source, file, options));
  return files;
}

async function readLocalSet(
  store: FileStore,
  dir: string | URL,
  source: DatasetSource,
): Promise<Map<string, Uint8Array> | null> {
  for (const set of source.local) {
    const files = new Map<string, Uint8Array>();
    for (const name of set) {
      const bytes = await store.readLocal(dir, name);
      if (bytes === null) break;
      files.set(name, bytes);
    }
    if (files.size === set.length) return files;
  }
  return null;
}

async function cachedOrDownloaded(
  store: FileStore,
  source: DatasetSource,
  file: RemoteFile,
  options: SourceOptions,
): Promise<Uint8Array> {
  if (file.sha256 === null) {
    throw new ValueError(
      `${source.id}: ${file.name} is not downloaded: no sha256 is pinned for it yet (${file.url}). Put the file in a folder and pass { path } (or set HORN_${source.envName}_PATH or HORN_DATA_PATH)`,
    );
  }
  const pinned = file as PinnedFile;
  const cached = await store.readCached(source.id, file.name, options, file.size);
  if (cached !== null && (await sha256Hex(cached)) === pinned.sha256) return cached;
  await store.removeCached(source.id, file.name, options);
  return store.download(downloadUrl(source, file, options), source.id, pinned, options);
}

/**
 * The URL a file is downloaded from: `${baseUrl}/${file}` with the `baseUrl` option, else
 * `${HORN_DATASETS_URL}/${dataset}/${file}` with that env var, else the canonical URL.
 * @example downloadUrl(MNIST_SOURCE, file, { baseUrl: 'http://127.0.0.1:8080' })
 */
export function downloadUrl(source: DatasetSource, file: RemoteFile, options: SourceOptions): string {
  if (options.baseUrl !== undefined) return `${options.baseUrl.replace(/\/+$/, '')}/${file.name}`;
  const mirror = envVar('HORN_DATASETS_URL');
  if (mirror !== undefined) return `${mirror.replace(/\/+$/, '')}/${source.id}/${file.name}`;
  return file.url;
}
