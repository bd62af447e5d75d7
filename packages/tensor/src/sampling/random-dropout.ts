import { makeTensor, toTensor } from '../convert.js';
import { ShapeError, ValueError } from '../errors.js';
import { mul } from '../ops/arithmetic.js';
import { cast } from '../ops/cast.js';
import { fmt, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { type SeedArg, streamFor } from './seed-generator.js';

/**
 * Options of {@link dropout}.
 * @example
 * random.dropout(ones([2, 4]), 0.5, { noiseShape: [1, 4], seed: 3 }).arraySync();
 * // [[2, 0, 0, 2], [2, 0, 0, 2]]: one mask shared by the rows, kept values scaled by 1 / (1 - 0.5)
 */
export interface DropoutOptions {
  /** The mask's shape: the input's rank, each size the input's or 1 (shared), null for the input's. */
  noiseShape?: readonly (number | null)[] | null;
  seed?: SeedArg;
}

/**
 * Inverted dropout (Keras' `keras.random.dropout`): each entry is zeroed with probability `rate` and
 * the others are scaled by `1 / (1 - rate)`; with `noiseShape`, entries share their draw along the
 * size-1 dimensions. Differentiable in `inputs` (a product with a constant mask); `rate` 1 gives zeros.
 * @example random.dropout(ones([2, 4]), 0.5, { seed: 1 }) // entries 0 or 2
 */
export function dropout(inputs: TensorLike, rate: number, options: DropoutOptions = {}): Tensor {
  const op = 'random.dropout';
  const x = toTensor(inputs, 'inputs', op);
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new ValueError(`${op}: rate must be a number in [0, 1], got ${JSON.stringify(rate)}`);
  }
  const noise = options.noiseShape ?? null;
  let shape: number[] = [...x.shape];
  if (noise !== null) {
    const fits = noise.length === x.rank && noise.every((d, i) => d === null || d === 1 || d === x.shape[i]);
    if (!fits) {
      throw new ShapeError(
        `${op}: noiseShape ${JSON.stringify(noise)} must have the inputs' rank with each size 1, null or the inputs' (inputs ${fmt(x.shape)})`,
      );
    }
    shape = noise.map((d, i) => d ?? x.shape[i]);
  }
  const rng = streamFor(options.seed, op);
  const keep = 1 - rate;
  const scale = keep > 0 ? 1 / keep : 0;
  const mask = new Float32Array(sizeOf(shape));
  for (let i = 0; i < mask.length; i++) mask[i] = rng.next() < keep ? scale : 0;
  const floatX = x.dtype === 'float32' ? x : cast(x, 'float32');
  return mul(floatX, makeTensor(mask, shape, 'float32'));
}
