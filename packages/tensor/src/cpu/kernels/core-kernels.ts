import { arrayFor, castValues } from '../../dtype.js';
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
    name: 'UnsortedSegmentSum',
    backend: 'cpu',
    run: ({ x, segmentIds }, attrs) => {
      const numSegments = attrs.numSegments as number;
      const rows = x.shape[0];
      const width = rows === 0 ? 0 : x.values.length / rows;
      const shape = [numSegments, ...x.shape.slice(1)];
      const out = arrayFor(x.dtype, numSegments * width);
      for (let r = 0; r < rows; r++) {
        const s = segmentIds.values[r];
        if (s < 0 || s >= numSegments) continue;
        for (let k = 0; k < width; k++) out[s * width + k] += x.values[r * width + k];
      }
      return { values: out, shape, dtype: x.dtype };
    },
  },
  {
    name: 'Reshape',
    backend: 'cpu',
    run: ({ x }, attrs) => ({ values: x.values, shape: attrs.shape as number[], dtype: x.dtype }),
  },
];
