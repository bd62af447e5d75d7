import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { compareKernels } from './compare-kernels.js';
import { reduceKernels } from './reduce-kernels.js';
import { reluGradKernel } from './relu-grad-kernel.js';
import { selectKernel } from './select-kernel.js';
import { unaryKernels } from './unary-kernels.js';

/**
 * The cpu kernels of the elementwise ops (unary math, activations, comparisons, logical, Select,
 * ClipByValue, IsNan, IsFinite, ReluGrad) and of the reductions.
 * @example elementwiseKernels.some((k) => k.name === 'Sum') // true
 */
export const elementwiseKernels: KernelSpec<TypedArray>[] = [
  ...unaryKernels,
  ...compareKernels,
  selectKernel,
  reluGradKernel,
  ...reduceKernels,
];
