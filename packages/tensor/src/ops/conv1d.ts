import { toTensor } from '../convert.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { Padding2d } from './conv2d.js';
import { runConv2d } from './conv2d-core.js';
import { reshape } from './reshape.js';

/**
 * Options of conv1d.
 * @example
 * const x = tensor([[[1], [2], [3], [4]]]); // [batch 1, steps 4, channels 1]
 * const w = tensor([[[1]], [[1]]]); // [width 2, in 1, out 1]
 * conv1d(x, w, { stride: 1, padding: 'causal', dilation: 1 }).arraySync(); // [[[1], [3], [5], [7]]]
 * conv1d(x, w, { stride: 2, padding: 'valid' }).arraySync(); // [[[3], [7]]]
 */
export interface Conv1dOptions {
  stride?: number;
  padding?: 'valid' | 'same' | 'causal' | number;
  dilation?: number;
}

function positiveInt(value: number, name: string, op: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ValueError(`${op}: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * 1-D convolution (cross-correlation) of `[n, width, inC]` sequences (or one `[width, inC]`) with a
 * `[k, inC, outC]` filter, computed as conv2d over a height of 1. `padding` is 'valid' (default),
 * 'same' (TF's rule), 'causal' (`(k - 1) * dilation` zeros on the left only, so output `t` sees
 * inputs up to `t`), or a number of zeros on both ends.
 * @example conv1d(tensor([1, 2, 3, 4], [4, 1]), tensor([1, 1], [2, 1, 1])).arraySync() // [[3], [5], [7]]
 */
export function conv1d(x: TensorLike, filter: TensorLike, options: Conv1dOptions = {}): Tensor {
  const op = 'conv1d';
  const t = toTensor(x, 'x', op);
  const f = toTensor(filter, 'filter', op);
  if (t.rank !== 3 && t.rank !== 2) {
    throw new ShapeError(`${op}: expected 'x' of rank 3 [batch, width, channels] or rank 2, got shape ${fmt(t.shape)}`);
  }
  if (f.rank !== 3 || f.shape[0] < 1) {
    throw new ShapeError(`${op}: expected 'filter' of rank 3 [k, inC, outC] with k >= 1, got shape ${fmt(f.shape)}`);
  }
  if (t.shape[t.rank - 1] !== f.shape[1]) {
    throw new ShapeError(
      `${op}: input ${fmt(t.shape)} has ${t.shape[t.rank - 1]} channels but filter ${fmt(f.shape)} [k, inC, outC] expects ${f.shape[1]}`,
    );
  }
  const stride = positiveInt(options.stride ?? 1, 'stride', op);
  const dilation = positiveInt(options.dilation ?? 1, 'dilation', op);
  const padding = options.padding ?? 'valid';
  let padding2d: Padding2d;
  if (padding === 'valid' || padding === 'same') padding2d = padding;
  else if (padding === 'causal')
    padding2d = [
      [0, 0],
      [(f.shape[0] - 1) * dilation, 0],
    ];
  else if (typeof padding === 'number' && Number.isInteger(padding) && padding >= 0)
    padding2d = [
      [0, 0],
      [padding, padding],
    ];
  else {
    throw new ValueError(
      `${op}: padding must be 'valid', 'same', 'causal' or a non-negative integer, got ${JSON.stringify(padding)}`,
    );
  }
  const batched = t.rank === 3;
  const [n, w, c] = batched ? t.shape : [1, ...t.shape];
  const y = runConv2d(
    reshape(t, [n, 1, w, c]),
    reshape(f, [1, ...f.shape]),
    { strides: [1, stride], dilations: [1, dilation], padding: padding2d },
    op,
  );
  const [, , outW, outC] = y.shape;
  return reshape(y, batched ? [n, outW, outC] : [outW, outC]);
}
