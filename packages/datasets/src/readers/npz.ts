import { type Tensor, ValueError } from '@horn/tensor';
import type { BytesLike } from './bytes.js';
import { type NpyArray, npyToTensor, parseNpy } from './npy.js';
import { unzipEntries } from './zip.js';

/**
 * Parses every array of an `.npz` archive without building tensors (object arrays keep their pickle).
 * Keys are the entry names without `.npy`, as `np.load(...)` shows them; every name is kept as an
 * own key (even `__proto__`), and two entries with one name are refused.
 * @example Object.keys(parseNpz(bytes)) // ['x_train', 'y_train', 'x_test', 'y_test']
 */
export function parseNpz(bytes: BytesLike, name = 'NPZ data'): Record<string, NpyArray> {
  const out: Record<string, NpyArray> = {};
  for (const [entry, content] of unzipEntries(bytes, name)) {
    const key = entry.endsWith('.npy') ? entry.slice(0, -4) : entry;
    if (Object.hasOwn(out, key)) throw new ValueError(`readNpz: ${name} holds two arrays named '${key}'`);
    // defineProperty keeps a member named '__proto__' (or any other name) as an own key, never dropped.
    Object.defineProperty(out, key, {
      value: parseNpy(content, `${name}/${entry}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
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
  for (const [key, array] of Object.entries(parseNpz(bytes))) {
    Object.defineProperty(out, key, {
      value: npyToTensor(array, `${key}.npy`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
