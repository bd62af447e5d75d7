import type { Tensor } from '@horn/tensor';

// Keras' attention layers take call arguments beyond `training` and `mask`. They join
// CallOptions here, so `layer.apply([q, v], { useCausalMask: true })` type-checks for every layer
// (a layer that does not read an option ignores it, as Keras' call-context arguments).
declare module '../engine/layer-options.js' {
  interface CallOptions {
    /**
     * Attention layers: also return the attention scores (after masking and softmax), so the call
     * returns `[output, scores]` (see `applyWithScores`). Default false.
     */
    returnAttentionScores?: boolean;
    /**
     * Attention layers: a causal mask, so query position `i` attends to key positions `j <= i`
     * only (decoder self-attention). Default false.
     */
    useCausalMask?: boolean;
    /**
     * MultiHeadAttention: a bool mask `[batch, T, S]` (T query steps, S key steps; broadcast over
     * missing leading dimensions and the heads) of which query positions may attend to which keys.
     */
    attentionMask?: Tensor | null;
    /** MultiHeadAttention: a bool mask `[batch, T]` of the real query steps (else from `mask[0]`). */
    queryMask?: Tensor | null;
    /** MultiHeadAttention: a bool mask `[batch, S]` of the real value steps (else from `mask[1]`). */
    valueMask?: Tensor | null;
    /** MultiHeadAttention: a bool mask `[batch, S]` of the real key steps (else from `mask[2]`). */
    keyMask?: Tensor | null;
  }
}

export type { CallOptions } from '../engine/layer-options.js';
