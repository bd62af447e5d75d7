import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { concatChunks, type DownloadLimits, streamDownload } from './download.js';
import { ChecksumError, DownloadError } from './errors.js';
import { stderrProgressBar } from './progress-bar.js';
import type { DownloadProgress } from './types.js';

/** A hash a download must match: the algorithm and its lower-case hex digest. */
export interface ExpectedHash {
  algorithm: 'sha256' | 'md5';
  hex: string;
}

/**
 * The progress reporter an `onProgress` option asks for: the given one, none for `false`, else a
 * stderr bar when stderr is a TTY.
 * @example const report = progressReporter(undefined);
 */
export function progressReporter(
  onProgress: ((progress: DownloadProgress) => void) | false | undefined,
): ((progress: DownloadProgress) => void) | undefined {
  if (onProgress === false) return undefined;
  return onProgress ?? (process.stderr.isTTY ? stderrProgressBar() : undefined);
}

/**
 * Downloads `url` (http(s), or a `file://` URL read from disk) into `target`, atomically: the bytes
 * stream into `<target>.<random>.part`, are hashed as they arrive, and the part file is renamed to
 * `target` only when complete and matching `expected` (when given). On any failure the part file is
 * deleted and nothing is left at `target`. `limits` bound the size and the waiting (see
 * {@link streamDownload}). Returns the bytes. Node only.
 * @example await downloadVerified(url, '/tmp/x.gz', 'x.gz', { algorithm: 'sha256', hex }, undefined)
 */
export async function downloadVerified(
  url: string,
  target: string,
  label: string,
  expected: ExpectedHash | null,
  onProgress: ((progress: DownloadProgress) => void) | undefined,
  limits: DownloadLimits = {},
): Promise<Uint8Array> {
  const part = `${target}.${randomBytes(6).toString('hex')}.part`;
  const handle = await open(part, 'w');
  const hash = createHash(expected?.algorithm ?? 'sha256');
  const chunks: Uint8Array[] = [];
  const onChunk = async (chunk: Uint8Array) => {
    hash.update(chunk);
    chunks.push(chunk);
    await handle.write(chunk);
  };
  let closed = false;
  try {
    if (url.startsWith('file:')) await readFileUrl(url, label, onChunk, limits.maxBytes);
    else await streamDownload(url, label, onChunk, onProgress, limits);
    await handle.close();
    closed = true;
    const actual = hash.digest('hex');
    if (expected && actual !== expected.hex.toLowerCase()) {
      throw new ChecksumError(label, expected.hex, actual, `downloaded from ${url}`, expected.algorithm);
    }
    await rename(part, target);
  } catch (e) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(part).catch(() => undefined);
    throw e;
  }
  return concatChunks(chunks);
}

async function readFileUrl(
  url: string,
  label: string,
  onChunk: (chunk: Uint8Array) => Promise<void>,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<void> {
  let loaded = 0;
  try {
    for await (const chunk of createReadStream(fileURLToPath(url))) {
      loaded += (chunk as Uint8Array).length;
      if (loaded > maxBytes) {
        throw new DownloadError(
          url,
          `download of ${label} from ${url} stopped: more than the ${maxBytes} bytes the file is published as`,
        );
      }
      await onChunk(chunk as Uint8Array);
    }
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(url, `download of ${label} from ${url} failed: ${(e as Error).message}`);
  }
}
