import type { Tensor } from '@horn/tensor';
import type { BytesLike } from './bytes.js';
import { type NpyArray, npyToTensor, parseNpy } from './npy.js';
import { unzipEntries } from './zip.js';

/**
 * Parses every array of an `.npz` archive without building tensors (object arrays keep their pickle).
 * Keys are the entry names without `.npy`, as `np.load(...)` shows them.
 * @example Object.keys(parseNpz(bytes)) // ['x_train', 'y_train', 'x_test', 'y_test']
 */
export function parseNpz(bytes: BytesLike, name = 'NPZ data'): Record<string, NpyArray> {
  const out: Record<string, NpyArray> = {};
  for (const [entry, content] of unzipEntries(bytes, name)) {
    const key = entry.endsWith('.npy') ? entry.slice(0, -4) : entry;
    out[key] = parseNpy(content, `${name}/${entry}`);
  }
  return out;
}

/**
 * Reads a NumPy `.npz` archive (as written by `np.savez` or `np.savez_compressed`) into one tensor per
 * array, keyed by array name. Object (pickled) arrays are not tensors and throw a ValueError.
 * @example
 * const { x_train, y_train } = readNpz(readFileSync('mnist.npz'));
 * x_train.shape // [60000, 28, 28]
 */
export function readNpz(bytes: BytesLike): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [key, array] of Object.entries(parseNpz(bytes))) out[key] = npyToTensor(array, `${key}.npy`);
  return out;
}
