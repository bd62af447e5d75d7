import {
  any,
  broadcastTo,
  cast,
  concat,
  expandDims,
  logicalOr,
  ones,
  type Tensor,
  ValueError,
  where,
} from '@horn/tensor';
import { layerLabel, type NamedLayer } from '../engine/input-checks.js';
import type { LayerMask } from '../engine/layer-options.js';

/**
 * The mask list of a merge layer's call (one entry per input), checked; null when there is none.
 * @example mergeMaskList(add, [a, b], [ma, null]) // [ma, null]
 */
export function mergeMaskList(
  layer: NamedLayer,
  inputs: readonly Tensor[],
  mask: LayerMask | undefined,
): (Tensor | null)[] | null {
  if (mask === undefined || mask === null) return null;
  if (!Array.isArray(mask)) {
    throw new ValueError(`${layerLabel(layer)}: mask should be a list (one entry per input), got one tensor`);
  }
  if (mask.length !== inputs.length) {
    throw new ValueError(
      `${layerLabel(layer)}: the lists inputs and mask should have the same length, got ${inputs.length} inputs and ${mask.length} masks`,
    );
  }
  return mask;
}

/**
 * Keras' `Merge.compute_mask` (Add, Subtract, Multiply, Average, Maximum, Minimum): the OR of the
 * input masks when every input has one, else null.
 * @example orMasks(add, [a, b], [ma, mb]) // logicalOr(ma, mb)
 */
export function orMasks(layer: NamedLayer, inputs: readonly Tensor[], mask: LayerMask | undefined): Tensor | null {
  const list = mergeMaskList(layer, inputs, mask);
  if (!list || list.some((m) => m === null)) return null;
  return (list as Tensor[]).reduce((a, b) => logicalOr(a, b));
}

/**
 * Keras' `Concatenate.compute_mask`: each input's mask (all true for an unmasked input) broadcast
 * to the input's shape, joined along `axis`, then `any` over the last axis; null when no input has
 * a mask.
 * @example concatMask(layer, [a, b], [ma, null], 1) // ma joined with all-true steps for b
 */
export function concatMask(
  layer: NamedLayer,
  inputs: readonly Tensor[],
  mask: LayerMask | undefined,
  axis: number,
): Tensor | null {
  const list = mergeMaskList(layer, inputs, mask);
  if (!list || list.every((m) => m === null)) return null;
  const full = inputs.map((x, i) => {
    const m = list[i];
    if (m === null) return ones(x.shape, 'bool');
    return m.rank < x.rank ? broadcastTo(expandDims(cast(m, 'bool'), -1), x.shape) : m;
  });
  return any(concat(full, axis), -1);
}

/**
 * Keras' `_apply_merge_op_and_or_mask` (Maximum, Minimum): a masked position of one input takes
 * the other operand's value, so masked steps never win; positions masked in every input keep the
 * first input's value.
 * @example mergeOrMasked([a, b], [ma, mb], maximum)
 */
export function mergeOrMasked(
  inputs: readonly Tensor[],
  masks: readonly (Tensor | null)[],
  op: (a: Tensor, b: Tensor) => Tensor,
): Tensor {
  const full = (x: Tensor, m: Tensor | null) =>
    m === null ? null : broadcastTo(expandDims(cast(m, 'bool'), -1), x.shape);
  let output = inputs[0];
  let outputMask = full(inputs[0], masks[0]);
  for (let i = 1; i < inputs.length; i++) {
    let x = inputs[i];
    const m = full(x, masks[i]);
    if (m) x = where(m, x, output);
    if (outputMask) output = where(outputMask, output, x);
    outputMask = m && outputMask ? logicalOr(outputMask, m) : null;
    output = op(output, x);
  }
  return output;
}
