import { DownloadError } from './errors.js';
import type { DownloadProgress } from './types.js';

/** Downloads at least this big report progress. */
export const PROGRESS_THRESHOLD = 1024 * 1024;

/**
 * Fetches `url` and hands each chunk to `onChunk` as it arrives. Throws a {@link DownloadError} for an
 * HTTP error status, a dropped connection, or a body shorter (or longer) than its Content-Length.
 * Returns the number of bytes received.
 * @example await streamDownload(url, 'mnist.npz', (chunk) => chunks.push(chunk))
 */
export async function streamDownload(
  url: string,
  file: string,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  onProgress?: (progress: DownloadProgress) => void,
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new DownloadError(url, `download of ${file} from ${url} failed: ${reason(e)}`);
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError(
      url,
      `download of ${file} from ${url} failed: HTTP ${response.status} ${response.statusText}`,
    );
  }
  // With a Content-Encoding, fetch decodes the body and Content-Length counts the encoded bytes.
  const encoding = response.headers.get('content-encoding');
  const length = response.headers.get('content-length');
  const total = length !== null && (encoding === null || encoding === 'identity') ? Number(length) : null;
  const reader = response.body.getReader();
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.length;
      await onChunk(value);
      if (onProgress && (total ?? loaded) > PROGRESS_THRESHOLD) onProgress({ file, loaded, total });
    }
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(url, `download of ${file} from ${url} broke off after ${loaded} bytes: ${reason(e)}`);
  }
  if (total !== null && loaded !== total) {
    throw new DownloadError(url, `download of ${file} from ${url} is truncated: received ${loaded} of ${total} bytes`);
  }
  return loaded;
}

function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
  return `${e.message}${cause}`;
}

/**
 * Joins chunks into one Uint8Array.
 * @example concatChunks([new Uint8Array([1]), new Uint8Array([2])]) // Uint8Array [1, 2]
 */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
