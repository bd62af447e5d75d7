import { type KernelSpec, type Shape, shapesEqual, stridesOf } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { type DevicePlan, gpuKernel, shapesKey } from './gpu-kernel.js';
import { broadcastReadStrides, coords, kernelSource, lit, offset } from './source-code.js';

// Data-movement kernels of any dtype (int32/bool values are exact on the device below 2^24):
// each output element reads one input element, whose index is a linear form of the output's
// coordinates (in some view shape).

/**
 * `Reshape` (input `x`, attr `shape`): shares the input's data, on the host or the device.
 * @example runKernel('Reshape', { x }, { shape: [2, 3] })
 */
export const reshapeGpu: KernelSpec<GpuHandle> = {
  name: 'Reshape',
  backend: 'gpu',
  run: ({ x }, attrs) => ({ values: x.values, shape: attrs.shape as number[], dtype: x.dtype }),
};

function gatherPlan(
  shape: Shape,
  view: readonly number[],
  strides: readonly number[],
  base: number,
  dtype: DevicePlan['dtype'],
  key: string,
): DevicePlan {
  return {
    args: ['x'],
    shape,
    dtype,
    key,
    source: () =>
      kernelSource(1, `${coords('i', view, 'c')}const j = ${base} + ${offset('c', strides)};\nreturn a0[j];`),
  };
}

/**
 * A kernel whose identity case shares the input (returns its handle) instead of copying.
 * @example sharing(transposePlanner)
 */
function sharingKernel(
  name: string,
  identity: (x: { shape: Shape }, attrs: Record<string, unknown>) => Shape | null,
  plan: Parameters<typeof gpuKernel>[1],
): KernelSpec<GpuHandle> {
  const inner = gpuKernel(name, plan);
  return {
    name,
    backend: 'gpu',
    run: (inputs, attrs, backend) => {
      const same = identity(inputs.x, attrs);
      if (same) return { values: inputs.x.values, shape: same, dtype: inputs.x.dtype };
      return inner.run(inputs, attrs, backend);
    },
  };
}

/**
 * `Transpose` (input `x`, attr `perm`); the identity permutation shares the data.
 * @example runKernel('Transpose', { x }, { perm: [1, 0] })
 */
export const transposeGpu: KernelSpec<GpuHandle> = sharingKernel(
  'Transpose',
  (x, attrs) => {
    const perm = attrs.perm as number[];
    return perm.every((p, i) => p === i) ? perm.map((p) => x.shape[p]) : null;
  },
  ({ x }, attrs) => {
    const perm = attrs.perm as number[];
    const strides = stridesOf(x.shape);
    const shape = perm.map((p) => x.shape[p]);
    return gatherPlan(
      shape,
      shape,
      perm.map((p) => strides[p]),
      0,
      x.dtype,
      `${shapesKey(x.shape)}|${perm}`,
    );
  },
);

/**
 * `BroadcastTo` (input `x`, attr `shape`).
 * @example runKernel('BroadcastTo', { x }, { shape: [2, 3] })
 */
export const broadcastToGpu: KernelSpec<GpuHandle> = gpuKernel('BroadcastTo', ({ x }, attrs) => {
  const shape = attrs.shape as number[];
  return gatherPlan(shape, shape, broadcastReadStrides(x.shape, shape), 0, x.dtype, shapesKey(x.shape, shape));
});

/**
 * `Slice` (input `x`, attrs `begin`, `size`); the whole tensor shares the data.
 * @example runKernel('Slice', { x }, { begin: [1, 0], size: [1, 3] })
 */
export const sliceGpu: KernelSpec<GpuHandle> = sharingKernel(
  'Slice',
  (x, attrs) => (shapesEqual(attrs.size as number[], x.shape) ? x.shape : null),
  ({ x }, attrs) => {
    const begin = attrs.begin as number[];
    const size = attrs.size as number[];
    const strides = stridesOf(x.shape);
    const base = begin.reduce((acc, b, d) => acc + b * strides[d], 0);
    return gatherPlan(size, size, strides, base, x.dtype, `${shapesKey(x.shape, size)}|${begin}`);
  },
);

/**
 * `Tile` (input `x`, attr `reps`): a view `[reps0, d0, reps1, d1, ...]` with stride 0 on repeats.
 * @example runKernel('Tile', { x }, { reps: [2, 1] })
 */
export const tileGpu: KernelSpec<GpuHandle> = gpuKernel('Tile', ({ x }, attrs) => {
  const reps = attrs.reps as number[];
  const strides = stridesOf(x.shape);
  const view = x.shape.flatMap((d, i) => [reps[i], d]);
  const viewStrides = strides.flatMap((s) => [0, s]);
  const shape = x.shape.map((d, i) => d * reps[i]);
  return gatherPlan(shape, view, viewStrides, 0, x.dtype, `${shapesKey(x.shape)}|${reps}`);
});

/**
 * `Reverse` (input `x`, attr `axes`).
 * @example runKernel('Reverse', { x }, { axes: [0] })
 */
export const reverseGpu: KernelSpec<GpuHandle> = gpuKernel('Reverse', ({ x }, attrs) => {
  const axes = attrs.axes as number[];
  const strides = stridesOf(x.shape);
  // Reading x[d - 1 - c] along a reversed axis: base (d - 1)·s and stride -s.
  const base = axes.reduce((acc, a) => acc + (x.shape[a] - 1) * strides[a], 0);
  const signed = strides.map((s, d) => (axes.includes(d) ? -s : s));
  return gatherPlan(x.shape, x.shape, signed, base, x.dtype, `${shapesKey(x.shape)}|${axes}`);
});

/**
 * `Pad` (input `x`, attrs `paddings` [before, after] per dimension, `value`).
 * @example runKernel('Pad', { x }, { paddings: [[1, 1]], value: 0 })
 */
export const padGpu: KernelSpec<GpuHandle> = gpuKernel('Pad', ({ x }, attrs) => {
  const paddings = attrs.paddings as [number, number][];
  const value = attrs.value as number;
  const shape = x.shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
  const strides = stridesOf(x.shape);
  return {
    args: ['x'],
    shape,
    dtype: x.dtype,
    key: `${shapesKey(x.shape)}|${JSON.stringify(paddings)}|${value}`,
    source: () => {
      let code = coords('i', shape, 'c');
      const inside = x.shape.map((d, k) => `c${k} >= ${paddings[k][0]} && c${k} < ${paddings[k][0] + d}`);
      const index = x.shape.map((_, k) => `(c${k} - ${paddings[k][0]}) * ${strides[k]}`).join(' + ') || '0';
      code +=
        inside.length > 0
          ? `if (${inside.join(' && ')}) {\nconst j = ${index};\nreturn a0[j];\n}\n`
          : 'return a0[0];\n';
      return kernelSource(1, `${code}return ${lit(value)};`);
    },
  };
});

/** Kernels of this file, for the kernel list. */
export const shapeKernelsGpu: KernelSpec<GpuHandle>[] = [
  reshapeGpu,
  transposeGpu,
  broadcastToGpu,
  sliceGpu,
  tileGpu,
  reverseGpu,
  padGpu,
];
