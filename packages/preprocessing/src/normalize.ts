import { makeTensor, normalizeAxis, type Tensor, ValueError } from '@horn/tensor';
import { asTensor, type DataLike } from './arrays.js';

/**
 * Keras's `keras.utils.normalize`: divides `x` by its L-`order` norm along `axis`, computed as
 * NumPy's `np.linalg.norm` does for vectors: `order` 2 (default) is the Euclidean norm, 1 the sum of
 * absolute values, `Infinity` / `-Infinity` the largest / smallest absolute value, 0 the count of
 * non-zero entries, any other number `(sum |x|^p)^(1/p)`. A zero norm counts as 1, so all-zero rows
 * stay zeros (Keras's NumPy path; its tensor path clamps the norm at 1e-7 instead). Returns float32.
 * Keras's NumPy path expands the norm at axis -1 whatever `axis` is, which mis-broadcasts `axis=0`
 * for a matrix; Horn normalizes along the axis asked for, as Keras's tensor path (`ops.normalize`) does.
 * @example
 * normalize([[3, 4], [0, 0]]).arraySync() // [[0.6, 0.8], [0, 0]]
 */
export function normalize(x: DataLike, axis = -1, order = 2): Tensor {
  const t = asTensor(x, 'x', 'normalize');
  if (t.rank === 0) throw new ValueError('normalize: expected an array of rank >= 1, got a scalar');
  if (typeof order !== 'number' || Number.isNaN(order)) {
    throw new ValueError(`normalize: order must be a number (2, 1, Infinity, ...), got ${String(order)}`);
  }
  const ax = normalizeAxis(axis, t.rank, 'normalize');
  const values = t.dataSync();
  const size = t.shape[ax];
  const inner = t.shape.slice(ax + 1).reduce((a, b) => a * b, 1);
  const outer = values.length / (size * inner || 1);
  const out = new Float32Array(values.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let norm = vectorNorm(values, base, inner, size, order);
      if (norm === 0) norm = 1;
      for (let k = 0; k < size; k++) out[base + k * inner] = values[base + k * inner] / norm;
    }
  }
  return makeTensor(out, [...t.shape], 'float32');
}

// np.linalg.norm(v, ord) for a vector, read with a stride.
function vectorNorm(v: ArrayLike<number>, start: number, stride: number, n: number, order: number): number {
  let acc = order === -Infinity ? Infinity : 0;
  for (let k = 0; k < n; k++) {
    const a = Math.abs(v[start + k * stride]);
    if (order === Infinity) acc = Math.max(acc, a);
    else if (order === -Infinity) acc = Math.min(acc, a);
    else if (order === 0) acc += a !== 0 ? 1 : 0;
    else if (order === 1) acc += a;
    else if (order === 2) acc += a * a;
    else acc += a ** order;
  }
  if (order === Infinity || order === -Infinity || order === 0 || order === 1) return acc;
  return order === 2 ? Math.sqrt(acc) : acc ** (1 / order);
}
