import { add, matmul, reshape, type Tensor, transpose } from '@horn/tensor';

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * Keras' EinsumDense of MultiHeadAttention's projections: contracts the last `bound` axes of `x`
 * with the first `bound` axes of `kernel` (`[...bound dims, ...out dims]`) and adds `bias`
 * (`[...out dims]`), as one 2-D product: `[..., bound] -> [..., out]`.
 * @example contract(ones([2, 4, 5]), ones([5, 2, 3]), null, 1).shape // [2, 4, 2, 3]
 */
export function contract(x: Tensor, kernel: Tensor, bias: Tensor | null, bound: number): Tensor {
  const free = x.shape.slice(0, x.rank - bound);
  const inner = product(x.shape.slice(x.rank - bound));
  const out = kernel.shape.slice(bound);
  let y = matmul(reshape(x, [-1, inner]), reshape(kernel, [inner, product(out)]));
  if (bias) y = add(y, reshape(bias, [product(out)]));
  return reshape(y, [...free, ...out]);
}

/**
 * Where attention runs in a projected `[batch, ...axes, heads, channels]` tensor: `axes` (the
 * attention axes, Keras' order) and `others` (the remaining middle axes, treated as batch).
 * @internal
 */
export interface HeadLayout {
  axes: number[];
  others: number[];
}

/**
 * The permutation that brings a projected tensor of rank `rank` to
 * `[batch, ...others, heads, ...axes, channels]`.
 * @internal
 */
export function headPermutation(layout: HeadLayout, rank: number): number[] {
  return [0, ...layout.others, rank - 2, ...layout.axes, rank - 1];
}

/**
 * A projected `[batch, ...middle, heads, channels]` tensor as `[batch·others, heads, steps, channels]`
 * (steps: the attention axes flattened, in Keras' order), ready for batched matmuls.
 * @example toHeads(q, { axes: [1], others: [] }) // [B, T, H, K] -> [B, H, T, K]
 */
export function toHeads(x: Tensor, layout: HeadLayout): Tensor {
  const perm = headPermutation(layout, x.rank);
  const t = transpose(x, perm);
  const s = t.shape;
  const nOthers = layout.others.length;
  const batch = product(s.slice(0, 1 + nOthers));
  const steps = product(s.slice(2 + nOthers, s.length - 1));
  return reshape(t, [batch, s[1 + nOthers], steps, s[s.length - 1]]);
}

/**
 * The inverse of {@link toHeads}: `[batch·others, heads, steps, channels]` back to the projected
 * layout `[batch, ...middle, heads, channels]` of `like` (a projected tensor with those middle axes).
 * @internal
 */
export function fromHeads(y: Tensor, layout: HeadLayout, likeShape: readonly number[], channels: number): Tensor {
  const rank = likeShape.length;
  const perm = headPermutation(layout, rank);
  const permuted = perm.map((p) => (p === rank - 1 ? channels : likeShape[p]));
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return transpose(reshape(y, permuted), inverse);
}

/**
 * Attention scores `[batch·others, heads, Tq, Tk]` in Keras' layout
 * `[batch, ...others, heads, ...query attention dims, ...key attention dims]`.
 * @internal
 */
export function scoresLayout(
  scores: Tensor,
  layout: HeadLayout,
  queryShape: readonly number[],
  keyShape: readonly number[],
): Tensor {
  const rank = queryShape.length;
  return reshape(scores, [
    queryShape[0],
    ...layout.others.map((a) => queryShape[a]),
    queryShape[rank - 2],
    ...layout.axes.map((a) => queryShape[a]),
    ...layout.axes.map((a) => keyShape[a]),
  ]);
}
