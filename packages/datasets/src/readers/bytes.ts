import { gunzipSync } from 'fflate';

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
 * Gunzips gzip bytes (pure JavaScript, via fflate) and passes other bytes through unchanged.
 * @example maybeGunzip(new Uint8Array([1, 2, 3])) // the same three bytes
 */
export function maybeGunzip(bytes: BytesLike): Uint8Array {
  const view = asBytes(bytes);
  return isGzip(view) ? gunzipSync(view) : view;
}

/**
 * Reads ASCII/UTF-8 text from bytes, gunzipping first when they are gzip.
 * @example bytesToText(new TextEncoder().encode('1,2')) // '1,2'
 */
export function bytesToText(bytes: BytesLike): string {
  return new TextDecoder().decode(maybeGunzip(bytes));
}
