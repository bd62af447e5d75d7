import { type DType, type KernelAttrs, type KernelSpec, type KernelTensor, type Shape, sizeOf } from '@horn/tensor';
import type { GpuBackend, GpuHandle } from '../backend.js';

type Inputs = Readonly<Record<string, KernelTensor<GpuHandle>>>;

/**
 * How a kernel runs on the device for given inputs and attrs: which inputs the program reads
 * (in argument order `a0, a1, ...`), its output, a cache key naming everything the source
 * depends on, and the source itself (built only on a cache miss).
 */
export interface DevicePlan {
  args: readonly string[];
  shape: Shape;
  dtype: DType;
  key: string;
  source: () => string;
}

/**
 * A `gpu` kernel from a planner. The kernel runs the reference cpu code on the host instead
 * when the planner returns null (a dtype or case the program does not cover), when a tensor is
 * empty or too large for a texture, and when the output is smaller than `minSizeOnGpu` while
 * every input is still on the host (no readback needed).
 * @example gpuKernel('Relu', ({ x }) => ({ args: ['x'], shape: x.shape, dtype: x.dtype, key: ..., source: ... }))
 */
export function gpuKernel(
  name: string,
  plan: (inputs: Inputs, attrs: KernelAttrs) => DevicePlan | null,
): KernelSpec<GpuHandle> {
  return {
    name,
    backend: 'gpu',
    run: (inputs, attrs, backendArg) => {
      const backend = backendArg as GpuBackend;
      const p = plan(inputs, attrs);
      if (!p) return backend.runOnHost(name, inputs, attrs);
      const size = sizeOf(p.shape);
      const handles = p.args.map((a) => inputs[a].values);
      const max = backend.device.maxSize;
      const onHost =
        size === 0 ||
        size > max ||
        handles.some((h) => h.size === 0 || h.size > max) ||
        (size < backend.settings.minSizeOnGpu && backend.allOnHost(handles));
      if (onHost) return backend.runOnHost(name, inputs, attrs);
      const key = `${name}|${p.key}`;
      return { shape: p.shape, dtype: p.dtype, values: backend.runProgram(key, p.source, handles, size, p.dtype) };
    },
  };
}

/**
 * A cache-key fragment for shapes: `2x3,4`.
 * @example shapesKey([2, 3], [4]) // '2x3,4'
 */
export function shapesKey(...shapes: Shape[]): string {
  return shapes.map((s) => s.join('x')).join(',');
}
