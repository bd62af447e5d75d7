import { tensor, toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { type SeedArg, streamFor } from './seed-generator.js';

/**
 * Options of {@link shuffle}.
 * @example
 * random.shuffle([[1, 2, 3], [4, 5, 6]], { axis: 1, seed: 3 }).arraySync(); // [[1, 3, 2], [4, 6, 5]]
 * const g = new SeedGenerator(7);
 * random.shuffle([1, 2, 3, 4], { seed: g }).arraySync(); // [2, 3, 4, 1]; the next call with g differs
 */
export interface ShuffleOptions {
  /** The axis whose slices are permuted. Default 0. */
  axis?: number;
  seed?: SeedArg;
}

/**
 * The slices of `x` along `axis` in a random order (Keras' `keras.random.shuffle`); differentiable in
 * `x` (a gather).
 * @example random.shuffle(tensor([1, 2, 3, 4]), { seed: 1 }).shape // [4], the same four values
 */
export function shuffle(x: TensorLike, options: ShuffleOptions = {}): Tensor {
  const op = 'random.shuffle';
  const t = toTensor(x, 'x', op);
  if (t.rank === 0) throw new ShapeError(`${op}: cannot shuffle a scalar`);
  const axis = normalizeAxis(options.axis ?? 0, t.rank, op);
  const n = t.shape[axis];
  const rng = streamFor(options.seed, op);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  // A permutation is in range by construction: the Gather kernel runs without gather()'s read-back check.
  return ENGINE.runKernel('Gather', { x: t, indices: tensor(order, [n], 'int32') }, { axis });
}
