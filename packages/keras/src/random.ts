/**
 * `keras.random`: Keras 3's random functions, from @horn/tensor — `normal`, `uniform`,
 * `truncatedNormal`, `randint`, `shuffle`, `dropout`, `categorical` — each with a `seed` that is an
 * integer (the same numbers every call), a `SeedGenerator` (new numbers each call, the same sequence
 * each run) or nothing (the global stream, `keras.setSeed`). Horn's streams are its own: a seed gives
 * other numbers than in Keras (jax / TF).
 * @example
 * const gen = new keras.random.SeedGenerator(42);
 * keras.random.normal([2, 3], { stddev: 0.5, seed: gen });
 * keras.random.randint([4], 0, 10, { seed: 1 });
 */
import { random } from '@horn/tensor';

export { type SeedArg, SeedGenerator } from '@horn/tensor';
// One const per function (not a destructuring) so that each carries its own TSDoc.
/**
 * Samples a normal distribution (`mean` 0, `stddev` 1 by default) of the given shape.
 * @example keras.random.normal([2, 3], { stddev: 0.5, seed: 42 })
 */
export const normal: typeof random.normal = random.normal;
/**
 * Samples a uniform distribution on `[minval, maxval)` (0 and 1 by default).
 * @example keras.random.uniform([4], { minval: -1, maxval: 1, seed: 1 })
 */
export const uniform: typeof random.uniform = random.uniform;
/**
 * Samples a normal distribution, redrawing values more than two standard deviations from the mean.
 * @example keras.random.truncatedNormal([3, 3], { seed: 7 })
 */
export const truncatedNormal: typeof random.truncatedNormal = random.truncatedNormal;
/**
 * Samples integers on `[minval, maxval)` (int32).
 * @example keras.random.randint([4], 0, 10, { seed: 1 })
 */
export const randint: typeof random.randint = random.randint;
/**
 * Shuffles a tensor along an axis (0 by default).
 * @example keras.random.shuffle(tensor([1, 2, 3, 4]), { seed: 3 })
 */
export const shuffle: typeof random.shuffle = random.shuffle;
/**
 * Zeroes each value with probability `rate` and scales the others by `1 / (1 - rate)`.
 * @example keras.random.dropout(ones([2, 4]), 0.5, { seed: 5 })
 */
export const dropout: typeof random.dropout = random.dropout;
/**
 * Draws `numSamples` class indices per row of `logits` (unnormalized log-probabilities).
 * @example keras.random.categorical(tensor([[0, 0, 10]]), 3, { seed: 2 }) // [[2, 2, 2]] most likely
 */
export const categorical: typeof random.categorical = random.categorical;
/**
 * Options of `keras.random.normal` and `truncatedNormal`.
 * @example const options: keras.random.NormalOptions = { mean: 0, stddev: 0.1, seed: 42 };
 */
export type NormalOptions = random.NormalOptions;
/**
 * Options of `keras.random.uniform`.
 * @example const options: keras.random.UniformOptions = { minval: -1, maxval: 1, seed: 42 };
 */
export type UniformOptions = random.UniformOptions;
/**
 * Options of `keras.random.randint` and `categorical`.
 * @example const options: keras.random.IntSampleOptions = { seed: 42 };
 */
export type IntSampleOptions = random.IntSampleOptions;
/**
 * Options of `keras.random.dropout`.
 * @example const options: keras.random.DropoutOptions = { seed: 42 };
 */
export type DropoutOptions = random.DropoutOptions;
/**
 * Options of `keras.random.shuffle`.
 * @example const options: keras.random.ShuffleOptions = { axis: 0, seed: 42 };
 */
export type ShuffleOptions = random.ShuffleOptions;
