import type { KernelSpec } from '@horn/tensor';
import type { WasmHandle } from '../backend.js';
import { conv2dBackpropInputWasm, conv2dWasm, fusedConv2dWasm } from './conv2d.js';
import { conv2dBackpropFilterWasm } from './conv2d-filter-grad.js';
import { concatWasm, gatherWasm, sliceWasm, unsortedSegmentSumWasm } from './copy.js';
import {
  depthwiseConv2dBackpropFilterWasm,
  depthwiseConv2dBackpropInputWasm,
  depthwiseConv2dWasm,
} from './depthwise-conv2d.js';
import { binaryWasm, castWasm, compareWasm, reluGradWasm, unaryWasm } from './elementwise.js';
import { lstmCellGradWasm, lstmCellWasm } from './lstm-cell.js';
import { batchMatMulWasm } from './matmul.js';
import { maxPoolGradWasm, maxPoolWasm } from './pool.js';
import { reduceKernelsWasm } from './reduce.js';
import { reshapeWasm } from './shape.js';
import { viaCpuKernel } from './via-cpu.js';

/**
 * Kernels whose cpu code runs on views of the wasm heap: light or rare ones where SIMD would
 * not pay, which would otherwise fall back through the engine with a copy of every input.
 * Kernels in neither list fall back to cpu through the engine.
 * @example VIA_CPU_KERNELS.includes('Transpose') // true
 */
export const VIA_CPU_KERNELS = [
  'Transpose',
  'BroadcastTo',
  'Select',
  'IsFinite',
  'IsNan',
  'LogicalAnd',
  'LogicalOr',
  'LogicalNot',
  'Pow',
  'ClipByValue',
  'LeakyRelu',
  'Elu',
  'Selu',
  'Softplus',
  'Softsign',
  'Gelu',
  'Log1p',
  'Sign',
  'Round',
  'Prod',
  'Min',
  'All',
  'Any',
  'ArgMax',
  'ArgMin',
  'Pad',
  'Tile',
  'Reverse',
  'OneHot',
  'AvgPool',
  'AvgPoolGrad',
] as const;

/**
 * Every kernel the wasm backend registers: SIMD ones first, then the cpu code on heap views.
 * @example wasmKernels().some((k) => k.name === 'BatchMatMul') // true
 */
export function wasmKernels(): KernelSpec<WasmHandle>[] {
  return [
    batchMatMulWasm,
    conv2dWasm,
    fusedConv2dWasm,
    conv2dBackpropInputWasm,
    conv2dBackpropFilterWasm,
    depthwiseConv2dWasm,
    depthwiseConv2dBackpropInputWasm,
    depthwiseConv2dBackpropFilterWasm,
    maxPoolWasm,
    maxPoolGradWasm,
    reshapeWasm,
    sliceWasm,
    concatWasm,
    gatherWasm,
    unsortedSegmentSumWasm,
    lstmCellWasm,
    lstmCellGradWasm,
    ...reduceKernelsWasm,
    binaryWasm('Add'),
    binaryWasm('Sub'),
    binaryWasm('Mul'),
    binaryWasm('Div'),
    binaryWasm('Maximum'),
    binaryWasm('Minimum'),
    compareWasm('Equal'),
    compareWasm('NotEqual'),
    compareWasm('Greater'),
    compareWasm('GreaterEqual'),
    compareWasm('Less'),
    compareWasm('LessEqual'),
    castWasm,
    unaryWasm('Neg'),
    unaryWasm('Abs'),
    unaryWasm('Sqrt'),
    unaryWasm('Square'),
    unaryWasm('Reciprocal'),
    unaryWasm('Relu'),
    reluGradWasm,
    unaryWasm('Relu6'),
    unaryWasm('Floor'),
    unaryWasm('Ceil'),
    unaryWasm('Exp'),
    unaryWasm('Log'),
    unaryWasm('Tanh'),
    unaryWasm('Sigmoid'),
    ...VIA_CPU_KERNELS.map(viaCpuKernel),
  ];
}
