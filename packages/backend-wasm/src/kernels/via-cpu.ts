import {
  getBackendInstance,
  getKernel,
  type KernelAttrs,
  type KernelOutput,
  type KernelSpec,
  type KernelTensor,
  sizeOf,
  type TypedArray,
} from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';

type Inputs = Readonly<Record<string, KernelTensor<WasmHandle>>>;

/**
 * Runs the cpu kernel `name` straight on views of the wasm heap (no copy of the inputs) and
 * copies its outputs into the heap. An output that is an input's own view shares that input's
 * data, as the engine expects of Reshape-like kernels. Wasm kernels use this for the dtypes and
 * layouts their SIMD code does not cover.
 * @example runOnCpu('Add', { a, b }, {}, backend) // int32 Add
 */
export function runOnCpu(
  name: string,
  inputs: Inputs,
  attrs: KernelAttrs,
  backend: WasmBackend,
): KernelOutput<WasmHandle> | KernelOutput<WasmHandle>[] {
  const spec = getKernel(name, 'cpu');
  if (!spec) throw new Error(`wasm backend: kernel '${name}' has no cpu implementation to run`);
  const views: Record<string, KernelTensor<TypedArray>> = {};
  const byView = new Map<TypedArray, WasmHandle>();
  for (const key of Object.keys(inputs)) {
    const t = inputs[key];
    const values = backend.view(t.values, t.dtype, sizeOf(t.shape));
    views[key] = { shape: t.shape, dtype: t.dtype, values };
    byView.set(values, t.values);
  }
  const result = spec.run(views, attrs, getBackendInstance('cpu'));
  const outputs = (Array.isArray(result) ? result : [result]) as KernelOutput<TypedArray>[];
  // Detach every output from the heap before allocating: growing the heap would detach its views.
  const plain = outputs.map((o) => {
    const shared = byView.get(o.values);
    if (shared) return { o, shared };
    const values = o.values.buffer === backend.heap.memory.buffer ? o.values.slice() : o.values;
    return { o: { ...o, values }, shared: undefined };
  });
  const converted = plain.map(({ o, shared }) => ({
    shape: o.shape,
    dtype: o.dtype,
    values: shared ?? backend.write(o.values, o.shape, o.dtype),
  }));
  return Array.isArray(result) ? converted : converted[0];
}

/**
 * A wasm kernel that runs the cpu kernel of the same name on heap views (see {@link runOnCpu}):
 * cheaper than the engine's fall-back, which copies every input out and the output back in.
 * @example registerKernel(viaCpuKernel('Select'))
 */
export function viaCpuKernel(name: string): KernelSpec<WasmHandle> {
  return {
    name,
    backend: 'wasm',
    run: (inputs, attrs, backend) => runOnCpu(name, inputs, attrs, backend as WasmBackend),
  };
}
