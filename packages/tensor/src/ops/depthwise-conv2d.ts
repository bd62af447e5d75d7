import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { assertValidShape, fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import {
  asBatch,
  asBatchShape,
  checkDyShape,
  checkFilterShape,
  floatOperand,
  type WindowGeometry,
  windowAttrs,
  windowGeometry,
} from './conv-util.js';
import type { Conv2dOptions } from './conv2d.js';
import { reshape } from './reshape.js';

const FILTER_LAYOUT = '[kh, kw, inC, multiplier]';

function depthwiseGeometry(
  xShape: readonly number[],
  filterShape: readonly number[],
  options: Conv2dOptions,
  op: string,
): WindowGeometry {
  checkFilterShape(filterShape, 'filter', FILTER_LAYOUT, op);
  if (xShape[3] !== filterShape[2]) {
    throw new ShapeError(
      `${op}: input ${fmt(xShape)} has ${xShape[3]} channels but filter ${fmt(filterShape)} ${FILTER_LAYOUT} expects ${filterShape[2]}`,
    );
  }
  return windowGeometry([xShape[1], xShape[2]], [filterShape[0], filterShape[1]], options, op);
}

/**
 * Depthwise 2-D convolution of NHWC images (`[n, h, w, inC]` or `[h, w, inC]`) with a
 * `[kh, kw, inC, multiplier]` filter: each input channel is convolved with its own `multiplier`
 * filters, giving `inC * multiplier` channels (channel `c * multiplier + m`). Options as conv2d.
 * @example depthwiseConv2d(ones([1, 3, 3, 2]), ones([2, 2, 2, 1])).shape // [1, 2, 2, 2]
 */
export function depthwiseConv2d(x: TensorLike, filter: TensorLike, options: Conv2dOptions = {}): Tensor {
  const op = 'depthwiseConv2d';
  const { batch, batched } = asBatch(floatOperand(toTensor(x, 'x', op), 'x', op), 'x', op);
  const f = floatOperand(toTensor(filter, 'filter', op), 'filter', op);
  const g = depthwiseGeometry(batch.shape, f.shape, options, op);
  const y = ENGINE.runKernel('DepthwiseConv2dNative', { x: batch, filter: f }, windowAttrs(g));
  return batched ? y : reshape(y, y.shape.slice(1));
}

/**
 * The gradient of depthwiseConv2d with respect to its input of shape `inputShape`.
 * @example depthwiseConv2dBackpropInput(ones([1, 2, 2, 2]), ones([2, 2, 2, 1]), [1, 3, 3, 2]).shape // [1, 3, 3, 2]
 */
export function depthwiseConv2dBackpropInput(
  dy: TensorLike,
  filter: TensorLike,
  inputShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'depthwiseConv2dBackpropInput';
  const shape = asBatchShape(inputShape, 'inputShape', op);
  const d = toTensor(dy, 'dy', op);
  if (d.rank !== inputShape.length) {
    throw new ShapeError(`${op}: dy ${fmt(d.shape)} must have the rank of inputShape ${fmt(inputShape)}`);
  }
  const { batch } = asBatch(floatOperand(d, 'dy', op), 'dy', op);
  const f = floatOperand(toTensor(filter, 'filter', op), 'filter', op);
  const g = depthwiseGeometry(shape, f.shape, options, op);
  checkDyShape(batch.shape, [shape[0], g.outH, g.outW, f.shape[2] * f.shape[3]], op);
  const dx = ENGINE.runKernel(
    'DepthwiseConv2dNativeBackpropInput',
    { dy: batch, filter: f },
    { ...windowAttrs(g), inputShape: shape },
  );
  return inputShape.length === 4 ? dx : reshape(dx, inputShape);
}

/**
 * The gradient of depthwiseConv2d with respect to its `[kh, kw, inC, multiplier]` filter.
 * @example depthwiseConv2dBackpropFilter(ones([1, 3, 3, 2]), ones([1, 2, 2, 2]), [2, 2, 2, 1]).shape // [2, 2, 2, 1]
 */
export function depthwiseConv2dBackpropFilter(
  x: TensorLike,
  dy: TensorLike,
  filterShape: readonly number[],
  options: Conv2dOptions = {},
): Tensor {
  const op = 'depthwiseConv2dBackpropFilter';
  assertValidShape(filterShape, op);
  const xt = toTensor(x, 'x', op);
  const d = toTensor(dy, 'dy', op);
  if (d.rank !== xt.rank) throw new ShapeError(`${op}: dy ${fmt(d.shape)} must have the rank of x ${fmt(xt.shape)}`);
  const { batch } = asBatch(floatOperand(xt, 'x', op), 'x', op);
  const dyBatch = asBatch(floatOperand(d, 'dy', op), 'dy', op).batch;
  const g = depthwiseGeometry(batch.shape, filterShape, options, op);
  checkDyShape(dyBatch.shape, [batch.shape[0], g.outH, g.outW, filterShape[2] * filterShape[3]], op);
  return ENGINE.runKernel(
    'DepthwiseConv2dNativeBackpropFilter',
    { x: batch, dy: dyBatch },
    { ...windowAttrs(g), filterShape: [...filterShape] },
  );
}
