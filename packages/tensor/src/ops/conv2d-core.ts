import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import {
  asBatch,
  checkFilterShape,
  floatOperand,
  type WindowGeometry,
  windowAttrs,
  windowGeometry,
} from './conv-util.js';
import type { Conv2dOptions } from './conv2d.js';
import { reshape } from './reshape.js';

const FILTER_LAYOUT = '[kh, kw, inC, outC]';

/**
 * Validates an NHWC input shape against a `[kh, kw, inC, outC]` filter shape and resolves the
 * window geometry, naming `op` in any error.
 * @example convGeometry([1, 3, 3, 1], [2, 2, 1, 1], { padding: 'same' }, 'conv2d').outH // 3
 */
export function convGeometry(
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
 * conv2d whose errors name `op`: conv1d and the signal ops are built on it.
 * @example runConv2d(tensor([1, 2, 3], [1, 1, 3, 1]), ones([1, 2, 1, 1]), {}, 'conv1d').shape // [1, 1, 2, 1]
 */
export function runConv2d(x: TensorLike, filter: TensorLike, options: Conv2dOptions, op: string): Tensor {
  const { batch, batched } = asBatch(floatOperand(toTensor(x, 'x', op), 'x', op), 'x', op);
  const f = floatOperand(toTensor(filter, 'filter', op), 'filter', op);
  const g = convGeometry(batch.shape, f.shape, options, op);
  const y = ENGINE.runKernel('Conv2D', { x: batch, filter: f }, windowAttrs(g));
  return batched ? y : reshape(y, y.shape.slice(1));
}
