import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { assertValidShape, fmt, shapesEqual } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { cast } from './cast.js';
import type { Padding2d } from './conv2d.js';
import { reshape } from './reshape.js';

/** Explicit padding of a 2-D window op: `[top, bottom, left, right]`. */
export type Pad4 = [number, number, number, number];

/** Where a 2-D window op's windows fall: what its kernels receive as attrs, plus the output size. */
export interface WindowGeometry {
  strides: [number, number];
  dilations: [number, number];
  pad: Pad4;
  outH: number;
  outW: number;
}

/** The options every 2-D window op shares (conv2d, depthwiseConv2d, the pools). */
export interface WindowOptions {
  strides?: number | readonly [number, number];
  padding?: Padding2d;
  dilations?: number | readonly [number, number];
}

/**
 * A number or a pair of positive integers as a pair, or a ValueError naming the op and option.
 * @example positivePair(2, 'strides', 'conv2d') // [2, 2]
 */
export function positivePair(value: number | readonly [number, number], name: string, op: string): [number, number] {
  const pair = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => Number.isInteger(v) && v > 0)) {
    throw new ValueError(`${op}: ${name} must be a positive integer or a pair of them, got ${JSON.stringify(value)}`);
  }
  return [pair[0], pair[1]];
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * TensorFlow's 'same' padding of one dimension: the output is `ceil(size / stride)`, the missing
 * cells are split with the smaller half before.
 * @example samePadding(3, 2, 1, 1) // [0, 1]
 */
export function samePadding(size: number, effectiveKernel: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effectiveKernel - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * Resolves a padding option into explicit `[top, bottom, left, right]` zeros.
 * @example explicitPadding('same', [3, 3], [2, 2], [1, 1], 'conv2d') // [0, 1, 0, 1]
 */
export function explicitPadding(
  padding: Padding2d,
  inSize: readonly [number, number],
  effectiveKernel: readonly [number, number],
  strides: readonly [number, number],
  op: string,
): Pad4 {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    return [
      ...samePadding(inSize[0], effectiveKernel[0], strides[0]),
      ...samePadding(inSize[1], effectiveKernel[1], strides[1]),
    ];
  }
  if (isCount(padding)) return [padding, padding, padding, padding];
  if (
    Array.isArray(padding) &&
    padding.length === 2 &&
    padding.every((p) => Array.isArray(p) && p.length === 2 && p.every(isCount))
  ) {
    return [padding[0][0], padding[0][1], padding[1][0], padding[1][1]];
  }
  throw new ValueError(
    `${op}: padding must be 'valid', 'same', a non-negative integer or [[top, bottom], [left, right]], got ${JSON.stringify(padding)}`,
  );
}

/**
 * One output dimension of a window op: `floor((in + padded - effectiveKernel) / stride) + 1`.
 * @example windowOutputSize(5, 3, 2, 1, 1) // 3
 */
export function windowOutputSize(size: number, effectiveKernel: number, stride: number, before: number, after: number) {
  return Math.max(0, Math.floor((size + before + after - effectiveKernel) / stride) + 1);
}

/**
 * Validates strides, dilations and padding of a 2-D window op over an `[inH, inW]` input with a
 * `[kh, kw]` window and computes the explicit padding and output size.
 * @example windowGeometry([3, 3], [2, 2], { padding: 'same' }, 'conv2d').pad // [0, 1, 0, 1]
 */
export function windowGeometry(
  inSize: readonly [number, number],
  kernel: readonly [number, number],
  options: WindowOptions,
  op: string,
  what = 'filter',
): WindowGeometry {
  const strides = positivePair(options.strides ?? 1, 'strides', op);
  const dilations = positivePair(options.dilations ?? 1, 'dilations', op);
  if ((strides[0] > 1 || strides[1] > 1) && (dilations[0] > 1 || dilations[1] > 1)) {
    throw new ValueError(
      `${op}: strides > 1 together with dilations > 1 is not supported (as in TensorFlow), got strides [${strides}] and dilations [${dilations}]`,
    );
  }
  const padding = options.padding ?? 'valid';
  const eff: [number, number] = [(kernel[0] - 1) * dilations[0] + 1, (kernel[1] - 1) * dilations[1] + 1];
  const pad = explicitPadding(padding, inSize, eff, strides, op);
  const paddedH = inSize[0] + pad[0] + pad[1];
  const paddedW = inSize[1] + pad[2] + pad[3];
  if (padding !== 'same' && (paddedH < eff[0] || paddedW < eff[1])) {
    throw new ShapeError(
      `${op}: the ${what} window [${eff}]${eff[0] !== kernel[0] || eff[1] !== kernel[1] ? ' (dilated)' : ''} is larger than the padded input [${paddedH},${paddedW}] (input [${inSize}], padding ${JSON.stringify(padding)})`,
    );
  }
  return {
    strides,
    dilations,
    pad,
    outH: windowOutputSize(inSize[0], eff[0], strides[0], pad[0], pad[1]),
    outW: windowOutputSize(inSize[1], eff[1], strides[1], pad[2], pad[3]),
  };
}

