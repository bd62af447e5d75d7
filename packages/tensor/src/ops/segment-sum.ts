import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';

/**
 * Sums the rows of `x` that share a segment id: `out[s] = sum of x[i] where segmentIds[i] = s`.
 * Ids outside `[0, numSegments)` are dropped, as in TensorFlow. The gradient of `gather` uses it.
 * @example unsortedSegmentSum(tensor([[1, 2], [3, 4], [5, 6]]), tensor([0, 1, 0], [3], 'int32'), 2).arraySync()
 * // [[6, 8], [3, 4]]
 */
export function unsortedSegmentSum(x: TensorLike, segmentIds: TensorLike, numSegments: number): Tensor {
  const t = toTensor(x, 'x', 'unsortedSegmentSum');
  let ids = toTensor(segmentIds, 'segmentIds', 'unsortedSegmentSum', 'int32');
  if (ids.dtype === 'float32') {
    const v = ids.dataSync();
    if (v.some((n) => !Number.isInteger(n))) {
      throw new DTypeError(
        `unsortedSegmentSum: segmentIds must be integers, got float32 values such as ${v.find((n) => !Number.isInteger(n))}`,
      );
    }
  }
  ids = cast(ids, 'int32');
  if (ids.rank !== 1 || t.rank < 1 || ids.shape[0] !== t.shape[0]) {
    throw new ShapeError(
      `unsortedSegmentSum: expected segmentIds of shape [${t.shape[0] ?? '?'}] (one id per row of x ${fmt(t.shape)}), got ${fmt(ids.shape)}`,
    );
  }
  if (!Number.isInteger(numSegments) || numSegments < 0) {
    throw new ValueError(`unsortedSegmentSum: numSegments must be a non-negative integer, got ${numSegments}`);
  }
  return ENGINE.runKernel('UnsortedSegmentSum', { x: t, segmentIds: ids }, { numSegments });
}
