import { ModelFileError, ShardTooLongError } from './errors.js';

/**
 * GETs `url` and returns its body, refusing a Content-Length over `maxBytes` before reading and
 * stopping once more than `maxBytes` arrive; waits at most `timeoutMs` for the response and for
 * each next chunk. Every failure is a ModelFileError naming the URL (a too-long body a
 * {@link ShardTooLongError} naming `shard`).
 * @example const bytes = await fetchBounded(fetch, url, undefined, 4096, 30_000);
 */
export async function fetchBounded(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit | undefined,
  maxBytes: number,
  timeoutMs: number,
  shard = url,
): Promise<Uint8Array> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), timeoutMs);
  };
  const fail = (why: string) => new ModelFileError(`${url}: request failed: ${why}`);
  arm();
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { ...init, signal: abort.signal });
    } catch (e) {
      throw abort.signal.aborted ? fail(`no response within ${timeoutMs} ms (timeoutMs)`) : fail(message(e));
    }
    if (!response.ok)
      throw new ModelFileError(`${url}: request failed with HTTP ${response.status} ${response.statusText}`);
    const length = response.headers.get('content-length');
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    if (length !== null && !encoded && Number(length) > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new ShardTooLongError(shard, maxBytes, Number(length));
    }
    if (response.body === null) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      arm();
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        throw abort.signal.aborted ? fail(`the body stalled for ${timeoutMs} ms (timeoutMs)`) : fail(message(e));
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ShardTooLongError(shard, maxBytes);
      }
      chunks.push(step.value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
