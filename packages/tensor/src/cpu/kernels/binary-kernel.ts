import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { broadcastShapes, stridesOf } from '../../shape.js';
import type { DType, Shape, TypedArray } from '../../types.js';

/**
 * Applies `fn` elementwise over two arrays with NumPy broadcasting. Fast paths for equal shapes
 * and for a scalar on either side; otherwise walks the output with per-input strides (0 where
 * broadcast).
 * @example broadcastBinary(a, [2, 1], b, [3], out, [2, 3], (x, y) => x + y)
 */
export function broadcastBinary(
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  out: TypedArray,
  outShape: Shape,
  fn: (x: number, y: number) => number,
): void {
  const n = out.length;
  if (a.length === n && b.length === n) {
    for (let i = 0; i < n; i++) out[i] = fn(a[i], b[i]);
    return;
  }
  if (b.length === 1 && a.length === n) {
    const y = b[0];
    for (let i = 0; i < n; i++) out[i] = fn(a[i], y);
    return;
  }
  if (a.length === 1 && b.length === n) {
    const x = a[0];
    for (let i = 0; i < n; i++) out[i] = fn(x, b[i]);
    return;
  }
  if (n === 0) return;
  const rank = outShape.length;
  const aStrides = broadcastStrides(aShape, outShape);
  const bStrides = broadcastStrides(bShape, outShape);
  const inner = outShape[rank - 1];
  const aInner = aStrides[rank - 1];
  const bInner = bStrides[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let ai = 0;
  let bi = 0;
  for (let o = 0; o < n; o += inner) {
    for (let k = 0; k < inner; k++) out[o + k] = fn(a[ai + k * aInner], b[bi + k * bInner]);
    // Advance the outer counter (all dims but the last), updating input offsets.
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      ai += aStrides[d];
      bi += bStrides[d];
      if (counter[d] < outShape[d]) break;
      ai -= aStrides[d] * outShape[d];
      bi -= bStrides[d] * outShape[d];
      counter[d] = 0;
    }
  }
}

/**
 * Strides of `inShape` read as `outShape`: 0 along broadcast dimensions.
 * @example broadcastStrides([3], [2, 3]) // [0, 1]
 */
export function broadcastStrides(inShape: Shape, outShape: Shape): number[] {
  const rank = outShape.length;
  const own = stridesOf(inShape);
  const out = new Array<number>(rank).fill(0);
  const offset = rank - inShape.length;
  for (let d = offset; d < rank; d++) out[d] = inShape[d - offset] === 1 ? 0 : own[d - offset];
  return out;
}

/**
 * A cpu kernel for a broadcasting binary op; the output dtype is the inputs' unless `outDtype` is given.
 * @example binaryKernel('Add', (x, y) => x + y)
 */
export function binaryKernel(
  name: string,
  fn: (x: number, y: number) => number,
  outDtype?: DType,
): KernelSpec<TypedArray> {
  return {
    name,
    backend: 'cpu',
    run: ({ a, b }) => {
      const shape = broadcastShapes(a.shape, b.shape, name);
      const dtype = outDtype ?? a.dtype;
      let size = 1;
      for (const d of shape) size *= d;
      const out = arrayFor(dtype, size);
      broadcastBinary(a.values, a.shape, b.values, b.shape, out, shape, fn);
      return { values: out, shape, dtype };
    },
  };
}
