import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { conv2dCpu } from './conv2d-kernels.js';

/**
 * `FusedConv2D`: inputs `{ x, filter, bias? }`, attrs `{ strides, pad, dilations, activation }`
 * (`'linear'` or `'relu'`). Conv2D, then the bias and the activation in float32, as the separate
 * Add and Relu kernels would give.
 * @example runKernel('FusedConv2D', { x, filter, bias }, { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1], activation: 'relu' })
 */
export const fusedConv2dCpu: KernelSpec<TypedArray> = {
  name: 'FusedConv2D',
  backend: 'cpu',
  run: (inputs, attrs, backend) => {
    const y = conv2dCpu.run({ x: inputs.x, filter: inputs.filter }, attrs, backend);
    const out = (Array.isArray(y) ? y[0] : y).values as Float32Array;
    const o = inputs.filter.shape[3];
    const bias = inputs.bias?.values;
    const relu = attrs.activation === 'relu';
    for (let i = 0; i < out.length; i += o) {
      for (let j = 0; j < o; j++) {
        let v = bias ? Math.fround(out[i + j] + bias[j]) : out[i + j];
        if (relu && !(v > 0 || Number.isNaN(v))) v = 0;
        out[i + j] = v;
      }
    }
    return y;
  },
};
