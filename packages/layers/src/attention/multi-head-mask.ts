import {
  abs,
  cast,
  expandDims,
  fmt,
  less,
  range,
  reshape,
  ShapeError,
  sub,
  type Tensor,
  ValueError,
} from '@horn/tensor';
import type { CallOptions } from '../engine/layer.js';
import { andMasks, causalMask, maskList, stepMask } from './attention-masks.js';
import './call-options.js';

/**
 * Keras' `_compute_attention_mask` of MultiHeadAttention and GroupedQueryAttention: the AND of
 * the `attentionMask` `[batch | 1, T, S]`, the query mask `[batch, T, 1]`, the value and key masks
 * `[batch, 1, S]` (call options, else `mask[0..2]`), the causal mask and the sliding window
 * (`|i - j| < slidingWindow`), as `[batch | 1, 1, T, S]` to broadcast over the heads; null when
 * there is none. Masks need rank-3 inputs; a mask of the wrong shape is refused by name.
 * @example multiHeadMask("MultiHeadAttention 'mha'", q, k, { useCausalMask: true }, null) // bool [1, 1, T, S]
 */
export function multiHeadMask(
  label: string,
  q: Tensor,
  k: Tensor,
  options: CallOptions,
  slidingWindow: number | null,
): Tensor | null {
  const given = maskList(label, options.mask, 3);
  const qm = options.queryMask ?? given[0];
  const vm = options.valueMask ?? given[1];
  const km = options.keyMask ?? given[2];
  const am = options.attentionMask ?? null;
  if (!(qm || vm || km || am || options.useCausalMask || slidingWindow !== null)) return null;
  if (q.rank !== 3) {
    throw new ValueError(
      `${label}: masks (attentionMask, query/value/key masks, useCausalMask, slidingWindow) need rank-3 inputs [batch, steps, dim], got query ${fmt(q.shape)}`,
    );
  }
  const [B, T] = q.shape;
  const S = k.shape[1];
  const queryMask = stepMask(label, 'the query mask', qm, B, T);
  const valueMask = stepMask(label, 'the value mask', vm, B, S);
  const keyMask = stepMask(label, 'the key mask', km, B, S);
  const combined = andMasks(
    am ? checkedAttentionMask(label, am, B, T, S) : null,
    queryMask ? expandDims(queryMask, -1) : null,
    valueMask ? expandDims(valueMask, -2) : null,
    keyMask ? expandDims(keyMask, -2) : null,
    options.useCausalMask ? causalMask(T, S) : null,
    slidingWindow !== null ? slidingWindowMask(T, S, slidingWindow) : null,
  ) as Tensor;
  return combined.rank === 3 ? expandDims(combined, 1) : reshape(combined, [1, 1, T, S]);
}

function checkedAttentionMask(label: string, mask: Tensor, B: number, T: number, S: number): Tensor {
  const want = [B, T, S].slice(3 - mask.rank);
  const ok = (mask.rank === 2 || mask.rank === 3) && mask.shape.every((d, i) => d === want[i] || d === 1);
  if (!ok) {
    throw new ShapeError(
      `${label}: expected attentionMask of shape [${B}, ${T}, ${S}] (or broadcastable to it), got ${fmt(mask.shape)}`,
    );
  }
  return mask.dtype === 'bool' ? mask : cast(mask, 'bool');
}

/** True where `|i - j| < window`, as `[1, T, S]` (Keras' banded sliding-window mask). */
function slidingWindowMask(T: number, S: number, window: number): Tensor {
  const rows = reshape(range(0, T, 1, 'int32'), [1, T, 1]);
  const cols = reshape(range(0, S, 1, 'int32'), [1, 1, S]);
  return less(abs(sub(rows, cols)), window);
}
