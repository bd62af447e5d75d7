import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { assertValidShape, fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { asBatch, asBatchShape, checkDyShape, floatOperand, windowAttrs } from './conv-util.js';
import { convGeometry, runConv2d } from './conv2d-core.js';
import { reshape } from './reshape.js';

/**
 * Padding of a 2-D window op: 'valid', 'same' (TF's rule), a number on every side, or explicit [[top, bottom], [left, right]].
 * @example
 * const x = reshape(range(0, 16), [1, 4, 4, 1]), w = ones([2, 2, 1, 1]);
 * conv2d(x, w, { padding: 'same' }).shape; // [1, 4, 4, 1]
 * conv2d(x, w, { padding: 1 }).shape; // [1, 5, 5, 1]
 * conv2d(x, w, { padding: [[1, 0], [0, 1]] }).shape; // [1, 4, 4, 1]
 */
export type Padding2d = 'valid' | 'same' | number | readonly [readonly [number, number], readonly [number, number]];

/**
 * Options of conv2d and its gradients.
 * @example
 * const x = reshape(range(0, 16), [1, 4, 4, 1]), w = ones([2, 2, 1, 1]);
 * conv2d(x, w, { strides: 2, padding: 'valid', dilations: 1 }).arraySync(); // [[[[10], [18]], [[42], [50]]]]
 */
export interface Conv2dOptions {
  strides?: number | readonly [number, number];
  padding?: Padding2d;
  dilations?: number | readonly [number, number];
}

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of NHWC images `x`
 * (`[n, h, w, inC]`, or `[h, w, inC]` for one image) with a `[kh, kw, inC, outC]` filter.
 * `padding` is 'valid' (default), 'same' (TensorFlow's rule: output `ceil(in / stride)`, the extra
 * zero after), a number of zeros on every side, or explicit `[[top, bottom], [left, right]]`.
 * @example
 * conv2d(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), ones([2, 2, 1, 1])).arraySync()
 * // [[[[12], [16]], [[24], [28]]]]
 */
export function conv2d(x: TensorLike, filter: TensorLike, options: Conv2dOptions = {}): Tensor {
  return runConv2d(x, filter, options, 'conv2d');
}

/**
 * The gradient of conv2d with respect to its input: `dy` (the shape conv2d gives for an input of
 * `inputShape`) mapped back through `filter`. Rank 3 `dy` and `inputShape` work without a batch.
 * @example conv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]).shape // [1, 3, 3, 1]
 */
export function conv2dBackpropInput(
  dy: TensorLike,
  filter: TensorLike,
  inputShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  return backpropInputAs(dy, filter, inputShape, options, 'conv2dBackpropInput');
}

function backpropInputAs(
  dy: TensorLike,
  filter: TensorLike,
  inputShape: readonly number[],
  options: Conv2dOptions,
  op: string,
  names: readonly [string, string] = ['dy', 'inputShape'],
): Tensor {
  const [dyName, shapeName] = names;
  const shape = asBatchShape(inputShape, shapeName, op);
  const d = toTensor(dy, dyName, op);
  if (d.rank !== inputShape.length) {
    throw new ShapeError(`${op}: ${dyName} ${fmt(d.shape)} must have the rank of ${shapeName} ${fmt(inputShape)}`);
  }
  const { batch } = asBatch(floatOperand(d, dyName, op), dyName, op);
  const f = floatOperand(toTensor(filter, 'filter', op), 'filter', op);
  const g = convGeometry(shape, f.shape, options, op);
  checkDyShape(batch.shape, [shape[0], g.outH, g.outW, f.shape[3]], op, dyName);
  const dx = ENGINE.runKernel(
    'Conv2DBackpropInput',
    { dy: batch, filter: f },
    { ...windowAttrs(g), inputShape: shape },
  );
  return inputShape.length === 4 ? dx : reshape(dx, inputShape);
}

/**
 * The gradient of conv2d with respect to its filter, for input `x` and output gradient `dy`.
 * @example conv2dBackpropFilter(ones([1, 3, 3, 1]), ones([1, 2, 2, 1]), [2, 2, 1, 1]).arraySync() // all 4
 */
export function conv2dBackpropFilter(
  x: TensorLike,
  dy: TensorLike,
  filterShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'conv2dBackpropFilter';
  assertValidShape(filterShape, op);
  const xt = toTensor(x, 'x', op);
  const d = toTensor(dy, 'dy', op);
  if (d.rank !== xt.rank) throw new ShapeError(`${op}: dy ${fmt(d.shape)} must have the rank of x ${fmt(xt.shape)}`);
  const { batch } = asBatch(floatOperand(xt, 'x', op), 'x', op);
  const dyBatch = asBatch(floatOperand(d, 'dy', op), 'dy', op).batch;
  const g = convGeometry(batch.shape, filterShape, options, op);
  checkDyShape(dyBatch.shape, [batch.shape[0], g.outH, g.outW, filterShape[3]], op);
  return ENGINE.runKernel(
    'Conv2DBackpropFilter',
    { x: batch, dy: dyBatch },
    { ...windowAttrs(g), filterShape: [...filterShape] },
  );
}

/**
 * Transposed 2-D convolution ("deconvolution", Keras' Conv2DTranspose): the gradient of conv2d
 * with respect to its input, with `x` playing dy. `filter` is `[kh, kw, outC, inC]`; `outputShape`
 * (`[n, h, w, outC]`, or `[h, w, outC]` for a rank-3 `x`) picks among the sizes 'same' or strides
 * would map to x's size.
 * @example conv2dTranspose(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]).arraySync()
 * // [[[[1], [2], [1]], [[2], [4], [2]], [[1], [2], [1]]]]
 */
export function conv2dTranspose(
  x: TensorLike,
  filter: TensorLike,
  outputShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  return backpropInputAs(x, filter, outputShape, options, 'conv2dTranspose', ['x', 'outputShape']);
}
