import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';

/** The cpu kernels of the shape ops. */
export const shapeKernels: KernelSpec<TypedArray>[] = [];
