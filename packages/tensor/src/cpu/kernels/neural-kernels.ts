import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { conv2dBackpropFilterCpu, conv2dBackpropInputCpu, conv2dCpu } from './conv2d-kernels.js';
import {
  depthwiseConv2dBackpropFilterCpu,
  depthwiseConv2dBackpropInputCpu,
  depthwiseConv2dCpu,
} from './depthwise-conv2d-kernels.js';
import { fusedConv2dCpu } from './fused-conv2d-kernel.js';
import { lstmCellCpu, lstmCellGradCpu } from './lstm-cell-kernels.js';
import { avgPoolCpu, avgPoolGradCpu, maxPoolCpu, maxPoolGradCpu } from './pool-kernels.js';

/** The cpu kernels of the neural ops: convolutions (plain and fused with bias + activation), depthwise convolutions, pools and their gradients, the fused LSTM cell and its gradient. */
export const neuralKernels: KernelSpec<TypedArray>[] = [
  conv2dCpu,
  conv2dBackpropInputCpu,
  conv2dBackpropFilterCpu,
  fusedConv2dCpu,
  depthwiseConv2dCpu,
  depthwiseConv2dBackpropInputCpu,
  depthwiseConv2dBackpropFilterCpu,
  maxPoolCpu,
  avgPoolCpu,
  maxPoolGradCpu,
  avgPoolGradCpu,
  lstmCellCpu,
  lstmCellGradCpu,
];
