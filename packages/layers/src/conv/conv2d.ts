import { conv2d, type Tensor } from '@horn/tensor';
import { Conv, type ConvConfig } from './conv.js';
import type { ConvPadding } from './conv-geometry.js';

/** Options of {@link Conv2D}. */
export interface Conv2DConfig extends ConvConfig {
  padding?: ConvPadding;
}

/**
 * 2-D convolution over NHWC images `[batch, height, width, channels]` (Keras' Conv2D): a
 * `[kh, kw, in, filters]` kernel, a bias of `filters`, then the activation. Channels-last only.
 * @example
 * const conv = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' });
 * conv.apply(zeros([2, 28, 28, 1])).shape; // [2, 26, 26, 32]
 * conv.countParams(); // 320
 */
export class Conv2D extends Conv<Conv2DConfig> {
  static override readonly className = 'Conv2D';

  constructor(config: Conv2DConfig) {
    super(config, 2);
  }

  protected convolve(x: Tensor): Tensor {
    return conv2d(x, this.kernel as Tensor, {
      strides: [this.strides[0], this.strides[1]],
      padding: this.padding as ConvPadding,
      dilations: [this.dilationRate[0], this.dilationRate[1]],
    });
  }
}
