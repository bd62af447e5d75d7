import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { binaryKernel } from './binary-kernel.js';
import { unaryKernel } from './unary-kernel.js';

/**
 * The cpu kernels of comparisons (inputs `a`, `b` of one dtype, broadcast, output bool) and of the
 * logical ops (bool inputs `a`, `b`, or `x` for LogicalNot). NaN compares unequal to everything.
 * @example compareKernels.map((k) => k.name).includes('GreaterEqual') // true
 */
export const compareKernels: KernelSpec<TypedArray>[] = [
  binaryKernel('Equal', (x, y) => (x === y ? 1 : 0), 'bool'),
  binaryKernel('NotEqual', (x, y) => (x !== y ? 1 : 0), 'bool'),
  binaryKernel('Greater', (x, y) => (x > y ? 1 : 0), 'bool'),
  binaryKernel('GreaterEqual', (x, y) => (x >= y ? 1 : 0), 'bool'),
  binaryKernel('Less', (x, y) => (x < y ? 1 : 0), 'bool'),
  binaryKernel('LessEqual', (x, y) => (x <= y ? 1 : 0), 'bool'),
  binaryKernel('LogicalAnd', (x, y) => (x !== 0 && y !== 0 ? 1 : 0), 'bool'),
  binaryKernel('LogicalOr', (x, y) => (x !== 0 || y !== 0 ? 1 : 0), 'bool'),
  unaryKernel('LogicalNot', (x) => (x === 0 ? 1 : 0), 'bool'),
];
