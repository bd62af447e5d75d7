/** The CRC-32 table (IEEE 802.3, reflected polynomial 0xEDB88320), as zip and gzip use it. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of bytes, as zip entries and gzip trailers store it (an unsigned 32-bit number).
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A CRC-32 as error messages print it: `0x` and eight hex digits.
 * @example crcHex(0xcbf43926) // '0xcbf43926'
 */
export function crcHex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
