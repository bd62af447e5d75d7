import { broadcastStrides, type Shape, sizeOf, stridesOf } from '@horn/tensor';

/**
 * For each flat index of the broadcast batch shape, the flat index of the matrix of an operand
 * whose batch shape is `own`.
 * @example batchIndex([1], [3]) // Int32Array [0, 0, 0]
 */
export function batchIndex(own: Shape, batch: Shape): Int32Array {
  const total = sizeOf(batch);
  const strides = broadcastStrides(own, batch);
  const batchStrides = stridesOf(batch);
  const index = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    let rest = i;
    let at = 0;
    for (let d = 0; d < batch.length; d++) {
      const c = Math.floor(rest / batchStrides[d]);
      rest -= c * batchStrides[d];
      at += c * strides[d];
    }
    index[i] = at;
  }
  return index;
}
