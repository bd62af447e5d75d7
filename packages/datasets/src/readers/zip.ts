import { ValueError } from '@horn/tensor';
import { inflateSync } from 'fflate';
import { asBytes, type BytesLike } from './bytes.js';

/**
 * Unpacks a zip archive's files (stored or deflated entries, ZIP64 sizes included) into a map from
 * entry name to bytes. Folders are skipped.
 * @example Object.keys(unzipEntries(npzBytes)) // ['arr_0.npy']
 */
export function unzipEntries(bytes: BytesLike, name = 'zip data'): Map<string, Uint8Array> {
  const data = asBytes(bytes);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfCentralDirectory(data, view, name);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) {
      throw new ValueError(`unzip: ${name} needs a ZIP64 end record that is missing`);
    }
    const end64 = Number(view.getBigUint64(locator + 8, true));
    count = Number(view.getBigUint64(end64 + 32, true));
    offset = Number(view.getBigUint64(end64 + 48, true));
  }
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50)
      throw new ValueError(`unzip: ${name} has a corrupt central directory`);
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localOffset = view.getUint32(offset + 42, true);
    const entryName = new TextDecoder().decode(data.subarray(offset + 46, offset + 46 + nameLength));
    // ZIP64 extra field (id 1): the 64-bit values appear in this order, only for fields set to 0xffffffff.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 1) {
        let at = extra + 4;
        const next = () => {
          at += 8;
          return Number(view.getBigUint64(at - 8, true));
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      extra += 4 + length;
    }
    offset = extraEnd + commentLength;
    if (entryName.endsWith('/')) continue;
    const localStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const raw = data.subarray(localStart, localStart + compressedSize);
    if (method === 0) files.set(entryName, raw);
    else if (method === 8) files.set(entryName, inflateSync(raw, { out: new Uint8Array(size) }));
    else
      throw new ValueError(
        `unzip: ${name} entry '${entryName}' uses compression method ${method}; only stored (0) and deflate (8) are supported`,
      );
  }
  return files;
}

function findEndOfCentralDirectory(data: Uint8Array, view: DataView, name: string): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  throw new ValueError(`unzip: ${name} is not a zip archive (no end-of-central-directory record)`);
}
