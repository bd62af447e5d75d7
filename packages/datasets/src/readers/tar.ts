import { ValueError } from '@horn/tensor';
import { asBytes, type BytesLike, maybeGunzip } from './bytes.js';

/**
 * Lists the regular files of a tar archive (gzip or raw; ustar and GNU long names) as name -> bytes.
 * The bytes are views into the archive, not copies.
 * @example untar(readFileSync('cifar-10-binary.tar.gz')).get('cifar-10-batches-bin/test_batch.bin')
 */
export function untar(bytes: BytesLike, name = 'tar data'): Map<string, Uint8Array> {
  const data = maybeGunzip(asBytes(bytes), name);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  const field = (at: number, length: number) => decoder.decode(data.subarray(at, at + length)).replace(/\0.*$/s, '');
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= data.length) {
    if (data[offset] === 0) break; // two zero blocks end the archive
    checkHeaderChecksum(data, offset, name);
    const sizeText = field(offset + 124, 12).trim();
    // ustar sizes are octal digits; GNU tar writes sizes ≥ 8 GiB in base-256 (first byte 0x80), which no data set needs.
    if (!/^[0-7]*$/.test(sizeText)) {
      throw new ValueError(
        `untar: ${name} has a corrupt header at byte ${offset}: size field '${sizeText}' is not octal`,
      );
    }
    const size = Number.parseInt(sizeText || '0', 8);
    const type = String.fromCharCode(data[offset + 156]);
    const prefix = field(offset + 345, 155);
    const body = data.subarray(offset + 512, offset + 512 + size);
    if (body.length < size) throw new ValueError(`untar: ${name} is truncated inside '${field(offset, 100)}'`);
    if (type === 'L') {
      longName = decoder.decode(body).replace(/\0.*$/s, '');
    } else {
      const path = longName ?? (prefix ? `${prefix}/${field(offset, 100)}` : field(offset, 100));
      if (type === '0' || type === '\0') files.set(path, body);
      longName = null;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The header's checksum field (octal) must equal the sum of its 512 bytes with that field read as spaces. */
function checkHeaderChecksum(data: Uint8Array, offset: number, name: string): void {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : data[offset + i];
  const text = new TextDecoder()
    .decode(data.subarray(offset + 148, offset + 156))
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(text) || Number.parseInt(text, 8) !== sum) {
    throw new ValueError(
      `untar: ${name} has a damaged header at byte ${offset}: checksum '${text}' does not match ${sum.toString(8)}`,
    );
  }
}
