import { type DType, type KernelSpec, sizeOf } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { coords, kernelSource } from './source-code.js';

// Kernels driven by int32 indices, which live on the device as exact floats (< 2^24). An index
// outside its range never reads outside a texture: Gather writes 0 there (the gather op rejects
// such indices before the kernel runs), OneHot a row of zeros and UnsortedSegmentSum drops the
// row, as the cpu kernels do.

/**
 * `Gather` (inputs `x` of any dtype, `indices` int32; attr `axis`): output
 * `x.shape[:axis] + indices.shape + x.shape[axis+1:]`, read through the view `[outer, n, inner]`.
 * @example runKernel('Gather', { x, indices }, { axis: 0 })
 */
export const gatherGpu: KernelSpec<GpuHandle> = gpuKernel('Gather', ({ x, indices }, attrs) => {
  const axis = attrs.axis as number;
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const dim = x.shape[axis];
  const n = sizeOf(indices.shape);
  return {
    args: ['x', 'indices'],
    shape,
    dtype: x.dtype,
    key: `${shapesKey(x.shape, indices.shape)}|${axis}`,
    source: () =>
      kernelSource(
        2,
        `${coords('i', [outer, n, inner], 'c')}` +
          `const k = a1[c1];\n` +
          `if (k >= 0 && k < ${dim}) { return a0[(c0 * ${dim} + k) * ${inner} + c2]; }\n` +
          `return 0;`,
      ),
  };
});

/**
 * `OneHot` (input `indices` int32; attrs `depth`, `dtype`): `indices.shape + [depth]`, 1 where the
 * last coordinate equals the index, else 0.
 * @example runKernel('OneHot', { indices }, { depth: 3, dtype: 'float32' })
 */
export const oneHotGpu: KernelSpec<GpuHandle> = gpuKernel('OneHot', ({ indices }, attrs) => {
  const depth = attrs.depth as number;
  const n = sizeOf(indices.shape);
  return {
    args: ['indices'],
    shape: [...indices.shape, depth],
    dtype: attrs.dtype as DType,
    key: `${n}|${depth}`,
    source: () => kernelSource(1, `${coords('i', [n, depth], 'c')}if (a0[c0] == c1) { return 1; }\nreturn 0;`),
  };
});

/**
 * `UnsortedSegmentSum` (inputs `x` `[rows, ...]` float32, `segmentIds` int32 `[rows]`; attr
 * `numSegments`): each output element sums its column over the rows of its segment, in float32.
 * int32 `x` runs the cpu code (exact int32 wrapping).
 * @example runKernel('UnsortedSegmentSum', { x, segmentIds }, { numSegments: 2 })
 */
export const unsortedSegmentSumGpu: KernelSpec<GpuHandle> = gpuKernel('UnsortedSegmentSum', ({ x }, attrs) => {
  if (x.dtype !== 'float32') return null;
  const numSegments = attrs.numSegments as number;
  const rows = x.shape[0];
  const width = sizeOf(x.shape.slice(1));
  return {
    args: ['x', 'segmentIds'],
    shape: [numSegments, ...x.shape.slice(1)],
    dtype: 'float32',
    key: `${shapesKey(x.shape)}|${numSegments}`,
    source: () =>
      kernelSource(
        2,
        `${coords('i', [numSegments, width], 'c')}` +
          `let sum = 0;\n` +
          `for (let r = 0; r < ${rows}; r++) {\n` +
          `  if (a1[r] == c0) { sum += a0[r * ${width} + c1]; }\n` +
          `}\n` +
          `return sum;`,
      ),
  };
});
