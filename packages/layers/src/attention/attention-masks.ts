import {
  cast,
  fmt,
  greaterEqual,
  logicalAnd,
  range,
  reshape,
  ShapeError,
  softmax,
  type Tensor,
  ValueError,
  where,
} from '@horn/tensor';

/**
 * A step mask as a bool tensor of shape `[batch, steps]`, checked (a number tensor is read as
 * `!= 0`'s bool by casting, as Keras' defensive cast); null when none. Throws a ShapeError that
 * names the layer, the mask and both shapes on a mismatch.
 * @example stepMask("Attention 'attention'", 'the value mask', mask, 2, 5) // bool [2, 5]
 */
export function stepMask(
  label: string,
  what: string,
  mask: Tensor | null | undefined,
  batch: number,
  steps: number,
): Tensor | null {
  if (mask === null || mask === undefined) return null;
  if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== steps) {
    throw new ShapeError(`${label}: expected ${what} of shape [${batch}, ${steps}], got ${fmt(mask.shape)}`);
  }
  return mask.dtype === 'bool' ? mask : cast(mask, 'bool');
}

/**
 * The mask list `options.mask` of a layer called on a list of `count` inputs: one entry (or null)
 * per input; a single tensor or a longer list is refused by name.
 * @example maskList("Attention 'attention'", [qMask, vMask], 3) // [qMask, vMask, null]
 */
export function maskList(label: string, mask: Tensor | null | (Tensor | null)[] | undefined, count: number) {
  if (mask === null || mask === undefined) return Array.from({ length: count }, (): Tensor | null => null);
  if (!Array.isArray(mask)) {
    throw new ValueError(`${label}: expected mask to be a list [queryMask, valueMask(, keyMask)], got a single tensor`);
  }
  if (mask.length > count) {
    throw new ValueError(`${label}: expected at most ${count} masks (one per input), got ${mask.length}`);
  }
  return Array.from({ length: count }, (_, i) => mask[i] ?? null);
}

/**
 * Keras' causal mask: a bool `[1, t, s]` tensor, true where query step `i` may see key step `j`
 * (`i >= j`).
 * @example causalMask(2, 2).arraySync() // [[[true, false], [true, true]]]
 */
export function causalMask(t: number, s: number): Tensor {
  return greaterEqual(reshape(range(0, t, 1, 'int32'), [1, t, 1]), reshape(range(0, s, 1, 'int32'), [1, 1, s]));
}

/** The logical and of the masks given (null: none). @example andMasks(a, null, b) // a & b */
export function andMasks(...masks: (Tensor | null)[]): Tensor | null {
  let out: Tensor | null = null;
  for (const m of masks) if (m) out = out ? logicalAnd(out, m) : m;
  return out;
}

/**
 * Keras' Softmax layer with a mask (MultiHeadAttention): masked scores become -1e9 before the
 * softmax over the last axis, and masked weights are zeroed after it (a row with every key masked
 * gives zeros, not a uniform distribution). The mask broadcasts against the scores.
 * @example maskedSoftmax(tensor([[1, 2]]), tensor([[true, false]])) // [[1, 0]]
 */
export function maskedSoftmax(scores: Tensor, mask: Tensor | null): Tensor {
  if (!mask) return softmax(scores, -1);
  return where(mask, softmax(where(mask, scores, -1e9), -1), 0);
}
