import { toTensor } from '../convert.js';
import { upcastType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';

/**
 * Matrix product over the last two dimensions (NumPy's `matmul` for rank >= 2); leading (batch)
 * dimensions broadcast. `transposeA` / `transposeB` use the transpose of the last two dimensions
 * of an operand. Dtypes are promoted (bool computes as int32). For vectors, use {@link dot}.
 * @example matmul(tensor([[1, 2, 3]]), tensor([[2], [2], [2]])).arraySync() // [[12]]
 */
export function matmul(a: TensorLike, b: TensorLike, transposeA = false, transposeB = false): Tensor {
  const x = toTensor(a, 'a', 'matmul');
  const y = toTensor(b, 'b', 'matmul');
  const flags = `(transposeA=${transposeA}, transposeB=${transposeB})`;
  if (x.rank < 2 || y.rank < 2) {
    throw new ShapeError(
      `matmul: both operands need rank >= 2, got a ${fmt(x.shape)}, b ${fmt(y.shape)} ${flags}; use dot for vectors`,
    );
  }
  const inner = transposeA ? x.shape[x.rank - 2] : x.shape[x.rank - 1];
  if (inner !== (transposeB ? y.shape[y.rank - 1] : y.shape[y.rank - 2])) {
    throw new ShapeError(`matmul: inner dimensions differ: a ${fmt(x.shape)}, b ${fmt(y.shape)} ${flags}`);
  }
  const aBatch = x.shape.slice(0, -2);
  const bBatch = y.shape.slice(0, -2);
  const rank = Math.max(aBatch.length, bBatch.length);
  for (let i = 1; i <= rank; i++) {
    const da = aBatch[aBatch.length - i] ?? 1;
    const db = bBatch[bBatch.length - i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `matmul: batch dimensions ${fmt(aBatch)} and ${fmt(bBatch)} cannot be broadcast: a ${fmt(x.shape)}, b ${fmt(y.shape)} ${flags}`,
      );
    }
  }
  let dtype = upcastType(x.dtype, y.dtype);
  if (dtype === 'bool') dtype = 'int32';
  return ENGINE.runKernel('BatchMatMul', { a: cast(x, dtype), b: cast(y, dtype) }, { transposeA, transposeB });
}
