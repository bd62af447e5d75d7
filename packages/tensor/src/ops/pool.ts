import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';
import { asBatch, asBatchShape, checkDyShape, floatOperand, positivePair, windowGeometry } from './conv-util.js';
import type { Padding2d } from './conv2d.js';
import { mean } from './moments.js';
import { reshape } from './reshape.js';

/**
 * Options of maxPool2d and avgPool2d.
 * @example
 * const x = reshape(range(0, 16), [1, 4, 4, 1]);
 * maxPool2d(x, { poolSize: 2 }).arraySync(); // [[[[5], [7]], [[13], [15]]]]: strides default to poolSize
 * avgPool2d(x, { poolSize: [2, 2], strides: 1, padding: 'same' }).shape; // [1, 4, 4, 1]
 */
export interface Pool2dOptions {
  poolSize: number | readonly [number, number];
  /** Defaults to poolSize, as in Keras. */
  strides?: number | readonly [number, number];
  /**
   * 'valid' (default) or 'same' (TensorFlow's rule); also a number or explicit
   * `[[top, bottom], [left, right]]`, each smaller than the pool (what the gradients pass on).
   */
  padding?: Padding2d;
}

interface PoolAttrs {
  poolSize: number[];
  strides: number[];
  pad: number[];
  [key: string]: unknown;
}

/** Validates the pool options over an NHWC shape and returns the kernel attrs and the output shape. */
function poolPlan(shape: readonly number[], options: Pool2dOptions, op: string): { attrs: PoolAttrs; out: number[] } {
  if (options === null || typeof options !== 'object') {
    throw new ValueError(`${op}: expected options { poolSize, strides?, padding? }, got ${String(options)}`);
  }
  const poolSize = positivePair(options.poolSize, 'poolSize', op);
  const strides = positivePair(options.strides ?? poolSize, 'strides', op);
  const padding = options.padding ?? 'valid';
  const g = windowGeometry([shape[1], shape[2]], poolSize, { strides, padding }, op, 'pool');
  const [t, b, l, r] = g.pad;
  if (t >= poolSize[0] || b >= poolSize[0] || l >= poolSize[1] || r >= poolSize[1]) {
    // A window made only of padding would have no maximum and nothing to average.
    throw new ValueError(`${op}: padding [${g.pad}] must be smaller than the pool [${poolSize}] on every side`);
  }
  return { attrs: { poolSize, strides, pad: g.pad }, out: [shape[0], g.outH, g.outW, shape[3]] };
}

function unbatch(y: Tensor, batched: boolean): Tensor {
  return batched ? y : reshape(y, y.shape.slice(1));
}

/**
 * Max pooling of NHWC images (`[n, h, w, c]` or `[h, w, c]`); padded cells never win. int32 stays int32.
 * @example maxPool2d(range(16).reshape([1, 4, 4, 1]), { poolSize: 2 }).arraySync() // [[[[5], [7]], [[13], [15]]]]
 */
export function maxPool2d(x: TensorLike, options: Pool2dOptions): Tensor {
  const op = 'maxPool2d';
  const t = toTensor(x, 'x', op);
  if (t.dtype === 'bool') throw new DTypeError(`${op}: 'x' must be numeric (float32 or int32), got bool`);
  const { batch, batched } = asBatch(t, 'x', op);
  const { attrs } = poolPlan(batch.shape, options, op);
  return unbatch(ENGINE.runKernel('MaxPool', { x: batch }, attrs), batched);
}

/**
 * Average pooling of NHWC images; each window averages its real cells only (padding does not count), as TF.
 * @example avgPool2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), { poolSize: 2 }).arraySync() // [[[[2.5]]]]
 */
export function avgPool2d(x: TensorLike, options: Pool2dOptions): Tensor {
  const op = 'avgPool2d';
  const { batch, batched } = asBatch(floatOperand(toTensor(x, 'x', op), 'x', op), 'x', op);
  const { attrs } = poolPlan(batch.shape, options, op);
  return unbatch(ENGINE.runKernel('AvgPool', { x: batch }, attrs), batched);
}

/**
 * The mean over the spatial axes of NHWC images: `[n, h, w, c]` -> `[n, c]` (`[n, 1, 1, c]` with keepDims).
 * @example globalAvgPool2d(ones([2, 3, 3, 4])).shape // [2, 4]
 */
export function globalAvgPool2d(x: TensorLike, keepDims = false): Tensor {
  const op = 'globalAvgPool2d';
  const t = toTensor(x, 'x', op);
  if (t.rank !== 4 && t.rank !== 3) {
    throw new ShapeError(
      `${op}: expected 'x' of rank 4 [batch, height, width, channels] or rank 3, got shape ${fmt(t.shape)}`,
    );
  }
  if (t.dtype === 'bool') throw new DTypeError(`${op}: 'x' must be numeric (float32 or int32), got bool`);
  const axes = t.rank === 4 ? [1, 2] : [0, 1];
  return mean(cast(t, 'float32'), axes, keepDims);
}

/**
 * The gradient of maxPool2d: each `dy` goes to the first maximal cell of its window in `x`.
 * @example maxPool2dBackprop(ones([1, 1, 1, 1]), tensor([1, 4, 4, 2], [1, 2, 2, 1]), { poolSize: 2 }) // 1 at the first 4
 */
export function maxPool2dBackprop(dy: TensorLike, x: TensorLike, options: Pool2dOptions): Tensor {
  const op = 'maxPool2dBackprop';
  const xt = toTensor(x, 'x', op);
  if (xt.dtype === 'bool') throw new DTypeError(`${op}: 'x' must be numeric (float32 or int32), got bool`);
  const d = toTensor(dy, 'dy', op);
  if (d.rank !== xt.rank) throw new ShapeError(`${op}: dy ${fmt(d.shape)} must have the rank of x ${fmt(xt.shape)}`);
  const { batch, batched } = asBatch(xt, 'x', op);
  const dyBatch = asBatch(floatOperand(d, 'dy', op), 'dy', op).batch;
  const { attrs, out } = poolPlan(batch.shape, options, op);
  checkDyShape(dyBatch.shape, out, op);
  return unbatch(ENGINE.runKernel('MaxPoolGrad', { dy: dyBatch, x: batch }, attrs), batched);
}

/**
 * The gradient of avgPool2d for an input of `inputShape`: each `dy` is shared evenly among its
 * window's real cells.
 * @example avgPool2dBackprop(ones([1, 1, 1, 1]), [1, 2, 2, 1], { poolSize: 2 }).arraySync() // all 0.25
 */
export function avgPool2dBackprop(dy: TensorLike, inputShape: readonly number[], options: Pool2dOptions): Tensor {
  const op = 'avgPool2dBackprop';
  const shape = asBatchShape(inputShape, 'inputShape', op);
  const d = toTensor(dy, 'dy', op);
  if (d.rank !== inputShape.length) {
    throw new ShapeError(`${op}: dy ${fmt(d.shape)} must have the rank of inputShape ${fmt(inputShape)}`);
  }
  const dyBatch = asBatch(floatOperand(d, 'dy', op), 'dy', op).batch;
  const { attrs, out } = poolPlan(shape, options, op);
  checkDyShape(dyBatch.shape, out, op);
  const dx = ENGINE.runKernel('AvgPoolGrad', { dy: dyBatch }, { ...attrs, inputShape: shape });
  return inputShape.length === 4 ? dx : reshape(dx, inputShape);
}
