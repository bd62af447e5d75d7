import type { KernelSpec } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { convPlan, convSum } from './conv2d.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { kernelSource } from './source-code.js';

/**
 * `FusedConv2D` (inputs `x`, `filter`, optional `bias` `[o]`; attrs as Conv2D plus `activation`
 * `'linear'` or `'relu'`): the Conv2D program with the bias and the activation applied before
 * the value is written, so the pre-activation output never reaches a texture.
 * @example runKernel('FusedConv2D', { x, filter, bias }, { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1], activation: 'relu' })
 */
export const fusedConv2dGpu: KernelSpec<GpuHandle> = gpuKernel('FusedConv2D', ({ x, filter, bias }, attrs) => {
  const activation = attrs.activation as string;
  if (activation !== 'linear' && activation !== 'relu') return null;
  const plan = convPlan(x.shape, filter.shape, attrs);
  const args = bias ? ['x', 'filter', 'bias'] : ['x', 'filter'];
  const addBias = bias ? 'sum = sum + a2[c3];\n' : '';
  const relu = activation === 'relu' ? 'if (sum > 0) { return sum; }\nreturn 0;' : 'return sum;';
  return {
    args,
    shape: plan.y,
    dtype: 'float32',
    key: `${shapesKey(x.shape, filter.shape)}|${JSON.stringify(plan.g)}|${bias ? 'bias' : ''}|${activation}`,
    source: () => kernelSource(args.length, `${convSum(plan)}${addBias}${relu}`),
  };
});
