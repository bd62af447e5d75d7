import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';

/** The cpu kernels of the neural ops. */
export const neuralKernels: KernelSpec<TypedArray>[] = [];
