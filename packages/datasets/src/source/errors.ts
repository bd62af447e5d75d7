import { HornError } from '@horn/tensor';

/**
 * A downloaded or cached file whose sha256 (or md5, for `getFile`) differs from the expected one. The file has been
 * deleted when this is thrown; loading again downloads it anew.
 * @example
 * try { await mnist.loadData(); } catch (e) { if (e instanceof ChecksumError) console.log(e.expected, e.actual); }
 */
export class ChecksumError extends HornError {
  constructor(
    /** The file name, e.g. `train-images-idx3-ubyte.gz`. */
    readonly file: string,
    /** The sha256 the data set publishes. */
    readonly expected: string,
    /** The sha256 of the bytes received. */
    readonly actual: string,
    where: string,
    /** The hash algorithm compared: 'sha256' (data sets) or 'md5' (`getFile` with an md5 hash). */
    readonly algorithm: 'sha256' | 'md5' = 'sha256',
  ) {
    super(
      `checksum mismatch for ${file} (${where}): expected ${algorithm} ${expected}, got ${actual}; the file was deleted`,
    );
  }
}

/**
 * A download that failed: an HTTP error status, a dropped connection, or fewer bytes than the
 * server announced. No file is left in the cache.
 * @example
 * try { await mnist.loadData({ baseUrl: 'http://127.0.0.1:1' }); } catch (e) { if (e instanceof DownloadError) console.log(e.url); }
 */
export class DownloadError extends HornError {
  constructor(
    /** The URL that was requested. */
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}