/**
 * The attrs of a 2-D window kernel: strides, explicit pad `[top, bottom, left, right]`, dilations.
 * @example windowAttrs(windowGeometry([3, 3], [2, 2], { padding: 'same' }, 'conv2d')).pad // [0, 1, 0, 1]
 */
export function windowAttrs(g: WindowGeometry): { strides: number[]; pad: number[]; dilations: number[] } {
  return { strides: g.strides, pad: g.pad, dilations: g.dilations };
}

/**
 * Converts a conv operand to float32: int32 is cast, bool is refused.
 * @example floatOperand(tensor([1, 2], undefined, 'int32'), 'x', 'conv2d').dtype // 'float32'
 */
export function floatOperand(t: Tensor, arg: string, op: string): Tensor {
  if (t.dtype === 'bool') throw new DTypeError(`${op}: '${arg}' must be numeric (float32 or int32), got bool`);
  return cast(t, 'float32');
}

/**
 * An NHWC image batch as rank 4: a rank-3 `[h, w, c]` image gets a batch of 1 (`batched` false).
 * @example asBatch(ones([3, 3, 1]), 'x', 'conv2d').batch.shape // [1, 3, 3, 1]
 */
export function asBatch(t: Tensor, arg: string, op: string): { batch: Tensor; batched: boolean } {
  if (t.rank === 4) return { batch: t, batched: true };
  if (t.rank === 3) return { batch: reshape(t, [1, ...t.shape]), batched: false };
  throw new ShapeError(
    `${op}: expected '${arg}' of rank 4 [batch, height, width, channels] or rank 3, got shape ${fmt(t.shape)}`,
  );
}

/**
 * A shape as rank 4 (a rank-3 shape gets a batch of 1), or a ShapeError.
 * @example asBatchShape([3, 3, 1], 'inputShape', 'conv2dBackpropInput') // [1, 3, 3, 1]
 */
export function asBatchShape(shape: readonly number[], arg: string, op: string): number[] {
  assertValidShape(shape, op);
  if (shape.length === 4) return [...shape];
  if (shape.length === 3) return [1, ...shape];
  throw new ShapeError(
    `${op}: expected '${arg}' of rank 4 [batch, height, width, channels] or rank 3, got ${fmt(shape)}`,
  );
}

/**
 * Checks that a filter shape is rank 4 with positive window sizes, naming `layout` in the error.
 * @example checkFilterShape([3, 3, 1, 8], 'filter', '[kh, kw, inC, outC]', 'conv2d')
 */
export function checkFilterShape(shape: readonly number[], arg: string, layout: string, op: string): void {
  if (shape.length !== 4) throw new ShapeError(`${op}: expected '${arg}' of rank 4 ${layout}, got shape ${fmt(shape)}`);
  if (shape[0] < 1 || shape[1] < 1) {
    throw new ShapeError(`${op}: '${arg}' ${fmt(shape)} must have a window of at least 1x1 ${layout}`);
  }
}

/**
 * Checks that a gradient `dy` has the shape the forward op produces.
 * @example checkDyShape([1, 2, 2, 1], [1, 2, 2, 1], 'conv2dBackpropInput')
 */
export function checkDyShape(dyShape: readonly number[], expected: readonly number[], op: string, arg = 'dy'): void {
  if (!shapesEqual(dyShape, expected)) {
    throw new ShapeError(`${op}: expected ${arg} of shape ${fmt(expected)} (the forward output), got ${fmt(dyShape)}`);
  }
}
