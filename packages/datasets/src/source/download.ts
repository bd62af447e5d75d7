import { DownloadError } from './errors.js';
import type { DownloadProgress } from './types.js';

/** Downloads at least this big report progress. */
export const PROGRESS_THRESHOLD = 1024 * 1024;

/** How long a download waits for the response and for each chunk when no `timeoutMs` is given. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Bounds on one download.
 * @example await streamDownload(url, 'x.gz', onChunk, undefined, { maxBytes: 4542, timeoutMs: 5000 } satisfies DownloadLimits)
 */
export interface DownloadLimits {
  /** The most bytes the file may have (its published size); more announced or sent is an error. */
  maxBytes?: number;
  /** How long to wait for the response, then for each chunk. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * Fetches `url` and hands each chunk to `onChunk` as it arrives. Throws a {@link DownloadError} for an
 * HTTP error status, a dropped connection, a body shorter (or longer) than its Content-Length, a
 * server that announces or sends more than `limits.maxBytes`, or one that stalls for
 * `limits.timeoutMs` (the response, or any next chunk). Returns the number of bytes received.
 * @example await streamDownload(url, 'mnist.npz', (chunk) => chunks.push(chunk))
 */
export async function streamDownload(
  url: string,
  file: string,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  onProgress?: (progress: DownloadProgress) => void,
  limits: DownloadLimits = {},
): Promise<number> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0))
    throw new DownloadError(url, `download of ${file}: timeoutMs must be positive, got ${timeoutMs}`);
  const maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY;
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = () =>
    new DownloadError(
      url,
      `download of ${file} from ${url} stalled: nothing received for ${timeoutMs} ms (raise it with the timeoutMs option)`,
    );
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), timeoutMs);
  };
  arm();
  try {
    return await receive();
  } catch (e) {
    if (abort.signal.aborted && !(e instanceof DownloadError)) throw stalled();
    throw e;
  } finally {
    clearTimeout(timer);
  }

  async function receive(): Promise<number> {
    let response: Response;
    try {
      response = await fetch(url, { signal: abort.signal });
    } catch (e) {
      if (abort.signal.aborted) throw stalled();
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
    if (total !== null && total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new DownloadError(
        url,
        `download of ${file} from ${url} refused: the server announces ${total} bytes, the file is published as ${maxBytes}`,
      );
    }
    const reader = response.body.getReader();
    let loaded = 0;
    try {
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.length;
        if (loaded > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new DownloadError(
            url,
            `download of ${file} from ${url} stopped: more than the ${maxBytes} bytes the file is published as`,
          );
        }
        await onChunk(value);
        if (onProgress && (total ?? loaded) > PROGRESS_THRESHOLD) onProgress({ file, loaded, total });
      }
    } catch (e) {
      if (e instanceof DownloadError) throw e;
      if (abort.signal.aborted) throw stalled();
      throw new DownloadError(url, `download of ${file} from ${url} broke off after ${loaded} bytes: ${reason(e)}`);
    }
    if (total !== null && loaded !== total) {
      throw new DownloadError(
        url,
        `download of ${file} from ${url} is truncated: received ${loaded} of ${total} bytes`,
      );
    }
    return loaded;
  }
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
