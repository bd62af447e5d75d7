import { makeTensor } from '../convert.js';
import { arrayFor } from '../dtype.js';
import { ValueError } from '../errors.js';
import { randomSource } from '../random.js';
import { assertValidShape, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { DType } from '../types.js';

/**
 * Options of {@link randomUniform}.
 * @example
 * randomUniform([3], { min: -1, max: 1, seed: 7 }).arraySync(); // [-0.610, -0.278, 0.681]
 */
export interface RandomUniformOptions {
  /** Lower bound, included. Default 0. */
  min?: number;
  /** Upper bound, excluded. Default 1. */
  max?: number;
  /** A seed for this call alone; without it the global stream (`setSeed`) is used. */
  seed?: number;
  /** `'float32'` (default) or `'int32'` (integers in [min, max)). */
  dtype?: DType;
}

/**
 * Options of {@link randomNormal} and {@link truncatedNormal}.
 * @example
 * randomNormal([3], { mean: 5, stddev: 2, seed: 7 }).arraySync(); // [2.677, 7.771, 5.651]
 */
export interface RandomNormalOptions {
  mean?: number;
  stddev?: number;
  seed?: number;
}

/**
 * Uniformly distributed values in `[min, max)`.
 * @example randomUniform([2, 2], { min: -1, max: 1, seed: 42 }).shape // [2, 2]
 */
export function randomUniform(shape: readonly number[], options: RandomUniformOptions = {}): Tensor {
  assertValidShape(shape, 'randomUniform');
  const { min = 0, max = 1, seed, dtype = 'float32' } = options;
  if (!(max > min)) throw new ValueError(`randomUniform: max must be greater than min, got min=${min}, max=${max}`);
  if (dtype === 'bool') throw new ValueError(`randomUniform: dtype must be 'float32' or 'int32', got 'bool'`);
  const rng = randomSource(seed);
  const values = arrayFor(dtype, sizeOf(shape));
  for (let i = 0; i < values.length; i++) {
    const u = min + (max - min) * rng.next();
    values[i] = dtype === 'int32' ? Math.floor(u) : u;
  }
  return makeTensor(values, shape, dtype);
}

/**
 * Normally distributed float32 values.
 * @example randomNormal([1000], { mean: 0, stddev: 1, seed: 1 }).mean().arraySync() // close to 0
 */
export function randomNormal(shape: readonly number[], options: RandomNormalOptions = {}): Tensor {
  assertValidShape(shape, 'randomNormal');
  const { mean = 0, stddev = 1, seed } = options;
  if (!(stddev >= 0)) throw new ValueError(`randomNormal: stddev must be non-negative, got ${stddev}`);
  const rng = randomSource(seed);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = mean + stddev * rng.nextNormal();
  return makeTensor(values, shape, 'float32');
}

/**
 * Normal values redrawn until they lie within two standard deviations of the mean (as TF/Keras).
 * @example truncatedNormal([100], { stddev: 0.05, seed: 3 }).abs().max().arraySync() // <= 0.1
 */
export function truncatedNormal(shape: readonly number[], options: RandomNormalOptions = {}): Tensor {
  assertValidShape(shape, 'truncatedNormal');
  const { mean = 0, stddev = 1, seed } = options;
  if (!(stddev >= 0)) throw new ValueError(`truncatedNormal: stddev must be non-negative, got ${stddev}`);
  const rng = randomSource(seed);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) {
    let z = rng.nextNormal();
    while (Math.abs(z) > 2) z = rng.nextNormal();
    values[i] = mean + stddev * z;
  }
  return makeTensor(values, shape, 'float32');
}
