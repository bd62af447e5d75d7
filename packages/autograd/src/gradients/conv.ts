import { type KernelAttrs, reluGrad, runKernel, sum, type Tensor } from '@horn/tensor';
import type { GradientSpec } from '../registry.js';

/** The window attributes shared by a convolution and its gradient kernels. */
function window(attrs: KernelAttrs): KernelAttrs {
  return { strides: attrs.strides, pad: attrs.pad, dilations: attrs.dilations };
}

function convFamily(forward: string, backInput: string, backFilter: string): GradientSpec[] {
  return [
    {
      name: forward,
      grad: (dy, { x, filter }, attrs) => ({
        x: () => runKernel(backInput, { dy, filter }, { ...window(attrs), inputShape: [...x.shape] }),
        filter: () => runKernel(backFilter, { x, dy }, { ...window(attrs), filterShape: [...filter.shape] }),
      }),
    },
    {
      // dx = backInput(dy, w) is linear in dy and in w.
      name: backInput,
      grad: (g, { dy, filter }, attrs) => ({
        dy: () => runKernel(forward, { x: g, filter }, window(attrs)),
        filter: () => runKernel(backFilter, { x: g, dy }, { ...window(attrs), filterShape: [...filter.shape] }),
      }),
    },
    {
      // dw = backFilter(x, dy) is linear in x and in dy.
      name: backFilter,
      grad: (g, { x, dy }, attrs) => ({
        x: () => runKernel(backInput, { dy, filter: g }, { ...window(attrs), inputShape: [...x.shape] }),
        dy: () => runKernel(forward, { x, filter: g }, window(attrs)),
      }),
    },
  ];
}

function poolWindow(attrs: KernelAttrs): KernelAttrs {
  return { poolSize: attrs.poolSize, strides: attrs.strides, pad: attrs.pad };
}

/**
 * FusedConv2D = activation(conv2d(x, filter) + bias): the gradient before the activation
 * (ReluGrad against the output, which is positive exactly where its input is), computed once and
 * shared by the three input gradients, then Conv2D's own gradients and a sum for the bias.
 */
const fusedConv2dGradient: GradientSpec = {
  name: 'FusedConv2D',
  grad: (dy, { x, filter, bias }, attrs, [y]) => {
    let dz: Tensor | undefined;
    const z = () => {
      dz ??= attrs.activation === 'relu' ? reluGrad(dy, y) : dy;
      return dz;
    };
    return {
      x: () => runKernel('Conv2DBackpropInput', { dy: z(), filter }, { ...window(attrs), inputShape: [...x.shape] }),
      filter: () =>
        runKernel('Conv2DBackpropFilter', { x, dy: z() }, { ...window(attrs), filterShape: [...filter.shape] }),
      ...(bias ? { bias: () => sum(z(), [0, 1, 2]) } : {}),
    };
  },
};

/** Gradients of convolution and pooling kernels (and of their gradients, for second order). */
export const convGradients: GradientSpec[] = [
  fusedConv2dGradient,
  ...convFamily('Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'),
  ...convFamily('DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter'),
  { name: 'MaxPool', grad: (dy, { x }, attrs) => ({ x: runKernel('MaxPoolGrad', { dy, x }, poolWindow(attrs)) }) },
  {
    name: 'AvgPool',
    grad: (dy, { x }, attrs) => ({
      x: () => runKernel('AvgPoolGrad', { dy }, { ...poolWindow(attrs), inputShape: [...x.shape] }),
    }),
  },
  { name: 'AvgPoolGrad', grad: (g, _inputs, attrs) => ({ dy: runKernel('AvgPool', { x: g }, poolWindow(attrs)) }) },
];
