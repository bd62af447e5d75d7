import { toTensor } from '../convert.js';
import { ShapeError } from '../errors.js';
import { fmt, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { mul } from './arithmetic.js';
import { matmul } from './matmul.js';
import { reshape } from './reshape.js';
import { transpose } from './transpose.js';

/**
 * NumPy's `dot`: the inner product of two vectors (a scalar), the matrix product of two
 * matrices, and in general a sum over the last axis of `a` and the second-to-last of `b`
 * (the only axis of a vector): `dot(a, b)[i, j, k, m] = sum(a[i, j, :] * b[k, :, m])`.
 * A scalar operand multiplies. Composed from reshape, transpose and matmul.
 * @example dot(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[2], [2], [2]])).arraySync() // [[12], [30]]
 */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  const x = toTensor(a, 'a', 'dot');
  const y = toTensor(b, 'b', 'dot');
  if (x.rank === 0 || y.rank === 0) return mul(x, y);
  const k = x.shape[x.rank - 1];
  const bAxis = y.rank === 1 ? 0 : y.rank - 2;
  if (k !== y.shape[bAxis]) {
    throw new ShapeError(
      `dot: shapes ${fmt(x.shape)} and ${fmt(y.shape)} are not aligned: ${k} (last dimension of a) != ${y.shape[bAxis]} (${y.rank === 1 ? 'only' : 'second-to-last'} dimension of b)`,
    );
  }
  if (x.rank <= 2 && y.rank === 2) {
    const product = matmul(x.rank === 1 ? reshape(x, [1, k]) : x, y);
    return x.rank === 1 ? reshape(product, [y.shape[1]]) : product;
  }
  const lead = x.shape.slice(0, -1);
  // Move b's summed axis to the front, so b reads as a [k, rest] matrix.
  const bPerm = y.rank === 1 ? [0] : [bAxis, ...Array.from({ length: bAxis }, (_, i) => i), y.rank - 1];
  const bRest = bPerm.slice(1).map((d) => y.shape[d]);
  const product = matmul(reshape(x, [sizeOf(lead), k]), reshape(transpose(y, bPerm), [k, sizeOf(bRest)]));
  return reshape(product, [...lead, ...bRest]);
}

/**
 * The outer product of two tensors read as flat vectors: shape `[a.size, b.size]` (NumPy's `outer`).
 * @example outer(tensor([1, 2]), tensor([1, 10, 100])).arraySync() // [[1, 10, 100], [2, 20, 200]]
 */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  const x = toTensor(a, 'a', 'outer');
  const y = toTensor(b, 'b', 'outer');
  return mul(reshape(x, [x.size, 1]), reshape(y, [1, y.size]));
}
