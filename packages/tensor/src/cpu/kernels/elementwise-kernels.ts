import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';

/** The cpu kernels of the elementwise ops. */
export const elementwiseKernels: KernelSpec<TypedArray>[] = [];
