import { NotImplementedError, ValueError } from '@horn/tensor';
import { isNode } from '../source/environment.js';
import type { ArchiveFormat } from './extract-archive.js';

/**
 * Options of {@link getFile}, Keras's `get_file` arguments in camelCase.
 * @example const options: GetFileOptions = { fileHash: 'd41d8cd98f00b204e9800998ecf8427e', extract: true };
 */
export interface GetFileOptions {
  /** The expected sha256 or md5 (hex) of the file; checked after a download and on a cached file. */
  fileHash?: string;
  /** 'auto' (default: sha256 for a 64-character hash, md5 otherwise), 'sha256' or 'md5'. */
  hashAlgorithm?: 'auto' | 'sha256' | 'md5';
  /** The cache root. Default `$HORN_HOME`, `HORN_HOME` defaulting to `~/.horn` (Keras: `~/.keras`). */
  cacheDir?: string;
  /** The folder under `cacheDir` (an absolute path is used as is). Default `'datasets'`. */
  cacheSubdir?: string;
  /** Extract the archive (tar, tar.gz or zip) and return the extraction folder. Default false. */
  extract?: boolean;
  /** Deprecated in Keras in favour of `extract`: extract as a tar archive. Default false. */
  untar?: boolean;
  /** Download even when the file is cached. Default false. */
  forceDownload?: boolean;
  /** Archive kinds to try when extracting: 'auto' (tar, then zip; default), 'tar', 'zip', a list, or null. */
  archiveFormat?: ArchiveFormat;
}

const OPTION_KEYS: readonly string[] = [
  'fileHash',
  'hashAlgorithm',
  'cacheDir',
  'cacheSubdir',
  'extract',
  'untar',
  'forceDownload',
  'archiveFormat',
];

/**
 * Keras's `keras.utils.get_file`: downloads `origin` (http(s) or `file://`) into the cache unless it
 * is already there, and returns the local path. With `fileHash` the file is verified (sha256 or md5,
 * picked by the hash's length under `hashAlgorithm: 'auto'`): a cached file that does not match is
 * downloaded again, and a download that does not match throws a `ChecksumError` and leaves no file
 * behind (Keras raises a ValueError and keeps the bad file). Downloads are atomic (a part file renamed
 * when complete). With `extract` (or `untar`), a tar, tar.gz or zip archive is extracted and the
 * extraction folder is returned, named as Keras names it (`<fname>` without extension, or
 * `<name>_extracted` when `fname` has one; the archive is kept as `<fname>_archive` or `fname`).
 * `fname` null or undefined takes the last segment of the origin's path. Node only.
 * @example
 * const path = await getFile('mnist.npz', 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz', {
 *   fileHash: '731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1',
 * });
 */
export async function getFile(
  fname: string | null | undefined,
  origin: string,
  options: GetFileOptions = {},
): Promise<string> {
  if (typeof origin !== 'string' || origin === '') {
    throw new ValueError(`getFile: origin must be the URL of the file to download, got ${JSON.stringify(origin)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new ValueError(`getFile: unknown option '${key}'; expected one of ${OPTION_KEYS.join(', ')}`);
    }
  }
  const algorithm = options.hashAlgorithm ?? 'auto';
  if (algorithm !== 'auto' && algorithm !== 'sha256' && algorithm !== 'md5') {
    throw new ValueError(`getFile: hashAlgorithm must be 'auto', 'sha256' or 'md5', got ${JSON.stringify(algorithm)}`);
  }
  if (options.fileHash !== undefined && !/^[0-9a-fA-F]+$/.test(options.fileHash)) {
    throw new ValueError(`getFile: fileHash must be a hex digest, got ${JSON.stringify(options.fileHash)}`);
  }
  if (!isNode()) throw new NotImplementedError('getFile: needs Node.js (it writes to the file system)');
  const { getFileNode } = await import('./get-file-node.js');
  return getFileNode(fname ?? undefined, origin, options, algorithm);
}

/**
 * The algorithm Keras's `resolve_hasher` picks: sha256 when asked, or under 'auto' for a
 * 64-character hash; md5 otherwise.
 * @example resolveHashAlgorithm('auto', 'd41d8cd98f00b204e9800998ecf8427e') // 'md5'
 */
export function resolveHashAlgorithm(algorithm: 'auto' | 'sha256' | 'md5', hash: string): 'sha256' | 'md5' {
  if (algorithm === 'sha256' || (algorithm === 'auto' && hash.length === 64)) return 'sha256';
  return 'md5';
}
