import { ValueError } from '@horn/tensor';
import { asBytes, type BytesLike, maybeGunzip } from './bytes.js';

/**
 * Lists the regular files of a tar archive (gzip or raw; ustar and GNU long names) as name -> bytes.
 * The bytes are views into the archive, not copies.
 * @example untar(readFileSync('cifar-10-binary.tar.gz')).get('cifar-10-batches-bin/test_batch.bin')
 */
export function untar(bytes: BytesLike, name = 'tar data'): Map<string, Uint8Array> {
  const data = maybeGunzip(asBytes(bytes));
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  const field = (at: number, length: number) => decoder.decode(data.subarray(at, at + length)).replace(/\0.*$/s, '');
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= data.length) {
    if (data[offset] === 0) break; // two zero blocks end the archive
    const size = Number.parseInt(field(offset + 124, 12).trim() || '0', 8);
    if (Number.isNaN(size)) throw new ValueError(`untar: ${name} has a corrupt header at byte ${offset}`);
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
