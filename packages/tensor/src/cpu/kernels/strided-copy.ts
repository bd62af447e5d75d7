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
  let total = 1;
  for (const d of shape) total *= d;
  if (total === 0) return;
  // Fewer, longer runs: [128, 28, 28, 1] rows sliced from a batch are one run of 100,352 values,
  // not 100,352 runs of one.
  ({ shape, srcStrides, dstStrides } = mergeDims(shape, srcStrides, dstStrides));
  const rank = shape.length;
  if (rank === 0) {
    dst[dstOffset] = src[srcOffset];
    return;
  }
  const inner = shape[rank - 1];
  const sInner = srcStrides[rank - 1];
  const dInner = dstStrides[rank - 1];
  // A typed-array set() costs more than a short loop: runs under 16 values are copied by hand.
  const contiguous = sInner === 1 && dInner === 1 && inner >= 16;
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

/**
 * The same copy with fewer dimensions: size-1 dimensions dropped, and each dimension folded into
 * the next one in where both views step over it as over one longer run
 * (`stride[d] = stride[d + 1] * shape[d + 1]` in src and in dst).
 * @example mergeDims([2, 3, 1], [3, 1, 1], [3, 1, 1]) // { shape: [6], srcStrides: [1], dstStrides: [1] }
 */
export function mergeDims(
  shape: Shape,
  srcStrides: readonly number[],
  dstStrides: readonly number[],
): { shape: number[]; srcStrides: number[]; dstStrides: number[] } {
  const dims: number[] = [];
  const ss: number[] = [];
  const ds: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    dims.push(shape[d]);
    ss.push(srcStrides[d]);
    ds.push(dstStrides[d]);
  }
  for (let d = dims.length - 2; d >= 0; d--) {
    if (ss[d] === ss[d + 1] * dims[d + 1] && ds[d] === ds[d + 1] * dims[d + 1]) {
      dims[d] *= dims[d + 1];
      ss[d] = ss[d + 1];
      ds[d] = ds[d + 1];
      dims.splice(d + 1, 1);
      ss.splice(d + 1, 1);
      ds.splice(d + 1, 1);
    }
  }
  return { shape: dims, srcStrides: ss, dstStrides: ds };
}
