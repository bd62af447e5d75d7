import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { broadcastToCpu } from './broadcast-to-kernel.js';
import { concatCpu } from './concat-kernel.js';
import { gatherCpu } from './gather-kernel.js';
import { batchMatMulCpu } from './matmul-kernel.js';
import { oneHotCpu } from './one-hot-kernel.js';
import { padCpu } from './pad-kernel.js';
import { reverseCpu } from './reverse-kernel.js';
import { sliceCpu } from './slice-kernel.js';
import { tileCpu } from './tile-kernel.js';
import { transposeCpu } from './transpose-kernel.js';

/** The cpu kernels of the shape and linear-algebra ops. */
export const shapeKernels: KernelSpec<TypedArray>[] = [
  transposeCpu,
  reverseCpu,
  padCpu,
  broadcastToCpu,
  tileCpu,
  sliceCpu,
  concatCpu,
  gatherCpu,
  oneHotCpu,
  batchMatMulCpu,
];
