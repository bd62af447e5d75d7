import { randomSource, type Tensor, ValueError } from '@horn/tensor';
import { asTensor, type DataLike, sameRows, takeRows } from './arrays.js';
import { permutation } from './random-order.js';

/** Options of {@link batches}. */
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
 * (the loop the course writes for mini-batch gradient descent).
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
  const order = options.shuffle
    ? permutation(n, randomSource(options.seed))
    : Int32Array.from({ length: n }, (_, i) => i);
  for (let start = 0; start < n; start += batchSize) {
    const rows = order.subarray(start, Math.min(n, start + batchSize));
    if (rows.length < batchSize && options.dropRemainder) return;
    yield [takeRows(xs, rows), takeRows(ys, rows)];
  }
}
