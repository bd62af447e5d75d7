import { ValueError } from '@horn/tensor';
import { crc32, crcHex } from './crc32.js';
import { inflateBounded } from './inflate-bounded.js';

/**
 * Bytes as this package takes them: a Uint8Array, an ArrayBuffer, or a Node Buffer (a Uint8Array).
 * @example
 * maybeGunzip(new Uint8Array([1, 2, 3])).length; // 3: not gzip, returned as is
 * maybeGunzip(new Uint8Array([1, 2, 3]).buffer).length; // 3: an ArrayBuffer works too
 */
export type BytesLike = Uint8Array | ArrayBuffer;

/**
 * Views any bytes-like value as a Uint8Array without copying.
 * @example asBytes(new ArrayBuffer(4)).length // 4
 */
export function asBytes(bytes: BytesLike): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/**
 * True when the bytes start with the gzip magic number `1f 8b`.
 * @example isGzip(new Uint8Array([0x1f, 0x8b, 8])) // true
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips gzip bytes (pure JavaScript) and passes other bytes through unchanged. The trailer's size
 * is checked against the read limits ({@link setReadLimits}) before inflating, inflation stops at that
 * size, and the CRC-32 is checked: a damaged or bomb-like stream is a ValueError naming `name`.
 * @example maybeGunzip(new Uint8Array([1, 2, 3])) // the same three bytes
 */
export function maybeGunzip(bytes: BytesLike, name = 'gzip data'): Uint8Array {
  const view = asBytes(bytes);
  return isGzip(view) ? gunzipBounded(view, name) : view;
}

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** One gzip member: header (RFC 1952), deflate body, CRC-32 and size trailer. */
function gunzipBounded(data: Uint8Array, name: string): Uint8Array {
  const damaged = (what: string) => new ValueError(`gunzip: ${name} is damaged: ${what}`);
  if (data.length < 18) throw damaged(`${data.length} bytes is shorter than any gzip stream`);
  if (data[2] !== 8) throw damaged(`compression method ${data[2]}, expected 8 (deflate)`);
  const flags = data[3];
  let at = 10;
  if (flags & FEXTRA) at += 2 + (data[at] | (data[at + 1] << 8));
  if (flags & FNAME) while (at < data.length && data[at++] !== 0);
  if (flags & FCOMMENT) while (at < data.length && data[at++] !== 0);
  if (flags & FHCRC) at += 2;
  if (at > data.length - 8) throw damaged('its header runs into the trailer');
  const trailer = new DataView(data.buffer, data.byteOffset + data.length - 8, 8);
  const expectedCrc = trailer.getUint32(0, true);
  const size = trailer.getUint32(4, true);
  const out = inflateBounded(data.subarray(at, data.length - 8), size, `gunzip: ${name}`);
  const actual = crc32(out);
  if (actual !== expectedCrc) {
    throw damaged(`CRC-32 ${crcHex(actual)} of the inflated data does not match the trailer's ${crcHex(expectedCrc)}`);
  }
  return out;
}

/**
 * Reads ASCII/UTF-8 text from bytes, gunzipping first when they are gzip.
 * @example bytesToText(new TextEncoder().encode('1,2')) // '1,2'
 */
export function bytesToText(bytes: BytesLike, name?: string): string {
  return new TextDecoder().decode(maybeGunzip(bytes, name));
}
