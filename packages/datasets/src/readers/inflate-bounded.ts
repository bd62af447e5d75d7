import { ValueError } from '@horn/tensor';
import { Inflate } from 'fflate';
import { checkInflatedSize } from './read-limits.js';

/** Compressed bytes pushed per step: at most ≈1,032× this comes out of one push (deflate's limit). */
const STEP = 16 * 1024;

/**
 * Inflates a raw deflate stream that declares its size, into exactly that many bytes: the declared
 * size is checked against the read limits before anything is allocated, and inflation stops as soon
 * as the stream runs past it. A stream that ends short, runs long or is damaged is a ValueError naming
 * `name`.
 * @example inflateBounded(deflateSync(bytes), bytes.length, 'a.npz/x.npy') // bytes
 */
export function inflateBounded(raw: Uint8Array, declared: number, name: string): Uint8Array {
  checkInflatedSize(declared, raw.length, name);
  const out = new Uint8Array(declared);
  let written = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > declared) {
      throw new ValueError(
        `${name} inflates past its declared size of ${declared} bytes (damaged, or a compression bomb)`,
      );
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < raw.length && !ended; at += STEP) {
      inflate.push(raw.subarray(at, at + STEP), at + STEP >= raw.length);
    }
  } catch (error) {
    if (error instanceof ValueError) throw error;
    throw new ValueError(`${name} is damaged: its deflate data does not decode (${(error as Error).message})`);
  }
  if (!ended || written !== declared) {
    throw new ValueError(
      `${name} inflates to ${written} bytes${ended ? '' : ' and is cut short'}, declared ${declared}`,
    );
  }
  return out;
}
