import { type KernelAttrs, runKernel } from '@horn/tensor';
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

/** Gradients of convolution and pooling kernels (and of their gradients, for second order). */
export const convGradients: GradientSpec[] = [
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
