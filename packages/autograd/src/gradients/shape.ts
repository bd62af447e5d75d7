import { flip, pad, reshape, slice, split, sum, transpose, unsortedSegmentSum } from '@horn/tensor';
import { reduceTo } from '../reduce-to.js';
import type { GradientSpec } from '../registry.js';

/** Gradients of the shape kernels. */
export const shapeGradients: GradientSpec[] = [
  {
    name: 'Transpose',
    grad: (dy, _inputs, attrs) => {
      const perm = attrs.perm as number[];
      const inverse = new Array<number>(perm.length);
      perm.forEach((p, i) => {
        inverse[p] = i;
      });
      return { x: transpose(dy, inverse) };
    },
  },
  { name: 'BroadcastTo', grad: (dy, { x }) => ({ x: reduceTo(dy, x.shape) }) },
  {
    name: 'Concat',
    grad: (dy, inputs, attrs) => {
      const axis = attrs.axis as number;
      const names = Object.keys(inputs);
      const parts = split(
        dy,
        names.map((n) => inputs[n].shape[axis]),
        axis,
      );
      return Object.fromEntries(names.map((n, i) => [n, parts[i]]));
    },
  },
  {
    name: 'Slice',
    grad: (dy, { x }, attrs) => {
      const begin = attrs.begin as number[];
      const size = attrs.size as number[];
      return {
        x: pad(
          dy,
          x.shape.map((d, i) => [begin[i], d - begin[i] - size[i]] as [number, number]),
        ),
      };
    },
  },
  {
    name: 'Pad',
    grad: (dy, { x }, attrs) => {
      const paddings = attrs.paddings as [number, number][];
      return {
        x: slice(
          dy,
          paddings.map(([before]) => before),
          [...x.shape],
        ),
      };
    },
  },
  { name: 'Reverse', grad: (dy, _inputs, attrs) => ({ x: flip(dy, attrs.axes as number[]) }) },
  {
    // Each copy of x in the tiled output sends its gradient back: view dy as [r0, d0, r1, d1, ...]
    // and sum over the repetition axes.
    name: 'Tile',
    grad: (dy, { x }, attrs) => {
      const reps = attrs.reps as number[];
      const split2 = x.shape.flatMap((d, i) => [reps[i], d]);
      const repAxes = reps.map((_, i) => 2 * i);
      return { x: reshape(sum(reshape(dy, split2), repAxes), x.shape) };
    },
  },
  {
    // Scatter-add dy back to the gathered rows: move the indices' dims first, sum rows that share
    // an index, and move the axis back into place.
    name: 'Gather',
    grad: (dy, { x, indices }, attrs) => {
      const axis = attrs.axis as number;
      const iRank = indices.rank;
      const dyRank = dy.rank;
      const idxDims = Array.from({ length: iRank }, (_, i) => axis + i);
      const pre = Array.from({ length: axis }, (_, i) => i);
      const post = Array.from({ length: dyRank - axis - iRank }, (_, i) => axis + iRank + i);
      const moved = transpose(dy, [...idxDims, ...pre, ...post]);
      const rows = reshape(moved, [indices.size, ...moved.shape.slice(iRank)]);
      const summed = unsortedSegmentSum(rows, reshape(indices, [indices.size]), x.shape[axis]);
      const back = [...pre.map((i) => i + 1), 0, ...post.map((_, i) => axis + 1 + i)];
      return { x: transpose(summed, back), indices: null };
    },
  },
  { name: 'OneHot', grad: () => ({ indices: null }) },
];
