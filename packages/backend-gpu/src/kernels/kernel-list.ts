import type { KernelSpec } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { concatGpu } from './concat.js';
import { conv2dBackpropFilterGpu, conv2dBackpropInputGpu, conv2dGpu } from './conv2d.js';
import {
  BINARY_KERNELS,
  binaryGpu,
  castGpu,
  isFiniteGpu,
  logicalNotGpu,
  selectGpu,
  UNARY_KERNELS,
  unaryGpu,
} from './elementwise.js';
import { fusedConv2dGpu } from './fused-conv2d.js';
import { gatherGpu, oneHotGpu, unsortedSegmentSumGpu } from './indexing.js';
import { batchMatMulGpu } from './matmul.js';
import { avgPoolGpu, avgPoolGradGpu, maxPoolGpu, maxPoolGradGpu } from './pool.js';
import { argGpu, REDUCE_KERNELS, reduceGpu } from './reduce.js';
import { reluGradGpu } from './relu-grad.js';
import { shapeKernelsGpu } from './shape.js';

/**
 * Every kernel the gpu backend registers. Kernels not in this list (the depthwise convolutions,
 * Log1p, Gelu, Round...) run on `cpu`
 * through the engine, which counts them in `memory().fallbacks`.
 * @example gpuKernels().some((k) => k.name === 'Conv2D') // true
 */
export function gpuKernels(): KernelSpec<GpuHandle>[] {
  return [
    batchMatMulGpu,
    conv2dGpu,
    fusedConv2dGpu,
    conv2dBackpropInputGpu,
    conv2dBackpropFilterGpu,
    maxPoolGpu,
    maxPoolGradGpu,
    avgPoolGpu,
    avgPoolGradGpu,
    ...BINARY_KERNELS.map(binaryGpu),
    ...UNARY_KERNELS.map(unaryGpu),
    reluGradGpu,
    logicalNotGpu,
    selectGpu,
    castGpu,
    isFiniteGpu('IsFinite'),
    isFiniteGpu('IsNan'),
    ...REDUCE_KERNELS.map(reduceGpu),
    argGpu('ArgMax'),
    argGpu('ArgMin'),
    ...shapeKernelsGpu,
    concatGpu,
    gatherGpu,
    oneHotGpu,
    unsortedSegmentSumGpu,
  ];
}
