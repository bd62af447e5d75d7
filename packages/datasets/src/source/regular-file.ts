import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ValueError } from '@horn/tensor';

/** What {@link readRegularFile} found at a path. */
export type RegularFileRead = { bytes: Uint8Array } | { missing: true } | { wrongSize: number };

/**
 * Reads a file only if it is a regular file (after symlinks) and, when `expectedSize` is given, of
 * exactly that size — checked on the open handle before a byte is read, so a FIFO, a device such as
 * `/dev/zero`, a directory or a huge file never hangs or fills memory. A missing file is
 * `{ missing: true }`, a regular file of another size `{ wrongSize }`; anything else that is not a
 * regular file is a ValueError naming the path and what to do. Node only.
 * @example const read = await readRegularFile('/home/me/.horn/datasets/mnist/x.gz', 'cached file', 9912422);
 */
export async function readRegularFile(path: string, what: string, expectedSize?: number): Promise<RegularFileRead> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    if (code === 'EISDIR') throw notRegular(path, what, 'a directory');
    throw e;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw notRegular(
        path,
        what,
        stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : 'a device or socket',
      );
    }
    if (expectedSize !== undefined && stat.size !== expectedSize) return { wrongSize: stat.size };
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    if (at !== bytes.length) {
      throw new ValueError(`${what} ${path} shrank while it was read: ${at} of ${bytes.length} bytes`);
    }
    return { bytes };
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of a regular file (see {@link readRegularFile}), or `null` when it is missing or not of
 * `expectedSize` bytes.
 * @example const bytes = await readRegularBytes('/data/mnist/x.gz', 'data file');
 */
export async function readRegularBytes(path: string, what: string, expectedSize?: number): Promise<Uint8Array | null> {
  const read = await readRegularFile(path, what, expectedSize);
  return 'bytes' in read ? read.bytes : null;
}

function notRegular(path: string, what: string, kind: string): ValueError {
  return new ValueError(
    `${what} ${path} is ${kind}, not a regular file; remove it (or point Horn elsewhere) and try again`,
  );
}
