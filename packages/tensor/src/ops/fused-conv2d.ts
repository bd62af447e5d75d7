import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { asBatch, floatOperand, windowAttrs } from './conv-util.js';
import type { Conv2dOptions } from './conv2d.js';
import { convGeometry } from './conv2d-core.js';
import { reshape } from './reshape.js';

/**
 * The activations {@link fusedConv2d} applies inside the convolution kernel.
 * @example
 * FUSED_ACTIVATIONS; // ['linear', 'relu']
 * FUSED_ACTIVATIONS.includes('relu'); // true: fusedConv2d can apply it
 */
export const FUSED_ACTIVATIONS = ['linear', 'relu'] as const;

/**
 * An activation {@link fusedConv2d} can fuse: `'linear'` (none) or `'relu'`.
 * @example
 * const activation: FusedActivation = 'relu';
 * fusedConv2d(reshape(range(0, 16), [1, 4, 4, 1]), ones([2, 2, 1, 1]), { strides: 2, activation }).shape; // [1, 2, 2, 1]
 */
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

/**
 * Options of {@link fusedConv2d}: conv2d's, plus the bias and the activation.
 * @example
 * const x = reshape(range(0, 16), [1, 4, 4, 1]), w = ones([2, 2, 1, 1]);
 * fusedConv2d(x, w, { strides: 2, bias: [-20], activation: 'relu' }).arraySync(); // [[[[0], [0]], [[22], [30]]]]
 */
export interface FusedConv2dOptions extends Conv2dOptions {
  /** A `[outC]` bias added to every output pixel; none when left out or null. */
  bias?: TensorLike | null;
  /** Applied after the bias; default `'linear'`. */
  activation?: FusedActivation;
}

/**
 * `activation(conv2d(x, filter) + bias)` in one kernel (TF.js' `tf.fused.conv2d`): the same numbers
 * as the three ops one after another, without writing and re-reading the output in between. This
 * is what Keras' Conv2D layer runs for a `'relu'` or linear activation. Its gradient uses the
 * output (`relu(z) > 0` exactly where `z > 0`), so nothing extra is kept for backprop.
 * @example
 * fusedConv2d(tensor([1, -2, 3, -4], [1, 2, 2, 1]), ones([1, 1, 1, 1]), { bias: [1], activation: 'relu' }).arraySync()
 * // [[[[2], [0]], [[4], [0]]]]
 */
export function fusedConv2d(x: TensorLike, filter: TensorLike, options: FusedConv2dOptions = {}): Tensor {
  const op = 'fusedConv2d';
  const { bias = null, activation = 'linear', ...window } = options;
  if (!(FUSED_ACTIVATIONS as readonly unknown[]).includes(activation)) {
    throw new ValueError(
      `${op}: activation must be one of ${FUSED_ACTIVATIONS.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(activation)}`,
    );
  }
  const { batch, batched } = asBatch(floatOperand(toTensor(x, 'x', op), 'x', op), 'x', op);
  const f = floatOperand(toTensor(filter, 'filter', op), 'filter', op);
  const g = convGeometry(batch.shape, f.shape, window, op);
  const inputs: Record<string, Tensor> = { x: batch, filter: f };
  if (bias !== null) {
    const b = floatOperand(toTensor(bias, 'bias', op), 'bias', op);
    if (b.rank !== 1 || b.shape[0] !== f.shape[3]) {
      throw new ShapeError(`${op}: bias must have shape [${f.shape[3]}] (the filter's outC), got ${fmt(b.shape)}`);
    }
    inputs.bias = b;
  }
  const y = ENGINE.runKernel('FusedConv2D', inputs, { ...windowAttrs(g), activation });
  return batched ? y : reshape(y, y.shape.slice(1));
}
