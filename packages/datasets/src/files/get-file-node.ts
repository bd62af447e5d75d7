import { createHash } from 'node:crypto';
import { access, constants, mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { ValueError } from '@horn/tensor';
import { readRegularBytes } from '../source/regular-file.js';
import { downloadVerified, type ExpectedHash, progressReporter } from '../source/verified-download.js';
import { archiveKinds, extractArchive } from './extract-archive.js';
import { type GetFileOptions, resolveHashAlgorithm } from './get-file.js';

/**
 * The Node half of {@link getFile}, after its arguments were checked.
 * @example await getFileNode('a.txt', 'file:///tmp/a.txt', {}, 'auto')
 */
export async function getFileNode(
  requestedName: string | undefined,
  origin: string,
  options: GetFileOptions,
  algorithm: 'auto' | 'sha256' | 'md5',
): Promise<string> {
  const datadir = resolve(await writableCacheRoot(options.cacheDir), options.cacheSubdir ?? 'datasets');
  await mkdir(datadir, { recursive: true });
  let fname = requestedName ?? '';
  if (fname === '') {
    fname = originFileName(origin);
  } else if (fname.includes(sep) || fname.includes('/')) {
    throw new ValueError(
      `getFile: fname must be a file name, not a path; use cacheDir / cacheSubdir for its folder. Received: fname=${fname}`,
    );
  }
  const extracting = options.extract === true || options.untar === true;
  let target = join(datadir, fname);
  let extractionDir = '';
  if (extracting) {
    if (requestedName && fname.includes('.')) {
      extractionDir = join(datadir, `${fname.slice(0, fname.indexOf('.'))}_extracted`);
    } else {
      extractionDir = join(datadir, fname);
      target = join(datadir, `${fname}_archive`);
    }
  }
  const expected: ExpectedHash | null =
    options.fileHash === undefined
      ? null
      : { algorithm: resolveHashAlgorithm(algorithm, options.fileHash), hex: options.fileHash.toLowerCase() };
  let bytes = options.forceDownload === true ? null : await readRegularBytes(target, 'getFile: cached file');
  if (bytes !== null && expected !== null && hexDigest(bytes, expected.algorithm) !== expected.hex) bytes = null;
  bytes ??= await downloadVerified(origin, target, fname, expected, progressReporter(undefined));
  if (!extracting) return target;
  const kinds = options.untar === true ? archiveKinds('tar') : archiveKinds(options.archiveFormat ?? 'auto');
  if (!(await extractArchive(bytes, extractionDir, kinds, fname))) {
    // Keras warns and still returns the extraction folder.
    console.warn(`getFile: could not extract archive ${target} (tried: ${kinds.join(', ') || 'nothing'})`);
  }
  return extractionDir;
}

// Keras falls back to <tmp>/.keras when the cache root is not writable; Horn to <tmp>/.horn.
async function writableCacheRoot(cacheDir: string | undefined): Promise<string> {
  const root = cacheDir ?? (process.env.HORN_HOME || join(homedir(), '.horn'));
  try {
    await mkdir(root, { recursive: true });
    await access(root, constants.W_OK);
    return root;
  } catch {
    return join(tmpdir(), '.horn');
  }
}

function originFileName(origin: string): string {
  let path: string;
  try {
    path = new URL(origin).pathname;
  } catch {
    throw new ValueError(`getFile: origin must be a URL, got ${JSON.stringify(origin)}`);
  }
  const name = basename(path);
  if (name === '' || path.endsWith('/')) {
    throw new ValueError(`getFile: cannot parse the file name from the origin '${origin}'; pass fname`);
  }
  return name;
}

function hexDigest(bytes: Uint8Array, algorithm: 'sha256' | 'md5'): string {
  return createHash(algorithm).update(bytes).digest('hex');
}
