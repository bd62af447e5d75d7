import { makeTensor, toTensor } from '../convert.js';
import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { assertValidShape, fmt, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { type SeedArg, streamFor } from './seed-generator.js';

/**
 * Options of {@link normal} and {@link truncatedNormal}.
 * @example
 * random.normal([3], { mean: 10, stddev: 0.1, seed: 42, dtype: 'float32' }).arraySync(); // [9.855, 9.913, 10.069]
 * random.truncatedNormal([3], { seed: 42 }).arraySync(); // [-1.450, -0.869, 0.690]: within 2 stddev
 */
export interface NormalOptions {
  /** Default 0. */
  mean?: number;
  /** Default 1. */
  stddev?: number;
  /** Only `'float32'`. */
  dtype?: 'float32';
  seed?: SeedArg;
}

/**
 * Options of {@link uniform}.
 * @example
 * random.uniform([3], { minval: -1, maxval: 1, seed: 42, dtype: 'float32' }).arraySync(); // [-0.521, 0.172, -0.814]
 */
export interface UniformOptions {
  /** Lower bound, included. Default 0. */
  minval?: number;
  /** Upper bound, excluded. Default 1. */
  maxval?: number;
  /** Only `'float32'` (Keras' uniform takes float dtypes only; use {@link randint} for integers). */
  dtype?: 'float32';
  seed?: SeedArg;
}

/**
 * Options of {@link randint} and {@link categorical}.
 * @example
 * random.randint([4], 0, 10, { seed: 1, dtype: 'int32' }).arraySync(); // [4, 7, 6, 5]
 * random.categorical([[0, 0, 10]], 3, { seed: 1 }).arraySync(); // [[2, 2, 2]]
 */
export interface IntSampleOptions {
  /** Only `'int32'`. */
  dtype?: 'int32';
  seed?: SeedArg;
}

function checkDtype(dtype: unknown, allowed: string, op: string): void {
  if (dtype !== undefined && dtype !== null && dtype !== allowed) {
    throw new DTypeError(`${op}: dtype must be '${allowed}', got ${JSON.stringify(dtype)}`);
  }
}

function checkNumber(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${op}: ${name} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function normalValues(shape: readonly number[], options: NormalOptions, op: string, truncate: boolean): Tensor {
  assertValidShape(shape, op);
  checkDtype(options.dtype, 'float32', op);
  const mean = checkNumber(options.mean ?? 0, 'mean', op);
  const stddev = checkNumber(options.stddev ?? 1, 'stddev', op);
  if (stddev < 0) throw new ValueError(`${op}: stddev must be non-negative, got ${stddev}`);
  const rng = streamFor(options.seed, op);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) {
    let z = rng.nextNormal();
    while (truncate && Math.abs(z) > 2) z = rng.nextNormal();
    values[i] = mean + stddev * z;
  }
  return makeTensor(values, shape, 'float32');
}

/**
 * Normally distributed float32 values (Keras' `keras.random.normal`).
 * @example random.normal([2, 3], { mean: 0, stddev: 1, seed: 42 }).shape // [2, 3]
 */
export function normal(shape: readonly number[], options: NormalOptions = {}): Tensor {
  return normalValues(shape, options, 'random.normal', false);
}

/**
 * Normal values redrawn until they lie within two standard deviations of the mean (Keras'
 * `keras.random.truncated_normal`).
 * @example random.truncatedNormal([100], { stddev: 0.5, seed: 1 }).abs().max().arraySync() // <= 1
 */
export function truncatedNormal(shape: readonly number[], options: NormalOptions = {}): Tensor {
  return normalValues(shape, options, 'random.truncatedNormal', true);
}

/**
 * Uniform float32 values in `[minval, maxval)` (Keras' `keras.random.uniform`).
 * @example random.uniform([2], { minval: -1, maxval: 1, seed: 3 }).shape // [2]
 */
export function uniform(shape: readonly number[], options: UniformOptions = {}): Tensor {
  const op = 'random.uniform';
  assertValidShape(shape, op);
  checkDtype(options.dtype, 'float32', op);
  const min = checkNumber(options.minval ?? 0, 'minval', op);
  const max = checkNumber(options.maxval ?? 1, 'maxval', op);
  if (!(max > min)) throw new ValueError(`${op}: maxval must be greater than minval, got minval=${min}, maxval=${max}`);
  const rng = streamFor(options.seed, op);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = min + (max - min) * rng.next();
  return makeTensor(values, shape, 'float32');
}

/**
 * Uniform integers in `[minval, maxval)` (Keras' `keras.random.randint`), int32.
 * @example random.randint([4], 0, 3, { seed: 1 }).dtype // 'int32'
 */
export function randint(
  shape: readonly number[],
  minval: number,
  maxval: number,
  options: IntSampleOptions = {},
): Tensor {
  const op = 'random.randint';
  assertValidShape(shape, op);
  checkDtype(options.dtype, 'int32', op);
  if (!Number.isInteger(minval) || !Number.isInteger(maxval) || !(maxval > minval)) {
    throw new ValueError(
      `${op}: minval and maxval must be integers with maxval > minval, got minval=${minval}, maxval=${maxval}`,
    );
  }
  const rng = streamFor(options.seed, op);
  const values = new Int32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = minval + rng.nextInt(maxval - minval);
  return makeTensor(values, shape, 'int32');
}

/**
 * Draws `numSamples` class indices per row of `logits` (`[batch, numClasses]`, unnormalized log
 * probabilities) from `softmax(logits)` (Keras' `keras.random.categorical`); `-Infinity` logits are
 * never drawn. Returns int32 `[batch, numSamples]`.
 * @example random.categorical([[0, -Infinity]], 3, { seed: 1 }).arraySync() // [[0, 0, 0]]
 */
export function categorical(logits: TensorLike, numSamples: number, options: IntSampleOptions = {}): Tensor {
  const op = 'random.categorical';
  const x = toTensor(logits, 'logits', op);
  checkDtype(options.dtype, 'int32', op);
  if (x.rank !== 2) throw new ShapeError(`${op}: logits must be 2-D [batch, numClasses], got shape ${fmt(x.shape)}`);
  if (!Number.isInteger(numSamples) || numSamples < 0) {
    throw new ValueError(`${op}: numSamples must be a non-negative integer, got ${JSON.stringify(numSamples)}`);
  }
  const [batch, classes] = x.shape;
  const v = x.dataSync();
  const rng = streamFor(options.seed, op);
  const out = new Int32Array(batch * numSamples);
  const cdf = new Float64Array(classes);
  for (let b = 0; b < batch; b++) {
    let top = -Infinity;
    for (let c = 0; c < classes; c++) top = Math.max(top, v[b * classes + c]);
    if (!(top > -Infinity)) throw new ValueError(`${op}: row ${b} of logits has no finite value to draw from`);
    let total = 0;
    for (let c = 0; c < classes; c++) {
      total += Math.exp(v[b * classes + c] - top);
      cdf[c] = total;
    }
    for (let s = 0; s < numSamples; s++) {
      const u = rng.next() * total;
      let c = 0;
      while (c < classes - 1 && !(u < cdf[c])) c++;
      while (c > 0 && v[b * classes + c] === -Infinity) c--; // round-off past the last drawable class
      out[b * numSamples + s] = c;
    }
  }
  return makeTensor(out, [batch, numSamples], 'int32');
}
