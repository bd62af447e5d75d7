import type { KerasOptions } from '@horn/tensor';
import { conv1d, type Tensor } from '@horn/tensor';
import { Conv, type ConvConfig } from './conv.js';

/**
 * Options of {@link Conv1D}.
 * @example
 * new Conv1D({ filters: 2, kernelSize: 3, padding: 'causal' }).apply(ones([1, 10, 4])).shape; // [1, 10, 2]
 * new Conv1D({ filters: 2, kernelSize: 3, strides: 2 }).apply(ones([1, 10, 4])).shape; // [1, 4, 2]
 */
export interface Conv1DConfig extends ConvConfig {
  /** 'valid' (default), 'same', or 'causal' (zeros on the left only: output t sees inputs up to t). */
  padding?: 'valid' | 'same' | 'causal';
}

/**
 * 1-D convolution over sequences `[batch, steps, channels]` (Keras' Conv1D): a `[k, in, filters]`
 * kernel, a bias of `filters`, then the activation. 'causal' padding keeps the length and never
 * looks ahead (WaveNet).
 * @example
 * const conv = new Conv1D({ filters: 4, kernelSize: 3, padding: 'causal' });
 * conv.apply(zeros([2, 10, 8])).shape; // [2, 10, 4]
 */
export class Conv1D extends Conv<Conv1DConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'Conv1D';

  constructor(config: KerasOptions<Conv1DConfig>) {
    super(config, 1, true);
  }

  protected convolve(x: Tensor): Tensor {
    return conv1d(x, this.kernel as Tensor, {
      stride: this.strides[0],
      padding: this.padding,
      dilation: this.dilationRate[0],
    });
  }
}
