import type { KerasOptions } from '@horn/tensor';
import { conv2d, fusedConv2d, type Tensor } from '@horn/tensor';
import { fusedActivationOf } from '../activations/activations.js';
import type { CallOptions } from '../engine/layer.js';
import { Conv, type ConvConfig } from './conv.js';
import type { ConvPadding } from './conv-geometry.js';
import { singleInput } from './single-input.js';

/**
 * Options of {@link Conv2D}.
 * @example
 * new Conv2D({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }).apply(ones([1, 28, 28, 1])).shape; // [1, 14, 14, 32]
 */
export interface Conv2DConfig extends ConvConfig {
  padding?: ConvPadding;
}

/**
 * 2-D convolution over NHWC images `[batch, height, width, channels]` (Keras' Conv2D): a
 * `[kh, kw, in, filters]` kernel, a bias of `filters`, then the activation. Channels-last only.
 * With a `'relu'` or linear activation the convolution, bias and activation run as one fused
 * kernel (`fusedConv2d`): the same numbers, one pass over the output.
 * @example
 * const conv = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' });
 * conv.apply(zeros([2, 28, 28, 1])).shape; // [2, 26, 26, 32]
 * conv.countParams(); // 320
 */
export class Conv2D extends Conv<Conv2DConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'Conv2D';

  constructor(config: KerasOptions<Conv2DConfig>) {
    super(config, 2);
  }

  override call(inputs: Tensor | Tensor[], options?: CallOptions): Tensor {
    const activation = fusedActivationOf(this.activation);
    if (activation === null) return super.call(inputs, options);
    const x = singleInput(this, inputs);
    this.checkInputFits(x.shape);
    return fusedConv2d(x, this.kernel as Tensor, { ...this.window(), bias: this.bias, activation });
  }

  protected convolve(x: Tensor): Tensor {
    return conv2d(x, this.kernel as Tensor, this.window());
  }

  private window() {
    return {
      strides: [this.strides[0], this.strides[1]] as [number, number],
      padding: this.padding as ConvPadding,
      dilations: [this.dilationRate[0], this.dilationRate[1]] as [number, number],
    };
  }
}
