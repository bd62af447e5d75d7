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
export const { categorical, dropout, normal, randint, shuffle, truncatedNormal, uniform } = random;
/** Options of `keras.random.normal` and `truncatedNormal`. */
export type NormalOptions = random.NormalOptions;
/** Options of `keras.random.uniform`. */
export type UniformOptions = random.UniformOptions;
/** Options of `keras.random.randint` and `categorical`. */
export type IntSampleOptions = random.IntSampleOptions;
/** Options of `keras.random.dropout`. */
export type DropoutOptions = random.DropoutOptions;
/** Options of `keras.random.shuffle`. */
export type ShuffleOptions = random.ShuffleOptions;
