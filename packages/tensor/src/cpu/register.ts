import { registerKernel } from '../engine/registry.js';
import { coreKernels } from './kernels/core-kernels.js';
import { elementwiseKernels } from './kernels/elementwise-kernels.js';
import { neuralKernels } from './kernels/neural-kernels.js';
import { shapeKernels } from './kernels/shape-kernels.js';

/**
 * Registers every kernel of the reference cpu backend. The engine calls it once on load.
 * @example registerCpuKernels()
 */
export function registerCpuKernels(): void {
  for (const spec of [...coreKernels, ...elementwiseKernels, ...shapeKernels, ...neuralKernels]) registerKernel(spec);
}
