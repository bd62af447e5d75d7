import { randomSource, type Tensor, ValueError } from '@horn/tensor';
import { asTensor, type DataLike, rowRange, sameRows, takeRows } from './arrays.js';
import { permutation } from './random-order.js';

/**
 * Options of {@link batches}.
 * @example
 * for (const [xb, yb] of batches([[1], [2], [3], [4], [5]], [1, 2, 3, 4, 5], 2, { shuffle: true, seed: 1, dropRemainder: true })) {
 *   console.log(yb.arraySync()); // [1, 2], then [5, 4]; the last batch, of 1 sample, is dropped
 * }
 */
export interface BatchesOptions {
  /** Visit the rows in a random order. Default false. */
  shuffle?: boolean;
  /** Seed of the shuffle; without it the global stream (`setSeed`) is used. */
  seed?: number;
  /** Skip a last batch smaller than batchSize. Default false. */
  dropRemainder?: boolean;
}

/**
 * Mini-batches of `[xBatch, yBatch]` along axis 0, the last one smaller unless `dropRemainder`
 * (the loop the course writes for mini-batch gradient descent). A batch costs a slice (in order)
 * or a gather of its rows (shuffled), never a copy of the source. The caller owns (and may
 * dispose) each batch; `x` and `y` are not disposed.
 * @example
 * for (const [xb, yb] of batches(xTrain, yTrain, 32)) step(xb, yb);
 */
export function* batches(
  x: DataLike,
  y: DataLike,
  batchSize: number,
  options: BatchesOptions = {},
): Generator<[Tensor, Tensor]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ValueError(`batches: batchSize must be a positive integer, got ${batchSize}`);
  }
  const xs = asTensor(x, 'x', 'batches');
  const ys = asTensor(y, 'y', 'batches');
  const n = sameRows('batches', ['x', xs], ['y', ys]);
  // Each batch is a slice (in order) or a gather of its rows (shuffled): it costs the batch, not the source.
  const order = options.shuffle ? permutation(n, randomSource(options.seed)) : null;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(n, start + batchSize) - start;
    if (size < batchSize && options.dropRemainder) return;
    if (order === null) yield [rowRange(xs, start, size), rowRange(ys, start, size)];
    else {
      const rows = order.subarray(start, start + size);
      yield [takeRows(xs, rows), takeRows(ys, rows)];
    }
  }
}
