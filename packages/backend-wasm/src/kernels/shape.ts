import type { KernelSpec } from '@horn/tensor';
import type { WasmHandle } from '../backend.js';

/**
 * Reshape `{ x }`, attrs `{ shape }`: returns the input's handle, so the data is shared, not copied.
 * @example runKernel('Reshape', { x }, { shape: [3, 2] })
 */
export const reshapeWasm: KernelSpec<WasmHandle> = {
  name: 'Reshape',
  backend: 'wasm',
  run: ({ x }, attrs) => ({ values: x.values, shape: attrs.shape as number[], dtype: x.dtype }),
};
