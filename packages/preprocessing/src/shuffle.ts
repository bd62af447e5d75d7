import { randomSource, type Tensor } from '@horn/tensor';
import { asTensor, type DataLike, sameRows, takeRows } from './arrays.js';
import { permutation } from './random-order.js';

/**
 * scikit-learn's `utils.shuffle(x, y)`: the rows of x and y (axis 0) in one random order, so pairs
 * stay together. Seeded by `seed`, else the global stream (`setSeed`).
 * @example const [xs, ys] = shuffle(x, y, 42);
 */
export function shuffle(x: DataLike, y: DataLike, seed?: number): [Tensor, Tensor] {
  const xs = asTensor(x, 'x', 'shuffle');
  const ys = asTensor(y, 'y', 'shuffle');
  const order = permutation(sameRows('shuffle', ['x', xs], ['y', ys]), randomSource(seed));
  return [takeRows(xs, order), takeRows(ys, order)];
}
