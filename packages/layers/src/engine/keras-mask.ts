import { type Tensor, ValueError } from '@horn/tensor';

// Tensors are immutable values, so the mask rides beside them (Keras' `_keras_mask` attribute), in
// a WeakMap: a tensor that is collected takes its entry with it.
const masks = new WeakMap<Tensor, Tensor>();

/**
 * The mask a tensor carries (Keras' `backend.get_keras_mask`): set by the layer that made it
 * (`Embedding({ maskZero: true })`, `Masking`, and every layer that passes a mask on), or null
 * (also once the mask was disposed, e.g. by the `tidy` it was made in).
 * @example
 * const x = new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(tensor([[0, 3]], [1, 2], 'int32'));
 * getKerasMask(x)?.arraySync(); // [[false, true]]
 */
export function getKerasMask(t: Tensor): Tensor | null {
  const mask = masks.get(t);
  return mask && !mask.isDisposed ? mask : null;
}

/**
 * Attaches a mask to a tensor (Keras' `backend.set_keras_mask`); null removes it. The mask must be
 * a bool tensor. Layers downstream read it when they are called without an explicit `mask`.
 * @example setKerasMask(x, tensor([[true, false]], [1, 2], 'bool')); getKerasMask(x) // that mask
 */
export function setKerasMask(t: Tensor, mask: Tensor | null): void {
  if (mask === null) {
    masks.delete(t);
    return;
  }
  if (mask.dtype !== 'bool') {
    throw new ValueError(`setKerasMask: a mask must be a bool tensor, got dtype '${mask.dtype}'`);
  }
  masks.set(t, mask);
}
