import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Surrounds each dimension `d` with `paddings[d] = [before, after]` cells of `value` (constant
 * padding, NumPy's `pad(mode='constant')`). For bool tensors any non-zero `value` is `true`.
 * @example pad(tensor([1, 2]), [[1, 2]], 9).arraySync() // [9, 1, 2, 9, 9]
 */
export function pad(x: TensorLike, paddings: readonly (readonly [number, number])[], value = 0): Tensor {
  const t = toTensor(x, 'x', 'pad');
  const given = Array.isArray(paddings) ? JSON.stringify(paddings) : String(paddings);
  if (!Array.isArray(paddings) || paddings.length !== t.rank) {
    throw new ShapeError(
      `pad: expected one [before, after] pair per dimension of ${fmt(t.shape)} (${t.rank} pairs), got ${given}`,
    );
  }
  const pairs = paddings.map((pair, d): [number, number] => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new ShapeError(`pad: paddings[${d}] must be a [before, after] pair, got ${JSON.stringify(pair)}`);
    }
    for (const n of pair) {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        throw new ValueError(
          `pad: paddings must be non-negative integers, got ${JSON.stringify(pair)} for dimension ${d}`,
        );
      }
    }
    return [pair[0], pair[1]];
  });
  if (typeof value !== 'number') throw new ValueError(`pad: value must be a number, got ${String(value)}`);
  const fill = t.dtype === 'bool' ? (value !== 0 ? 1 : 0) : t.dtype === 'int32' ? Math.trunc(value) : value;
  return ENGINE.runKernel('Pad', { x: t }, { paddings: pairs, value: fill });
}
