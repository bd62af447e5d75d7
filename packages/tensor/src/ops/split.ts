import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Cuts `x` along `axis` into `n` equal parts (`n` must divide the dimension) or into parts of the
 * given sizes (one of which may be `-1`: the rest). Each part is a Slice.
 * @example split(range(6), [1, -1, 2]).map((t) => t.arraySync()) // [[0], [1, 2, 3], [4, 5]]
 */
export function split(x: TensorLike, numOrSizes: number | readonly number[], axis = 0): Tensor[] {
  const t = toTensor(x, 'x', 'split');
  if (t.rank === 0) throw new ShapeError(`split: cannot split a scalar`);
  const a = normalizeAxis(axis, t.rank, 'split');
  const dim = t.shape[a];
  const sizes = partSizes(numOrSizes, dim, t.shape, a);
  const outputs: Tensor[] = [];
  let start = 0;
  for (const n of sizes) {
    const begin = t.shape.map((_, d) => (d === a ? start : 0));
    const size = t.shape.map((d, i) => (i === a ? n : d));
    outputs.push(ENGINE.runKernel('Slice', { x: t }, { begin, size }));
    start += n;
  }
  return outputs;
}

function partSizes(
  numOrSizes: number | readonly number[],
  dim: number,
  shape: readonly number[],
  axis: number,
): number[] {
  if (typeof numOrSizes === 'number') {
    const n = numOrSizes;
    if (!Number.isInteger(n) || n < 1)
      throw new ValueError(`split: the number of parts must be a positive integer, got ${n}`);
    if (dim % n !== 0) {
      throw new ValueError(
        `split: ${n} parts do not divide dimension ${axis} of shape ${fmt(shape)} (size ${dim}) evenly`,
      );
    }
    return new Array<number>(n).fill(dim / n);
  }
  if (!Array.isArray(numOrSizes)) {
    throw new ValueError(`split: expected a number of parts or an array of sizes, got ${String(numOrSizes)}`);
  }
  const given = `[${numOrSizes.join(',')}]`;
  let unknown = -1;
  let known = 0;
  numOrSizes.forEach((s, i) => {
    if (s === -1 && unknown < 0) unknown = i;
    else if (!Number.isInteger(s) || s < 0) {
      throw new ValueError(`split: sizes must be non-negative integers with at most one -1, got ${given}`);
    } else known += s;
  });
  const sizes = [...numOrSizes];
  if (unknown >= 0) {
    if (known > dim)
      throw new ValueError(`split: sizes ${given} exceed dimension ${axis} of shape ${fmt(shape)} (size ${dim})`);
    sizes[unknown] = dim - known;
  } else if (known !== dim) {
    throw new ValueError(
      `split: sizes ${given} sum to ${known}, but dimension ${axis} of shape ${fmt(shape)} has size ${dim}`,
    );
  }
  return sizes;
}
