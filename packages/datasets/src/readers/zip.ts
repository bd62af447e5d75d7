import { ValueError } from '@horn/tensor';
import { asBytes, type BytesLike } from './bytes.js';
import { crc32, crcHex } from './crc32.js';
import { inflateBounded } from './inflate-bounded.js';

/** One entry of the central directory, as read and checked. */
interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Unpacks a zip archive's files (stored or deflated entries, ZIP64 sizes included) into a map from
 * entry name to bytes. Folders are skipped. Every entry's CRC-32 is checked, its inflated size is
 * bounded by what it declares and by the read limits ({@link setReadLimits}), and archives whose
 * entries overlap or repeat a name, or whose records point outside the file, are refused with a
 * ValueError naming `name`.
 * @example Object.keys(unzipEntries(npzBytes)) // ['arr_0.npy']
 */
export function unzipEntries(bytes: BytesLike, name = 'zip data'): Map<string, Uint8Array> {
  const data = asBytes(bytes);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const damaged = (what: string) => new ValueError(`unzip: ${name} is damaged: ${what}`);
  const need = (at: number, length: number, what: string) => {
    if (!(at >= 0 && at + length <= data.length)) {
      throw damaged(`${what} at byte ${at} (${length} bytes) lies outside the ${data.length}-byte file`);
    }
  };
  const entries = readCentralDirectory(data, view, name, need);
  const files = new Map<string, Uint8Array>();
  const spans: Array<[number, number, string]> = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (files.has(entry.name)) throw damaged(`entry '${entry.name}' appears twice`);
    need(entry.localOffset, 30, `the local header of '${entry.name}'`);
    if (view.getUint32(entry.localOffset, true) !== 0x04034b50) {
      throw damaged(`the local header of '${entry.name}' has a wrong signature`);
    }
    const start =
      entry.localOffset +
      30 +
      view.getUint16(entry.localOffset + 26, true) +
      view.getUint16(entry.localOffset + 28, true);
    need(start, entry.compressedSize, `the data of '${entry.name}'`);
    spans.push([entry.localOffset, start + entry.compressedSize, entry.name]);
    const raw = data.subarray(start, start + entry.compressedSize);
    let content: Uint8Array;
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) {
        throw damaged(`stored entry '${entry.name}' declares ${entry.size} bytes but holds ${entry.compressedSize}`);
      }
      content = raw;
    } else if (entry.method === 8) {
      content = inflateBounded(raw, entry.size, `unzip: ${name} entry '${entry.name}'`);
    } else {
      throw new ValueError(
        `unzip: ${name} entry '${entry.name}' uses compression method ${entry.method}; only stored (0) and deflate (8) are supported`,
      );
    }
    const actual = crc32(content);
    if (actual !== entry.crc) {
      throw damaged(`entry '${entry.name}' has CRC-32 ${crcHex(actual)}, its record says ${crcHex(entry.crc)}`);
    }
    files.set(entry.name, content);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] < spans[i - 1][1]) throw damaged(`entries '${spans[i - 1][2]}' and '${spans[i][2]}' overlap`);
  }
  return files;
}

function readCentralDirectory(
  data: Uint8Array,
  view: DataView,
  name: string,
  need: (at: number, length: number, what: string) => void,
): ZipEntry[] {
  const damaged = (what: string) => new ValueError(`unzip: ${name} is damaged: ${what}`);
  const end = findEndOfCentralDirectory(data, view, name);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) {
      throw new ValueError(`unzip: ${name} needs a ZIP64 end record that is missing`);
    }
    const end64 = Number(view.getBigUint64(locator + 8, true));
    need(end64, 56, 'the ZIP64 end record');
    count = Number(view.getBigUint64(end64 + 32, true));
    offset = Number(view.getBigUint64(end64 + 48, true));
  }
  if (count > data.length / 46) throw damaged(`it declares ${count} entries, more than its size can hold`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    need(offset, 46, `central-directory record ${i}`);
    if (view.getUint32(offset, true) !== 0x02014b50)
      throw damaged(`central-directory record ${i} has a wrong signature`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    need(offset + 46, nameLength + extraLength + commentLength, `central-directory record ${i}'s name and extras`);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(data.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The ZIP64 extra field (id 1): the 64-bit values, in this order, only for fields set to 0xffffffff. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = start + length;
  for (let extra = start; extra + 4 <= end; ) {
    const id = view.getUint16(extra, true);
    const fieldLength = view.getUint16(extra + 2, true);
    if (extra + 4 + fieldLength > end) return;
    if (id === 1) {
      let at = extra + 4;
      const next = () => {
        if (at + 8 > extra + 4 + fieldLength) return 0xffffffff;
        at += 8;
        return Number(view.getBigUint64(at - 8, true));
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
    }
    extra += 4 + fieldLength;
  }
}

function findEndOfCentralDirectory(data: Uint8Array, view: DataView, name: string): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  throw new ValueError(`unzip: ${name} is not a zip archive (no end-of-central-directory record)`);
}
