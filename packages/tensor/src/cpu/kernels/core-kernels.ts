import { castValues } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import type { DType, TypedArray } from '../../types.js';
import { binaryKernel } from './binary-kernel.js';

/** Arithmetic, cast and reshape: the kernels the engine's own ops need. */
export const coreKernels: KernelSpec<TypedArray>[] = [
  binaryKernel('Add', (x, y) => x + y),
  binaryKernel('Sub', (x, y) => x - y),
  binaryKernel('Mul', (x, y) => x * y),
  binaryKernel('Div', (x, y) => x / y),
  binaryKernel('Pow', (x, y) => x ** y),
  // NaN propagates through maximum/minimum as in NumPy.
  binaryKernel('Maximum', (x, y) => (x > y || Number.isNaN(x) ? x : y)),
  binaryKernel('Minimum', (x, y) => (x < y || Number.isNaN(x) ? x : y)),
  {
    name: 'Cast',
    backend: 'cpu',
    run: ({ x }, attrs) => {
      const dtype = attrs.dtype as DType;
      return { values: castValues(x.values, dtype), shape: x.shape, dtype };
    },
  },
  {
    name: 'Reshape',
    backend: 'cpu',
    run: ({ x }, attrs) => ({ values: x.values, shape: attrs.shape as number[], dtype: x.dtype }),
  },
];
