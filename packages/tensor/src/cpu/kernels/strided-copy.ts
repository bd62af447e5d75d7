import type { Shape, TypedArray } from '../../types.js';

/**
 * Copies the elements of a strided view of `src` into a strided view of `dst`, walking `shape`
 * in row-major order. Strides are in elements and may be 0 (broadcast) or negative (reversal);
 * offsets are where each view's element `[0, ..., 0]` lives. Transpose, broadcast, tile, slice,
 * reverse and pad are all this one loop with different views. Contiguous innermost runs are
 * copied with `set`.
 * @example
 * // transpose a [2, 3] matrix into out ([3, 2]):
 * stridedCopy(src, 0, [1, 3], out, 0, [2, 1], [3, 2]);
 */
export function stridedCopy(
  src: TypedArray,
  srcOffset: number,
  srcStrides: readonly number[],
  dst: TypedArray,
  dstOffset: number,
  dstStrides: readonly number[],
  shape: Shape,
): void {
  const rank = shape.length;
  let total = 1;
  for (const d of shape) total *= d;
  if (total === 0) return;
  if (rank === 0) {
    dst[dstOffset] = src[srcOffset];
    return;
  }
  const inner = shape[rank - 1];
  const sInner = srcStrides[rank - 1];
  const dInner = dstStrides[rank - 1];
  const contiguous = sInner === 1 && dInner === 1;
  const counter = new Array<number>(rank).fill(0);
  let si = srcOffset;
  let di = dstOffset;
  for (let done = 0; done < total; done += inner) {
    if (contiguous) {
      dst.set(src.subarray(si, si + inner), di);
    } else if (sInner === 0 && dInner === 1) {
      dst.fill(src[si], di, di + inner);
    } else {
      for (let k = 0; k < inner; k++) dst[di + k * dInner] = src[si + k * sInner];
    }
    // Advance the counter over all dims but the last, moving both offsets.
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      si += srcStrides[d];
      di += dstStrides[d];
      if (counter[d] < shape[d]) break;
      si -= srcStrides[d] * shape[d];
      di -= dstStrides[d] * shape[d];
      counter[d] = 0;
    }
  }
}
