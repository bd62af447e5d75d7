export { BaseConv, type BaseConvConfig } from './base-conv.js';
export { Conv, type ConvConfig } from './conv.js';
export type { ConvPadding } from './conv-geometry.js';
export { Conv1D, type Conv1DConfig } from './conv1d.js';
export { Conv2D, type Conv2DConfig } from './conv2d.js';
export { Conv2DTranspose, type Conv2DTransposeConfig } from './conv2d-transpose.js';
export { DepthwiseConv2D, type DepthwiseConv2DConfig } from './depthwise-conv2d.js';
export { SeparableConv2D, type SeparableConv2DConfig } from './separable-conv2d.js';
