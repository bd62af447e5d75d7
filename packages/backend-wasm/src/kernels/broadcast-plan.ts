import { broadcastStrides, type Shape } from '@horn/tensor';

/**
 * How a broadcasting binary op walks its output: the wasm loop covers the last two dimensions
 * (`outer` x `inner`, input strides `aOuter`/`aInner`, `bOuter`/`bInner`, inner ones 0 or 1), and
 * JavaScript loops over the `dims` before them, with the input strides `aStrides`/`bStrides`.
 * @example const { outer, inner } = broadcastPlan([4, 3], [3], [4, 3]) // 4, 3
 */
export interface BroadcastPlan {
  dims: number[];
  aStrides: number[];
  bStrides: number[];
  outer: number;
  inner: number;
  aOuter: number;
  aInner: number;
  bOuter: number;
  bInner: number;
}

/**
 * Merges the dimensions of a broadcast (`a` and `b` read as `out`) that both inputs walk alike, and
 * drops size-1 ones, so `[128, 26, 26, 32] + [32]` becomes one `[86528, 32]` row-broadcast loop.
 * @example broadcastPlan([2, 3], [3], [2, 3]) // { dims: [], outer: 2, inner: 3, aOuter: 3, aInner: 1, bOuter: 0, bInner: 1, ... }
 */
export function broadcastPlan(aShape: Shape, bShape: Shape, outShape: Shape): BroadcastPlan {
  const sa = broadcastStrides(aShape, outShape);
  const sb = broadcastStrides(bShape, outShape);
  const dims: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let d = 0; d < outShape.length; d++) {
    if (outShape[d] === 1) continue;
    const last = dims.length - 1;
    // A dimension merges into the previous one when, for both inputs, stepping the previous one
    // equals stepping this one all the way: stride(prev) = stride(this) * size(this).
    if (last >= 0 && as[last] === sa[d] * outShape[d] && bs[last] === sb[d] * outShape[d]) {
      dims[last] *= outShape[d];
      as[last] = sa[d];
      bs[last] = sb[d];
    } else {
      dims.push(outShape[d]);
      as.push(sa[d]);
      bs.push(sb[d]);
    }
  }
  while (dims.length < 2) {
    dims.unshift(1);
    as.unshift(0);
    bs.unshift(0);
  }
  const r = dims.length;
  return {
    dims: dims.slice(0, r - 2),
    aStrides: as.slice(0, r - 2),
    bStrides: bs.slice(0, r - 2),
    outer: dims[r - 2],
    inner: dims[r - 1],
    aOuter: as[r - 2],
    aInner: as[r - 1],
    bOuter: bs[r - 2],
    bInner: bs[r - 1],
  };
}
